/**
 * validate, across the years of one agency (docs/reports.md §4): this year's 上年结转 should equal
 * last year's 结转下年度, column by column; and on the 2021 form, a 规章 or 规范性文件 row's 现行有效
 * should equal last year's 现行有效 + this year's 本年制发 − 本年废止. Findings go on the later report.
 */
import { PROACTIVE_ROWS, REQUEST_COLUMNS } from '../model/labels.ts';
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

/** The stock–flow rule of table 2 (2021 form, both years): 现行有效 = 上年现行有效 + 本年制发 − 本年废止. Findings keyed by report id. */
export function stockFlowFindings(reports: readonly Report[]): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  const byAgencyYear = new Map<string, Report>();
  for (const r of reports) if (r.year !== null && r.tables.proactive?.edition === '2021') byAgencyYear.set(`${r.agency.slug}\u0000${r.year}`, r);
  for (const r of byAgencyYear.values()) {
    const prev = byAgencyYear.get(`${r.agency.slug}\u0000${r.year! - 1}`);
    if (!prev) continue;
    for (const row of ['regulations', 'normativeDocuments'] as const) {
      const now = r.tables.proactive!.edition === '2021' ? r.tables.proactive![row] : null;
      const before = prev.tables.proactive!.edition === '2021' ? prev.tables.proactive![row].inForce : null;
      if (!now || now.inForce === null || now.issued === null || now.repealed === null || before === null) continue;
      const expected = before + now.issued - now.repealed;
      if (expected === now.inForce) continue;
      const label = PROACTIVE_ROWS['2021'].find((x) => x.key === row)!.label;
      const list = out.get(r.id) ?? [];
      list.push(finding('stock-flow-mismatch', 'warning', `「${label}」：${prev.year} 年度现行有效 ${before} 件，加本年制发 ${now.issued} 件、减本年废止 ${now.repealed} 件，应为 ${expected} 件，本年度报告的现行有效件数为 ${now.inForce} 件。`, ['tables', 'proactive', row, 'inForce'], r.tables.lines[`proactive.${row}`] ?? null, null));
      out.set(r.id, list);
    }
  }
  return out;
}
