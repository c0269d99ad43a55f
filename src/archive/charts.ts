/**
 * archive: the numbers behind every chart. A chart is a small table (categories × series);
 * the page prints that table and chart.js draws it, so the picture and the numbers cannot disagree.
 * Sums over groups of rows and over reports are made here, never in templates.
 */
import { REQUEST_COLUMNS, REQUEST_ROWS, REVIEW_FIELDS, REVIEW_GROUPS } from '../model/labels.ts';
import type { Cell, Report } from '../model/report.ts';
import { indicatorOf } from '../indicators/compute.ts';
import { DEFINITION_BY_ID } from '../indicators/definitions.ts';

export interface ChartSeries {
  label: string;
  values: (number | null)[];
}

export interface ChartSpec {
  /** Unique within the page; also the figure's HTML id. */
  id: string;
  title: string;
  kind: 'bar' | 'line';
  /** Series are stacked (parts of one whole). */
  stacked: boolean;
  /** Bars lie horizontally (long category names). */
  horizontal: boolean;
  unit: string;
  /** Heading of the category column in the data table. */
  categoryLabel: string;
  categories: string[];
  series: ChartSeries[];
  /** On a report page: the section whose table the chart draws. */
  section?: 'requests' | 'reviewLitigation' | 'other';
  /** What a reader must know to read the numbers right (blank cells, mixed editions). */
  note: string | null;
}

const chart = (spec: Omit<ChartSpec, 'stacked' | 'horizontal' | 'note'> & Partial<Pick<ChartSpec, 'stacked' | 'horizontal' | 'note'>>): ChartSpec => ({
  stacked: false,
  horizontal: false,
  note: null,
  ...spec,
});

/** Sum of the known values; null when every value is unknown. */
export function sumKnown(values: readonly (number | null | undefined)[]): number | null {
  let sum: number | null = null;
  for (const v of values) if (typeof v === 'number') sum = (sum ?? 0) + v;
  return sum;
}

/** The outcome groups of table 3 (三、本年度办理结果), each the sum of its rows. */
export const OUTCOME_GROUPS: readonly { key: string; label: string; rows: readonly string[] }[] = (() => {
  const groups: { key: string; label: string; rows: string[] }[] = [];
  for (const row of REQUEST_ROWS.filter((r) => r.result)) {
    const label = row.group && !row.group.startsWith('三') ? row.group : row.label;
    const key = row.key.split('.')[0]!;
    const g = groups.find((x) => x.key === key);
    if (g) g.rows.push(row.key);
    else groups.push({ key, label: label.replace(/（区分处理的.*）$/, ''), rows: [row.key] });
  }
  return groups;
})();

const rowCell = (r: Report, row: string, col: string): Cell | undefined => r.tables.requests?.rows[row]?.[col as 'total'];

/** 总计 column of an outcome group: the sum of its rows that the report filled in. */
export function outcomeTotal(r: Report, groupKey: string): number | null {
  const g = OUTCOME_GROUPS.find((x) => x.key === groupKey)!;
  return sumKnown(g.rows.map((row) => rowCell(r, row, 'total')));
}

/** Legacy appendix rows, by what they count. */
const legacyRow = (r: Report, re: RegExp) => r.tables.legacyStats?.find((s) => re.test(s.label)) ?? null;

const RECEIVED = DEFINITION_BY_ID.get('received')!;

/**
 * Requests received in the year: the indicator 申请量 (src/indicators/definitions.ts), so that charts,
 * lists and embeds count it as the indicators do — table 3 「本年新收」总计 (the six applicant columns'
 * sum where 总计 is blank); for legacy reports the appendix's 「受理政府信息公开申请总数」 (本年度),
 * which counted the same thing under the old form.
 */
export function requestsReceived(r: Report): { value: number | null; legacy: boolean } {
  return { value: indicatorOf(RECEIVED, r).value, legacy: r.edition === 'legacy' && legacyRow(r, /申请总数|受理.*申请/) !== null };
}

const reviewTotal = (r: Report, group: string): number | null => {
  const t = r.tables.reviewLitigation?.[group as 'review'];
  if (t) return t.total;
  if (group === 'review') return legacyRow(r, /行政复议/)?.thisYear ?? null;
  return null;
};

/** Charts of one report page. Legacy reports chart their appendix instead of tables 3 and 4. */
export function reportCharts(r: Report): ChartSpec[] {
  const out: ChartSpec[] = [];
  const t = r.tables;
  if (t.requests) {
    const applicants = REQUEST_COLUMNS.filter((c) => c.key !== 'total');
    out.push(
      chart({
        id: 'chart-applicants',
        section: 'requests',
        title: '申请人类型（本年新收申请）',
        kind: 'bar',
        unit: '件',
        categoryLabel: '申请人',
        categories: applicants.map((c) => c.label),
        series: [{ label: '本年新收', values: applicants.map((c) => rowCell(r, 'newReceived', c.key) ?? null) }],
      }),
      chart({
        id: 'chart-outcomes',
        section: 'requests',
        title: '申请办理结果（总计列）',
        kind: 'bar',
        horizontal: true,
        unit: '件',
        categoryLabel: '办理结果',
        categories: OUTCOME_GROUPS.map((g) => g.label),
        series: [{ label: '件数', values: OUTCOME_GROUPS.map((g) => outcomeTotal(r, g.key)) }],
        note: '（三）至（六）项为各子项之和；报告留空的单元格不计入。',
      }),
    );
  }
  if (t.reviewLitigation) {
    const rl = t.reviewLitigation;
    out.push(
      chart({
        id: 'chart-review-litigation',
        section: 'reviewLitigation',
        title: '行政复议和行政诉讼结果',
        kind: 'bar',
        stacked: true,
        unit: '件',
        categoryLabel: '类别',
        categories: REVIEW_GROUPS.map((g) => g.label),
        series: REVIEW_FIELDS.filter((f) => f.key !== 'total').map((f) => ({
          label: f.label,
          values: REVIEW_GROUPS.map((g) => rl[g.key][f.key]),
        })),
      }),
    );
  }
  if (t.legacyStats && t.legacyStats.length) {
    const part = (id: string, title: string, re: RegExp) => {
      const rows = t.legacyStats!.filter((s) => re.test(s.label));
      if (!rows.length) return;
      out.push(
        chart({
          id,
          section: 'other',
          title,
          kind: 'bar',
          horizontal: true,
          unit: rows[0]!.unit ?? '',
          categoryLabel: '指标',
          categories: rows.map((s) => s.label),
          series: [
            { label: '本年度', values: rows.map((s) => s.thisYear) },
            { label: '历年累计', values: rows.map((s) => s.cumulative) },
          ],
        }),
      );
    };
    part('chart-legacy-proactive', '主动公开（附表）', /主动公开|网站|公报|公开数/);
    part('chart-legacy-requests', '依申请公开（附表）', /申请|答复/);
    part('chart-legacy-review', '申诉、行政复议和行政诉讼（附表）', /申诉|复议|诉讼/);
  }
  return out;
}

/** Charts of one agency across the years it reported (reports oldest first). */
export function agencyCharts(reports: readonly Report[]): ChartSpec[] {
  const rs = reports.filter((r) => r.year !== null);
  const years = rs.map((r) => `${r.year}`);
  const hasLegacy = rs.some((r) => r.edition === 'legacy');
  const out: ChartSpec[] = [
    chart({
      id: 'chart-received',
      title: '每年收到的政府信息公开申请',
      kind: 'bar',
      unit: '件',
      categoryLabel: '年度',
      categories: years,
      series: [
        { label: '本年新收', values: rs.map((r) => requestsReceived(r).value) },
        { label: '上年结转', values: rs.map((r) => rowCell(r, 'carriedOver', 'total') ?? null) },
      ],
      note: hasLegacy ? '2019 年以前的报告按旧版附表「受理政府信息公开申请总数」计；旧版没有上年结转。' : null,
    }),
    chart({
      id: 'chart-outcomes',
      title: '申请办理结果',
      kind: 'bar',
      stacked: true,
      unit: '件',
      categoryLabel: '年度',
      categories: years,
      series: OUTCOME_GROUPS.map((g) => ({ label: g.label, values: rs.map((r) => (r.tables.requests ? outcomeTotal(r, g.key) : null)) })),
      note: hasLegacy ? '旧版报告没有按新表口径的办理结果，对应年度为空。' : null,
    }),
    chart({
      id: 'chart-review-litigation',
      title: '行政复议和行政诉讼',
      kind: 'bar',
      unit: '件',
      categoryLabel: '年度',
      categories: years,
      series: REVIEW_GROUPS.map((g) => ({ label: g.label, values: rs.map((r) => reviewTotal(r, g.key)) })),
    }),
    chart({
      id: 'chart-proactive',
      title: '主动公开：规范性文件和行政决定',
      kind: 'bar',
      unit: '件',
      categoryLabel: '年度',
      categories: years,
      series: [
        {
          label: '规范性文件（本年制发／新公开）',
          values: rs.map((r) => {
            const p = r.tables.proactive;
            return p?.edition === '2021' ? p.normativeDocuments.issued : p?.edition === '2019' ? p.normativeDocuments.newlyPublished : null;
          }),
        },
        { label: '行政许可决定', values: rs.map((r) => r.tables.proactive?.licensing.decisions ?? null) },
        { label: '行政处罚决定', values: rs.map((r) => r.tables.proactive?.penalties.decisions ?? null) },
        { label: '行政强制决定', values: rs.map((r) => r.tables.proactive?.enforcement.decisions ?? null) },
      ],
      note: '2019 版表格的规范性文件取「本年新公开数量」，2021 版取「本年制发件数」。',
    }),
  ];
  return out;
}

/** Requests received and reports per year over a set of reports (home and region pages). */
export function perYearCharts(reports: readonly Report[], prefix = 'chart'): ChartSpec[] {
  const years = [...new Set(reports.map((r) => r.year).filter((y): y is number => y !== null))].sort((a, b) => a - b);
  const of = (y: number) => reports.filter((r) => r.year === y);
  return [
    chart({
      id: `${prefix}-received-per-year`,
      title: '每年收到的政府信息公开申请（合计）',
      kind: 'bar',
      unit: '件',
      categoryLabel: '年度',
      categories: years.map(String),
      series: [{ label: '本年新收', values: years.map((y) => sumKnown(of(y).map((r) => requestsReceived(r).value))) }],
      note: '各报告「本年新收」总计之和；旧版报告按「受理政府信息公开申请总数」计；留空的报告不计入。',
    }),
    chart({
      id: `${prefix}-reports-per-year`,
      title: '每年收录的报告数',
      kind: 'bar',
      unit: '份',
      categoryLabel: '年度',
      categories: years.map(String),
      series: [{ label: '报告', values: years.map((y) => of(y).length) }],
    }),
  ];
}

/** Aggregate charts of one year: requests by agency, outcomes summed over the year's reports. */
export function yearCharts(reports: readonly Report[]): ChartSpec[] {
  const withReceived = reports
    .map((r) => ({ r, v: requestsReceived(r).value }))
    .filter((x): x is { r: Report; v: number } => x.v !== null)
    .sort((a, b) => b.v - a.v || (a.r.agency.name < b.r.agency.name ? -1 : a.r.agency.name > b.r.agency.name ? 1 : 0))
    .slice(0, 20);
  const modern = reports.filter((r) => r.tables.requests);
  return [
    chart({
      id: 'chart-received-by-agency',
      title: '各机关收到的申请（前 20）',
      kind: 'bar',
      horizontal: true,
      unit: '件',
      categoryLabel: '机关',
      categories: withReceived.map((x) => x.r.agency.name),
      series: [{ label: '本年新收', values: withReceived.map((x) => x.v) }],
    }),
    chart({
      id: 'chart-outcomes',
      title: '申请办理结果（合计）',
      kind: 'bar',
      horizontal: true,
      unit: '件',
      categoryLabel: '办理结果',
      categories: OUTCOME_GROUPS.map((g) => g.label),
      series: [{ label: '件数', values: OUTCOME_GROUPS.map((g) => sumKnown(modern.map((r) => outcomeTotal(r, g.key)))) }],
      note: `${modern.length} 份有统计表三的报告之和。`,
    }),
  ];
}
