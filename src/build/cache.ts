/**
 * build: the parse cache. A report is parsed once per content: its full model and text are kept under
 * a key made of the parser's code fingerprint, the file's path, its bytes and its sidecar; a rebuild
 * reads the summary back instead of parsing again. An entry torn by a build killed half-way is not
 * valid JSON and is parsed again (tested); two workers writing one key write the same bytes. (No
 * write-and-rename here: on a busy disk it doubled the cost of every entry.)
 *
 * Layout (`.cache/` beside the reports folder by default, `--cache DIR` elsewhere):
 *   parse/<k0k1>/<key>.json    { report, text }: what the report's own pages need
 *   summaries*.json            per build (or parse shard): each report's path, key and summary
 *                              (src/build/summary.ts), one file, read whole at the next build
 *   site/<hash of the output folder>.json   what each streamed page was made from (src/build/pages.ts)
 *
 * One file per report, not two, and the summaries in one file per build: on a busy disk the cost of
 * a build is mostly the files it writes.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Report } from '../model/report.ts';

export const sha256 = (...parts: (string | Uint8Array)[]) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p).update('\0');
  return h.digest('hex');
};

/** The cache key of one report's parse. */
export const parseKey = (parser: string, path: string, bytes: Uint8Array, sidecar: unknown) => sha256(parser, path, sha256(bytes), JSON.stringify(sidecar) ?? '');

const at = (dir: string, kind: string, key: string) => join(dir, kind, key.slice(0, 2), `${key}.json`);

let unique = 0;
/** Write a file whole or not at all. */
export function writeAtomic(path: string, data: string) {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${unique++}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}

function readJson<T>(path: string): T | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch {
    // Missing or unreadable (another version, a disk error): parse again.
    return null;
  }
}

export const readParsed = (dir: string, key: string) => readJson<{ report: Report; text: string }>(at(dir, 'parse', key));
export const hasParsed = (dir: string, key: string) => existsSync(at(dir, 'parse', key));

const made = new Set<string>();
function write(path: string, data: string) {
  const dir = dirname(path);
  if (!made.has(dir)) {
    mkdirSync(dir, { recursive: true });
    made.add(dir);
  }
  try {
    writeFileSync(path, data);
  } catch (err) {
    // The cache emptied while the dev server runs: make the folder again.
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    mkdirSync(dir, { recursive: true });
    writeFileSync(path, data);
  }
}

export function writeParsed(dir: string, key: string, parsed: { report: Report; text: string }) {
  write(at(dir, 'parse', key), JSON.stringify(parsed));
}

/** A report as the last build knew it: the key of its parse, the stamp of its files, and its summary. */
export interface Known {
  key: string;
  /** Size, modification time and inode of the file and its sidecars when it was read (src/build/read.ts). */
  stamp: string;
  summary: Report;
  /** The stamp may be trusted: the record was made by this parser, and the file had not changed for 2 s before (a change within one tick of a coarse clock would hide). */
  trusted: boolean;
  /** Recorded in the changes file, not in the whole record. */
  inChanges: boolean;
}

/**
 * The changes since the whole record was written: after a rebuild that changed a few reports, only
 * they are written (a whole record at 20,000 reports is 80 MB of JSON); read after the whole record.
 */
export const CHANGES = 'summaries.changes.json';

/** Every summaries*.json of the cache (a build's, or several parse shards' copied together), by the report's path. */
export function readKnown(dir: string, parser: string): Map<string, Known> {
  const known = new Map<string, Known>();
  let names: string[] = [];
  try {
    names = readdirSync(dir).filter((n) => /^summaries(-\d+-of-\d+)?\.json$/.test(n)).sort();
    if (names.includes('summaries.json') && existsSync(join(dir, CHANGES))) names.push(CHANGES);
  } catch {
    return known;
  }
  for (const name of names) {
    const record = readJson<{ parser: string; entries: [string, string, string, number, Report][] }>(join(dir, name));
    if (!record || !Array.isArray(record.entries)) continue; // torn or foreign: those reports are looked at again
    let written = 0;
    try {
      written = statSync(join(dir, name)).mtimeMs;
    } catch {
      continue;
    }
    for (const e of record.entries)
      if (Array.isArray(e) && e.length === 5) known.set(e[0], { key: e[1], stamp: e[2], summary: e[4], trusted: record.parser === parser && e[3] < written - 2000, inChanges: name === CHANGES });
  }
  return known;
}

/** Record this build's reports for the next (`name`: summaries.json, or one per parse shard). */
export function writeKnown(dir: string, name: string, parser: string, reports: readonly { path: string; key: string; stamp: string; mtime: number; summary: Report }[]) {
  writeAtomic(join(dir, name), JSON.stringify({ parser, entries: reports.map((r) => [r.path, r.key, r.stamp, r.mtime, r.summary]) }));
}
