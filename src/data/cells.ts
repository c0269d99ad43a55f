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

const num = (v: Value | undefined) => (typeof v === 'number' ? v : null);

/** A cell's place: table, row key, column key. */
export type CellKey = readonly [table: string, row: string, column: string];

/** A place and how to read its cell off a report (null where the report's tables have none). Made once per place. */
export interface Place {
  key: CellKey;
  /** Its key in `tables.literals`. */
  literalKey: string;
  /** Whether the report's tables have this cell (null or not). */
  has(r: Report): boolean;
  read(r: Report): CellRow | null;
}

type Tables = Report['tables'];

/** A place; `label` and `unit`, where the cell has them (the legacy appendix, the procurement total). */
function place(key: CellKey, get: (t: Tables) => Value | undefined, literalKey: string, label?: (t: Tables) => string | null, unit?: (t: Tables) => string | null): Place {
  const [table_key, row_key, column_key] = key;
  return {
    key,
    literalKey,
    has: (r) => get(r.tables) !== undefined,
    read(r) {
      const t = r.tables;
      const v = get(t);
      if (v === undefined) return null;
      return { report_id: r.id, table_key, row_key, column_key, value: num(v), literal: t.literals[literalKey] ?? null, label: label ? label(t) : null, unit: unit ? unit(t) : null };
    },
  };
}

const proactivePlace = (row: string, field: string) =>
  place(
    ['proactive', row, field],
    (t) => {
      const cells = (t.proactive as unknown as Record<string, Record<string, Value> | undefined> | null)?.[row];
      return cells && field in cells ? (cells[field] ?? null) : undefined;
    },
    `proactive.${row}.${field}`,
    undefined,
    // The procurement total's unit (万元 or 元), as the 2019 form prints it beside the amount.
    row === 'procurement' && field === 'amount' ? (t) => (t.proactive?.edition === '2019' ? t.proactive.procurement.amountUnit : null) : undefined,
  );

/** Table 2's places per edition, in the form's order. */
const PROACTIVE_PLACES = Object.fromEntries((['2019', '2021'] as const).map((e) => [e, PROACTIVE_ROWS[e].flatMap((row) => row.fields.map((f) => proactivePlace(row.key, f.key)))])) as Record<'2019' | '2021', Place[]>;

const REQUEST_PLACES = REQUEST_ROWS.flatMap((row) =>
  REQUEST_COLUMNS.map((c) =>
    place(
      ['requests', row.key, c.key],
      (t) => {
        const cells = t.requests?.rows[row.key];
        return cells ? cells[c.key] : undefined;
      },
      `requests.rows.${row.key}.${c.key}`,
    ),
  ),
);

const REVIEW_PLACES = REVIEW_GROUPS.flatMap((g) => REVIEW_FIELDS.map((f) => place(['reviewLitigation', g.key, f.key], (t) => t.reviewLitigation?.[g.key][f.key], `reviewLitigation.${g.key}.${f.key}`)));

/** The legacy appendix's places: its indicators by index, made as reports need them. */
const legacy: Place[] = [];
function legacyPlaces(n: number): Place[] {
  for (let i = legacy.length / 2; i < n; i++)
    for (const column of ['thisYear', 'cumulative'] as const) {
      const stat = (t: Tables) => t.legacyStats?.[i];
      legacy.push(place(['legacyStats', String(i), column], (t) => stat(t)?.[column], `legacyStats.${i}.${column}`, (t) => stat(t)?.label ?? null, (t) => stat(t)?.unit ?? null));
    }
  return legacy.slice(0, 2 * n);
}

/** The places a report's tables have, in the form's order. */
function placesOf(r: Report): Place[] {
  const t = r.tables;
  return [...(t.proactive ? PROACTIVE_PLACES[t.proactive.edition] : []), ...(t.requests ? REQUEST_PLACES : []), ...(t.reviewLitigation ? REVIEW_PLACES : []), ...legacyPlaces(t.legacyStats?.length ?? 0)];
}

/** Every cell of a report's tables, in the form's order. */
export const cellRows = (r: Report): CellRow[] => placesOf(r).flatMap((p) => p.read(r) ?? []);

/** Every place of tables 2–4 (both editions), once each: the legacy appendix's aside. */
export const TABLE_PLACES: readonly Place[] = [...new Map([...PROACTIVE_PLACES['2021'], ...PROACTIVE_PLACES['2019'], ...REQUEST_PLACES, ...REVIEW_PLACES].map((p) => [p.key.join('.'), p])).values()];

/** Every place any of the reports has, in key order (table, row, column; code units). */
export function placesInKeyOrder(reports: readonly Report[]): Place[] {
  let longest = 0;
  for (const r of reports) longest = Math.max(longest, r.tables.legacyStats?.length ?? 0);
  const all = new Map([...TABLE_PLACES, ...legacyPlaces(longest)].map((p) => [p.key.join('\0'), p]));
  return [...all.keys()].sort().map((k) => all.get(k)!);
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
