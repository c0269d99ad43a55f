/**
 * The pipeline for one report: read → segment → extract → validate.
 * Pure: bytes (and an optional sidecar) in, a schema-valid Report out. It never throws —
 * whatever it cannot read becomes an error finding, so one bad file never costs another.
 */
import { createHash } from 'node:crypto';
import type { SourceLine } from './read/decode.ts';
import type { ReadDocument } from './read/document.ts';
import { readText } from './read/index.ts';
import { findSections, type SectionSpan } from './segment/sections.ts';
import { detectEdition, findDocumentNumber, findPublishedOn } from './extract/metadata.ts';
import { identify } from './extract/identity/identify.ts';
import { slugOfKey } from './extract/identity/names.ts';
import { isTraditional, toSimplified } from './read/script.ts';
import { normaliseLines, type NormalLine } from './read/text.ts';
import { extractLegacyStats, extractProactive, extractRequests, extractReviewLitigation, type Extracted } from './extract/tables.ts';
import { toBlocks } from './extract/blocks.ts';
import { checkSidecar } from './extract/sidecar.ts';
import { validate } from './validate/rules.ts';
import { isWellFormed } from './validate/model.ts';
import { SECTION_KEYS, SECTIONS, type SectionKey } from './model/labels.ts';
import { Report, type Section, type Tables } from './model/report.ts';
import { finding, type Finding } from './model/findings.ts';

export interface ParseInput {
  bytes: Uint8Array;
  /** Path as the archive knows it (relative to the reports folder), used for provenance and messages. */
  path: string;
  /** Parsed YAML of the sidecar, if any; validated here. */
  sidecar?: unknown;
  /** The document as a reader gave it (PDF, HTML, DOCX); without it, `bytes` are read as text. */
  document?: ReadDocument;
}

/** The finding each reader note becomes. */
const NOTES = {
  scanned: ['scanned-pdf', 'error'],
  unreadable: ['document-unreadable', 'error'],
  encrypted: ['document-unreadable', 'error'],
  'legacy-format': ['legacy-format', 'error'],
  damaged: ['decode-damaged', 'warning'],
} as const;
/** Longest paragraph kept whole (characters): a real report's longest are a few thousand. */
const MAX_PARAGRAPH = 20_000;
const NOTE_FINDINGS = new Set<string>(Object.values(NOTES).map(([code]) => code));

/** How each statutory table was read: the reader's method for the table its first row stands in. */
function tableMethods(doc: ReadDocument, lines: readonly SourceLine[], rowLines: Record<string, number>): Report['source']['tables'] {
  const out: Report['source']['tables'] = [];
  // The first line of each table, in one pass over its rows' lines (keyed 「requests.rows.granted」, 「reviewLitigation」).
  const firstLine = new Map<string, number>();
  for (const key in rowLines) {
    const dot = key.indexOf('.');
    const table = dot < 0 ? key : key.slice(0, dot);
    firstLine.set(table, Math.min(firstLine.get(table) ?? Infinity, rowLines[key]!));
  }
  for (const table of ['proactive', 'requests', 'reviewLitigation', 'legacyStats'] as const) {
    const first = firstLine.get(table);
    if (first === undefined) continue;
    // A text file has no tables of the reader's own: no need to find the line.
    const index = doc.tables.length ? lines.findIndex((l) => l.line === first) : -1;
    const found = doc.tables.find((t) => index >= t.start && index < t.end);
    out.push({ table, method: found?.method ?? 'text', pages: found?.pages ?? [] });
  }
  return out;
}

function buildSections(lines: readonly NormalLine[], spans: SectionSpan[], consumed: ReadonlySet<number>): Report['sections'] {
  const out = Object.fromEntries(SECTION_KEYS.map((k) => [k, null])) as Record<SectionKey, Section | null>;
  for (const span of spans) {
    const bounds = [span.start, ...span.parts.map((p) => p.start), span.end];
    const blocks: Section['blocks'] = [];
    bounds.slice(0, -1).forEach((from, i) => {
      const part = i === 0 ? null : span.parts[i - 1]!;
      // A further legacy part under the same key keeps its own title as a heading.
      if (part) blocks.push({ type: 'heading', marker: part.marker, text: part.title, line: lines[part.start]!.line });
      blocks.push(...toBlocks(lines, from + 1, bounds[i + 1]!, consumed));
    });
    out[span.key] = { title: span.title, line: span.line, blocks };
  }
  return out;
}

function parseUnsafe(input: ParseInput): Report {
  const findings: Finding[] = [];
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  // Text is decoded here; PDF, HTML and DOCX come already read (src/read/index.ts), each read once.
  const doc = input.document ?? readText(input.bytes);
  const { encoding, lines: source } = doc;
  for (const note of doc.notes) findings.push(finding(NOTES[note.code][0], NOTES[note.code][1], note.message, [], note.line ?? null, null, note.page ?? null));

  const { sidecar, findings: sidecarFindings } = checkSidecar(input.sidecar, input.path);
  findings.push(...sidecarFindings);

  if (source.every((l) => l.text.trim() === '')) findings.push(finding('empty', 'error', `文件 ${input.path} 没有可读的文字内容。`));

  // Every line normalised once, here, for all the stages below. Traditional-script copies are
  // matched in Simplified; the narrative keeps what the agency wrote (`printed`).
  const printed = normaliseLines(source);
  const lines = isTraditional(source) ? normaliseLines(toSimplified(source)) : printed;
  const edition = detectEdition(lines);
  const spans = findSections(lines, source);
  const id = identify({ lines, path: input.path, sidecar: { agency: sidecar.agency, year: sidecar.year, region: sidecar.region } });
  findings.push(...id.findings);
  const canonical = id.agency ?? '未知机关';

  // extract tables, each within its section (or the whole text when sections are missing)
  const span = (key: SectionKey) => spans.find((s) => s.key === key);
  const rangeOf = (key: SectionKey) => {
    const s = span(key);
    return s ? { start: s.start, end: s.end } : { start: 0, end: lines.length };
  };
  const consumed = new Set<number>();
  const tables: Tables = { proactive: null, requests: null, reviewLitigation: null, legacyStats: null, literals: {}, lines: {} };
  const take = <T>(e: Extracted<T>): T => {
    findings.push(...e.findings);
    for (const i of e.consumed) consumed.add(i);
    return e.value;
  };
  if (edition === 'legacy') {
    tables.legacyStats = take(extractLegacyStats(lines, { start: 0, end: lines.length }, tables));
  } else {
    // Each writes its literal cells and row lines straight into `tables`.
    tables.proactive = take(extractProactive(lines, rangeOf('proactive'), edition, tables));
    tables.requests = take(extractRequests(lines, rangeOf('requests'), edition, tables));
    tables.reviewLitigation = take(extractReviewLitigation(lines, rangeOf('reviewLitigation'), tables));
    if (!tables.proactive) findings.push(finding('table-missing', 'error', '未找到表二「主动公开政府信息情况」（以「第二十条第（一）项」开头的表格）。', ['tables', 'proactive']));
    if (!tables.requests) findings.push(finding('table-missing', 'error', '未找到表三「收到和处理政府信息公开申请情况」（含「申请人情况」表头的表格）。', ['tables', 'requests']));
    if (!tables.reviewLitigation) findings.push(finding('table-missing', 'error', '未找到表四「政府信息公开行政复议、行政诉讼情况」（含「结果维持」表头的表格）。', ['tables', 'reviewLitigation']));
  }

  for (const key of SECTION_KEYS) {
    if (!span(key) && edition !== 'legacy') {
      const title = SECTIONS.find((s) => s.key === key)!.canonical;
      findings.push(finding('section-missing', 'warning', `未找到第${'一二三四五六'[SECTION_KEYS.indexOf(key)]}部分「${title}」。`, ['sections', key]));
    }
  }
  if (edition === 'legacy' && spans.length === 0) findings.push(finding('section-missing', 'warning', '未找到任何以「一、」「二、」编号的部分标题。', ['sections']));

  // Text with no title, no numbered section and no statutory table is not a report (a note, a damaged
  // file read as GBK) — unless its sidecar names its agency and year: the maintainer vouches for it.
  const hasTable = [tables.proactive, tables.requests, tables.reviewLitigation].some(Boolean) || (tables.legacyStats?.length ?? 0) > 0;
  const vouched = id.provenance['agency'] === 'sidecar' && id.provenance['year'] === 'sidecar';
  if (!vouched && !id.title && spans.length === 0 && !hasTable && !findings.some((f) => f.code === 'empty' || f.severity === 'error' && NOTE_FINDINGS.has(f.code)))
    findings.push(finding('no-report-content', 'error', `文件 ${input.path} 的文字中没有报告标题、没有“一、二、”编号的部分，也没有法定统计表：它不像一份政府信息公开工作年度报告，未收入网站。如确是年报，请检查文件是否损坏或编码有误。`));

  const sections = buildSections(printed, spans, consumed);
  // A paragraph of a size no report has (a file glued into one line) would make the page unusable: cut, and said.
  for (const section of Object.values(sections))
    for (const block of section?.blocks ?? [])
      if (block.type === 'paragraph' && block.text.length > MAX_PARAGRAPH) {
        findings.push(finding('narrative-truncated', 'warning', `第${block.line}行的段落有 ${block.text.length} 个字，远超一份报告的段落长度，网页只显示前 ${MAX_PARAGRAPH} 个字；全文见原文文本。`, [], block.line));
        block.text = `${block.text.slice(0, MAX_PARAGRAPH)}……`;
      }
  const slug = id.key !== null ? slugOfKey(id.key, id.region) : 'unknown';
  const report: Report = {
    id: `${slug}/${id.year ?? 'unknown'}`,
    agency: { name: canonical, aliases: id.aliases, slug, region: id.region, registered: false },
    year: id.year,
    edition,
    title: id.title,
    documentNumber: findDocumentNumber(lines, id.titleLine ? lines.findIndex((l) => l.line === id.titleLine) : 30) ?? id.pageFields.find((p) => /文号|发文字号/.test(p.label) && /\d/.test(p.value))?.value ?? null,
    publishedOn: sidecar.publishedOn ?? findPublishedOn(lines) ?? id.pageDate,
    source: { path: input.path, sha256, url: sidecar.sourceUrl ?? null, encoding, format: doc.format, tables: tableMethods(doc, lines, tables.lines) },
    provenance: id.provenance,
    identity: { agency: id.evidence.agency, year: id.evidence.year, candidates: id.evidence.candidates, pageFields: id.pageFields },
    sections,
    tables,
    findings,
  };
  report.findings.push(...validate(report));
  // In a PDF, a line stands on a page: say it, so a finding can be checked against the document.
  // (Text read here has no pages: only a reader's document can say.)
  const pageOf = new Map(input.document ? lines.filter((l) => l.page !== undefined).map((l) => [l.line, l.page!]) : []);
  if (pageOf.size) for (const f of report.findings) if (f.page === null && f.line !== null) f.page = pageOf.get(f.line) ?? null;
  return report;
}

/** Parse one report. Never throws: an internal failure becomes an error finding on an empty report. */
export function parseReport(input: ParseInput): Report {
  try {
    const report = parseUnsafe(input);
    // Typed code built it: a cheap check of what the types do not prove passes nearly every report;
    // what it doubts, the schema decides (src/validate/model.ts says why).
    if (isWellFormed(report)) return report;
    const check = Report.safeParse(report);
    if (check.success) return check.data;
    return { ...report, findings: [...report.findings, finding('internal-schema', 'error', `解析结果不符合数据模型：${check.error.issues[0]?.path.join('.')} ${check.error.issues[0]?.message}。这是 nianbao 的缺陷，请报告。`)] };
  } catch (err) {
    return emptyReport(input, finding('internal-error', 'error', `解析 ${input.path} 时出现内部错误（${err instanceof Error ? err.message : String(err)}）。这是 nianbao 的缺陷，请报告；其他报告不受影响。`));
  }
}

function emptyReport(input: ParseInput, finding: Finding): Report {
  return {
    id: 'unknown/unknown',
    agency: { name: '未知机关', aliases: [], slug: 'unknown', region: null, registered: false },
    year: null,
    edition: 'legacy',
    title: null,
    documentNumber: null,
    publishedOn: null,
    source: { path: input.path, sha256: createHash('sha256').update(input.bytes).digest('hex'), url: null, encoding: 'unknown', format: input.document?.format ?? 'text', tables: [] },
    provenance: {},
    identity: { agency: null, year: null, candidates: [], pageFields: [] },
    sections: Object.fromEntries(SECTION_KEYS.map((k) => [k, null])) as Report['sections'],
    tables: { proactive: null, requests: null, reviewLitigation: null, legacyStats: null, literals: {}, lines: {} },
    findings: [finding],
  };
}
