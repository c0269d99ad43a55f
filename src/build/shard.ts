/**
 * build: shards, for archives larger than one machine. `--shard K/N` makes the report and agency
 * pages of one slice of the archive; `--aggregates` makes the pages over all of it (Eleventy's);
 * their output folders, copied together, are the whole site, byte for byte. `--parse-only --shard K/N`
 * parses one slice of the files into a cache, so that parsing too is spread; caches copied together
 * are one cache (entries are named by their content).
 *
 * A slice is a set of provinces: every shard reads the summaries of the whole archive and computes
 * the same slices, so an agency's pages, its reports and its neighbours' links agree across shards.
 * Provinces are dealt largest first to the shard with the fewest reports so far (ties: the lower
 * code, the lower shard), which keeps the shards even when one province dominates.
 */
import { createHash } from 'node:crypto';
import type { ReportJob } from '../archive/site.ts';

export interface Shard {
  /** 1-based. */
  k: number;
  n: number;
}

/** `K/N` → the shard, or null if it is not one. */
export function parseShard(text: string): Shard | null {
  const m = /^(\d+)\/(\d+)$/.exec(text);
  if (!m) return null;
  const [k, n] = [Number(m[1]), Number(m[2])];
  return n >= 1 && k >= 1 && k <= n ? { k, n } : null;
}

/** The province an agency's pages belong to: the first two digits of its latest report's region ('--' without one). */
function provinces(jobs: readonly ReportJob[]): Map<string, string> {
  const bySlug = new Map<string, string>();
  // Jobs are in order, each agency's oldest first: the last one seen is the agency's latest report.
  for (const j of jobs) bySlug.set(j.report.agency.slug, j.report.agency.region?.code.slice(0, 2) ?? '--');
  return bySlug;
}

/** Whether a page (by its URL, /agencies/<slug>/…) belongs to the shard. */
export function shardSelector(jobs: readonly ReportJob[], shard: Shard): (url: string) => boolean {
  const province = provinces(jobs);
  const reports = new Map<string, number>();
  for (const j of jobs) {
    const p = province.get(j.report.agency.slug)!;
    reports.set(p, (reports.get(p) ?? 0) + 1);
  }
  const load = new Array<number>(shard.n).fill(0);
  const shardOf = new Map<string, number>();
  for (const [p, count] of [...reports].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1))) {
    const least = load.indexOf(Math.min(...load));
    shardOf.set(p, least + 1);
    load[least]! += count;
  }
  return (url) => shardOf.get(province.get(url.split('/')[2] ?? '') ?? '--') === shard.k;
}

/** Whether a file (by its path in the reports folder) is parsed by the shard (`--parse-only`): spread by a hash of the path. */
export const parsesFile = (path: string, shard: Shard) => createHash('sha256').update(path).digest().readUInt32BE(0) % shard.n === shard.k - 1;
