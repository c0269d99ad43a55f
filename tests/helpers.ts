import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseReport } from '../src/parse.ts';
import type { Report } from '../src/model/report.ts';

export const REPORTS = join(import.meta.dirname, '..', 'reports');
export const SHARED = join(import.meta.dirname, '..', '..', 'shared', 'sample-reports');

/** The sample archive file whose name starts with the agency, e.g. sample('凤泉区'). */
export function samplePath(prefix: string): string {
  const name = readdirSync(REPORTS).find((n) => n.startsWith(prefix) && n.endsWith('.txt'));
  if (!name) throw new Error(`no sample starting with ${prefix}`);
  return join(REPORTS, name);
}

export function sampleText(prefix: string): string {
  return readFileSync(samplePath(prefix), 'utf8');
}

export function parseText(text: string, path = 'test.txt', sidecar?: unknown): Report {
  return parseReport({ bytes: new TextEncoder().encode(text), path, sidecar });
}

/** Replace `from` by `to` on 1-based line `line` of `text`; throws if the line does not contain it (so a mutation can never silently do nothing). */
export function mutate(text: string, line: number, from: string | RegExp, to: string): string {
  const lines = text.split('\n');
  const before = lines[line - 1]!;
  const after = before.replace(from, to);
  if (after === before) throw new Error(`line ${line} does not contain ${from}: ${before}`);
  lines[line - 1] = after;
  return lines.join('\n');
}

export const codes = (r: Report) => r.findings.map((f) => f.code);

/** Run `npm run build -- …args` (src/cli/build.ts) in a child process. */
export function build(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '..', 'src/cli/build.ts'), ...args], { cwd: join(import.meta.dirname, '..'), encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
