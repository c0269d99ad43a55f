/**
 * indicators, the stage: after the archive has placed the reports (names, slugs, duplicates), before
 * anything is rendered. Each report gets its indicators (`report.indicators`), the year before filled
 * in, and the findings across its agency's years: jumps and the stock–flow rule of table 2.
 */
import type { Report } from '../model/report.ts';
import type { Indicators } from '../model/indicators.ts';
import { stockFlowFindings } from '../validate/acrossYears.ts';
import { computeIndicators } from './compute.ts';
import { acrossYears } from './acrossYears.ts';

/** The smallest number of cases for a ranking or a jump, unless reports/site.yaml sets `minimumCases`. */
export const DEFAULT_MINIMUM = 30;

/** Sets `indicators` on each report and adds the findings across years (reports are the archive's own objects). */
export function indicatorStage(reports: readonly Report[], minimum = DEFAULT_MINIMUM): void {
  const own = new Map<string, Indicators>(reports.map((r) => [r.id, computeIndicators(r)]));
  const { indicators, findings } = acrossYears(reports, own, minimum);
  const stockFlow = stockFlowFindings(reports);
  for (const r of reports) {
    r.indicators = indicators.get(r.id)!;
    r.findings.push(...(stockFlow.get(r.id) ?? []), ...(findings.get(r.id) ?? []));
  }
}
