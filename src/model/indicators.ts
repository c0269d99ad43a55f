/**
 * The derived indicators, as data: what `report.json` carries under `indicators`, and what
 * `/data/indicators.json` describes. The definitions themselves (formulas, cells, blank rules) are in
 * src/indicators/definitions.ts; this is their shape, so that the JSON Schema documents both.
 */
import { z } from 'zod';

export const INDICATOR_IDS = [
  'received',
  'applicants.naturalPerson',
  'applicants.commercial',
  'applicants.research',
  'applicants.socialWelfare',
  'applicants.legalService',
  'applicants.otherOrg',
  'handled',
  'carryForwardRate',
  'disclosureRate',
  'fullDisclosureRate',
  'disclosureRateOfIntake',
  'denialRate',
  'denialReasons.stateSecret',
  'denialReasons.otherLaws',
  'denialReasons.threeSecurities',
  'denialReasons.thirdParty',
  'denialReasons.internalAffairs',
  'denialReasons.processInfo',
  'denialReasons.enforcementFiles',
  'denialReasons.queryMatters',
  'unavailableRate',
  'notProcessedRate',
  'otherHandlingRate',
  'reviewCorrectionRate',
  'litigationCorrectionRate',
  'correctionRate',
  'disputeRate',
  'regulationsNet',
  'normativeDocumentsNet',
  'licensingPenaltyRatio',
] as const;

export const IndicatorId = z.enum(INDICATOR_IDS).describe('Stable id of an indicator definition (/data/indicators.json)');
export type IndicatorId = z.infer<typeof IndicatorId>;

export const IndicatorKind = z
  .enum(['count', 'share', 'ratio', 'difference'])
  .describe('count: a number of cases (no denominator); share: a part of a whole, 0–1, shown as a percentage; ratio: one count over another, any size; difference: a signed count (issued − repealed)');
export type IndicatorKind = z.infer<typeof IndicatorKind>;

export const IndicatorValue = z.object({
  value: z.number().nullable().describe('The indicator; null when it cannot be computed (see blank)'),
  numerator: z.number().nullable().describe('What was divided (for a count or difference: the value itself)'),
  denominator: z.number().nullable().describe('What it was divided by; null for counts and differences'),
  blank: z.string().nullable().describe('Why the value is blank, in Chinese (a cell left blank, no such table in this edition, a denominator of 0); null when there is a value'),
  previous: z.number().nullable().describe("The same agency's value for the year before, when there is one"),
  change: z.number().nullable().describe('value ÷ previous; null when either is blank or previous is 0, and for differences'),
  jump: z.boolean().describe('change > 5 or < 0.2 with enough cases in both years (the minimum of site.yaml): a finding on this report'),
});
export type IndicatorValue = z.infer<typeof IndicatorValue>;

export const Indicators = z
  .record(IndicatorId, IndicatorValue)
  .describe('Derived indicators by definition id (/data/indicators.json), computed by the archive from tables 2–4; every id is present, blank ones with their reason');
export type Indicators = z.infer<typeof Indicators>;

export const IndicatorTerm = z.object({
  symbol: z.string().describe('N, C, G, P, D, U, X, O, T, F, … as in the formula'),
  name: z.string().describe('What the symbol stands for, in the form\'s words'),
  cells: z.array(z.string()).describe('Dotted model paths of the report.json cells summed into it'),
});

export const IndicatorFormula = z.object({
  symbols: z.string().describe('The formula in symbols, e.g. (G+P)/T'),
  words: z.string().describe('The formula in words'),
  terms: z.array(IndicatorTerm),
});

export const IndicatorDefinition = z.object({
  id: IndicatorId,
  name: z.string().describe('Chinese name'),
  group: z.enum(['requests', 'outcomes', 'reviewLitigation', 'proactive']).describe('Which table it reads: requests (table 3, intake), outcomes (table 3, results), reviewLitigation (table 4), proactive (table 2)'),
  kind: IndicatorKind,
  headline: z.boolean().describe('The indicator to read first in its group'),
  formula: IndicatorFormula.describe('For the 2019 and 2021 forms'),
  legacy: IndicatorFormula.nullable().describe('For reports before 2019 (the appendix 政府信息公开情况统计表), where it supports the indicator; null where it does not'),
  editions: z.array(z.enum(['legacy', '2019', '2021'])).describe('The editions whose tables support it'),
  blank: z.string().describe('When the value is blank'),
  note: z.string().nullable().describe('What a reader must know to read it right'),
});
export type IndicatorDefinition = z.infer<typeof IndicatorDefinition>;
