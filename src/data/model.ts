/**
 * The data page's model (`site.data`): every file under /data/ with its URL, the slices with their
 * report counts, the columns of each file and the glossary, the terms of use. The data page only
 * presents it; the products (src/data/products.ts) make the files it links.
 */
import type { Report } from '../model/report.ts';
import { REPORT_COLUMNS, type Column } from './columns.ts';
import { DEFINITION_FIELDS, INDICATOR_COLUMNS, INDICATOR_FIELDS } from './indicators.ts';
import { CELL_FIELDS, FINDING_FIELDS } from './cells.ts';
import type { SiteConfig } from './config.ts';
import { GLOSSARY, type Term } from './glossary.ts';
import { FILES } from './package.ts';
import { groupSlices } from './slices.ts';

export interface DataFile {
  href: string;
  name: string;
  description: string;
}

export interface SliceLink {
  text: string;
  reportCount: number;
  files: DataFile[];
}

export interface DataPage {
  config: SiteConfig;
  files: DataFile[];
  years: SliceLink[];
  regions: SliceLink[];
  /** Reports without a region: in the whole archive and their year's files, in no province's. */
  withoutRegion: number;
  /** reports.csv's columns before the indicators, its indicator columns, the other files' and tables' columns. */
  columns: { reports: readonly Column[]; indicators: readonly Column[]; cells: readonly Column[]; findings: readonly Column[]; indicatorTable: readonly Column[]; definitionTable: readonly Column[] };
  glossary: readonly Term[];
}

const DESCRIPTIONS: Record<keyof typeof FILES, string> = {
  reports: '每份报告一行：身份信息、表二至表四的每个单元格、数据质量问题条数、派生指标的数值。',
  cells: '长表：每个单元格一行（报告、表、行键、列键、数值、原文）。',
  jsonl: '每行一份报告的完整数据，与报告页的 report.json 相同。',
  schema: 'report.json 的 JSON Schema（draft 2020-12）。',
  indicators: '派生指标的定义：编号、名称、公式（符号与文字）、所读单元格、留空规则。',
  sqlite: 'SQLite 数据库：reports、cells、findings、indicators、indicator_definitions 五张表。',
  package: 'Frictionless Data Package v2 描述：字段类型、中文标题、主键外键、许可。',
};

const filesIn = (folder: string, keys: readonly (keyof typeof FILES)[]): DataFile[] => keys.map((k) => ({ href: `/data/${folder}${FILES[k]}`, name: FILES[k], description: DESCRIPTIONS[k] }));

const SLICE_FILES = ['reports', 'cells', 'jsonl', 'package'] as const;

/** A column as data: what the page prints, no reader function. */
const plain = (columns: readonly Column[]): Column[] => columns.map(({ name, type, title, description }) => ({ name, type, title, description }));

export function dataPage(reports: readonly Report[], config: SiteConfig): DataPage {
  const slices = groupSlices(reports, (r) => r).map(({ slice, items }) => ({ kind: slice.kind, link: { text: slice.title, reportCount: items.length, files: filesIn(`${slice.folder}/`, SLICE_FILES) } }));
  return {
    config,
    files: filesIn('', ['reports', 'cells', 'jsonl', 'schema', 'indicators', 'sqlite', 'package']),
    years: slices.filter((s) => s.kind === 'year').map((s) => s.link),
    regions: slices.filter((s) => s.kind === 'region').map((s) => s.link),
    withoutRegion: reports.filter((r) => !r.agency.region).length,
    columns: {
      reports: plain(REPORT_COLUMNS.filter((c) => !INDICATOR_COLUMNS.includes(c))),
      indicators: plain(INDICATOR_COLUMNS),
      cells: CELL_FIELDS,
      findings: FINDING_FIELDS,
      indicatorTable: plain(INDICATOR_FIELDS),
      definitionTable: plain(DEFINITION_FIELDS),
    },
    glossary: GLOSSARY,
  };
}
