/**
 * The slices of the bulk data: one per year (/data/years/<year>/) and one per province
 * (/data/regions/<code>/). A report without a region is in the whole archive and its year's slice,
 * in no province's: its place is unknown, and guessing one would put it in the wrong files.
 */
import type { Report } from '../model/report.ts';
import { provinceOf } from './columns.ts';

/** A slice of the archive: its folder below /data/ and the title of its package. */
export interface DataSlice {
  kind: 'year' | 'region';
  /** `years/2021` or `regions/350000`. */
  folder: string;
  key: string;
  title: string;
}

/** The slices a report belongs to: its year, and its province if it has a region. */
export function slicesOf(r: Report): DataSlice[] {
  const out: DataSlice[] = [];
  if (r.year !== null) out.push({ kind: 'year', folder: `years/${r.year}`, key: String(r.year), title: `${r.year} 年度` });
  const p = provinceOf(r);
  if (p) out.push({ kind: 'region', folder: `regions/${p.code}`, key: p.code, title: p.name });
  return out;
}

/** Every slice with its reports, years first (ascending), then provinces by code. */
export function groupSlices<T>(items: readonly T[], reportOf: (t: T) => Report): { slice: DataSlice; items: T[] }[] {
  const groups = new Map<string, { slice: DataSlice; items: T[] }>();
  for (const t of items) for (const s of slicesOf(reportOf(t))) (groups.get(s.folder) ?? groups.set(s.folder, { slice: s, items: [] }).get(s.folder)!).items.push(t);
  return [...groups.values()].sort((a, b) => (a.slice.kind !== b.slice.kind ? (a.slice.kind === 'year' ? -1 : 1) : a.slice.key < b.slice.key ? -1 : a.slice.key > b.slice.key ? 1 : 0));
}
