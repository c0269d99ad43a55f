/**
 * The derived indicators in the bulk data: one reports.csv column per indicator (`indicators.<id>`,
 * its value), the SQLite tables `indicators` (every field of every report's indicators) and
 * `indicator_definitions`, and /data/indicators.json (every definition as data). Titles and
 * descriptions are the definitions' own words (src/indicators/definitions.ts): no formula is
 * spelled here.
 */
import { DEFINITIONS, describe, type Definition } from '../indicators/definitions.ts';
import type { IndicatorKind, IndicatorValue } from '../model/indicators.ts';
import type { Report } from '../model/report.ts';
import type { Column, ReportColumn, Value } from './columns.ts';

/** What a value of each kind is, for a reader of the CSV. */
const KIND: Record<IndicatorKind, string> = {
  count: '件数',
  share: '比例，0 至 1 的小数，不是百分数',
  ratio: '比值',
  difference: '件数之差，可为负',
};

const EDITION: Record<Definition['editions'][number], string> = { '2021': '2021 版', '2019': '2019 版', legacy: '2019 年以前的附表' };

/** The column's description: what the value is, its formula in symbols and words (and the legacy one), where it applies, the note. */
function description(d: Definition): string {
  const legacy = d.legacy ? `2019 年以前的报告：${d.legacy.symbols}，${d.legacy.words}。` : '';
  return [
    `派生指标（${KIND[d.kind]}）。${d.formula.symbols}：${d.formula.words}。${legacy}`,
    d.editions.length === Object.keys(EDITION).length ? '适用于各版报告。' : `仅适用于 ${d.editions.map((e) => EDITION[e]).join('、')}，其他报告为空。`,
    `无法计算时为空，不是 0（原因见 report.json 的 indicators.${d.id}.blank）。`,
    d.note ?? '',
  ].join('');
}

/** The indicator columns of reports.csv (and the SQLite reports table), in the definitions' order: each the report's value. */
export const INDICATOR_COLUMNS: readonly ReportColumn[] = DEFINITIONS.map((d) => ({
  name: `indicators.${d.id}`,
  type: 'number',
  title: `指标 · ${d.name}`,
  description: description(d),
  value: (r: Report) => r.indicators?.[d.id]?.value ?? null,
}));

/** A column of an SQLite table of its own (not in a CSV): its SQL type beside the Table Schema one. */
export interface SqlColumn extends Column {
  sql: string;
}

const col = (name: string, type: Column['type'], sql: string, title: string, description: string): SqlColumn => ({ name, type, sql, title, description });

/** The SQLite `indicators` table: one row per report and indicator, every field of report.json's `indicators`. */
export const INDICATOR_FIELDS: readonly SqlColumn[] = [
  col('report_id', 'string', 'TEXT NOT NULL', '报告编号', 'reports 表的 id。'),
  col('indicator', 'string', 'TEXT NOT NULL', '指标', 'indicator_definitions 表的 id（即 /data/indicators.json 的 id）。'),
  col('value', 'number', 'REAL', '数值', '指标值，与 reports 表的 indicators.<id> 列相同；无法计算时为空。'),
  col('numerator', 'number', 'REAL', '分子', '公式的分子；件数与差值类指标为其本身。'),
  col('denominator', 'number', 'REAL', '分母', '公式的分母；件数与差值类指标为空。'),
  col('blank', 'string', 'TEXT', '留空原因', '数值为空的原因（单元格空白、该版表格没有这一项、分母为 0 等）；有数值时为空。'),
  col('previous', 'number', 'REAL', '上年数值', '同一机关上一年度的数值；没有上年报告或上年为空时为空。'),
  col('change', 'number', 'REAL', '变化倍数', '数值 ÷ 上年数值；任一为空、上年为 0 或差值类指标为空。'),
  col('jump', 'integer', 'INTEGER NOT NULL', '大幅变化', '1：变化倍数大于 5 或小于 0.2，且两年的案件数都不少于 site.yaml 的 minimumCases（报告有相应的数据质量提示）；否则 0。'),
];

/** One report's rows of the `indicators` table, in the definitions' order (none for a report without indicators). */
export function indicatorRows(r: Report): Value[][] {
  if (!r.indicators) return [];
  return DEFINITIONS.map((d) => {
    const v: IndicatorValue = r.indicators![d.id];
    return [r.id, d.id, v.value, v.numerator, v.denominator, v.blank, v.previous, v.change, v.jump ? 1 : 0];
  });
}

/** The SQLite `indicator_definitions` table: one row per definition (/data/indicators.json, flattened). */
export const DEFINITION_FIELDS: readonly SqlColumn[] = [
  col('id', 'string', 'TEXT NOT NULL', '指标编号', '稳定的指标编号，如 disclosureRate；reports.csv 的列名为 indicators.<id>。'),
  col('name', 'string', 'TEXT NOT NULL', '指标名称', '中文名称。'),
  col('grp', 'string', 'TEXT NOT NULL', '分组', 'requests（表三，申请量与申请人）、outcomes（表三，办理结果）、reviewLitigation（表四）或 proactive（表二）。'),
  col('kind', 'string', 'TEXT NOT NULL', '类型', 'count（件数）、share（比例，0 至 1）、ratio（比值）或 difference（件数之差）。'),
  col('headline', 'integer', 'INTEGER NOT NULL', '首选指标', '1：该组首先阅读的指标；否则 0。'),
  col('formula', 'string', 'TEXT NOT NULL', '公式', '2019 版与 2021 版表格的公式（符号）。'),
  col('words', 'string', 'TEXT NOT NULL', '公式说明', '公式的文字说明。'),
  col('legacy_formula', 'string', 'TEXT', '旧版公式', '2019 年以前报告的附表所用公式（符号）；不适用为空。'),
  col('legacy_words', 'string', 'TEXT', '旧版公式说明', '旧版公式的文字说明；不适用为空。'),
  col('editions', 'string', 'TEXT NOT NULL', '适用版式', '适用的表格版式，逗号分隔：2021、2019、legacy。'),
  col('blank', 'string', 'TEXT NOT NULL', '留空规则', '数值何时留空。'),
  col('note', 'string', 'TEXT', '说明', '正确解读所需的说明；无则为空。'),
];

/** The `indicator_definitions` rows, in the definitions' order. */
export const definitionRows = (): Value[][] =>
  DEFINITIONS.map(describe).map((d) => [d.id, d.name, d.group, d.kind, d.headline ? 1 : 0, d.formula.symbols, d.formula.words, d.legacy?.symbols ?? null, d.legacy?.words ?? null, d.editions.join(','), d.blank, d.note]);

/** /data/indicators.json: every definition as data (symbols, words, terms with their cells), two-space indented, one final line end. */
export const indicatorsText = () => `${JSON.stringify(DEFINITIONS.map(describe), null, 2)}\n`;
