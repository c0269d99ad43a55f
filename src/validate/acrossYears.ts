/**
 * validate, across the years of one agency (docs/reports.md §4): this year's 上年结转 should equal
 * last year's 结转下年度, column by column. Findings go on the later report.
 */
import { REQUEST_COLUMNS } from '../model/labels.ts';
import { finding } from '../model/findings.ts';
import type { Finding, Report } from '../model/report.ts';

/** Findings keyed by report id; reports without a year or without table 3 are passed over. */
export function carryOverFindings(reports: readonly Report[]): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  const byAgency = new Map<string, Report[]>();
  for (const r of reports) {
    if (r.year === null || !r.tables.requests) continue;
    const list = byAgency.get(r.agency.slug) ?? [];
    list.push(r);
    byAgency.set(r.agency.slug, list);
  }
  for (const list of byAgency.values()) {
    const byYear = new Map(list.map((r) => [r.year!, r]));
    for (const r of list) {
      const prev = byYear.get(r.year! - 1);
      if (!prev) continue;
      for (const { key, label } of REQUEST_COLUMNS) {
        const now = r.tables.requests!.rows['carriedOver']?.[key] ?? null;
        const before = prev.tables.requests!.rows['carriedForward']?.[key] ?? null;
        if (now === null || before === null || now === before) continue;
        const findings = out.get(r.id) ?? [];
        findings.push(finding('carry-over-mismatch', 'warning', `「${label}」列：本年度报告的上年结转为 ${now}，而 ${prev.year} 年度报告的结转下年度继续办理为 ${before}，两者应相等。`, ['tables', 'requests', 'rows', 'carriedOver', key], r.tables.lines['requests.rows.carriedOver'] ?? null, null));
        out.set(r.id, findings);
      }
    }
  }
  return out;
}
