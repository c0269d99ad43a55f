/**
 * build, first pass: every report file of the folder read and parsed (or found in the cache) by the
 * pool, keeping only each report's summary. The folder is accounted for as in loadReports (src/io.ts):
 * every entry once, a file that cannot be read named with why, and no file able to cost another.
 */
import { accountFolder, originalPath, type FolderAccount } from '../io.ts';
import type { Report } from '../model/report.ts';
import { INLINE, type Pool } from './pool.ts';
import type { ParseResult } from './tasks.ts';
import { existsSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CHANGES, hasParsed, readKnown, writeKnown } from './cache.ts';

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
  /** Whether a whole record was read (else a changes file has nothing to amend). */
  recorded: boolean;
  /** Reports that differ from the record (parsed, another key or stamp, or recorded as a change): the next changes file. */
  differing: Set<string>;
  /** Each report's stamp and file time, by source path (for the record). */
  stamps: Map<string, { stamp: string; mtime: number }>;
  /** The parser's fingerprint. */
  parser: string;
}

/** Size, time and inode of a file, or '-' if there is none. */
function stat(path: string | Buffer): { stamp: string; mtime: number } {
  try {
    const s = statSync(path);
    return { stamp: `${s.size}:${s.mtimeMs}:${s.ino}`, mtime: s.mtimeMs };
  } catch {
    return { stamp: '-', mtime: 0 };
  }
}

/**
 * What a report's parse was made from, as the file system sees it: the file, its own sidecar and its
 * folder's meta.yaml. Equal to the recorded stamp, the file is not even read (as git's index does);
 * anything else, it is read and its content hashed, and only a new hash is parsed.
 */
function stampOf(fsPath: Buffer, folders: Map<string, string>): { stamp: string; mtime: number } {
  const file = stat(fsPath);
  const sidecar = stat(Buffer.concat([fsPath, Buffer.from('.meta.yaml')]));
  const folder = fsPath.subarray(0, fsPath.lastIndexOf(0x2f) + 1).toString('latin1');
  let meta = folders.get(folder);
  if (meta === undefined) folders.set(folder, (meta = stat(Buffer.from(`${folder}meta.yaml`, 'latin1')).stamp));
  return { stamp: `${file.stamp}|${sidecar.stamp}|${meta}`, mtime: Math.max(file.mtime, sidecar.mtime) };
}

/** Files in flight at once (enough to keep every worker's batches full). */
const WINDOW = 256;

/** `only`: read just the files for which it holds (a parse shard); the others are left out of the outcome. */
export async function readStage(dir: string, pool: Pool, cache: string, parser: string, onProgress?: (done: number, total: number) => void, only?: (path: string) => boolean): Promise<ReadOutcome> {
  const { files: all, ...account } = accountFolder(dir);
  const files = only ? all.filter((e) => only(e.path)) : all;
  const out: ReadOutcome = { ...account, reports: [], keys: new Map(), originals: new Map(), parsed: 0, reused: 0, parseMs: 0, changed: false, recorded: false, differing: new Set(), stamps: new Map(), parser };
  // What the last build (or the parse shards) recorded: a file whose stamp is unchanged is taken as it
  // was; one whose key is unchanged is not parsed, and its summary not sent back.
  const known = readKnown(cache, parser);
  out.recorded = [...known.values()].some((k) => !k.inChanges);
  const folders = new Map<string, string>();
  const stamps = files.map((e) => stampOf(e.fsPath, folders));
  // (and its parse still in the cache: a cache emptied by hand is filled again, not trusted).
  const unchanged = files.map((e, i) => {
    const k = known.get(e.path);
    return k?.trusted === true && k.stamp === stamps[i]!.stamp && hasParsed(cache, k.key);
  });
  // Few files to look at: in this thread, no worker started for them.
  const looked = unchanged.filter((u) => !u).length;
  const run = looked <= INLINE ? pool.few() : pool;
  let done = 0;
  // Each answer is turned into its summary as it comes (the JSON text dropped at once), a window of
  // files at a time; the outcome keeps the folder's order whatever order the answers come in.
  type Answer = { ok: true; key: string; summary: Report; fresh: boolean; reused: boolean; ms: number } | { ok: false; reason: string };
  const results: Answer[] = new Array(files.length);
  let next = 0;
  const lane = async () => {
    while (next < files.length) {
      const i = next++;
      const e = files[i]!;
      const r: ParseResult = unchanged[i]
        ? { ok: true, key: known.get(e.path)!.key, summary: null, reused: true, ms: 0 }
        : await run
            .run({ kind: 'parse', fsPath: e.fsPath, path: e.path, cache, parser, known: known.get(e.path)?.key ?? null })
            // The parser never throws; should it all the same, the file is reported and the others go on.
            .catch((err: Error) => ({ ok: false as const, reason: `${e.path}: the parser failed (${err.message.split('\n')[0]}); please report this with the file` }));
      results[i] = r.ok ? { ok: true, key: r.key, summary: r.summary === null ? known.get(e.path)!.summary : (JSON.parse(r.summary) as Report), fresh: r.summary !== null, reused: r.reused, ms: r.ms } : r;
      onProgress?.(++done, files.length);
    }
  };
  await Promise.all(Array.from({ length: WINDOW }, lane));
  results.forEach((r, i) => {
    if (!r.ok) {
      out.unreadable.push(r.reason);
      return;
    }
    const summary = r.summary;
    const k = known.get(summary.source.path);
    const moved = r.fresh || !k || k.key !== r.key || k.stamp !== stamps[i]!.stamp;
    if (moved) out.changed = true;
    if (moved || k.inChanges) out.differing.add(summary.source.path);
    out.reports.push(summary);
    out.keys.set(summary.source.path, r.key);
    out.stamps.set(summary.source.path, stamps[i]!);
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
  // A few changes to a whole record: only they are written.
  if (name === 'summaries.json' && outcome.recorded && outcome.differing.size <= Math.max(50, outcome.reports.length / 20)) {
    const changes = outcome.reports.filter((r) => outcome.differing.has(r.source.path));
    writeKnown(cache, CHANGES, outcome.parser, changes.map((summary) => ({ path: summary.source.path, key: outcome.keys.get(summary.source.path)!, ...outcome.stamps.get(summary.source.path)!, summary })));
    return;
  }
  rmSync(join(cache, CHANGES), { force: true });
  writeKnown(cache, name, outcome.parser, outcome.reports.map((summary) => ({ path: summary.source.path, key: outcome.keys.get(summary.source.path)!, ...outcome.stamps.get(summary.source.path)!, summary })));
}
