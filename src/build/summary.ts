/**
 * build: what the build keeps of a report while the others are read — everything the archive and its
 * aggregate pages use (identity, source, provenance, the statutory tables, findings), without what
 * only the report's own page shows (the sections' narrative, the identity evidence, the line of every
 * table cell). About 3 KB in memory instead of 10–50 KB plus the text; the full model waits in the
 * cache until its page is written (src/build/tasks.ts).
 */
import type { Report } from '../model/report.ts';
import { sha256 } from './cache.ts';

/** Table lines the archive itself cites (the checks across years, validate/acrossYears.ts). */
const KEPT_LINES = ['requests.rows.carriedOver', 'proactive.regulations', 'proactive.normativeDocuments'];

export function summarise(r: Report): Report {
  const lines: Record<string, number> = {};
  for (const k of KEPT_LINES) if (r.tables.lines[k] !== undefined) lines[k] = r.tables.lines[k]!;
  return {
    ...r,
    identity: { ...r.identity, candidates: [], pageFields: [] },
    sections: Object.fromEntries(Object.keys(r.sections).map((k) => [k, null])) as Report['sections'],
    tables: { ...r.tables, lines },
  };
}

/** The fields the archive may change on a report (registry names, unique slugs, checks across years): put back on the full model. */
export type ArchivePatch = Pick<Report, 'id' | 'agency' | 'provenance' | 'findings' | 'indicators'>;

export const patchOf = (r: Report): ArchivePatch => ({ id: r.id, agency: r.agency, provenance: r.provenance, findings: r.findings, indicators: r.indicators });

/**
 * A digest of what the archive decided for a report (its patch, indicators included: about 5 KB of
 * JSON), made once per report and build: the hashes of its pages and of the products it enters
 * take this instead of the JSON, so that the build never holds the patches of the whole archive.
 */
const digests = new WeakMap<Report, string>();
export function patchDigest(r: Report): string {
  let d = digests.get(r);
  if (d === undefined) digests.set(r, (d = sha256(JSON.stringify(patchOf(r)))));
  return d;
}
