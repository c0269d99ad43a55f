/**
 * build, first pass: every report file of the folder read and parsed (or found in the cache) by the
 * pool, keeping only each report's summary. The folder is accounted for as in loadReports (src/io.ts):
 * every entry once, a file that cannot be read named with why, and no file able to cost another.
 */
import { accountFolder, originalPath, type FolderAccount } from '../io.ts';
import type { Report } from '../model/report.ts';
import type { Pool } from './pool.ts';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readKnown, writeKnown } from './cache.ts';

export interface ReadOutcome extends Omit<FolderAccount, 'files'> {
  /** Report summaries (src/build/summary.ts), in the folder's order. */
  reports: Report[];
  /** Each report's cache key, by source path. */
  keys: Map<string, string>;
  /** Originals served beside the text, by source path. */
  originals: Map<string, string>;
  /** Reports parsed in this build, and reports whose parse the cache already had. */
  parsed: number;
  reused: number;
  /** Time spent parsing, summed over the workers (ms). */
  parseMs: number;
  /** Whether anything differs from what the cache recorded (else the record need not be written again). */
  changed: boolean;
}

/** `only`: read just the files for which it holds (a parse shard); the others are left out of the outcome. */
export async function readStage(dir: string, pool: Pool, cache: string, parser: string, onProgress?: (done: number, total: number) => void, only?: (path: string) => boolean): Promise<ReadOutcome> {
  const { files: all, ...account } = accountFolder(dir);
  const files = only ? all.filter((e) => only(e.path)) : all;
  const out: ReadOutcome = { ...account, reports: [], keys: new Map(), originals: new Map(), parsed: 0, reused: 0, parseMs: 0, changed: false };
  // What the last build (or the parse shards) recorded: a file whose key is unchanged is not parsed, and its summary not sent back.
  const known = readKnown(cache);
  let done = 0;
  const results = await Promise.all(
    files.map((e) =>
      pool
        .run({ kind: 'parse', fsPath: e.fsPath, path: e.path, cache, parser, known: known.get(e.path)?.key ?? null })
        // The parser never throws; should it all the same, the file is reported and the others go on.
        .catch((err: Error) => ({ ok: false as const, reason: `${e.path}: the parser failed (${err.message.split('\n')[0]}); please report this with the file` }))
        .finally(() => onProgress?.(++done, files.length)),
    ),
  );
  results.forEach((r, i) => {
    if (!r.ok) {
      out.unreadable.push(r.reason);
      return;
    }
    if (r.summary !== null) out.changed = true;
    const summary = r.summary === null ? known.get(files[i]!.path)!.summary : (JSON.parse(r.summary) as Report);
    out.reports.push(summary);
    out.keys.set(summary.source.path, r.key);
    const original = originalPath(summary.source.format, files[i]!.fsPath);
    if (original) out.originals.set(summary.source.path, original);
    if (r.reused) out.reused++;
    else {
      out.parsed++;
      out.parseMs += r.ms;
    }
  });
  if (out.reports.length !== known.size) out.changed = true;
  return out;
}

/** Record the reports read for the next build (`name`: summaries.json, or a parse shard's own file). */
export function recordKnown(cache: string, outcome: ReadOutcome, name = 'summaries.json') {
  if (!outcome.changed && existsSync(join(cache, name))) return;
  writeKnown(cache, name, outcome.reports.map((summary) => ({ path: summary.source.path, key: outcome.keys.get(summary.source.path)!, summary })));
}
