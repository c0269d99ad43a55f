/**
 * validate: the arithmetic of docs/reports.md §4 and the narrative's numbers against the tables.
 * Every rule is a pure function of the report and names the cells it involves.
 */
import { REQUEST_COLUMNS, REQUEST_ROWS, REVIEW_FIELDS, REVIEW_GROUPS } from '../model/labels.ts';
import { finding } from '../model/findings.ts';
import type { Cell, Finding, Report, Tables } from '../model/report.ts';
import { toHalfWidth } from '../read/text.ts';

type RuleInput = Pick<Report, 'edition' | 'tables' | 'sections'>;

const colLabel = (k: string) => REQUEST_COLUMNS.find((c) => c.key === k)?.label ?? k;
const rowLabel = (k: string) => REQUEST_ROWS.find((r) => r.key === k)?.label ?? k;
const known = (cells: Cell[]): cells is number[] => cells.every((c) => c !== null);
const sum = (cells: number[]) => Math.round(cells.reduce((a, b) => a + b, 0) * 1e6) / 1e6;

function lineOf(tables: Tables, key: string): number | null {
  return tables.lines[key] ?? null;
}

/** Table 3, every column: 新收 + 上年结转 = 总计 + 结转下年度. */
export function requestsBalance({ tables }: RuleInput): Finding[] {
  const rows = tables.requests?.rows;
  if (!rows) return [];
  const out: Finding[] = [];
  for (const { key: col } of REQUEST_COLUMNS) {
    const cells = [rows['newReceived']?.[col] ?? null, rows['carriedOver']?.[col] ?? null, rows['total']?.[col] ?? null, rows['carriedForward']?.[col] ?? null];
    if (!known(cells)) continue;
    const [a, b, t, f] = cells as [number, number, number, number];
    if (sum([a, b]) !== sum([t, f])) {
      out.push(finding('requests-balance', 'error', `表三「${colLabel(col)}」列：本年新收（${a}）加上年结转（${b}）为 ${sum([a, b])}，而办理结果总计（${t}）加结转下年度（${f}）为 ${sum([t, f])}，两者应相等。`, ['tables', 'requests', 'rows', 'total', col], lineOf(tables, 'requests.rows.total'), null));
    }
  }
  return out;
}

/** Table 3, every column: （七）总计 = the sum of every result row. */
export function requestsResults({ tables, edition }: RuleInput): Finding[] {
  const rows = tables.requests?.rows;
  if (!rows) return [];
  const resultKeys = REQUEST_ROWS.filter((r) => r.result && r.editions.includes(edition)).map((r) => r.key);
  const out: Finding[] = [];
  for (const { key: col } of REQUEST_COLUMNS) {
    const total = rows['total']?.[col] ?? null;
    const parts = resultKeys.map((k) => rows[k]?.[col] ?? null);
    if (total === null || !known(parts)) continue;
    if (sum(parts) !== total) {
      out.push(finding('requests-results', 'error', `表三「${colLabel(col)}」列：各项办理结果之和为 ${sum(parts)}，但「（七）总计」为 ${total}。`, ['tables', 'requests', 'rows', 'total', col], lineOf(tables, 'requests.rows.total'), null));
    }
  }
  return out;
}

const APPLICANTS = REQUEST_COLUMNS.filter((c) => c.key !== 'total');

/** Table 3, every row: 总计 column = the six applicant columns. */
export function requestsRowTotals({ tables }: RuleInput): Finding[] {
  const rows = tables.requests?.rows;
  if (!rows) return [];
  const out: Finding[] = [];
  const blankTotals: string[] = [];
  for (const [key, row] of Object.entries(rows)) {
    const parts = APPLICANTS.map((c) => row[c.key]);
    if (row.total === null) {
      if (parts.some((p) => p !== null)) blankTotals.push(key);
      continue;
    }
    if (!known(parts)) continue;
    if (sum(parts) !== row.total) {
      out.push(finding('requests-row-total', 'error', `表三「${rowLabel(key)}」行：六类申请人之和为 ${sum(parts)}，但总计列为 ${row.total}。`, ['tables', 'requests', 'rows', key, 'total'], lineOf(tables, `requests.rows.${key}`), null));
    }
  }
  if (blankTotals.length) {
    out.push(finding('requests-total-blank', 'info', `表三有 ${blankTotals.length} 行的总计列留空（如「${rowLabel(blankTotals[0]!)}」）；数据按原样保留，未代为计算。`, ['tables', 'requests', 'rows', blankTotals[0]!, 'total'], lineOf(tables, `requests.rows.${blankTotals[0]}`), null));
  }
  return out;
}

/** Table 4: each group's 总计 = 维持 + 纠正 + 其他 + 尚未审结. */
export function reviewTotals({ tables }: RuleInput): Finding[] {
  const t = tables.reviewLitigation;
  if (!t) return [];
  const out: Finding[] = [];
  for (const g of REVIEW_GROUPS) {
    const group = t[g.key];
    const parts = [group.upheld, group.corrected, group.other, group.pending];
    if (group.total === null || !known(parts)) continue;
    if (sum(parts) !== group.total) {
      out.push(finding('review-total', 'error', `表四「${g.label}」：结果维持、结果纠正、其他结果、尚未审结之和为 ${sum(parts)}，但总计为 ${group.total}。`, ['tables', 'reviewLitigation', g.key, 'total'], lineOf(tables, 'reviewLitigation'), null));
    }
  }
  return out;
}

/** Counts must be non-negative integers (tables 2, 3, 4); fee amounts non-negative. */
export function countsAreCounts({ tables }: RuleInput): Finding[] {
  const out: Finding[] = [];
  const wrong = (v: Cell, integer: boolean): v is number => v !== null && (v < 0 || (integer && !Number.isInteger(v)));
  // The path and the line are made only for a wrong cell: every cell of three tables passes here.
  const say = (path: (string | number)[], v: number, integer: boolean, line: string) => {
    out.push(finding('cell-not-count', 'error', `${path.slice(1).join('.')} 的值 ${v} ${integer ? '应为非负整数（件数）' : '不应为负数'}。`, path, lineOf(tables, line), null));
  };
  const p = tables.proactive;
  if (p) {
    for (const [rowKey, row] of Object.entries(p)) {
      if (typeof row !== 'object' || row === null) continue;
      for (const [field, v] of Object.entries(row)) {
        if (typeof v !== 'number') continue;
        if (field === 'change') continue; // 本年增/减 is signed
        if (wrong(v, field !== 'amount')) say(['tables', 'proactive', rowKey, field], v, field !== 'amount', `proactive.${rowKey}`);
      }
    }
  }
  for (const [key, row] of Object.entries(tables.requests?.rows ?? {})) {
    // A row has the columns of REQUEST_COLUMNS, in that order (tables.ts builds it so; the schema says so).
    for (const { key: col } of REQUEST_COLUMNS) if (wrong(row[col], true)) say(['tables', 'requests', 'rows', key, col], row[col]!, true, `requests.rows.${key}`);
  }
  const r = tables.reviewLitigation;
  if (r) for (const g of REVIEW_GROUPS) for (const f of REVIEW_FIELDS) if (wrong(r[g.key][f.key], true)) say(['tables', 'reviewLitigation', g.key, f.key], r[g.key][f.key]!, true, 'reviewLitigation');
  return out;
}

interface Claim {
  /** Pattern over the narrative; group 1 is the number. */
  re: RegExp;
  /** A word the pattern cannot match without: most paragraphs have none, and skip the pattern. */
  word: string;
  what: string;
  path: (string | number)[];
  value: (t: Tables) => Cell;
}

const rowTotal = (key: string) => (t: Tables) => t.requests?.rows[key]?.total ?? null;
const rowsTotal = (prefix: string) => (t: Tables) => {
  const rows = t.requests?.rows;
  if (!rows) return null;
  const cells = Object.entries(rows).filter(([k]) => k.startsWith(prefix)).map(([, r]) => r.total);
  return known(cells) && cells.length ? sum(cells) : null;
};

const N = '(\\d+)\\s*';
/** Numbers a narrative states and the cells they correspond to (docs/reports.md §4). */
const CLAIMS: readonly Claim[] = [
  { re: new RegExp(`收到(?:政府信息公开|信息公开|依申请公开)?申请\\s*(?:共)?\\s*${N}[件条个]`), word: '收到', what: '收到政府信息公开申请', path: ['tables', 'requests', 'rows', 'newReceived', 'total'], value: rowTotal('newReceived') },
  { re: new RegExp(`收到\\s*${N}[件条个](?:政府信息公开|信息公开|依申请公开)?申请`), word: '收到', what: '收到政府信息公开申请', path: ['tables', 'requests', 'rows', 'newReceived', 'total'], value: rowTotal('newReceived') },
  { re: new RegExp(`予以公开\\s*${N}[件条个]`), word: '予以公开', what: '予以公开', path: ['tables', 'requests', 'rows', 'granted', 'total'], value: rowTotal('granted') },
  { re: new RegExp(`部分公开\\s*${N}[件条个]`), word: '部分公开', what: '部分公开', path: ['tables', 'requests', 'rows', 'partiallyGranted', 'total'], value: rowTotal('partiallyGranted') },
  { re: new RegExp(`无法提供\\s*${N}[件条个]`), word: '无法提供', what: '无法提供', path: ['tables', 'requests', 'rows', 'unavailable.notHeld', 'total'], value: rowsTotal('unavailable.') },
  { re: new RegExp(`(?:主动公开|其中)\\s*(?:行政)?规范性文件\\s*${N}[件份]`), word: '规范性文件', what: '主动公开规范性文件', path: ['tables', 'proactive', 'normativeDocuments', 'issued'], value: (t) => (t.proactive?.edition === '2021' ? t.proactive.normativeDocuments.issued : t.proactive?.edition === '2019' ? t.proactive.normativeDocuments.newlyPublished : null) },
  { re: new RegExp(`行政复议\\s*${N}[件起宗次]`), word: '行政复议', what: '行政复议', path: ['tables', 'reviewLitigation', 'review', 'total'], value: (t) => t.reviewLitigation?.review.total ?? null },
];

const DIGIT = /[0-9\uFF10-\uFF19]/;

/** Numbers the narrative states against the tables; a mismatch is a warning that quotes the sentence. */
export function narrativeMatchesTables({ tables, sections }: RuleInput): Finding[] {
  const out: Finding[] = [];
  for (const section of Object.values(sections)) {
    if (!section) continue;
    for (const block of section.blocks) {
      const parts = block.type === 'list' ? block.items : [block];
      for (const part of parts) {
        // Every claim states a number; a part without a digit (half- or full-width) states none.
        if (!DIGIT.test(part.text)) continue;
        const text = toHalfWidth(part.text);
        for (const claim of CLAIMS) {
          const m = text.includes(claim.word) ? claim.re.exec(text) : null;
          if (!m) continue;
          const stated = Number(m[1]);
          const actual = claim.value(tables);
          if (actual === null || actual === stated) continue;
          out.push(finding('narrative-mismatch', 'warning', `正文第${part.line}行称「${claim.what}」${stated}件，而表格中对应数值为 ${actual}。`, claim.path, part.line, m.index + 1));
        }
      }
    }
  }
  return out;
}

export const RULES = [requestsBalance, requestsResults, requestsRowTotals, reviewTotals, countsAreCounts, narrativeMatchesTables];

export function validate(report: RuleInput): Finding[] {
  return RULES.flatMap((rule) => rule(report));
}
