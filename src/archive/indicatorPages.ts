/**
 * archive: the indicators as the report and agency pages show them — every value, fraction,
 * formula, blank reason and change already written out (src/indicators/view.ts), the links to the
 * methodology page, the finding numbers of the rows that jumped, the table by year with its
 * footnotes, and the trend charts. Templates only lay this out.
 */
import type { Report, Severity } from '../model/report.ts';
import type { IndicatorId, IndicatorKind } from '../model/indicators.ts';
import { DEFINITION_BY_ID, type Definition } from '../indicators/definitions.ts';
import { indicatorGroups, indicatorView, type IndicatorView } from '../indicators/view.ts';
import { reportUrl } from './archive.ts';
import type { ChartSpec } from './charts.ts';

/** The methodology page (every definition, anchored by its id). */
import { METHODOLOGY_URL, definitionUrl as methodologyUrl } from './compare.ts';

export { METHODOLOGY_URL, methodologyUrl };

/** One indicator on a report page: its view, its definition's anchor, the findings about it. */
export interface IndicatorRow extends IndicatorView {
  /** /methodology/#<id> */
  href: string;
  /** Numbers of the findings about this indicator (a jump), as on the page (#finding-<n>). */
  findings: number[];
  /** The worst severity of those findings (the flag's colour); null when there is none. */
  severity: Severity | null;
}

export interface ReportIndicators {
  /** The headline indicators, read first: one per group that has one. */
  headlines: IndicatorRow[];
  groups: { key: Definition['group']; label: string; rows: IndicatorRow[] }[];
  /** Heading of the column of last year's values: 「2020 年度」, or 「上年度」 without a year. */
  previousLabel: string;
  /** Whether any row has last year's value (else the columns are left out). */
  hasPrevious: boolean;
  /** What a reader of a legacy report must know (its formulas are the appendix's). */
  note: string | null;
  methodologyUrl: string;
}

/**
 * A report's indicators for its page. `findings`: the page's numbered findings; those whose path is
 * ['indicators', id] mark their row.
 */
export function reportIndicators(r: Report, findings: readonly { n: number; path: readonly (string | number)[]; severity: Severity }[]): ReportIndicators | null {
  if (!r.indicators) return null;
  const marks = new Map<string, number[]>();
  const worst = new Map<string, Severity>();
  for (const f of findings) {
    if (f.path[0] !== 'indicators' || typeof f.path[1] !== 'string') continue;
    (marks.get(f.path[1]) ?? marks.set(f.path[1], []).get(f.path[1])!).push(f.n);
    // Findings are numbered worst first: an indicator's first is its worst.
    if (!worst.has(f.path[1])) worst.set(f.path[1], f.severity);
  }
  const groups = indicatorGroups(r.indicators, r.edition).map((g) => ({
    key: g.key,
    label: g.label,
    rows: g.items.map((v) => ({ ...v, href: methodologyUrl(v.id), findings: marks.get(v.id) ?? [], severity: worst.get(v.id) ?? null })),
  }));
  const rows = groups.flatMap((g) => g.rows);
  return {
    headlines: rows.filter((x) => x.headline),
    groups,
    previousLabel: r.year !== null ? `${r.year - 1} 年度` : '上年度',
    hasPrevious: rows.some((x) => x.previous !== ''),
    note: r.edition === 'legacy' ? '2019 年以前的报告按旧版附表（政府信息公开情况统计表）计算：办理量为「对申请的答复总数」，与新表的口径不完全相同；旧版没有的项目留空。' : null,
    methodologyUrl: METHODOLOGY_URL,
  };
}

/** The rows of the agency page's table by year: the headline and main indicators, in this order. */
export const AGENCY_INDICATORS: readonly IndicatorId[] = [
  'received',
  'handled',
  'disclosureRate',
  'fullDisclosureRate',
  'denialRate',
  'unavailableRate',
  'notProcessedRate',
  'carryForwardRate',
  'reviewCorrectionRate',
  'litigationCorrectionRate',
  'disputeRate',
  'licensingPenaltyRatio',
];

/** One year's value of one indicator in the agency's table. */
export interface YearCell {
  /** 「83.3%」, 「12」, 「—」 when blank. */
  text: string;
  /** 「10/12」 for shares and ratios; empty for counts and blanks. */
  fraction: string;
  /** Why it is blank (also the cell's title); null when there is a value. */
  reason: string | null;
  /** The footnote that gives the reason (its number, anchor ind-note-<n>); null when there is a value. */
  note: number | null;
  /** The value jumped from the year before: a link to the indicators of that year's report page; else null. */
  jump: string | null;
}

export interface AgencyIndicators {
  /** The columns: each year the agency reported, with its report page. */
  years: { year: number; href: string }[];
  rows: { id: IndicatorId; name: string; headline: boolean; formula: string; href: string; cells: YearCell[] }[];
  /** Blank reasons, each once, numbered in the order the table meets them. */
  notes: { n: number; text: string }[];
  /** What a reader must know to read the columns together (legacy years). */
  note: string | null;
  /** Trend lines in percent: 公开率, 不予公开率, 无法提供率; 复议纠错率 and 复议诉讼率. */
  charts: ChartSpec[];
  methodologyUrl: string;
}

/** A share as a percentage with one decimal, as the table prints it (0.8333… → 83.3); null stays null. */
const percent = (v: number | null | undefined) => (v === null || v === undefined ? null : Number((v * 100).toFixed(1)));

/** Trend lines of some shares over an agency's years, in percent; null when none of them has a value in any year. */
function trend(id: string, title: string, ids: readonly IndicatorId[], reports: readonly Report[], note: string | null): ChartSpec | null {
  const series = ids.map((i) => ({ label: DEFINITION_BY_ID.get(i)!.name, values: reports.map((r) => percent(r.indicators?.[i]?.value)) }));
  if (series.every((s) => s.values.every((v) => v === null))) return null;
  return { id, title, kind: 'line', stacked: false, horizontal: false, unit: '%', categoryLabel: '年度', categories: reports.map((r) => `${r.year}`), series, note };
}

/** The agency page's indicators: its reports (oldest first) as columns, the main indicators as rows. */
export function agencyIndicators(reports: readonly Report[]): AgencyIndicators | null {
  const rs = reports.filter((r) => r.year !== null && r.indicators);
  if (!rs.length) return null;
  const legacy = rs.some((r) => r.edition === 'legacy');
  const notes: { n: number; text: string }[] = [];
  const noteOf = (text: string) => (notes.find((x) => x.text === text) ?? notes[notes.push({ n: notes.length + 1, text }) - 1]!).n;
  const rows = AGENCY_INDICATORS.map((id) => {
    const d = DEFINITION_BY_ID.get(id)!;
    return {
      id,
      name: d.name,
      headline: d.headline,
      formula: d.formula.symbols,
      href: methodologyUrl(id),
      cells: rs.map((r): YearCell => {
        const v = indicatorView(d, r.indicators![id], r.edition);
        return { text: v.text, fraction: v.fraction, reason: v.blank, note: v.blank === null ? null : noteOf(v.blank), jump: v.jump ? `${reportUrl(r)}#indicators` : null };
      }),
    };
  });
  const charts = [
    trend('chart-indicator-outcomes', '公开率、不予公开率和无法提供率', ['disclosureRate', 'denialRate', 'unavailableRate'], rs, legacy ? '2019 年以前的年度按旧版附表计：分母为「对申请的答复总数」；旧版附表没有无法提供一项。' : '分母为本年办结的申请（办理结果总计）。'),
    trend('chart-indicator-review', '复议纠错率和复议诉讼率', ['reviewCorrectionRate', 'disputeRate'], rs, '复议纠错率：结果纠正占已审结复议案件的比例。复议诉讼率：复议和诉讼案件与本年新收申请之比，可能超过 100%。'),
  ].filter((c): c is ChartSpec => c !== null);
  return {
    years: rs.map((r) => ({ year: r.year!, href: reportUrl(r) })),
    rows,
    notes,
    note: legacy ? '2019 年以前的年度按旧版附表（政府信息公开情况统计表）计算，公式见方法说明；旧版没有的项目留空。' : null,
    charts,
    methodologyUrl: METHODOLOGY_URL,
  };
}

/** What the compare script needs of each indicator it shows: the name, and the kind (how a value is written). */
export interface CompareIndicator {
  id: IndicatorId;
  name: string;
  kind: IndicatorKind;
}

export const compareIndicators = (): CompareIndicator[] =>
  AGENCY_INDICATORS.map((id) => {
    const d = DEFINITION_BY_ID.get(id)!;
    return { id, name: d.name, kind: d.kind };
  });
