/** File I/O at the edge: read a report and its optional sidecar, hand bytes to the pure parser. */
import { existsSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { parseReport } from './parse.ts';
import type { Finding, Report } from './model/report.ts';

export type ReadResult = { ok: true; report: Report } | { ok: false; reason: string };

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
  return { ok: true, report };
}
