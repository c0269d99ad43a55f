/**
 * indicators over groups of reports (a region, a year, a kind of agency): numerators and
 * denominators are summed, never rates averaged — a province's 公开率 is Σ(G+P) / ΣT over its
 * reports — and `n` says how many reports it rests on. Rankings rank only what has at least
 * `minimum` cases; the rest are 样本不足.
 */
import type { Report } from '../model/report.ts';
import type { IndicatorId, IndicatorValue } from '../model/indicators.ts';
import { DEFINITIONS, isCount, type Definition } from './definitions.ts';
import { tidy } from './compute.ts';

export interface Aggregate {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  /** Reports whose own value is computed (no blank cell, a denominator above 0), out of `of`. */
  n: number;
  of: number;
}

/** One indicator over some reports (each carrying its indicators). */
export function aggregate(d: Definition, reports: readonly Report[]): Aggregate {
  let numerator = 0;
  let denominator = 0;
  let n = 0;
  // The reports whose own value is computed: a blank (a blank cell, a denominator of 0) adds nothing and is not counted in n.
  for (const r of reports) {
    const v = r.indicators?.[d.id];
    if (!v || v.value === null || v.numerator === null) continue;
    numerator += v.numerator;
    if (!isCount(d.kind)) denominator += v.denominator ?? 0;
    n++;
  }
  if (n === 0) return { value: null, numerator: null, denominator: null, n, of: reports.length };
  if (isCount(d.kind)) return { value: tidy(numerator), numerator: tidy(numerator), denominator: null, n, of: reports.length };
  return { value: denominator === 0 ? null : tidy(numerator / denominator), numerator: tidy(numerator), denominator: tidy(denominator), n, of: reports.length };
}

/** Every indicator over some reports, by id. */
export const aggregateAll = (reports: readonly Report[]) => Object.fromEntries(DEFINITIONS.map((d) => [d.id, aggregate(d, reports)])) as Record<IndicatorId, Aggregate>;

/** How many cases a value rests on: its denominator, or for a count the count itself. */
export const casesOf = (d: Definition, v: Pick<IndicatorValue, 'value' | 'denominator'>) => (isCount(d.kind) ? v.value : v.denominator);

export type Rank = { rank: number; of: number } | 'too-few' | 'blank';

/**
 * Ranks of some values (highest first; equal values share a rank, the next is skipped: 1, 2, 2, 4).
 * A blank value is 'blank'; one resting on fewer than `minimum` cases is 'too-few' (样本不足).
 * Differences are not ranked.
 */
export function rank<K>(d: Definition, items: readonly { key: K; value: Pick<IndicatorValue, 'value' | 'denominator'> }[], minimum: number): Map<K, Rank> {
  const out = new Map<K, Rank>();
  const ranked: { key: K; value: number }[] = [];
  for (const { key, value } of items) {
    if (value.value === null || d.kind === 'difference') out.set(key, 'blank');
    else if ((casesOf(d, value) ?? 0) < minimum) out.set(key, 'too-few');
    else ranked.push({ key, value: value.value });
  }
  ranked.sort((a, b) => b.value - a.value);
  let place = 0;
  ranked.forEach((x, i) => {
    if (i === 0 || x.value !== ranked[i - 1]!.value) place = i + 1;
    out.set(x.key, { rank: place, of: ranked.length });
  });
  return out;
}
