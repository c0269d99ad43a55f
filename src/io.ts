/** File I/O at the edge: read a report and its optional sidecar, hand bytes to the pure parser. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { parseReport } from './parse.ts';
import { decode } from './read/decode.ts';
import type { Finding, Report } from './model/report.ts';

/** `text`: the report as read, in UTF-8, one line per source line (what source.txt serves). */
export type ReadResult = { ok: true; report: Report; text: string } | { ok: false; reason: string };

export function readReportFile(path: string, displayPath = path): ReadResult {
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
      extra.push({ code: 'sidecar-unreadable', severity: 'error', message: `附加元数据文件 ${sidecarPath} 不是有效的 YAML：${(err as Error).message.split('\n')[0]}。已忽略该文件。`, path: [], line: null, column: null });
    }
  }
  const report = parseReport({ bytes, path: displayPath, sidecar });
  report.findings.unshift(...extra);
  return { ok: true, report, text: decode(bytes).lines.map((l) => l.text).join('\n') };
}

/** Report files in a folder: every regular file but sidecars and dot files, in UTF-16 code-unit order (the same on every machine). */
export function listReportFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((n) => !n.endsWith('.meta.yaml') && !n.startsWith('.') && statSync(join(dir, n)).isFile())
    .sort();
}

export interface LoadedReports {
  reports: Report[];
  /** Decoded text by the report's source path. */
  sources: Map<string, string>;
  /** One line each: the file and why it could not be read. */
  unreadable: string[];
}

/** Read and parse every report in `dir`. One bad file never costs another report. */
export function loadReports(dir: string, onProgress?: (done: number, total: number, file: string) => void): LoadedReports {
  const files = listReportFiles(dir);
  const out: LoadedReports = { reports: [], sources: new Map(), unreadable: [] };
  files.forEach((name, i) => {
    const r = readReportFile(join(dir, name), name);
    if (r.ok) {
      out.reports.push(r.report);
      out.sources.set(r.report.source.path, r.text);
    } else out.unreadable.push(r.reason);
    onProgress?.(i + 1, files.length, name);
  });
  return out;
}
