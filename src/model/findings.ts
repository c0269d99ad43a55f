/**
 * Every finding the parser, the validator and the archive can make, with what it means. The
 * schema is the documentation: `Finding.code` is this enum, and `finding()` is the one way to make one.
 */
import { z } from 'zod';

const CODES = {
  // reading
  empty: 'The file has no readable text.',
  'sidecar-invalid': 'A field of the <file>.meta.yaml sidecar is not allowed or not valid; that field is ignored, the valid ones are used.',
  'sidecar-unreadable': 'The <file>.meta.yaml sidecar cannot be used as a whole (not valid YAML, over 64 KiB, not a file, cannot be read); it is ignored.',
  'narrative-truncated': 'A paragraph far longer than any report\'s (over 20,000 characters) is cut on the page; source.txt keeps it whole.',
  'decode-damaged': 'A few bytes of a UTF-8 file are damaged: they are replaced by U+FFFD and the rest of the text is kept.',
  'no-report-content': 'The file decodes to text, but it has no title, no numbered sections and no statutory table: it is not a report (left out of the site).',
  'scanned-pdf': 'A PDF page has no text layer (a scan, 图片版): the report is kept, but needs a text copy or OCR.',
  'document-unreadable': 'A PDF or Word file could not be read (damaged or encrypted).',
  'legacy-format': 'A legacy Word (.doc) or WPS file: it must be converted to .docx or PDF first.',
  'internal-error': 'nianbao failed on this file (a bug); the report is kept empty, other reports are not affected.',
  'internal-schema': 'The parse result broke the model (a bug).',
  // identity
  'agency-unknown': 'No title, header, first sentence, page field or file name names the reporting body: the report has no permanent URL until a sidecar names it.',
  'agency-from-filename': 'The text does not name the reporting body; it was taken from the file name.',
  'agency-weak': 'The reporting body rests on weak evidence (no title: one sentence or a page field); a sidecar or registry entry would settle it.',
  'agency-conflict': 'Strong evidence names two different bodies (e.g. the title and the first paragraph); the stronger was kept.',
  'year-unknown': 'Neither the title, the reporting period, the first sentences nor the file name states the year covered (dates of publication, 文号 and regulations never count).',
  'year-from-filename': 'The text does not state the year; it was taken from the file name.',
  'year-weak': 'The year rests on weak evidence (no title, no reporting period); a sidecar would settle it.',
  'year-conflict': 'Two strong pieces of evidence state different years (e.g. the title says 2021, the reporting period 2020); the stronger was kept.',
  'region-unknown': 'The division of the body could not be determined from its name, the text or the folders.',
  'region-ambiguous': 'The place in the body\'s name exists in several divisions (鼓楼区) and the text does not say which.',
  'region-code-unknown': 'A sidecar or registry names a region code that is not in GB/T 2260.',
  // structure
  'section-missing': 'One of the six statutory sections was not found by its heading.',
  'table-missing': 'Table 2, 3 or 4 was not found.',
  'proactive-row-unknown': 'A row in table 2 is not a statutory row; its values were ignored.',
  'proactive-row-missing': 'A statutory row of table 2 is missing; its cells are blank.',
  'requests-row-unknown': 'A row in table 3 is not a statutory row; its values were ignored.',
  'requests-row-duplicate': 'A row of table 3 appears twice; the first was kept.',
  'requests-row-missing': 'A statutory row of table 3 is missing; its cells are blank.',
  'requests-row-width': 'A row of table 3 has more or fewer than seven values.',
  'review-values-missing': 'Table 4 has its header but no values.',
  'review-values-width': 'Table 4 does not have fifteen values.',
  'legacy-values-missing': 'An indicator of the legacy appendix has no value.',
  // arithmetic
  'requests-balance': 'Table 3, one column: 新收 + 上年结转 ≠ 总计 + 结转下年度.',
  'requests-results': 'Table 3, one column: （七）总计 ≠ the sum of the result rows.',
  'requests-row-total': 'Table 3, one row: the 总计 column ≠ the sum of the six applicant columns.',
  'requests-total-blank': 'Table 3 leaves its 总计 column blank (common; nothing to check against).',
  'review-total': 'Table 4, one group: 总计 ≠ 维持 + 纠正 + 其他 + 尚未审结.',
  'cell-not-count': 'A count is negative or not a whole number.',
  'narrative-mismatch': 'A number stated in the text differs from the table.',
  'carry-over-mismatch': 'This year\'s 上年结转 differs from last year\'s 结转下年度 of the same agency.',
  'stock-flow-mismatch': 'Table 2 (2021 form), 规章 or 规范性文件: this year\'s 现行有效 ≠ last year\'s 现行有效 + 本年制发 − 本年废止 of the same agency.',
  'indicator-jump': 'An indicator changed more than fivefold from the agency\'s previous year (ratio above 5 or below 0.2) with enough cases in both years: worth checking both reports.',
} as const;

export type FindingCode = keyof typeof CODES;

export const FindingCode = z
  .enum(Object.keys(CODES) as [FindingCode, ...FindingCode[]])
  .describe(`Stable rule id. ${Object.entries(CODES).map(([code, what]) => `${code}: ${what}`).join(' ')}`);

/** What each code means (for the data page and the docs). */
export const FINDING_CODES: Readonly<Record<FindingCode, string>> = CODES;

export const Severity = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof Severity>;

export const Finding = z.object({
  code: FindingCode,
  severity: Severity,
  message: z.string().describe('Explanation in Chinese, for readers'),
  path: z.array(z.union([z.string(), z.number()])).describe('Where in the model the finding points, e.g. ["tables","requests","rows","total","naturalPerson"]'),
  line: z.number().int().positive().nullable().describe('1-based line in the source text, when known'),
  column: z.number().int().positive().nullable().describe('1-based column in the source text, when known'),
  page: z.number().int().positive().nullable().describe('For a PDF: the 1-based page, when known'),
});
export type Finding = z.infer<typeof Finding>;

/** The one way to make a finding. */
export function finding(code: FindingCode, severity: Severity, message: string, path: Finding['path'] = [], line: number | null = null, column: number | null = null, page: number | null = null): Finding {
  return { code, severity, message, path, line, column, page };
}
