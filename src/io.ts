/**
 * File I/O at the edge: read a report (text, PDF, HTML or DOCX) and its optional sidecar, hand the
 * document to the pure parser. Reading a PDF or a Word file is asynchronous (pdf.js, mammoth).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { FOLDER_META, REGISTRY_FILE, scanFolder, type FolderEntry } from './folder.ts';
import { join } from 'node:path';
import { LineCounter, parse as parseYaml, parseDocument, YAMLError } from 'yaml';
import { Registry } from './model/registry.ts';
import { parseReport } from './parse.ts';
import { SIDECAR_MAX_BYTES } from './extract/sidecar.ts';
import { readDocument } from './read/index.ts';
import type { Report } from './model/report.ts';
import { finding, type Finding } from './model/findings.ts';

/**
 * `text`: the report as read, in UTF-8, one line per source line (what source.txt serves; for a PDF,
 * HTML or DOCX, the text extracted, table rows as tab-separated cells). `bytes`: the file as published.
 */
export type ReadResult = { ok: true; report: Report; text: string; bytes: Uint8Array } | { ok: false; reason: string };

/** What a report's parse depends on, read from disk: the file's bytes and its sidecar (own or the folder's). */
export type ReportInputs = { ok: true; bytes: Buffer; sidecar: unknown; extra: Finding[] } | { ok: false; reason: string };

/** `path` may be bytes: a file name that is not UTF-8 (GBK names copied from Windows) still opens. */
export function readReportInputs(path: string | Buffer, displayPath = String(path), folderMetas: FolderMetas = new Map()): ReportInputs {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, not a report file' : code === 'EACCES' ? 'permission denied' : String(err);
    return { ok: false, reason: `${displayPath}: cannot read (${why})` };
  }
  return { ok: true, bytes, ...readSidecarFile(path, displayPath, folderMetas) };
}

/** Read the document (PDF, DOCX, HTML, text) and parse it: the report and its text as read. Never throws. */
export async function parseInputs(inputs: { bytes: Buffer; sidecar: unknown; extra: Finding[] }, displayPath: string): Promise<{ report: Report; text: string }> {
  const { bytes, sidecar, extra } = inputs;
  const document = await readDocument(bytes, displayPath);
  const report = parseReport({ bytes, path: displayPath, sidecar, document });
  report.findings.unshift(...extra);
  return { report, text: document.lines.map((l) => l.text).join('\n') };
}

/** `path` may be bytes: a file name that is not UTF-8 (GBK names copied from Windows) still opens. */
export async function readReportFile(path: string | Buffer, displayPath = String(path), folderMetas: FolderMetas = new Map()): Promise<ReadResult> {
  const inputs = readReportInputs(path, displayPath, folderMetas);
  if (!inputs.ok) return inputs;
  return { ok: true, ...(await parseInputs(inputs, displayPath)), bytes: inputs.bytes };
}

/**
 * `<report file>.meta.yaml`, parsed, if there is one. Findings name it as the archive knows it
 * (relative to the reports folder), never by a machine path; a file over 64 KiB is not read.
 */
function readSidecarFile(reportPath: string | Buffer, displayPath: string, folderMetas: FolderMetas): { sidecar: unknown; extra: Finding[] } {
  const path = typeof reportPath === 'string' ? `${reportPath}.meta.yaml` : Buffer.concat([reportPath, Buffer.from('.meta.yaml')]);
  const unreadable = (why: string) => ({ sidecar: undefined, extra: [finding('sidecar-unreadable', 'error', `附加元数据文件 ${displayPath}.meta.yaml ${why}。已忽略该文件。`)] });
  const cannot = (err: unknown) => {
    const code = (err as NodeJS.ErrnoException).code;
    return unreadable(`无法读取（${code === 'EACCES' ? '没有读取权限' : (code ?? '未知错误')}）`);
  };
  let text: string;
  try {
    // A name too long for a sidecar of its own (name + .meta.yaml over 255 bytes) has its entry in the folder's meta.yaml.
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) return folderSidecar(reportPath, displayPath, folderMetas);
    if (!stat.isFile()) return unreadable(`不是普通文件${stat.isDirectory() ? '（是文件夹）' : ''}，未读取`);
    if (stat.size > SIDECAR_MAX_BYTES) return unreadable(`有 ${stat.size} 字节，超过 64 KiB 的上限，未读取（附加元数据只需几行：agency、year、region、sourceUrl、publishedOn）`);
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENAMETOOLONG') return folderSidecar(reportPath, displayPath, folderMetas);
    return cannot(err);
  }
  try {
    return { sidecar: parseYaml(text, { logLevel: 'error' }), extra: [] };
  } catch (err) {
    // Said in Chinese, with the position; the YAML library's code kept for looking it up.
    const e = err instanceof YAMLError ? err : null;
    const at = e?.linePos?.[0] ? `第 ${e.linePos[0].line} 行第 ${e.linePos[0].col} 列` : '';
    const what = e ? (YAML_ERRORS[e.code] ?? '语法错误') : '内容过于复杂';
    return unreadable(`不是有效的 YAML（${at}${at ? '：' : ''}${what}${e ? `，${e.code}` : ''}）`);
  }
}

/** The YAML mistakes a hand-written sidecar makes, in Chinese. */
const YAML_ERRORS: Partial<Record<string, string>> = {
  DUPLICATE_KEY: '同一字段写了两次',
  BAD_INDENT: '缩进有误或括号未闭合',
  TAB_AS_INDENT: '用制表符缩进（应为空格）',
  MISSING_CHAR: '括号或引号未闭合',
  UNEXPECTED_TOKEN: '有多余或错位的符号',
  MULTIPLE_DOCS: '含多个 YAML 文档（只应有一个）',
  BAD_DQ_ESCAPE: '双引号内的转义有误',
  MULTILINE_IMPLICIT_KEY: '字段名跨行',
  BLOCK_AS_IMPLICIT_KEY: '一行中有两处「冒号加空格」（值里有「: 」时请给值加引号）',
};

/** Each folder's `meta.yaml`, read once per load: its `files` map, or the finding that it cannot be used. */
export type FolderMetas = Map<string, { files: Record<string, unknown>; extra: Finding[] }>;

/** The folder's `meta.yaml`: `files: { <file name>: <sidecar fields> }`, for names too long for a sidecar of their own. */
function folderSidecar(reportPath: string | Buffer, displayPath: string, folderMetas: FolderMetas): { sidecar: unknown; extra: Finding[] } {
  const raw = Buffer.from(reportPath);
  const folderMeta = Buffer.concat([raw.subarray(0, raw.lastIndexOf(0x2f) + 1), Buffer.from(FOLDER_META)]);
  const name = displayPath.split('/').pop()!;
  const key = folderMeta.toString('latin1');
  let meta = folderMetas.get(key);
  if (!meta) {
    meta = readFolderMeta(folderMeta, `${displayPath.slice(0, displayPath.length - name.length)}${FOLDER_META}`);
    folderMetas.set(key, meta);
  }
  return { sidecar: meta.files[name], extra: meta.extra };
}

function readFolderMeta(path: Buffer, where: string): { files: Record<string, unknown>; extra: Finding[] } {
  const bad = (why: string) => ({ files: {}, extra: [finding('sidecar-unreadable', 'error', `文件夹元数据 ${where} ${why}。已忽略。`)] });
  let stat;
  try {
    stat = statSync(path, { throwIfNoEntry: false });
  } catch {
    return bad('无法读取');
  }
  if (!stat?.isFile()) return { files: {}, extra: [] };
  if (stat.size > SIDECAR_MAX_BYTES * 16) return bad('超过 1 MiB，未读取');
  let doc: unknown;
  try {
    doc = parseYaml(readFileSync(path, 'utf8'), { logLevel: 'error' });
  } catch {
    return bad('不是有效的 YAML');
  }
  const files = (doc as { files?: unknown } | null)?.files;
  if (files !== undefined && (typeof files !== 'object' || files === null || Array.isArray(files))) return bad('的 files 应为「文件名: 字段」的映射');
  return { files: (files as Record<string, unknown> | undefined) ?? {}, extra: [] };
}

export { REGISTRY_FILE } from './folder.ts';

/** The report files below a folder, as paths relative to it (see folder.ts for what is not a report). */
export function listReportFiles(dir: string): string[] {
  return scanFolder(dir)
    .filter((e) => e.kind === 'report')
    .map((e) => e.path);
}

export interface LoadedRegistry {
  registry: Registry | null;
  /** One line each: where in agencies.yaml, what is wrong, what to do. */
  errors: string[];
}

/** reports/agencies.yaml, validated; a broken registry is reported and ignored, never fatal. */
export function loadRegistry(dir: string): LoadedRegistry {
  const path = join(dir, REGISTRY_FILE);
  if (!existsSync(path)) return { registry: null, errors: [] };
  const text = readFileSync(path, 'utf8');
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const at = (offset: number | undefined) => (offset === undefined ? '' : `:${lines.linePos(offset).line}`);
  if (doc.errors.length) return { registry: null, errors: doc.errors.map((e) => `${path}${at(e.pos[0])}: not valid YAML (${e.message.split('\n')[0]}); the registry is ignored until it is fixed.`) };
  const parsed = Registry.safeParse(doc.toJS() ?? {});
  if (parsed.success) return { registry: parsed.data, errors: [] };
  return {
    registry: null,
    errors: parsed.error.issues.map((i) => {
      // The offending node, or the nearest one that exists (a missing key: its entry).
      let node: { range?: [number, number, number] } | undefined;
      for (let n = i.path.length; n >= 0 && !node?.range; n--) node = doc.getIn(i.path.slice(0, n), true) as typeof node;
      return `${path}${at(node?.range?.[0])}: ${i.path.join('.') || '(top)'}: ${i.message}. Each entry needs name; slug, region (six-digit code), aliases and formerNames are optional. The registry is ignored until it is fixed.`;
    }),
  };
}

export interface LoadedReports extends LoadedRegistry {
  reports: Report[];
  /** Decoded text by the report's source path. */
  sources: Map<string, string>;
  /** One line each: the file and why it could not be read. */
  unreadable: string[];
  /** Files that are not reports (images, notes, copies with other extensions, links out of the folder), with why. */
  ignored: { path: string; reason: string }[];
  /** Files used beside the reports: sidecars of reports and the registry. */
  used: { path: string; as: string }[];
  /** The file of each report read from a PDF, HTML or DOCX (served beside the text), by source path. */
  originals: Map<string, string>;
}

/** The reports folder accounted for: the report files to read, and every other entry with what it is. */
export interface FolderAccount extends LoadedRegistry {
  files: FolderEntry[];
  unreadable: string[];
  ignored: { path: string; reason: string }[];
  used: { path: string; as: string }[];
}

/** List `dir`: the report files, and every other entry once (used beside the reports, ignored with why, unreadable). */
export function accountFolder(dir: string): FolderAccount {
  const entries = scanFolder(dir);
  const files = entries.filter((e) => e.kind === 'report');
  const out: FolderAccount = { files, unreadable: [], ignored: [], used: [], ...loadRegistry(dir) };
  // Every entry accounted for: a report read (or not), a sidecar of a report, the registry, or ignored with why.
  const reportPaths = new Set(files.map((e) => e.path));
  for (const e of entries) {
    if (e.kind === 'unreadable') out.unreadable.push(`${e.path}: ${e.reason}`);
    else if (e.kind === 'ignored') out.ignored.push({ path: e.path, reason: e.reason! });
    else if (e.kind === 'registry') out.used.push({ path: e.path, as: 'the agency registry' });
    else if (e.kind === 'record') out.used.push({ path: e.path, as: 'the record of published URLs' });
    else if (e.kind === 'config') out.used.push({ path: e.path, as: 'the site configuration' });
    else if (e.kind === 'folder-meta') out.used.push({ path: e.path, as: 'sidecars of the files in its folder' });
    else if (e.kind === 'sidecar') {
      const of = e.path.slice(0, -'.meta.yaml'.length);
      if (reportPaths.has(of)) out.used.push({ path: e.path, as: `the sidecar of ${of}` });
      else out.ignored.push({ path: e.path, reason: `a sidecar of ${of}, which is not a report here` });
    }
  }
  return out;
}

/** The path of a report's original to copy into the site, or null (a text file; a name that is not UTF-8). */
export const originalPath = (format: Report['source']['format'], fsPath: Buffer): string | null =>
  format !== 'text' && Buffer.from(fsPath.toString()).equals(fsPath) ? fsPath.toString() : null;

/**
 * Read and parse every report in `dir`, one after the other, keeping every model and text in memory
 * (the tools and tests; the site build streams instead: src/build/). One bad file never costs another report.
 */
export async function loadReports(dir: string, onProgress?: (done: number, total: number, file: string) => void): Promise<LoadedReports> {
  const { files, ...account } = accountFolder(dir);
  const out: LoadedReports = { reports: [], sources: new Map(), originals: new Map(), ...account };
  const folderMetas: FolderMetas = new Map();
  for (const [i, e] of files.entries()) {
    const r = await readReportFile(e.fsPath, e.path, folderMetas);
    if (r.ok) {
      out.reports.push(r.report);
      out.sources.set(r.report.source.path, r.text);
      // The original is served beside the text (a name that is not UTF-8 cannot be handed to the site generator).
      const original = originalPath(r.report.source.format, e.fsPath);
      if (original) out.originals.set(r.report.source.path, original);
    } else out.unreadable.push(r.reason);
    onProgress?.(i + 1, files.length, e.path);
  }
  return out;
}
