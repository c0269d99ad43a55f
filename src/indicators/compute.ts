/**
 * indicators: one report's indicators from its own tables (pure). The year-on-year fields are
 * filled by the stage across the agency's years (src/indicators/acrossYears.ts).
 */
import type { Report } from '../model/report.ts';
import type { IndicatorValue, Indicators } from '../model/indicators.ts';
import { DEFINITIONS, type Definition, type Formula } from './definitions.ts';
import { known, type Known } from './terms.ts';

/** A signed sum of terms: blank as soon as one term is. */
function evaluate(parts: Formula['numerator'], r: Report): Known {
  let total = 0;
  for (const [term, sign] of parts) {
    const v = term.read(r);
    if (v.value === null) return v;
    total += sign * v.value;
  }
  return known(total);
}

const none = { previous: null, change: null, jump: false } as const;

/** Rounded to 12 significant digits, so that a value prints the same whatever the order of additions. */
export const tidy = (x: number) => Number(x.toPrecision(12));

/** One indicator of one report. A legacy report uses the definition's legacy formula, or is blank. */
export function indicatorOf(d: Definition, r: Report): IndicatorValue {
  const formula = r.edition === 'legacy' ? d.legacy : d.formula;
  if (!formula || !d.editions.includes(r.edition)) {
    const why = r.edition === 'legacy' ? '2019 年以前的报告（旧版附表）不提供这一项' : `${r.edition} 版表格不提供这一项`;
    return { value: null, numerator: null, denominator: null, blank: why, ...none };
  }
  const num = evaluate(formula.numerator, r);
  if (!formula.denominator) return { value: num.value, numerator: num.value, denominator: null, blank: num.blank, ...none };
  const den = evaluate(formula.denominator, r);
  const numerator = num.value;
  const denominator = den.value;
  if (numerator === null || denominator === null) return { value: null, numerator, denominator, blank: (num.blank ?? den.blank)!, ...none };
  if (denominator === 0) return { value: null, numerator, denominator, blank: `分母（${formula.symbols.slice(formula.symbols.indexOf('/') + 1).replace(/^\((.*)\)$/, '$1')}）为 0`, ...none };
  return { value: tidy(numerator / denominator), numerator, denominator, blank: null, ...none };
}

/** Every indicator of one report, by id, in the definitions' order. */
export function computeIndicators(r: Report): Indicators {
  return Object.fromEntries(DEFINITIONS.map((d) => [d.id, indicatorOf(d, r)])) as Indicators;
}
