/**
 * indicators → what a page prints: each indicator of a report as text,
 * with its formula and fraction beside it, made here so that templates never compute.
 */
import type { IndicatorId, IndicatorValue, Indicators } from '../model/indicators.ts';
import { DEFINITIONS, type Definition } from './definitions.ts';
import { formatChange, formatFraction, formatValue } from './format.ts';

export const GROUP_LABEL = {
  requests: '申请量与申请人（表三）',
  outcomes: '办理结果（表三）',
  reviewLitigation: '行政复议和行政诉讼（表四）',
  proactive: '主动公开（表二）',
} as const;

export interface IndicatorView {
  id: IndicatorId;
  name: string;
  headline: boolean;
  /** The formula in symbols, for the report's edition (legacy reports: the appendix's). */
  formula: string;
  /** 「83.3%」, 「12」, 「—」 when blank. */
  text: string;
  /** The raw value (for sorting and data attributes). */
  value: number | null;
  /** 「10/12」 for shares and ratios; empty for counts. */
  fraction: string;
  /** Why it is blank; null when there is a value. */
  blank: string | null;
  /** The year before: 「80.0%」, and the change 「×1.04」; empty when there is none. */
  previous: string;
  change: string;
  jump: boolean;
}

/** The indicators of one report, grouped as the methodology page groups them. */
export function indicatorGroups(indicators: Indicators | undefined, edition: 'legacy' | '2019' | '2021'): { key: Definition['group']; label: string; items: IndicatorView[] }[] {
  if (!indicators) return [];
  return (Object.keys(GROUP_LABEL) as Definition['group'][]).map((key) => ({
    key,
    label: GROUP_LABEL[key],
    items: DEFINITIONS.filter((d) => d.group === key).map((d) => indicatorView(d, indicators[d.id], edition)),
  }));
}

export function indicatorView(d: Definition, v: IndicatorValue, edition: 'legacy' | '2019' | '2021'): IndicatorView {
  const formula = (edition === 'legacy' ? d.legacy : d.formula)?.symbols ?? d.formula.symbols;
  return {
    id: d.id,
    name: d.name,
    headline: d.headline,
    formula,
    text: formatValue(d, v.value),
    value: v.value,
    fraction: d.kind === 'share' || d.kind === 'ratio' ? formatFraction(v.numerator, v.denominator) : '',
    blank: v.blank,
    previous: v.previous === null ? '' : formatValue(d, v.previous),
    change: formatChange(v.change),
    jump: v.jump,
  };
}
