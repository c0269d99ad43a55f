/**
 * indicators: one definition per indicator — id, Chinese name, the formula in symbols and in words,
 * the cells it reads, and when it is blank. The methodology page, `/data/indicators.json` and the
 * computation all read this list; nothing else spells a formula.
 *
 * Notation, on table 3's 总计 column: N 本年新收, C 上年结转, G 予以公开, P 部分公开, D Σ不予公开 (8),
 * U Σ无法提供 (3), X Σ不予处理 (5), O Σ其他处理, T （七）总计, F 结转下年度.
 */
import { REQUEST_COLUMNS, REQUEST_ROWS } from '../model/labels.ts';
import type { IndicatorDefinition, IndicatorId, IndicatorKind } from '../model/indicators.ts';
import { applicantTerm, C, D, F, G, legacyTerm, N, O, P, proactiveTerm, reasonTerm, reviewTerm, T, U, X, type Term } from './terms.ts';

/** A formula as computed: numerator and denominator are signed sums of terms. */
export interface Formula {
  symbols: string;
  words: string;
  numerator: readonly [Term, 1 | -1][];
  /** null for counts and differences. */
  denominator: readonly [Term, 1 | -1][] | null;
}

export interface Definition extends Omit<IndicatorDefinition, 'formula' | 'legacy'> {
  formula: Formula;
  legacy: Formula | null;
}

const plus = (...terms: Term[]): [Term, 1][] => terms.map((t) => [t, 1]);
const f = (symbols: string, words: string, numerator: [Term, 1 | -1][], denominator: [Term, 1 | -1][] | null): Formula => ({ symbols, words, numerator, denominator });

const BLANK_RATE = '分子或分母用到的单元格空白（总计栏空白时以六个申请人栏之和代替），或该版表格没有这一项，或分母为 0：数值留空并注明原因，从不当作 0。';
const BLANK_COUNT = '所读单元格空白（总计栏空白时以六个申请人栏之和代替），或该版表格没有这一项：数值留空并注明原因。';

// The legacy appendix (2008–2018): its lines, as far as they count the same things.
const LN = legacyTerm('N', '受理政府信息公开申请总数', /申请总数|受理.*申请/);
const LA = legacyTerm('A', '对申请的答复总数', /答复总数/);
const LG = legacyTerm('G', '同意公开答复数', /^同意公开/);
const LP = legacyTerm('P', '同意部分公开答复数', /同意部分公开/);
const LD = legacyTerm('D', '不予公开答复数', /不予公开|不同意公开/);
const LR = legacyTerm('R', '行政复议数', /行政复议/);
const LL = legacyTerm('L', '行政诉讼数', /行政诉讼/);
const LEGACY_NOTE = '2019 年以前的报告按旧版附表计：办理量为「对申请的答复总数」，公开和不予公开为对应的答复数，与新表口径不完全相同。';

const RV = (field: 'corrected' | 'pending' | 'total', name: string, symbol: string) => reviewTerm(symbol, `行政复议 · ${name}`, ['review'], field);
const LI = (field: 'corrected' | 'pending' | 'total', name: string, symbol: string) => reviewTerm(symbol, `行政诉讼（直接起诉 + 复议后起诉） · ${name}`, ['litigationDirect', 'litigationAfterReview'], field);
const Rc = RV('corrected', '结果纠正', 'Rc');
const Rp = RV('pending', '尚未审结', 'Rp');
const Rt = RV('total', '总计', 'Rt');
const Lc = LI('corrected', '结果纠正', 'Lc');
const Lp = LI('pending', '尚未审结', 'Lp');
const Lt = LI('total', '总计', 'Lt');

const both = ['2019', '2021'] as const;
const all = ['legacy', '2019', '2021'] as const;

type Spec = Pick<Definition, 'id' | 'name' | 'group' | 'kind' | 'formula'> & Partial<Pick<Definition, 'headline' | 'legacy' | 'editions' | 'blank' | 'note'>>;
const def = (s: Spec): Definition => ({
  headline: false,
  legacy: null,
  editions: s.legacy ? [...all] : [...both],
  blank: s.kind === 'count' || s.kind === 'difference' ? BLANK_COUNT : BLANK_RATE,
  note: null,
  ...s,
});

const APPLICANTS = REQUEST_COLUMNS.filter((c) => c.key !== 'total');
const REASONS = REQUEST_ROWS.filter((r) => r.key.startsWith('denied.'));

export const DEFINITIONS: readonly Definition[] = [
  def({
    id: 'received',
    name: '申请量',
    group: 'requests',
    kind: 'count',
    headline: true,
    formula: f('N', '本年新收政府信息公开申请数量（总计栏）', plus(N), null),
    legacy: f('N', '附表「受理政府信息公开申请总数」本年度', plus(LN), null),
  }),
  ...APPLICANTS.map((c) =>
    def({
      id: `applicants.${c.key}` as IndicatorId,
      name: `申请人构成 · ${c.label}`,
      group: 'requests',
      kind: 'share',
      formula: f(`N(${c.label})/N`, `本年新收中「${c.label}」的申请占本年新收总数的比例`, plus(applicantTerm(c.key)), plus(N)),
    }),
  ),
  def({
    id: 'handled',
    name: '办理量',
    group: 'requests',
    kind: 'count',
    formula: f('T', '本年度办理结果（七）总计', plus(T), null),
    legacy: f('A', '附表「对申请的答复总数」本年度', plus(LA), null),
    note: LEGACY_NOTE,
  }),
  def({
    id: 'carryForwardRate',
    name: '结转率',
    group: 'requests',
    kind: 'share',
    formula: f('F/(N+C)', '结转下年度继续办理的申请占本年应办申请（新收加上年结转）的比例', plus(F), plus(N, C)),
  }),
  def({
    id: 'disclosureRate',
    name: '公开率',
    group: 'outcomes',
    kind: 'share',
    headline: true,
    formula: f('(G+P)/T', '予以公开和部分公开的申请占本年办结申请（总计）的比例', plus(G, P), plus(T)),
    legacy: f('(G+P)/A', '同意公开和同意部分公开的答复占答复总数的比例', plus(LG, LP), plus(LA)),
    note: `首选指标：分母是本年已作出办理结果的申请（总计），与分子同属一年的办理结果；部分公开按表格规定只计一次，所以两者相加不会重复。G/T 只计全部公开，(G+P)/(N+C) 把尚未办结的申请也算进分母，供对照。${LEGACY_NOTE}`,
  }),
  def({
    id: 'fullDisclosureRate',
    name: '全部公开率',
    group: 'outcomes',
    kind: 'share',
    formula: f('G/T', '予以公开（全部公开）的申请占本年办结申请的比例', plus(G), plus(T)),
    legacy: f('G/A', '同意公开答复数占答复总数的比例', plus(LG), plus(LA)),
    note: LEGACY_NOTE,
  }),
  def({
    id: 'disclosureRateOfIntake',
    name: '公开率（按应办申请）',
    group: 'outcomes',
    kind: 'share',
    formula: f('(G+P)/(N+C)', '予以公开和部分公开的申请占本年应办申请（新收加上年结转）的比例', plus(G, P), plus(N, C)),
    note: '分母含结转下年度尚未办结的申请，结转多的机关会显得偏低。',
  }),
  def({
    id: 'denialRate',
    name: '不予公开率',
    group: 'outcomes',
    kind: 'share',
    headline: true,
    formula: f('D/T', '八项不予公开之和占本年办结申请的比例', plus(D), plus(T)),
    legacy: f('D/A', '不予公开答复数占答复总数的比例', plus(LD), plus(LA)),
    note: LEGACY_NOTE,
  }),
  ...REASONS.map((row, k) =>
    def({
      id: `denialReasons.${row.key.slice('denied.'.length)}` as IndicatorId,
      name: `不予公开理由构成 · ${row.label.replace(/^\d+\./, '')}`,
      group: 'outcomes',
      kind: 'share',
      formula: f(`D${k + 1}/D`, `不予公开中「${row.label.replace(/^\d+\./, '')}」一项占不予公开总数的比例`, plus(reasonTerm(row.key, k + 1)), plus(D)),
    }),
  ),
  def({
    id: 'unavailableRate',
    name: '无法提供率',
    group: 'outcomes',
    kind: 'share',
    formula: f('U/T', '三项无法提供之和占本年办结申请的比例', plus(U), plus(T)),
  }),
  def({
    id: 'notProcessedRate',
    name: '不予处理率',
    group: 'outcomes',
    kind: 'share',
    formula: f('X/T', '五项不予处理之和占本年办结申请的比例', plus(X), plus(T)),
  }),
  def({
    id: 'otherHandlingRate',
    name: '其他处理率',
    group: 'outcomes',
    kind: 'share',
    formula: f('O/T', '其他处理（2019 版一项，2021 版三项之和）占本年办结申请的比例', plus(O), plus(T)),
  }),
  def({
    id: 'reviewCorrectionRate',
    name: '复议纠错率',
    group: 'reviewLitigation',
    kind: 'share',
    headline: true,
    formula: f('Rc/(Rt−Rp)', '行政复议结果纠正的件数占已审结复议案件（总计减尚未审结）的比例', plus(Rc), [[Rt, 1], [Rp, -1]]),
  }),
  def({
    id: 'litigationCorrectionRate',
    name: '诉讼纠错率',
    group: 'reviewLitigation',
    kind: 'share',
    formula: f('Lc/(Lt−Lp)', '行政诉讼（未经复议直接起诉与复议后起诉合计）结果纠正的件数占已审结诉讼案件的比例', plus(Lc), [[Lt, 1], [Lp, -1]]),
  }),
  def({
    id: 'correctionRate',
    name: '综合纠错率',
    group: 'reviewLitigation',
    kind: 'share',
    formula: f('(Rc+Lc)/(Rt+Lt−Rp−Lp)', '复议和诉讼结果纠正的件数之和占已审结复议和诉讼案件之和的比例', plus(Rc, Lc), [[Rt, 1], [Lt, 1], [Rp, -1], [Lp, -1]]),
    note: '复议后又起诉的案件在复议和诉讼中各计一次，与表四的填法一致。',
  }),
  def({
    id: 'disputeRate',
    name: '复议诉讼率',
    group: 'reviewLitigation',
    kind: 'share',
    formula: f('(Rt+Lt)/N', '行政复议和行政诉讼案件总数与本年新收申请数之比', plus(Rt, Lt), plus(N)),
    legacy: f('(R+L)/N', '附表行政复议数与行政诉讼数之和与受理申请总数之比', plus(LR, LL), plus(LN)),
    note: '表四的案件不一定来自本年的申请，这一比例可能超过 100%。',
  }),
  def({
    id: 'regulationsNet',
    name: '规章净增',
    group: 'proactive',
    kind: 'difference',
    formula: f('I−R（规章）', '规章本年制发件数减本年废止件数；跨年度应有：现行有效 = 上年现行有效 + 本年制发 − 本年废止', [[proactiveTerm('I', '规章 · 本年制发件数', 'regulations', 'issued', ['2021']), 1], [proactiveTerm('R', '规章 · 本年废止件数', 'regulations', 'repealed', ['2021']), -1]], null),
    editions: ['2021'],
  }),
  def({
    id: 'normativeDocumentsNet',
    name: '规范性文件净增',
    group: 'proactive',
    kind: 'difference',
    formula: f('I−R（规范性文件）', '行政规范性文件本年制发件数减本年废止件数；跨年度应有：现行有效 = 上年现行有效 + 本年制发 − 本年废止', [[proactiveTerm('I', '行政规范性文件 · 本年制发件数', 'normativeDocuments', 'issued', ['2021']), 1], [proactiveTerm('R', '行政规范性文件 · 本年废止件数', 'normativeDocuments', 'repealed', ['2021']), -1]], null),
    editions: ['2021'],
  }),
  def({
    id: 'licensingPenaltyRatio',
    name: '许可处罚比',
    group: 'proactive',
    kind: 'ratio',
    formula: f('Lic/Pen', '行政许可处理决定数量与行政处罚处理决定数量之比', plus(proactiveTerm('Lic', '行政许可 · 处理决定数量', 'licensing', 'decisions', both)), plus(proactiveTerm('Pen', '行政处罚 · 处理决定数量', 'penalties', 'decisions', both))),
  }),
];

export const DEFINITION_BY_ID: ReadonlyMap<IndicatorId, Definition> = new Map(DEFINITIONS.map((d) => [d.id, d]));

/** The kinds whose value is a count of cases (summed, not divided, when aggregated). */
export const isCount = (kind: IndicatorKind) => kind === 'count' || kind === 'difference';

/** A definition as data (`/data/indicators.json`, the methodology page): the terms' symbols, names and cells, no functions. */
export function describe(d: Definition): IndicatorDefinition {
  const formula = (x: Formula) => {
    const terms = [...x.numerator, ...(x.denominator ?? [])].map(([t]) => t);
    const unique = terms.filter((t, i) => terms.findIndex((u) => u.symbol === t.symbol && u.name === t.name) === i);
    return { symbols: x.symbols, words: x.words, terms: unique.map((t) => ({ symbol: t.symbol, name: t.name, cells: [...t.cells] })) };
  };
  return { id: d.id, name: d.name, group: d.group, kind: d.kind, headline: d.headline, formula: formula(d.formula), legacy: d.legacy ? formula(d.legacy) : null, editions: [...d.editions], blank: d.blank, note: d.note };
}
