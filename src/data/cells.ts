/**
 * The long form of the statutory tables: one row per cell a report's tables hold (cells.csv and the
 * SQLite `cells` table, which have exactly the same rows), and one row per finding (SQLite
 * `findings`).
 *
 * A cell that is null (blank, a dash, 「/」, 「无」) is still a row, with an empty value: "nothing
 * written" differs from "no such cell", and its literal (「—」) is kept. A cell the report's edition
 * does not have (2019's otherHandling in a 2021 report) is not a row. The legacy appendix is table
 * `legacyStats`: row key = the indicator's index as printed (0, 1, …, as in report.json), columns
 * `thisYear` and `cumulative`, with the indicator's label and unit.
 */
import { PROACTIVE_ROWS, REQUEST_COLUMNS, REQUEST_ROWS, REVIEW_FIELDS, REVIEW_GROUPS } from '../model/labels.ts';
import type { Report } from '../model/report.ts';
import type { Column, Value } from './columns.ts';

export interface CellRow {
  report_id: string;
  table_key: string;
  row_key: string;
  column_key: string;
  value: number | null;
  literal: string | null;
  label: string | null;
  unit: string | null;
}

export const CELL_FIELDS: readonly Column[] = [
  { name: 'report_id', type: 'string', title: '报告编号', description: 'reports.csv 的 id。' },
  { name: 'table_key', type: 'string', title: '表', description: 'proactive（表二）、requests（表三）、reviewLitigation（表四）或 legacyStats（2019 年以前格式的附表）。' },
  { name: 'row_key', type: 'string', title: '行', description: '数据约定中的行键，如 denied.stateSecret；附表为指标的序号（0 起）。' },
  { name: 'column_key', type: 'string', title: '列', description: '数据约定中的列键，如 naturalPerson；附表为 thisYear（本年度）或 cumulative（历年累计）。' },
  { name: 'value', type: 'number', title: '数值', description: '单元格的数值；空白、「—」「/」「无」等为空（不是 0）。' },
  { name: 'literal', type: 'string', title: '原文', description: '单元格原文不是单纯数字时照录（如「—」「〇」「251000元」）；否则为空。' },
  { name: 'label', type: 'string', title: '指标名称', description: '仅附表：指标名称（照原文，去掉缩进和「其中：」）。' },
  { name: 'unit', type: 'string', title: '计量单位', description: '附表的计量单位；表二政府集中采购金额的单位（万元 或 元）；其余为空。' },
];

const num = (v: Value) => (typeof v === 'number' ? v : null);

/** Every cell of a report's tables, in the form's order. */
export function* cellRows(r: Report): Generator<CellRow> {
  const t = r.tables;
  const row = (table: string, rowKey: string, column: string, value: Value, literalKey: string, label: string | null = null, unit: string | null = null): CellRow => ({
    report_id: r.id,
    table_key: table,
    row_key: rowKey,
    column_key: column,
    value: num(value),
    literal: t.literals[literalKey] ?? null,
    label,
    unit,
  });
  if (t.proactive) {
    const p = t.proactive as unknown as Record<string, Record<string, Value> | undefined>;
    for (const rowLabel of PROACTIVE_ROWS[t.proactive.edition]) {
      const cells = p[rowLabel.key];
      if (!cells) continue;
      const unit = rowLabel.key === 'procurement' ? ((cells['amountUnit'] as string | null) ?? null) : null;
      for (const f of rowLabel.fields) if (f.key in cells) yield row('proactive', rowLabel.key, f.key, cells[f.key] ?? null, `proactive.${rowLabel.key}.${f.key}`, null, f.key === 'amount' ? unit : null);
    }
  }
  if (t.requests)
    for (const rowLabel of REQUEST_ROWS) {
      const cells = t.requests.rows[rowLabel.key];
      if (cells) for (const c of REQUEST_COLUMNS) yield row('requests', rowLabel.key, c.key, cells[c.key], `requests.rows.${rowLabel.key}.${c.key}`);
    }
  if (t.reviewLitigation)
    for (const g of REVIEW_GROUPS) for (const f of REVIEW_FIELDS) yield row('reviewLitigation', g.key, f.key, t.reviewLitigation[g.key][f.key], `reviewLitigation.${g.key}.${f.key}`);
  for (const [n, s] of (t.legacyStats ?? []).entries())
    for (const column of ['thisYear', 'cumulative'] as const) yield row('legacyStats', String(n), column, s[column], `legacyStats.${n}.${column}`, s.label, s.unit);
}

export interface FindingRow {
  report_id: string;
  n: number;
  code: string;
  severity: string;
  message: string;
  path: string | null;
  line: number | null;
}

export const FINDING_FIELDS: readonly Column[] = [
  { name: 'report_id', type: 'string', title: '报告编号', description: 'reports 表的 id。' },
  { name: 'n', type: 'integer', title: '序号', description: '该报告中的第几条问题（1 起，按报告 JSON 的顺序）。' },
  { name: 'code', type: 'string', title: '问题代码', description: '问题的种类，如 requests-balance（src/model/findings.ts 列出全部代码及含义）。' },
  { name: 'severity', type: 'string', title: '严重程度', description: 'error（错误）、warning（警告）或 info（提示）。' },
  { name: 'message', type: 'string', title: '说明', description: '中文说明。' },
  { name: 'path', type: 'string', title: '位置', description: '问题所在的数据路径，以点分隔（如 tables.requests.rows.total.naturalPerson）；整份报告的问题为空。' },
  { name: 'line', type: 'integer', title: '原文行号', description: 'source.txt 中的行号；无则为空。' },
];

/** A report's findings, in its JSON's order. */
export const findingRows = (r: Report): FindingRow[] =>
  r.findings.map((f, i) => ({ report_id: r.id, n: i + 1, code: f.code, severity: f.severity, message: f.message, path: f.path.length ? f.path.join('.') : null, line: f.line ?? null }));
