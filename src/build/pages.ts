/**
 * build, second pass: the pages that come one per report or per agency — the report page with its
 * report.json, source.txt and original, and the agency page — rendered by the pool one at a time and
 * written as they come, so that memory holds one page per worker, never the site.
 *
 * A page is made again only when what it is made from changed: each page's inputs (the renderer's
 * code, the path prefix, the report's parse, what the archive decided for it, its neighbours; or the
 * agency page's model) are hashed, and the hash is recorded per output folder in the cache. A page
 * whose hash is unchanged and whose files are still in the previous site is linked from there (a
 * hard link: no copy, no render); in place (the dev server) it is left as it is.
 */
import { existsSync, linkSync, copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { AgencyPage, ReportJob } from '../archive/site.ts';
import { sha256, writeAtomic } from './cache.ts';
import type { Pool } from './pool.ts';
import { patchOf } from './summary.ts';
import { realPath } from '../cli/output.ts';

/** What each page of an output folder was made from, and the files it wrote. */
type Manifest = Record<string, { hash: string; files: string[] }>;

const manifestPath = (cache: string, out: string) => join(cache, 'site', `${sha256(realPath(out)).slice(0, 16)}.json`);

function readManifest(path: string): Manifest {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  } catch {
    return {};
  }
}

export interface PagesInput {
  jobs: readonly ReportJob[];
  agencies: readonly AgencyPage[];
  /** Each report's cache key, by source path. */
  keys: ReadonlyMap<string, string>;
  pool: Pool;
  cache: string;
  /** The folder the site is finally served from (the manifest is kept per output folder). */
  out: string;
  /** Where this build writes: a staging folder beside `out`, or `out` itself (in place). */
  dir: string;
  prefix: string;
  renderer: string;
  /** Only pages for which this holds are made (a shard's slice); the default is all. */
  select?: (url: string) => boolean;
  onProgress?: (done: number, total: number) => void;
}

export interface PagesOutcome {
  /** Pages rendered in this build, and pages unchanged since the previous one. */
  rendered: number;
  kept: number;
  files: number;
  /** Record the pages made, once the site is in place. */
  save(): void;
}

export async function pagesStage(p: PagesInput): Promise<PagesOutcome> {
  const path = manifestPath(p.cache, p.out);
  const before = readManifest(path);
  const after: Manifest = {};
  const inPlace = realPath(p.dir) === realPath(p.out);
  const select = p.select ?? (() => true);
  const pages = [
    ...p.jobs.map((j) => {
      const key = p.keys.get(j.report.source.path)!;
      const url = `/agencies/${j.report.agency.slug}/${j.report.year ?? 'unknown'}/`;
      const hash = sha256(p.renderer, p.prefix, key, JSON.stringify(patchOf(j.report)), JSON.stringify([j.prev, j.next, j.original]));
      return { url, hash, task: { kind: 'report-page' as const, key, cache: p.cache, patch: patchOf(j.report), prev: j.prev, next: j.next, original: j.original, out: p.dir, prefix: p.prefix } };
    }),
    ...p.agencies.map((a) => ({ url: a.url, hash: sha256(p.renderer, p.prefix, JSON.stringify(a)), task: { kind: 'agency-page' as const, page: a, out: p.dir, prefix: p.prefix } })),
  ].filter((x) => select(x.url));

  let rendered = 0;
  let kept = 0;
  let done = 0;
  await Promise.all(
    pages.map(async ({ url, hash, task }) => {
      const old = before[url];
      if (old?.hash === hash && old.files.every((f) => existsSync(join(p.out, f)))) {
        if (!inPlace) for (const f of old.files) link(join(p.out, f), join(p.dir, f));
        after[url] = old;
        kept++;
      } else {
        after[url] = { hash, files: (await p.pool.run(task)).files };
        rendered++;
      }
      p.onProgress?.(++done, pages.length);
    }),
  );
  // In place, the files of pages that are gone (a report removed, an agency renamed) go too.
  if (inPlace) for (const [url, old] of Object.entries(before)) if (!after[url]) for (const f of old.files) rmSync(join(p.dir, f), { force: true });
  const files = Object.values(after).reduce((n, x) => n + x.files.length, 0);
  const sorted = Object.fromEntries(Object.entries(after).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { rendered, kept, files, save: () => writeAtomic(path, JSON.stringify(sorted)) };
}

/** A file of the previous site into the new one: a hard link when the file system allows, else a copy. */
function link(from: string, to: string) {
  mkdirSync(dirname(to), { recursive: true });
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}
