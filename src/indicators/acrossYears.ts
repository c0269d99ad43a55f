/**
 * indicators, across the years of one agency: each indicator's value the year before, the change
 * (value ÷ previous), and a jump flag — a change above 5 or below 0.2 — that becomes a finding on the
 * later report. Small numbers jump by chance (2 requests, then 12), so a jump is flagged only where
 * both years have at least `minimum` cases: the denominator for a share or ratio, the larger of the
 * two values for a count. Differences (issued − repealed) have no ratio.
 */
import { finding } from '../model/findings.ts';
import type { Finding, Report } from '../model/report.ts';
import type { IndicatorId, IndicatorValue, Indicators } from '../model/indicators.ts';
import { DEFINITIONS, type Definition } from './definitions.ts';
import { tidy } from './compute.ts';
import { formatValue } from './format.ts';

export const JUMP_ABOVE = 5;
export const JUMP_BELOW = 0.2;

/** Whether both years have enough cases for a change to mean something. */
function enough(d: Definition, now: IndicatorValue, before: IndicatorValue, minimum: number): boolean {
  if (d.kind === 'count') return Math.max(now.value ?? 0, before.value ?? 0) >= minimum;
  return (now.denominator ?? 0) >= minimum && (before.denominator ?? 0) >= minimum;
}

/** `now` with the year before filled in. */
export function compare(d: Definition, now: IndicatorValue, before: IndicatorValue | null, minimum: number): IndicatorValue {
  if (!before || before.value === null) return now;
  const previous = before.value;
  if (d.kind === 'difference' || now.value === null || previous === 0) return { ...now, previous };
  const change = tidy(now.value / previous);
  const jump = (change > JUMP_ABOVE || change < JUMP_BELOW) && enough(d, now, before, minimum);
  return { ...now, previous, change, jump };
}

/**
 * Each report's indicators with the year before filled in, and the jump findings, by report id.
 * `indicators`: each report's own (computeIndicators), by report id.
 */
export function acrossYears(reports: readonly Report[], indicators: ReadonlyMap<string, Indicators>, minimum: number): { indicators: Map<string, Indicators>; findings: Map<string, Finding[]> } {
  const out = new Map<string, Indicators>();
  const findings = new Map<string, Finding[]>();
  const byAgencyYear = new Map<string, Report>();
  for (const r of reports) if (r.year !== null) byAgencyYear.set(`${r.agency.slug}\u0000${r.year}`, r);
  for (const r of reports) {
    const own = indicators.get(r.id)!;
    const prev = r.year === null ? undefined : byAgencyYear.get(`${r.agency.slug}\u0000${r.year - 1}`);
    const before = prev ? indicators.get(prev.id) : undefined;
    const filled = Object.fromEntries(DEFINITIONS.map((d) => [d.id, compare(d, own[d.id], before?.[d.id] ?? null, minimum)])) as Indicators;
    out.set(r.id, filled);
    for (const d of DEFINITIONS) {
      const v = filled[d.id as IndicatorId];
      if (!v.jump) continue;
      const list = findings.get(r.id) ?? [];
      list.push(
        finding(
          'indicator-jump',
          'info',
          `「${d.name}」从 ${prev!.year} 年度的 ${formatValue(d, v.previous)} 变为 ${formatValue(d, v.value)}（${v.change! > 1 ? `增至 ${times(v.change!)} 倍` : `降至 ${times(v.change!)} 倍`}），变化超过 5 倍，请核对两年的报告。`,
          ['indicators', d.id],
        ),
      );
      findings.set(r.id, list);
    }
  }
  return { indicators: out, findings };
}

/** 7.5 → 「7.5」, 0.111… → 「0.11」, 13.2 → 「13」: how many times, for a sentence. */
const times = (x: number) => (x >= 10 ? x.toFixed(0) : x.toFixed(2).replace(/0+$/, '').replace(/\.$/, ''));
