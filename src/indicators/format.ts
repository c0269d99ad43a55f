/**
 * indicators: how a value is written on the pages — shares as percentages with one decimal, ratios
 * with two, counts as integers (or as printed). Made here so that templates only print.
 */
import type { IndicatorKind } from '../model/indicators.ts';

export function formatValue(d: { kind: IndicatorKind }, value: number | null): string {
  if (value === null) return '—';
  if (d.kind === 'share') return `${(value * 100).toFixed(1)}%`;
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
