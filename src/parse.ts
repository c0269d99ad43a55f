/**
 * The pipeline for one report: read → segment → extract → validate.
 * Pure: bytes (and an optional sidecar) in, a schema-valid Report out. It never throws —
 * whatever it cannot read becomes an error finding, so one bad file never costs another.
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { pinyin } from 'pinyin-pro';
import { z } from 'zod';
import { decode, type SourceLine } from './read/decode.ts';
import { findSections, type SectionSpan } from './segment/sections.ts';
import { canonicalAgencyName, detectEdition, findDocumentNumber, findPublishedOn, findStatedYear, findTitle } from './extract/metadata.ts';
import { regionByCode, resolveRegion } from './extract/region.ts';
import { extractLegacyStats, extractProactive, extractRequests, extractReviewLitigation, type Extracted } from './extract/tables.ts';
import { toBlocks } from './extract/blocks.ts';
import { validate } from './validate/rules.ts';
import { SECTION_KEYS, SECTIONS, type SectionKey } from './model/labels.ts';
import { Report, type Finding, type Region, type Section, type Tables } from './model/report.ts';

/** The optional `<report file>.meta.yaml`: every field overrides what the text says. */
export const Sidecar = z
  .object({
    agency: z.string().min(1).optional(),
    year: z.number().int().min(1990).max(2100).optional(),
    region: z.union([z.string().regex(/^\d{6}$/), z.number().int()]).optional(),
    sourceUrl: z.string().url().optional(),
    publishedOn: z.union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.date()]).optional(),
  })
  .strict();
export type Sidecar = z.infer<typeof Sidecar>;

export interface ParseInput {
  bytes: Uint8Array;
  /** Path as the archive knows it (relative to the reports folder), used for provenance and messages. */
  path: string;
  /** Parsed YAML of the sidecar, if any; validated here. */
  sidecar?: unknown;
}

/** ASCII slug: toneless pinyin of the canonical name, letters and digits only. */
export function slugOf(name: string): string {
  const s = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('')
    .toLowerCase()
    .replace(/ü/g, 'v')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s || 'unknown';
}

/** Agency and year from a file name such as 「海淀区人民政府-2020.txt」. */
export function identityFromFileName(path: string): { agency: string | null; year: number | null } {
  const stem = basename(path).replace(/\.[^.]+$/, '');
  const m = /^(.*?)[-_\s]*((?:19|20)\d{2})年?(?:度)?(?:[-_].*)?$/u.exec(stem);
  if (!m) return { agency: null, year: null };
  const agency = m[1]!.replace(/[-_\s]+$/, '');
  return { agency: /[\u4e00-\u9fa5]/.test(agency) ? agency : null, year: Number(m[2]) };
}

const f = (code: string, severity: Finding['severity'], message: string, path: Finding['path'] = [], line: number | null = null): Finding => ({
  code,
  severity,
  message,
  path,
  line,
  column: null,
});

function buildSections(lines: readonly SourceLine[], spans: SectionSpan[], consumed: ReadonlySet<number>): Report['sections'] {
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
  const { encoding, lines } = decode(input.bytes);

  let sidecar: Sidecar = {};
  if (input.sidecar !== undefined && input.sidecar !== null) {
    const parsed = Sidecar.safeParse(input.sidecar);
    if (parsed.success) sidecar = parsed.data;
    else
      findings.push(
        f('sidecar-invalid', 'error', `附加元数据文件（${input.path}.meta.yaml）无法使用：${parsed.error.issues.map((i) => `${i.path.join('.') || '（整体）'}：${i.message}`).join('；')}。可用字段为 agency、year、region（六位区划代码）、sourceUrl、publishedOn（YYYY-MM-DD）。`),
      );
  }

  if (lines.every((l) => l.text.trim() === '')) findings.push(f('empty', 'error', `文件 ${input.path} 没有可读的文字内容。`));

  // segment
  const edition = detectEdition(lines);
  const spans = findSections(lines);
  const title = findTitle(lines);
  const fromName = identityFromFileName(input.path);
  const provenance: Report['provenance'] = {};

  // identity: sidecar > text > file name
  let agencyName: string | null = null;
  if (sidecar.agency) [agencyName, provenance['agency']] = [sidecar.agency, 'sidecar'];
  else if (title?.agency) [agencyName, provenance['agency']] = [title.agency, 'text'];
  else if (fromName.agency) {
    [agencyName, provenance['agency']] = [fromName.agency, 'filename'];
    findings.push(f('agency-from-filename', 'info', `正文未写明发布机关，机关名称「${fromName.agency}」取自文件名。`, ['agency', 'name']));
  } else {
    provenance['agency'] = 'none';
    findings.push(f('agency-unknown', 'error', `无法确定发布机关：正文没有「××${'年'}政府信息公开工作年度报告」式的标题，文件名也未写明机关。请添加 ${input.path}.meta.yaml，写明 agency。`, ['agency', 'name']));
  }

  let year: number | null = null;
  const stated = findStatedYear(lines);
  if (sidecar.year) [year, provenance['year']] = [sidecar.year, 'sidecar'];
  else if (title) [year, provenance['year']] = [title.year, 'text'];
  else if (stated) [year, provenance['year']] = [stated.year, 'text'];
  else if (fromName.year) {
    [year, provenance['year']] = [fromName.year, 'filename'];
    findings.push(f('year-from-filename', 'info', `正文未写明报告年度，年度 ${fromName.year} 取自文件名。`, ['year']));
  } else {
    provenance['year'] = 'none';
    findings.push(f('year-unknown', 'error', `无法确定报告年度：正文标题与统计时限均未写明年度。请添加 ${input.path}.meta.yaml，写明 year。`, ['year']));
  }
  if (title && stated && stated.year !== title.year) {
    findings.push(f('year-conflict', 'warning', `标题年度为 ${title.year}，但第${stated.line}行所述统计时限为 ${stated.year} 年。`, ['year'], stated.line));
  }

  const canonical = agencyName ? canonicalAgencyName(agencyName) : '未知机关';
  const aliases = [...new Set([agencyName, title?.agency].filter((a): a is string => !!a).map((a) => a.replace(/\s+/g, '')))].filter((a) => a !== canonical);

  const fullText = lines.map((l) => l.text).join('\n');
  let region: Region | null = null;
  if (sidecar.region !== undefined) {
    const code = String(sidecar.region);
    region = regionByCode(code);
    provenance['region'] = 'sidecar';
    if (!region) findings.push(f('region-code-unknown', 'error', `附加元数据中的区划代码 ${code} 不在 GB/T 2260 区划表中。`, ['agency', 'region']));
  } else if (agencyName) {
    const r = resolveRegion(canonical, fullText);
    region = r.region;
    provenance['region'] = region ? 'text' : 'none';
    if (r.ambiguous.length) {
      findings.push(f('region-ambiguous', 'warning', `机关名称中的地名对应多个行政区划（${r.ambiguous.map((a) => `${a.path.join('')} ${a.code}`).join('、')}），正文未给出足以区分的上级地名。请在 ${input.path}.meta.yaml 中写明 region。`, ['agency', 'region']));
    } else if (!region) {
      findings.push(f('region-unknown', 'warning', `无法从机关名称「${canonical}」确定所属行政区划。请在 ${input.path}.meta.yaml 中写明 region（六位区划代码）。`, ['agency', 'region']));
    }
  } else provenance['region'] = 'none';

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
    Object.assign(tables.literals, e.literals);
    Object.assign(tables.lines, e.lines);
    return e.value;
  };
  if (edition === 'legacy') {
    tables.legacyStats = take(extractLegacyStats(lines, { start: 0, end: lines.length }));
  } else {
    tables.proactive = take(extractProactive(lines, rangeOf('proactive'), edition));
    tables.requests = take(extractRequests(lines, rangeOf('requests'), edition));
    tables.reviewLitigation = take(extractReviewLitigation(lines, rangeOf('reviewLitigation')));
    if (!tables.proactive) findings.push(f('table-missing', 'error', '未找到表二「主动公开政府信息情况」（以「第二十条第（一）项」开头的表格）。', ['tables', 'proactive']));
    if (!tables.requests) findings.push(f('table-missing', 'error', '未找到表三「收到和处理政府信息公开申请情况」（含「申请人情况」表头的表格）。', ['tables', 'requests']));
    if (!tables.reviewLitigation) findings.push(f('table-missing', 'error', '未找到表四「政府信息公开行政复议、行政诉讼情况」（含「结果维持」表头的表格）。', ['tables', 'reviewLitigation']));
  }

  for (const key of SECTION_KEYS) {
    if (!span(key) && edition !== 'legacy') {
      const title = SECTIONS.find((s) => s.key === key)!.canonical;
      findings.push(f('section-missing', 'warning', `未找到第${'一二三四五六'[SECTION_KEYS.indexOf(key)]}部分「${title}」。`, ['sections', key]));
    }
  }
  if (edition === 'legacy' && spans.length === 0) findings.push(f('section-missing', 'warning', '未找到任何以「一、」「二、」编号的部分标题。', ['sections']));

  const sections = buildSections(lines, spans, consumed);
  const report: Report = {
    id: `${slugOf(canonical)}/${year ?? 'unknown'}`,
    agency: { name: canonical, aliases, slug: slugOf(canonical), region },
    year,
    edition,
    title: title?.title ?? null,
    documentNumber: findDocumentNumber(lines, title ? lines.findIndex((l) => l.line === title.line) : 30),
    publishedOn: sidecar.publishedOn
      ? sidecar.publishedOn instanceof Date
        ? sidecar.publishedOn.toISOString().slice(0, 10)
        : sidecar.publishedOn
      : findPublishedOn(lines),
    source: { path: input.path, sha256, url: sidecar.sourceUrl ?? null, encoding },
    provenance,
    sections,
    tables,
    findings,
  };
  report.findings.push(...validate(report));
  return report;
}

/** Parse one report. Never throws: an internal failure becomes an error finding on an empty report. */
export function parseReport(input: ParseInput): Report {
  try {
    const report = parseUnsafe(input);
    const check = Report.safeParse(report);
    if (check.success) return check.data;
    return { ...report, findings: [...report.findings, f('internal-schema', 'error', `解析结果不符合数据模型：${check.error.issues[0]?.path.join('.')} ${check.error.issues[0]?.message}。这是 nianbao 的缺陷，请报告。`)] };
  } catch (err) {
    return emptyReport(input, f('internal-error', 'error', `解析 ${input.path} 时出现内部错误（${err instanceof Error ? err.message : String(err)}）。这是 nianbao 的缺陷，请报告；其他报告不受影响。`));
  }
}

function emptyReport(input: ParseInput, finding: Finding): Report {
  return {
    id: 'unknown/unknown',
    agency: { name: '未知机关', aliases: [], slug: 'unknown', region: null },
    year: null,
    edition: 'legacy',
    title: null,
    documentNumber: null,
    publishedOn: null,
    source: { path: input.path, sha256: createHash('sha256').update(input.bytes).digest('hex'), url: null, encoding: 'unknown' },
    provenance: {},
    sections: Object.fromEntries(SECTION_KEYS.map((k) => [k, null])) as Report['sections'],
    tables: { proactive: null, requests: null, reviewLitigation: null, legacyStats: null, literals: {}, lines: {} },
    findings: [finding],
  };
}
