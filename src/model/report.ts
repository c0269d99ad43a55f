/**
 * The report model, defined once. TypeScript types are inferred from these schemas and
 * the JSON Schema (`npm run schema`) is generated from them; nothing is written twice.
 * Keys under `tables` are the public data contract of docs/reports.md §3: add, never rename.
 */
import { z } from 'zod';
import { SECTION_KEYS } from './labels.ts';
import { Finding } from './findings.ts';
import { Indicators } from './indicators.ts';

/** A table cell: a number, or null where the cell was blank, a dash, 「/」 or 「无」. */
export const Cell = z.number().nullable().describe('A table cell; null where the report left it blank or wrote a dash, 「/」 or 「无」');

export { Finding, Severity, FindingCode } from './findings.ts';

export const Region = z.object({
  code: z.string().regex(/^\d{6}$/).describe('GB/T 2260 division code'),
  name: z.string(),
  path: z.array(z.string()).describe('Province → city → county names'),
});

export const Agency = z.object({
  name: z.string().describe('Canonical name of the issuing body'),
  aliases: z.array(z.string()).describe('Other spellings seen in the text'),
  slug: z.string().regex(/^[a-z0-9-]+$/).describe('ASCII slug: pinyin of the canonical name'),
  region: Region.nullable(),
  registered: z.boolean().describe('Whether the name, slug and region come from the archive\'s agency registry (agencies.yaml)'),
});

export const Block = z.discriminatedUnion('type', [
  z.object({ type: z.literal('heading'), marker: z.string().describe('（一）, 1. or ① as printed'), text: z.string(), line: z.number().int() }),
  z.object({ type: z.literal('paragraph'), text: z.string(), line: z.number().int() }),
  z.object({ type: z.literal('list'), items: z.array(z.object({ marker: z.string(), text: z.string(), line: z.number().int() })) }),
]);

export const Section = z.object({
  title: z.string().describe('The title as printed, without its 一、 numbering'),
  line: z.number().int().positive(),
  blocks: z.array(Block),
});

const docFields2021 = z.object({ issued: Cell, repealed: Cell, inForce: Cell });
const decisions2021 = z.object({ decisions: Cell });
export const Proactive2021 = z.object({
  edition: z.literal('2021'),
  regulations: docFields2021,
  normativeDocuments: docFields2021,
  licensing: decisions2021,
  penalties: decisions2021,
  enforcement: decisions2021,
  fees: z.object({ amount: Cell.describe('本年收费金额, 万元') }),
});

const docFields2019 = z.object({ newlyMade: Cell, newlyPublished: Cell, totalPublished: Cell });
const items2019 = z.object({ previousCount: Cell, change: Cell.describe('本年增/减, signed'), decisions: Cell });
export const Proactive2019 = z.object({
  edition: z.literal('2019'),
  regulations: docFields2019,
  normativeDocuments: docFields2019,
  licensing: items2019,
  otherServices: items2019,
  penalties: items2019,
  enforcement: items2019,
  fees: z.object({ previousCount: Cell, change: Cell }),
  procurement: z.object({ projects: Cell, amount: Cell, amountUnit: z.string().nullable().describe('万元 or 元, as printed') }),
});

export const RequestRow = z.object({
  naturalPerson: Cell,
  commercial: Cell,
  research: Cell,
  socialWelfare: Cell,
  legalService: Cell,
  otherOrg: Cell,
  total: Cell,
});

export const Requests = z.object({
  rows: z.record(z.string(), RequestRow).describe('Row key (flat, dotted as in docs/reports.md §3, e.g. "denied.stateSecret") → applicant column → cell'),
});

const reviewGroup = z.object({ upheld: Cell, corrected: Cell, other: Cell, pending: Cell, total: Cell });
export const ReviewLitigation = z.object({
  review: reviewGroup,
  litigationDirect: reviewGroup,
  litigationAfterReview: reviewGroup,
});

export const LegacyStat = z.object({ label: z.string(), unit: z.string().nullable(), thisYear: Cell, cumulative: Cell });

export const Tables = z.object({
  proactive: z.discriminatedUnion('edition', [Proactive2021, Proactive2019]).nullable(),
  requests: Requests.nullable(),
  reviewLitigation: ReviewLitigation.nullable(),
  legacyStats: z.array(LegacyStat).nullable(),
  literals: z
    .record(z.string(), z.string())
    .describe('What a cell literally said where it was not a plain number, keyed by dotted model path'),
  lines: z.record(z.string(), z.number().int()).describe('Source line of each table row, keyed by dotted model path'),
});

export const Edition = z.enum(['legacy', '2019', '2021']);

export const EvidenceSource = z
  .enum(['title', 'header', 'body', 'period', 'heading', 'page-field', 'filename', 'folder', 'sidecar', 'registry'])
  .describe('title: the report\'s title (or the line above it); header: a red header 「…文件」 or the name on the line above the title; body: a sentence of the first paragraphs (「本报告由…编制」, 「2021年，…」, 「现公布…」); period: the reporting period (统计期限); heading: a heading that is only a year; page-field: a portal page field (发布机构); filename, folder, sidecar, registry: outside the text');

export const Evidence = z.object({
  field: z.enum(['agency', 'year']),
  value: z.union([z.string(), z.number()]).describe('The agency as written (short forms written out, place added from the text) or the year'),
  source: EvidenceSource,
  weight: z.number().int().describe('How much this kind of evidence counts; a value scores the best weight of each source, summed'),
  line: z.number().int().positive().nullable(),
  text: z.string().describe('What the source said'),
});

export const Identity = z.object({
  agency: Evidence.nullable().describe('The evidence the agency rests on'),
  year: Evidence.nullable().describe('The evidence the year rests on'),
  candidates: z.array(Evidence).describe('Every piece of identity evidence found, in reading order'),
  pageFields: z.array(z.object({ label: z.string(), value: z.string(), line: z.number().int().positive() })).describe('A portal page\'s fields around the report (索引号, 发布机构, 发文日期, 文号, …) as found'),
});

export const Report = z.object({
  id: z.string().describe('"<agency slug>/<year>"'),
  agency: Agency,
  year: z.number().int().nullable(),
  edition: Edition,
  title: z.string().nullable(),
  documentNumber: z.string().nullable().describe('文件号 such as 泉鲤行政管〔2022〕1号'),
  publishedOn: z.string().nullable().describe('ISO date the report was signed or published'),
  source: z.object({
    path: z.string(),
    sha256: z.string().describe('SHA-256 of the file as published'),
    url: z.string().nullable(),
    encoding: z.string(),
    format: z.enum(['text', 'pdf', 'html', 'docx']).describe('How the file was read'),
    tables: z
      .array(z.object({ table: z.enum(['proactive', 'requests', 'reviewLitigation', 'legacyStats']), method: z.enum(['lattice', 'stream', 'html', 'text']), pages: z.array(z.number().int().positive()) }))
      .describe('How each statutory table was found: from ruling lines (lattice), alignment (stream), HTML/Word cells (html), or text'),
  }),
  provenance: z.record(z.string(), z.enum(['text', 'sidecar', 'filename', 'folder', 'registry', 'none'])).describe('Where each identity field came from (agency, year, region)'),
  identity: Identity.describe('How the agency and year were decided'),
  sections: z.object(Object.fromEntries(SECTION_KEYS.map((k) => [k, Section.nullable()])) as Record<(typeof SECTION_KEYS)[number], z.ZodNullable<typeof Section>>),
  tables: Tables,
  findings: z.array(Finding),
  indicators: Indicators.optional().describe('Derived indicators (/data/indicators.json), computed by the archive from tables 2–4 and the agency\'s year before: every published report.json has them; a bare parse (npm run parse) has not'),
});

export type Cell = z.infer<typeof Cell>;
export type Evidence = z.infer<typeof Evidence>;
export type EvidenceSource = z.infer<typeof EvidenceSource>;
export type Identity = z.infer<typeof Identity>;
export type Region = z.infer<typeof Region>;
export type Agency = z.infer<typeof Agency>;
export type Block = z.infer<typeof Block>;
export type Section = z.infer<typeof Section>;
export type Proactive2021 = z.infer<typeof Proactive2021>;
export type Proactive2019 = z.infer<typeof Proactive2019>;
export type RequestRow = z.infer<typeof RequestRow>;
export type Requests = z.infer<typeof Requests>;
export type ReviewLitigation = z.infer<typeof ReviewLitigation>;
export type LegacyStat = z.infer<typeof LegacyStat>;
export type Tables = z.infer<typeof Tables>;
export type Report = z.infer<typeof Report>;
