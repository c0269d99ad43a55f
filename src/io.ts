/**
 * File I/O at the edge: read a report (text, PDF, HTML or DOCX) and its optional sidecar, hand the
 * document to the pure parser. Reading a PDF or a Word file is asynchronous (pdf.js, mammoth).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parse as parseYaml, parseDocument } from 'yaml';
import { Registry } from './model/registry.ts';
import { parseReport } from './parse.ts';
import { readDocument } from './read/index.ts';
import type { Report } from './model/report.ts';
import { finding, type Finding } from './model/findings.ts';

/**
 * `text`: the report as read, in UTF-8, one line per source line (what source.txt serves; for a PDF,
 * HTML or DOCX, the text extracted, table rows as tab-separated cells). `bytes`: the file as published.
 */
export type ReadResult = { ok: true; report: Report; text: string; bytes: Uint8Array } | { ok: false; reason: string };

export async function readReportFile(path: string, displayPath = path): Promise<ReadResult> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory, not a report file' : code === 'EACCES' ? 'permission denied' : String(err);
    return { ok: false, reason: `${path}: cannot read (${why})` };
  }
  let sidecar: unknown;
  const extra: Finding[] = [];
  const sidecarPath = `${path}.meta.yaml`;
  if (existsSync(sidecarPath)) {
    try {
      sidecar = parseYaml(readFileSync(sidecarPath, 'utf8'));
    } catch (err) {
      extra.push(finding('sidecar-unreadable', 'error', `附加元数据文件 ${sidecarPath} 不是有效的 YAML：${(err as Error).message.split('\n')[0]}。已忽略该文件。`));
    }
  }
  const document = await readDocument(bytes, displayPath);
  const report = parseReport({ bytes, path: displayPath, sidecar, document });
  report.findings.unshift(...extra);
  return { ok: true, report, text: document.lines.map((l) => l.text).join('\n'), bytes };
}

/** The agency registry's file name, at the top of the reports folder. */
export const REGISTRY_FILE = 'agencies.yaml';

/**
 * Report files below a folder, as paths relative to it with `/` (folders may name the region:
 * reports/福建省/泉州市/…): every regular file but sidecars, the registry and dot files, in UTF-16
 * code-unit order (the same on every machine). Linked folders are not followed (no loops).
 */
export function listReportFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const path = rel ? `${rel}/${e.name}` : e.name;
      if (e.name.startsWith('.') || e.name.endsWith('.meta.yaml') || path === REGISTRY_FILE) continue;
      if (e.isDirectory()) walk(path);
      else if (e.isFile() || (e.isSymbolicLink() && isFile(join(dir, path)))) out.push(path);
    }
  };
  walk('');
  return out.sort();
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
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
  /** The file of each report read from a PDF, HTML or DOCX (served beside the text), by source path. */
  originals: Map<string, string>;
}

/** Read and parse every report in `dir`, one after the other. One bad file never costs another report. */
export async function loadReports(dir: string, onProgress?: (done: number, total: number, file: string) => void): Promise<LoadedReports> {
  const files = listReportFiles(dir);
  const out: LoadedReports = { reports: [], sources: new Map(), unreadable: [], originals: new Map(), ...loadRegistry(dir) };
  for (const [i, name] of files.entries()) {
    const r = await readReportFile(join(dir, name), name);
    if (r.ok) {
      out.reports.push(r.report);
      out.sources.set(r.report.source.path, r.text);
      if (r.report.source.format !== 'text') out.originals.set(r.report.source.path, join(dir, name));
    } else out.unreadable.push(r.reason);
    onProgress?.(i + 1, files.length, name);
  }
  return out;
}
