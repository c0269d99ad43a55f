/**
 * datapackage.json: the Frictionless Data Package (v2) describing the files beside it, so that
 * frictionless, pandas helpers, Datasette plugins and open-data portals read them with their types,
 * Chinese titles, keys and licence without guessing. Made from the same column list as the files.
 */
import type { SiteConfig } from './config.ts';
import { REPORT_COLUMNS, type Column } from './columns.ts';
import { CELL_FIELDS } from './cells.ts';
import { CSV_EOL } from './csv.ts';

const PROFILES = 'https://datapackage.org/profiles/2.0';

/** The file names, one place. */
export const FILES = { reports: 'reports.csv', cells: 'cells.csv', jsonl: 'reports.jsonl', schema: 'schema.json', indicators: 'indicators.json', sqlite: 'nianbao.sqlite', package: 'datapackage.json' } as const;

const DIALECT = { $schema: `${PROFILES}/tabledialect.json`, header: true, delimiter: ',', lineTerminator: CSV_EOL, quoteChar: '"', doubleQuote: true };

const field = (c: Column) => ({ name: c.name, type: c.type, title: c.title, description: c.description });

/** The Table Schema of a CSV file whose header is `columns`. */
function tableSchema(columns: readonly Column[], keys: { primaryKey: string[]; foreignKeys?: unknown[] }) {
  return { $schema: `${PROFILES}/tableschema.json`, fields: columns.map(field), missingValues: [''], ...keys };
}

const csvResource = (name: string, path: string, title: string, description: string, schema: object) => ({
  $schema: `${PROFILES}/dataresource.json`,
  name,
  type: 'table',
  path,
  title,
  description,
  format: 'csv',
  mediatype: 'text/csv',
  encoding: 'utf-8',
  dialect: DIALECT,
  schema,
});

const fileResource = (name: string, path: string, format: string, mediatype: string, title: string, description: string, encoding?: string) => ({
  $schema: `${PROFILES}/dataresource.json`,
  name,
  path,
  title,
  description,
  format,
  mediatype,
  ...(encoding ? { encoding } : {}),
});

export interface PackageInput {
  /** `nianbao`, `nianbao-2021`, `nianbao-350000`. */
  name: string;
  title: string;
  /** The whole archive's package also lists schema.json, indicators.json and nianbao.sqlite. */
  whole: boolean;
  config: SiteConfig;
  /** The data page's absolute URL, when the site's URL is known. */
  homepage: string | null;
}

export function dataPackage(p: PackageInput) {
  const licences = p.config.licenceId || p.config.licenceUrl ? [{ ...(p.config.licenceId ? { name: p.config.licenceId } : {}), ...(p.config.licenceUrl ? { path: p.config.licenceUrl } : {}), title: p.config.licence }] : [];
  return {
    $schema: `${PROFILES}/datapackage.json`,
    name: p.name,
    title: p.title,
    description: `政府信息公开工作年度报告的结构化数据，由 nianbao 从报告原文解析生成。使用条件：${p.config.licence} 表格键名是稳定的数据约定，只增不改；空白表示报告未填写或填写「—」「/」「无」，不是 0。`,
    ...(p.homepage ? { homepage: p.homepage } : {}),
    ...(licences.length ? { licenses: licences } : {}),
    keywords: ['政府信息公开', '年度报告', 'government information disclosure', 'China'],
    resources: [
      csvResource('reports', FILES.reports, '报告（每份报告一行）', '每份报告一行：身份信息、表二至表四的每个单元格（列名为数据约定的点分路径）、数据质量问题的条数、派生指标的数值（indicators.<id>，定义见 indicators.json）。UTF-8 带 BOM，CRLF 换行。', tableSchema(REPORT_COLUMNS, { primaryKey: ['id'] })),
      csvResource(
        'cells',
        FILES.cells,
        '单元格（长表）',
        '报告表格中的每个单元格一行（值为空的单元格也是一行；报告版式没有的单元格不是一行）。2019 年以前格式的附表为 table_key = legacyStats。',
        tableSchema(CELL_FIELDS, { primaryKey: ['report_id', 'table_key', 'row_key', 'column_key'], foreignKeys: [{ fields: ['report_id'], reference: { resource: 'reports', fields: ['id'] } }] }),
      ),
      fileResource('reports-jsonl', FILES.jsonl, 'jsonl', 'application/jsonl', '报告完整数据（JSON Lines）', '每行一份报告的完整数据，与报告页的 report.json 相同（含六部分正文），符合 /data/schema.json。无 BOM，LF 换行。', 'utf-8'),
      ...(p.whole
        ? [
            fileResource('report-schema', FILES.schema, 'json', 'application/schema+json', '报告数据的 JSON Schema', 'report.json 与 reports.jsonl 每行所符合的 JSON Schema（draft 2020-12），由数据模型生成。', 'utf-8'),
            fileResource('indicators', FILES.indicators, 'json', 'application/json', '指标定义', '每个派生指标的定义：编号（reports.csv 的列 indicators.<id>、report.json 的 indicators 的键）、中文名称、公式（符号与文字，含 2019 年以前附表的公式）、所读单元格的数据路径、留空规则和说明。', 'utf-8'),
            fileResource('sqlite', FILES.sqlite, 'sqlite', 'application/vnd.sqlite3', 'SQLite 数据库', '表 reports、cells（与 reports.csv、cells.csv 相同的行）、findings（每条数据质量问题一行）、indicators（每份报告每个指标一行，含分子、分母、留空原因与上年比较）与 indicator_definitions（与 indicators.json 相同的定义），带主键、外键和索引。'),
          ]
        : []),
    ],
  };
}

export const dataPackageText = (p: PackageInput) => `${JSON.stringify(dataPackage(p), null, 2)}\n`;
