/**
 * archive: the indicators compared — a region's agencies in one year (/regions/<code>/<year>/), the
 * provinces of a year (the year page), a region across its years (the region page). Everything a
 * page prints is made here: the sums (numerators and denominators summed, never rates averaged —
 * src/indicators/aggregate.ts), the ranks with the site's minimum, the text of every cell, the
 * charts. Templates only lay it out.
 */
import type { Report } from '../model/report.ts';
import type { IndicatorId } from '../model/indicators.ts';
import { DEFINITION_BY_ID, DEFINITIONS, type Definition } from '../indicators/definitions.ts';
import { aggregate, rank, type Aggregate, type Rank } from '../indicators/aggregate.ts';
import { formatFraction, formatValue } from '../indicators/format.ts';
import { GROUP_LABEL } from '../indicators/view.ts';
import { tidy } from '../indicators/compute.ts';
import { AGENCY_KINDS, agencyKind } from '../search/kinds.ts';
import { reportUrl } from './archive.ts';
import { byCodePoint } from './order.ts';
import type { ChartSpec } from './charts.ts';
import type { Link } from './site.ts';

/** The methodology page, and each definition's anchor on it. */
export const METHODOLOGY_URL = '/methodology/';
export const definitionUrl = (id: IndicatorId) => `${METHODOLOGY_URL}#${id}`;

/** One region's comparison page for one year: /regions/<code>/<year>/. */
export const compareUrl = (code: string, year: number) => `/regions/${code}/${year}/`;

/** The indicator every ranking and distribution is made on: the headline of the outcomes (公开率, (G+P)/T). */
export const RANKED: IndicatorId = 'disclosureRate';

/** The indicators read first (a definition's `headline`): the year's provinces, the region's years, the kinds of agency. */
export const HEADLINE: readonly IndicatorId[] = DEFINITIONS.filter((d) => d.headline).map((d) => d.id);

/** The columns of a comparison page's table of agencies. */
export const TABLE_COLUMNS: readonly IndicatorId[] = ['received', 'handled', 'disclosureRate', 'fullDisclosureRate', 'denialRate', 'unavailableRate', 'notProcessedRate', 'carryForwardRate', 'reviewCorrectionRate', 'disputeRate'];

const def = (id: IndicatorId): Definition => DEFINITION_BY_ID.get(id)!;

/** A column heading: the indicator's name, its formula, and where the methodology page defines it. */
export interface IndicatorColumn {
  id: IndicatorId;
  name: string;
  /** The formula in symbols (2019 and 2021 forms). */
  formula: string;
  href: string;
}

const column = (id: IndicatorId): IndicatorColumn => {
  const d = def(id);
  return { id, name: d.name, formula: d.formula.symbols, href: definitionUrl(id) };
};

/** An indicator summed over some reports, as a page prints it. */
export interface AggregateText {
  id: IndicatorId;
  name: string;
  /** 「83.3%」, 「12」; 「—」 when blank. */
  text: string;
  value: number | null;
  /** 「10/12」 for shares and ratios; empty for counts and when blank. */
  fraction: string;
  /** Reports the sum rests on, of `of`. */
  n: number;
  of: number;
  /** 「n = 3 份报告」 (「n = 2 份报告，共 3 份」 when some could not be computed). */
  basis: string;
  /** The value with what it rests on: 「83.3%（10/12，n = 3 份报告）」. */
  full: string;
  /** Why it is blank; null when there is a value. */
  blank: string | null;
  href: string;
}

export function aggregateText(d: Definition, a: Aggregate): AggregateText {
  const fraction = (d.kind === 'share' || d.kind === 'ratio') && a.value !== null ? formatFraction(a.numerator, a.denominator) : '';
  const basis = `n = ${a.n} 份报告${a.n !== a.of ? `，共 ${a.of} 份` : ''}`;
  // A sum rests only on reports whose own value is computed (aggregate.ts): blank only when there is none.
  const blank = a.value !== null ? null : a.of === 0 ? '没有报告' : '没有一份报告能算出这一项';
  const text = formatValue(d, a.value);
  return { id: d.id, name: d.name, text, value: a.value, fraction, n: a.n, of: a.of, basis, full: `${text}（${fraction ? `${fraction}，` : ''}${blank ? `${blank}，` : ''}${basis}）`, blank, href: definitionUrl(d.id) };
}

const aggregates = (ids: readonly IndicatorId[], reports: readonly Report[]) => ids.map((id) => aggregateText(def(id), aggregate(def(id), reports)));

/** 「第 2 / 17」, 「样本不足」 or 「—」, and the number to sort by (empty when not ranked). */
export function placeText(r: Rank | undefined): { text: string; value: string } {
  if (!r || r === 'blank') return { text: '—', value: '' };
  if (r === 'too-few') return { text: '样本不足', value: '' };
  return { text: `第 ${r.rank} / ${r.of}`, value: String(r.rank) };
}

/** One report's indicator in a table cell. */
export interface IndicatorCell {
  text: string;
  /** data-value for sorting: the raw value, empty when blank. */
  value: string;
  /** 「10/12」 for shares and ratios; empty for counts and blanks. */
  fraction: string;
  /** Why it is blank (null when there is a value), and its footnote's number below the table. */
  blank: string | null;
  note: number | null;
}

/** One agency's row of a comparison page (one report of that year). */
export interface CompareRow {
  agency: string;
  /** The report page. */
  url: string;
  kind: string;
  /** The agency's division, as far as it lies below the page's region. */
  region: string;
  /** 2019 年以前的报告 (legacy appendix): its figures follow the appendix's formulas. */
  legacy: boolean;
  cells: IndicatorCell[];
  /** Its place in the ranking by 公开率. */
  place: { text: string; value: string };
}

export interface RankRow {
  place: string;
  agency: string;
  url: string;
  text: string;
  fraction: string;
  /** Why it is not ranked: 样本不足 with its cases, or the blank's reason; null when ranked. */
  why: string | null;
}

export interface ComparePage {
  url: string;
  /** <link rel="canonical">: absolute with --site-url, else the path. */
  canonical: string;
  code: string;
  name: string;
  year: number;
  /** The region's page and those above it (breadcrumbs). */
  trail: Link[];
  regionUrl: string;
  yearUrl: string;
  /** The same region's other years. */
  prev: Link | null;
  next: Link | null;
  reportCount: number;
  minimum: number;
  methodologyUrl: string;
  /** The headline indicators over the region's reports of the year, for the page's opening lines. */
  headline: AggregateText[];
  /** Every indicator over them, grouped as the methodology page groups them. */
  groups: { key: Definition['group']; label: string; items: AggregateText[] }[];
  /** The table of agencies. */
  columns: IndicatorColumn[];
  rows: CompareRow[];
  /** Footnotes of the table's blank cells: each reason once. */
  blanks: { n: number; text: string }[];
  ranking: { indicator: IndicatorColumn; rows: RankRow[]; note: string };
  distribution: ChartSpec;
  /** The same sums by kind of agency (src/search/kinds.ts). */
  kinds: { columns: IndicatorColumn[]; rows: { kind: string; reportCount: number; cells: AggregateText[] }[]; note: string };
}

/** The reason for a blank, numbered once per page. */
function footnotes() {
  const notes: { n: number; text: string }[] = [];
  const number = (text: string) => (notes.find((x) => x.text === text) ?? notes[notes.push({ n: notes.length + 1, text }) - 1]!).n;
  return { notes, number };
}

const BINS = 10;
const binLabel = (k: number) => `${k * 10}–${(k + 1) * 10}%`;

/**
 * How many agencies have 公开率 in 0–10 %, 10–20 % … 90–100 %: only those with at least `minimum`
 * cases (T); a bin holds its lower bound, not its upper, and 100 % goes in 90–100 %.
 */
export function distributionChart(reports: readonly Report[], minimum: number, id = 'chart-disclosure-distribution'): ChartSpec {
  const d = def(RANKED);
  const counts = Array.from({ length: BINS }, () => 0);
  let tooFew = 0;
  let blank = 0;
  for (const r of reports) {
    const v = r.indicators?.[d.id];
    if (!v || v.value === null) blank++;
    else if ((v.denominator ?? 0) < minimum) tooFew++;
    else counts[Math.max(0, Math.min(BINS - 1, Math.floor(tidy(v.value * BINS))))]!++;
  }
  const counted = counts.reduce((a, b) => a + b, 0);
  return {
    id,
    title: `${d.name}分布（机关数）`,
    kind: 'bar',
    stacked: false,
    horizontal: false,
    unit: '个',
    categoryLabel: d.name,
    categories: counts.map((_, k) => binLabel(k)),
    series: [{ label: '机关', values: counts }],
    note: `只计本年办结申请（${d.formula.symbols.split('/')[1]}）不少于 ${minimum} 件的 ${counted} 个机关；${tooFew} 个样本不足、${blank} 个无法计算的未计入。每一档含下限、不含上限，100% 计入 90–100%。`,
  };
}

/** A rank per report by 公开率, with the minimum. */
const ranksOf = (reports: readonly Report[], minimum: number) => {
  const d = def(RANKED);
  return rank(
    d,
    reports.map((r) => ({ key: r.id, value: r.indicators?.[d.id] ?? { value: null, denominator: null } })),
    minimum,
  );
};

export interface CompareInput {
  code: string;
  name: string;
  /** The division's path, province first (its own name last). */
  path: readonly string[];
  trail: Link[];
  regionUrl: string;
  yearUrl: string;
  canonical: string;
  year: number;
  years: readonly number[];
  /** Its reports of the year, and of the divisions below it. */
  reports: readonly Report[];
  minimum: number;
}

/** One comparison page: a region's agencies in one year. */
export function comparePage(c: CompareInput): ComparePage {
  const reports = [...c.reports].sort((a, b) => byCodePoint(a.agency.name, b.agency.name) || byCodePoint(a.id, b.id));
  const { notes, number } = footnotes();
  const ranks = ranksOf(reports, c.minimum);
  const ranked = def(RANKED);
  const rows: CompareRow[] = reports.map((r) => ({
    agency: r.agency.name,
    url: reportUrl(r),
    kind: agencyKind(r.agency.name),
    region: r.agency.region ? r.agency.region.path.slice(c.path.length).join(' ') : '',
    legacy: r.edition === 'legacy',
    cells: TABLE_COLUMNS.map((id) => {
      const d = def(id);
      const v = r.indicators?.[id];
      if (!v || v.value === null) {
        const why = v?.blank ?? '没有计算';
        return { text: '—', value: '', fraction: '', blank: why, note: number(why) };
      }
      return { text: formatValue(d, v.value), value: String(v.value), fraction: d.kind === 'share' || d.kind === 'ratio' ? formatFraction(v.numerator, v.denominator) : '', blank: null, note: null };
    }),
    place: placeText(ranks.get(r.id)),
  }));

  const order = (x: Rank | undefined) => (x && typeof x === 'object' ? x.rank : x === 'too-few' ? Number.MAX_SAFE_INTEGER - 1 : Number.MAX_SAFE_INTEGER);
  const rankRows: RankRow[] = [...reports]
    .sort((a, b) => order(ranks.get(a.id)) - order(ranks.get(b.id)) || byCodePoint(a.agency.name, b.agency.name))
    .map((r) => {
      const v = r.indicators?.[ranked.id];
      const place = ranks.get(r.id);
      const why = place === 'too-few' ? `办结申请 ${v?.denominator ?? 0} 件，不足 ${c.minimum} 件` : place === 'blank' || !place ? (v?.blank ?? '没有计算') : null;
      return { place: placeText(place).text, agency: r.agency.name, url: reportUrl(r), text: formatValue(ranked, v?.value ?? null), fraction: v && v.value !== null ? formatFraction(v.numerator, v.denominator) : '', why };
    });
  const rankedCount = [...ranks.values()].filter((x) => typeof x === 'object').length;

  const i = c.years.indexOf(c.year);
  const prev = c.years[i - 1];
  const next = c.years[i + 1];
  const kinds = AGENCY_KINDS.map((kind) => ({ kind, reports: reports.filter((r) => agencyKind(r.agency.name) === kind) })).filter((k) => k.reports.length);
  return {
    url: compareUrl(c.code, c.year),
    canonical: c.canonical,
    code: c.code,
    name: c.name,
    year: c.year,
    trail: c.trail,
    regionUrl: c.regionUrl,
    yearUrl: c.yearUrl,
    prev: prev !== undefined ? { href: compareUrl(c.code, prev), text: `${prev} 年度` } : null,
    next: next !== undefined ? { href: compareUrl(c.code, next), text: `${next} 年度` } : null,
    reportCount: reports.length,
    minimum: c.minimum,
    methodologyUrl: METHODOLOGY_URL,
    headline: aggregates(HEADLINE, reports),
    groups: (Object.keys(GROUP_LABEL) as Definition['group'][]).map((key) => ({ key, label: GROUP_LABEL[key], items: aggregates(DEFINITIONS.filter((d) => d.group === key).map((d) => d.id), reports) })),
    columns: TABLE_COLUMNS.map(column),
    rows,
    blanks: notes,
    ranking: {
      indicator: column(RANKED),
      rows: rankRows,
      note: `按${ranked.name} ${ranked.formula.symbols} 从高到低排名，数值相同者名次相同；只排本年办结申请（${ranked.formula.symbols.split('/')[1]}）不少于 ${c.minimum} 件的机关（${rankedCount} 个），其余标「样本不足」或无法计算（—），不计名次。`,
    },
    distribution: distributionChart(reports, c.minimum),
    kinds: {
      columns: HEADLINE.map(column),
      rows: kinds.map((k) => ({ kind: k.kind, reportCount: k.reports.length, cells: aggregates(HEADLINE, k.reports) })),
      note: `机关类型按名称的结尾判断（${AGENCY_KINDS.join('、')}）；每一类的指标同样是分子之和除以分母之和。`,
    },
  };
}

/** The year page's table: the headline indicators by province, each ranked by 公开率 on its summed denominator. */
export interface ProvinceTable {
  columns: IndicatorColumn[];
  rows: { name: string; code: string | null; href: string | null; regionHref: string | null; reportCount: number; cells: AggregateText[]; place: { text: string; value: string } }[];
  total: { reportCount: number; cells: AggregateText[] };
  note: string;
}

export function provinceTable(year: number, provinces: readonly { code: string; name: string; regionHref: string; reports: readonly Report[] }[], unplaced: readonly Report[], all: readonly Report[], minimum: number): ProvinceTable {
  const d = def(RANKED);
  const sums = provinces.map((p) => ({ p, a: aggregate(d, p.reports) }));
  const ranks = rank(d, sums.map(({ p, a }) => ({ key: p.code, value: a })), minimum);
  const rows: ProvinceTable['rows'] = provinces.map((p) => ({ name: p.name, code: p.code, href: compareUrl(p.code, year), regionHref: p.regionHref, reportCount: p.reports.length, cells: aggregates(HEADLINE, p.reports), place: placeText(ranks.get(p.code)) }));
  if (unplaced.length) rows.push({ name: '地区不明', code: null, href: null, regionHref: null, reportCount: unplaced.length, cells: aggregates(HEADLINE, unplaced), place: placeText(undefined) });
  return {
    columns: HEADLINE.map(column),
    rows,
    total: { reportCount: all.length, cells: aggregates(HEADLINE, all) },
    note: `各省份的指标是该省全部报告分子之和除以分母之和（不是各机关比率的平均），n 为能算出该项的报告数。按${d.name}排名，只排办结申请之和不少于 ${minimum} 件的省份，其余为「样本不足」。`,
  };
}

/** The region page's table: the headline indicators per year, with the year's comparison page; and their trend. */
export interface RegionTrend {
  columns: IndicatorColumn[];
  rows: { year: number; href: string; text: string; reportCount: number; cells: AggregateText[] }[];
  charts: ChartSpec[];
}

export function regionTrend(code: string, byYear: readonly { year: number; reports: readonly Report[] }[]): RegionTrend {
  const rates: IndicatorId[] = ['disclosureRate', 'denialRate'];
  const percent = (a: Aggregate) => (a.value === null ? null : Number((a.value * 100).toFixed(1)));
  const legacy = byYear.some((y) => y.reports.some((r) => r.edition === 'legacy'));
  return {
    columns: HEADLINE.map(column),
    rows: byYear.map((y) => ({ year: y.year, href: compareUrl(code, y.year), text: `${y.year} 年度`, reportCount: y.reports.length, cells: aggregates(HEADLINE, y.reports) })),
    charts: [
      {
        id: 'chart-rates-per-year',
        title: `${rates.map((id) => def(id).name).join('和')}（历年）`,
        kind: 'line',
        stacked: false,
        horizontal: false,
        unit: '%',
        categoryLabel: '年度',
        categories: byYear.map((y) => String(y.year)),
        series: rates.map((id) => ({ label: def(id).name, values: byYear.map((y) => percent(aggregate(def(id), y.reports))) })),
        note: `每年该地区全部报告的分子之和除以分母之和（${rates.map((id) => `${def(id).name} ${def(id).formula.symbols}`).join('，')}），不是各机关比率的平均；算不出的年度留空。${legacy ? '2019 年以前的报告按旧版附表计，口径与新表不完全相同。' : ''}`,
      },
    ],
  };
}
