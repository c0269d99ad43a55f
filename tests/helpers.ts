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

/**
 * A synthetic 凤泉区人民政府 2020 report, the sample of 2021 edited: 予以公开 8 and 无法提供 4 of 12
 * (公开率 66.7%, so 2021's 83.3% is ×1.25), 行政许可 500 decisions against 75 penalties (许可处罚比
 * 6.67, so 2021's 86.23 is a jump: ×13 on 75 cases each year), and no normative documents in force
 * (2021's 8 issued make its 8 in force). Parsed alone it has no findings.
 */
export function fengquan2020Text(): string {
  let t = sampleText('凤泉区');
  t = mutate(t, 3, '2021', '2020');
  t = mutate(t, 9, '2021 年', '2020 年');
  t = mutate(t, 13, '2021 年', '2020 年');
  t = mutate(t, 13, '予以公开 10 件', '予以公开 8 件');
  t = mutate(t, 13, '无法提供 2 件', '无法提供 4 件');
  t = mutate(t, 32, '8\t0\t8', '0\t0\t0');
  t = mutate(t, 35, '6467', '500');
  t = mutate(t, 51, /2(\t0\t0\t0\t0\t8\t)10/, '0$18');
  t = mutate(t, 61, /2(\t0\t0\t0\t0\t0\t)2/, '4$14');
  t = mutate(t, 94, '2021 年度', '2020 年度');
  return t;
}
