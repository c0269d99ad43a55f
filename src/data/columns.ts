/**
 * The columns of the bulk data, derived from the one label table (src/model/labels.ts): every
 * contract cell of tables 2–4 becomes a column of reports.csv named by its ASCII dotted path
 * (`requests.denied.stateSecret.naturalPerson`), titled with the form's own words. reports.csv,
 * the SQLite `reports` table and the Table Schema of datapackage.json all read this one list, so a
 * row the form gains is a column everywhere at once. The derived indicators follow, one column each
 * (src/data/indicators.ts).
 */
import { PROACTIVE_ROWS, REQUEST_COLUMNS, REQUEST_ROWS, REVIEW_FIELDS, REVIEW_GROUPS } from '../model/labels.ts';
import type { Report } from '../model/report.ts';
import { ancestorCode } from '../archive/archive.ts';
import { INDICATOR_COLUMNS } from './indicators.ts';

/** Table Schema field types used here. */
export type FieldType = 'string' | 'integer' | 'number' | 'date';
export type Value = string | number | null;

export interface Column {
  /** ASCII name: the CSV header, the SQLite column, the Table Schema field. */
  name: string;
  type: FieldType;
  /** Chinese, in the form's words where it has them. */
  title: string;
  description: string;
}

/** A column of reports.csv: how to read its value off a report summary (`url`: the report page's URL). */
export interface ReportColumn extends Column {
  value(r: Report, url: string): Value;
}

/** A cell column: where the cell sits below `tables`, e.g. ['requests', 'rows', 'granted', 'total']. */
export interface CellColumn extends ReportColumn {
  path: readonly string[];
}

/** The value at `path` below an object, or null where any step is missing. */
export function valueAt(root: unknown, path: readonly string[]): Value {
  let v: unknown = root;
  for (const k of path) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
  return typeof v === 'number' || typeof v === 'string' ? v : null;
}

const cell = (path: readonly string[], title: string, description: string, type: FieldType = 'number'): CellColumn => ({
  name: path.filter((k) => k !== 'rows').join('.'),
  type,
  title,
  description,
  path,
  value: (r) => valueAt(r.tables, path),
});

/** Table 2, both editions: a key both editions print (licensing.decisions) is one column. */
function proactiveColumns(): CellColumn[] {
  const out = new Map<string, { row: string; field: string; title: string; editions: string[] }>();
  for (const edition of ['2021', '2019'] as const)
    for (const row of PROACTIVE_ROWS[edition])
      for (const f of row.fields) {
        const name = `${row.key}.${f.key}`;
        const seen = out.get(name);
        if (seen) seen.editions.push(`${edition} 版「${f.label}」`);
        else out.set(name, { row: row.key, field: f.key, title: `表二 ${row.label} · ${f.label}`, editions: [`${edition} 版「${f.label}」`] });
      }
  const columns = [...out.values()].map((c) => cell(['proactive', c.row, c.field], c.title, `表二（主动公开）第二十条所列事项；见于 ${c.editions.join('、')}；其他版式的报告为空。`));
  // The unit the 2019 form prints beside the procurement total (万元 or 元): text, right after the amount.
  const amount = columns.findIndex((c) => c.name === 'proactive.procurement.amount');
  columns.splice(amount + 1, 0, cell(['proactive', 'procurement', 'amountUnit'], `${columns[amount]!.title}（单位）`, '采购总金额的单位，照报告所写（万元 或 元）；跨报告相加前须先统一单位。仅 2019 版。', 'string'));
  return columns;
}

function requestColumns(): CellColumn[] {
  return REQUEST_ROWS.flatMap((row) =>
    REQUEST_COLUMNS.map((c) =>
      cell(['requests', 'rows', row.key, c.key], `表三 ${row.group && !row.group.startsWith('三') ? `${row.group} ` : ''}${row.label} · ${c.label}`, `表三（依申请公开）申请人：${c.label}；见于 ${row.editions.join('、')} 版。`),
    ),
  );
}

function reviewColumns(): CellColumn[] {
  return REVIEW_GROUPS.flatMap((g) => REVIEW_FIELDS.map((f) => cell(['reviewLitigation', g.key, f.key], `表四 ${g.label} · ${f.label}`, '表四（行政复议、行政诉讼），件数。')));
}

/** Every contract cell of tables 2, 3 and 4, in the form's order. */
export const CELL_COLUMNS: readonly CellColumn[] = [...proactiveColumns(), ...requestColumns(), ...reviewColumns()];

/**
 * The region's names by level. A path of two is a city (泉州市, code ending in 00) or a district of a
 * municipality (北京市 › 海淀区), which is county-level: the code tells them apart.
 */
function regionLevels(r: Report): { province: string | null; city: string | null; county: string | null } {
  const region = r.agency.region;
  if (!region) return { province: null, city: null, county: null };
  const [province = null, second = null, third = null] = region.path;
  if (region.path.length === 2 && !region.code.endsWith('00')) return { province, city: null, county: second };
  return { province, city: second, county: third };
}
const regionName = (level: 'province' | 'city' | 'county') => (r: Report) => regionLevels(r)[level];
const count = (severity: string) => (r: Report) => r.findings.filter((f) => f.severity === severity).length;

/** Who published what, when: the identity of each report, before its cells. */
export const IDENTITY_COLUMNS: readonly ReportColumn[] = [
  { name: 'id', type: 'string', title: '报告编号', description: '「机关拼音/年度」，与报告页网址一致，唯一。', value: (r) => r.id },
  { name: 'agency', type: 'string', title: '机关名称', description: '发布机关的规范名称。', value: (r) => r.agency.name },
  { name: 'agency_slug', type: 'string', title: '机关网址名', description: '机关名称的无调拼音，机关页网址 /agencies/<agency_slug>/。', value: (r) => r.agency.slug },
  { name: 'year', type: 'integer', title: '年度', description: '报告所属年度（工作年度，非发布年份）。', value: (r) => r.year },
  { name: 'edition', type: 'string', title: '版式', description: '报告格式版本：2021（国办公开办函〔2021〕30号）、2019（〔2019〕60号）或 legacy（2019 年以前的格式）。', value: (r) => r.edition },
  { name: 'region_code', type: 'string', title: '行政区划代码', description: 'GB/T 2260 六位代码；区划不明为空。', value: (r) => r.agency.region?.code ?? null },
  { name: 'province', type: 'string', title: '省级', description: '所在省级行政区名称。', value: regionName('province') },
  { name: 'city', type: 'string', title: '地级', description: '所在地级行政区名称；直辖市的区县此列为空。', value: regionName('city') },
  { name: 'county', type: 'string', title: '县级', description: '所在县级行政区名称（县、县级市、区，含直辖市的区县）。', value: regionName('county') },
  { name: 'title', type: 'string', title: '标题', description: '报告标题，照原文；原文无标题为空。', value: (r) => r.title },
  { name: 'published_on', type: 'date', title: '成文日期', description: '报告落款日期（YYYY-MM-DD）；原文未写为空。', value: (r) => r.publishedOn },
  { name: 'document_number', type: 'string', title: '文号', description: '报告的发文字号，如 泉鲤行政管〔2022〕1号；无则为空。', value: (r) => r.documentNumber },
  { name: 'source_format', type: 'string', title: '原始格式', description: '原始文件的格式：text、pdf、html 或 docx。', value: (r) => r.source.format },
  { name: 'url', type: 'string', title: '报告页网址', description: '本站上该报告的永久网址。', value: (_r, url) => url },
];

/** Data-quality findings, counted by severity. */
export const FINDING_COLUMNS: readonly ReportColumn[] = [
  { name: 'errors', type: 'integer', title: '错误数', description: '数据质量问题中「错误」的条数（如表三勾稽关系不平）。', value: count('error') },
  { name: 'warnings', type: 'integer', title: '警告数', description: '数据质量问题中「警告」的条数。', value: count('warning') },
  { name: 'infos', type: 'integer', title: '提示数', description: '数据质量问题中「提示」的条数。', value: count('info') },
];

/** reports.csv, in order: identity, every cell, the finding counts, the indicators. */
export const REPORT_COLUMNS: readonly ReportColumn[] = [...IDENTITY_COLUMNS, ...CELL_COLUMNS, ...FINDING_COLUMNS, ...INDICATOR_COLUMNS];

/** The province a report belongs to (its per-region slice), or null for a report without a region. */
export function provinceOf(r: Report): { code: string; name: string } | null {
  const region = r.agency.region;
  return region && region.path.length ? { code: ancestorCode(region.code, 0, region.path.length), name: region.path[0]! } : null;
}
