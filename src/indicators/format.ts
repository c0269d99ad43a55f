/**
 * indicators: how a value is written on the pages — shares as percentages with one decimal, ratios
 * with two, counts as integers (or as printed). Made here so that templates only print.
 */
import type { IndicatorKind } from '../model/indicators.ts';

/** A share as a percentage with one decimal, rounded half away from zero on the tenths (0.8125 → 「81.3%」). */
export const percentOf = (share: number) => `${(Math.round(share * 1000) / 10).toFixed(1)}%`;

/** 10 of 12 → 「83.3%」; null when either is unknown or the whole is not positive. */
export function percent(part: number | null, whole: number | null): string | null {
  if (part === null || whole === null || whole <= 0) return null;
  return percentOf(part / whole);
}

export function formatValue(d: { kind: IndicatorKind }, value: number | null): string {
  if (value === null) return '—';
  if (d.kind === 'share') return percentOf(value);
  if (d.kind === 'ratio') return value.toFixed(2);
  if (d.kind === 'difference' && value > 0) return `+${value}`;
  return `${value}`;
}

/** 「10/12」 for a share or ratio, 「」 for a count. */
export function formatFraction(numerator: number | null, denominator: number | null): string {
  return numerator !== null && denominator !== null ? `${numerator}/${denominator}` : '';
}

/** value ÷ previous as 「×1.25」. */
export const formatChange = (change: number | null) => (change === null ? '' : `×${change >= 10 ? change.toFixed(0) : change.toFixed(2)}`);
