/**
 * archive: the methodology page (/methodology/, 方法与指标) — every indicator's definition as the
 * computation uses it (src/indicators/definitions.ts, through `describe`), each cell it reads in the
 * form's words and as a model path, how sums and rankings are made with the site's minimum, and the
 * checks across years. Its inputs are the definitions and the minimum: nothing of the reports.
 */
import { PROACTIVE_ROWS, REQUEST_COLUMNS, REQUEST_ROWS, REVIEW_FIELDS, REVIEW_GROUPS } from '../model/labels.ts';
import type { IndicatorDefinition, IndicatorKind } from '../model/indicators.ts';
import { DEFINITION_BY_ID, DEFINITIONS, describe, type Definition } from '../indicators/definitions.ts';
import { GROUP_LABEL } from '../indicators/view.ts';
import { formatValue } from '../indicators/format.ts';
import { tidy } from '../indicators/compute.ts';
import { JUMP_ABOVE, JUMP_BELOW } from '../indicators/acrossYears.ts';
import { DEFAULT_MINIMUM } from '../indicators/stage.ts';
import { AGENCY_KINDS } from '../search/kinds.ts';
import { METHODOLOGY_URL, RANKED } from './compare.ts';

/** Where the definitions are published as data (written by the bulk data, src/data/). */
export const INDICATORS_JSON = '/data/indicators.json';

const KIND_LABEL: Record<IndicatorKind, string> = { count: '计数（件）', share: '比例（百分比）', ratio: '比值', difference: '差额（件，可为负）' };
const EDITION_LABEL = { legacy: '旧版附表（2008—2018 年度）', '2019': '2019 版表格', '2021': '2021 版表格' } as const;

/** A model path of a cell in the form's own words: tables.requests.rows.total.total → 「表三 （七）总计 · 总计」. */
export function cellWords(path: string): string {
  const legacy = /^tables\.legacyStats\[「(.+)」\]\.thisYear$/.exec(path);
  if (legacy) return `附表「${legacy[1]}」· 本年度`;
  const [, table, ...rest] = path.split('.');
  if (table === 'requests' && rest[0] === 'rows') {
    const [, ...tail] = rest;
    const col = tail.pop()!;
    const key = tail.join('.');
    const row = REQUEST_ROWS.find((x) => x.key === key);
    const label = row ? `${row.group && !row.group.startsWith('三') ? `${row.group} ` : ''}${row.label}` : key;
    return `表三 ${label} · ${REQUEST_COLUMNS.find((c) => c.key === col)?.label ?? col}`;
  }
  if (table === 'reviewLitigation') {
    const [group, field] = rest;
    return `表四 ${REVIEW_GROUPS.find((g) => g.key === group)?.label ?? group} · ${REVIEW_FIELDS.find((f) => f.key === field)?.label ?? field}`;
  }
  if (table === 'proactive') {
    const [row, field] = rest;
    const label = [...PROACTIVE_ROWS['2021'], ...PROACTIVE_ROWS['2019']].find((x) => x.key === row);
    return `表二 ${label?.label ?? row} · ${label?.fields.find((f) => f.key === field)?.label ?? field}`;
  }
  return path;
}

export interface FormulaView {
  symbols: string;
  words: string;
  terms: { symbol: string; name: string; cells: { path: string; words: string }[] }[];
}

export interface DefinitionView {
  /** The anchor: /methodology/#<id>. */
  id: string;
  name: string;
  kind: string;
  headline: boolean;
  formula: FormulaView;
  legacy: FormulaView | null;
  /** 「旧版附表不提供」 where there is no legacy formula. */
  legacyText: string;
  editions: string;
  blank: string;
  note: string | null;
}

export interface MethodologyPage {
  url: string;
  /** <link rel="canonical">: absolute with --site-url, else the path. */
  canonical: string;
  dataUrl: string;
  minimum: number;
  /** Where the minimum comes from: reports/site.yaml, or the default. */
  minimumSource: string;
  headline: { id: string; name: string; formula: string; note: string };
  /** Two agencies summed, and the mean of their rates that is never used. */
  example: { parts: string[]; sum: string; mean: string };
  jump: { above: number; below: number };
  kinds: string[];
  groups: { key: Definition['group']; label: string; definitions: DefinitionView[] }[];
}

const formulaView = (f: IndicatorDefinition['formula']): FormulaView => ({
  symbols: f.symbols,
  words: f.words,
  terms: f.terms.map((t) => ({ symbol: t.symbol, name: t.name, cells: t.cells.map((path) => ({ path, words: cellWords(path) })) })),
});

export function definitionView(d: Definition): DefinitionView {
  const x = describe(d);
  return {
    id: x.id,
    name: x.name,
    kind: KIND_LABEL[x.kind],
    headline: x.headline,
    formula: formulaView(x.formula),
    legacy: x.legacy ? formulaView(x.legacy) : null,
    legacyText: x.legacy ? '' : '旧版附表不提供',
    editions: x.editions.map((e) => EDITION_LABEL[e]).join('、'),
    blank: x.blank,
    note: x.note,
  };
}

/** The page's model; `minimumCases` as site.yaml sets it (undefined: the default). */
export function methodologyPage(canonical: string, minimumCases: number | undefined): MethodologyPage {
  const headline = DEFINITION_BY_ID.get(RANKED)!;
  // The worked example of a sum: two agencies, 10/12 and 30/40.
  const parts = [[10, 12], [30, 40]] as const;
  const share = (x: number) => formatValue(headline, tidy(x));
  return {
    url: METHODOLOGY_URL,
    canonical,
    dataUrl: INDICATORS_JSON,
    minimum: minimumCases ?? DEFAULT_MINIMUM,
    minimumSource: minimumCases === undefined ? `默认值（reports/site.yaml 未设置 minimumCases）` : 'reports/site.yaml 的 minimumCases',
    headline: { id: headline.id, name: headline.name, formula: headline.formula.symbols, note: headline.note ?? '' },
    example: {
      parts: parts.map(([g, t]) => `${g}/${t} = ${share(g / t)}`),
      sum: `(${parts.map(([g]) => g).join('+')}) / (${parts.map(([, t]) => t).join('+')}) = ${parts.reduce((a, [g]) => a + g, 0)}/${parts.reduce((a, [, t]) => a + t, 0)} = ${share(parts.reduce((a, [g]) => a + g, 0) / parts.reduce((a, [, t]) => a + t, 0))}`,
      mean: `(${parts.map(([g, t]) => share(g / t)).join(' + ')}) / 2 = ${share(parts.reduce((a, [g, t]) => a + g / t, 0) / parts.length)}`,
    },
    jump: { above: JUMP_ABOVE, below: JUMP_BELOW },
    kinds: [...AGENCY_KINDS],
    groups: (Object.keys(GROUP_LABEL) as Definition['group'][]).map((key) => ({ key, label: GROUP_LABEL[key], definitions: DEFINITIONS.filter((d) => d.group === key).map(definitionView) })),
  };
}
