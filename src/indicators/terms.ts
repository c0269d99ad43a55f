/**
 * indicators: the symbols formulas are written in, each read from a report's tables. A term is a
 * known number, or blank with the reason in the reader's words — never a 0 made up for a blank.
 *
 * Table 3's terms read its 总计 column. A report that left a 总计 cell blank but filled the six
 * applicant columns of that row gets their sum (the form's own rule: 总计 = the six columns); a row
 * whose 总计 and any applicant cell are blank is blank.
 */
import { REQUEST_COLUMNS, REQUEST_ROWS, REVIEW_GROUPS } from '../model/labels.ts';
import type { Report } from '../model/report.ts';

export type Known = { value: number; blank: null } | { value: null; blank: string };
export const known = (value: number): Known => ({ value, blank: null });
export const blank = (why: string): Known => ({ value: null, blank: why });

/** A symbol of a formula: what it stands for, the cells it sums, and how it is read. */
export interface Term {
  symbol: string;
  name: string;
  cells: readonly string[];
  read: (r: Report) => Known;
}

const APPLICANTS = REQUEST_COLUMNS.filter((c) => c.key !== 'total');
const rowLabel = (key: string) => {
  const row = REQUEST_ROWS.find((x) => x.key === key)!;
  return row.group && !row.group.startsWith('三') ? `${row.group}${row.label}` : row.label;
};

/** One row of table 3 in its 总计 column (or the sum of its six applicant columns when 总计 is blank). */
export function requestTotal(r: Report, row: string): Known {
  if (!r.tables.requests) return blank('未找到表三');
  const cells = r.tables.requests.rows[row];
  if (!cells) return blank(`表三缺少「${rowLabel(row)}」一行`);
  if (cells.total !== null) return known(cells.total);
  const parts = APPLICANTS.map((c) => cells[c.key]);
  if (parts.every((v): v is number => v !== null)) return known(parts.reduce((a, b) => a + b, 0));
  return blank(`表三「${rowLabel(row)}」的总计栏空白`);
}

/** The sum of several terms: blank as soon as one of them is. */
export function sum(parts: readonly Known[]): Known {
  let total = 0;
  for (const p of parts) {
    if (p.value === null) return p;
    total += p.value;
  }
  return known(total);
}

const rowsOf = (prefix: string, edition?: '2019' | '2021') =>
  REQUEST_ROWS.filter((x) => (x.key === prefix || x.key.startsWith(`${prefix}.`)) && (!edition || x.editions.includes(edition))).map((x) => x.key);

const totalCells = (rows: readonly string[]) => rows.map((row) => `tables.requests.rows.${row}.total`);

/** A term over table 3's 总计 column: one row, or the sum of a group of rows. */
function requestTerm(symbol: string, name: string, prefix: string): Term {
  const all = rowsOf(prefix);
  return {
    symbol,
    name,
    cells: totalCells(all),
    read: (r) => {
      if (!r.tables.requests) return blank('未找到表三');
      // （六）其他处理 is one row on the 2019 form and three on the 2021 form.
      const edition = r.edition === '2019' ? '2019' : '2021';
      return sum(rowsOf(prefix, edition).map((row) => requestTotal(r, row)));
    },
  };
}

export const N = requestTerm('N', '本年新收', 'newReceived');
export const C = requestTerm('C', '上年结转', 'carriedOver');
export const G = requestTerm('G', '予以公开', 'granted');
export const P = requestTerm('P', '部分公开', 'partiallyGranted');
export const D = requestTerm('D', '不予公开（八项之和）', 'denied');
export const U = requestTerm('U', '无法提供（三项之和）', 'unavailable');
export const X = requestTerm('X', '不予处理（五项之和）', 'notProcessed');
export const O = requestTerm('O', '其他处理（2019 版一项，2021 版三项之和）', 'otherHandling');
export const T = requestTerm('T', '（七）总计', 'total');
export const F = requestTerm('F', '结转下年度继续办理', 'carriedForward');

/** 本年新收 in one applicant column (no fallback: the column is what is asked). */
export function applicantTerm(column: string): Term {
  const label = APPLICANTS.find((c) => c.key === column)!.label;
  return {
    symbol: `N(${label})`,
    name: `本年新收 · ${label}`,
    cells: [`tables.requests.rows.newReceived.${column}`],
    read: (r) => {
      if (!r.tables.requests) return blank('未找到表三');
      const v = r.tables.requests.rows['newReceived']?.[column as 'total'] ?? null;
      return v === null ? blank(`表三「本年新收」的「${label}」栏空白`) : known(v);
    },
  };
}

/** One reason for not disclosing (a row of （三）不予公开), in the 总计 column. */
export function reasonTerm(row: string, k: number): Term {
  return { symbol: `D${k}`, name: rowLabel(row).replace(/^（三）不予公开/, ''), cells: totalCells([row]), read: (r) => requestTotal(r, row) };
}

/** A field of table 4, summed over some of its three groups. */
export function reviewTerm(symbol: string, name: string, groups: readonly (typeof REVIEW_GROUPS)[number]['key'][], field: 'upheld' | 'corrected' | 'other' | 'pending' | 'total'): Term {
  return {
    symbol,
    name,
    cells: groups.map((g) => `tables.reviewLitigation.${g}.${field}`),
    read: (r) => {
      const t = r.tables.reviewLitigation;
      if (!t) return blank('未找到表四');
      return sum(groups.map((g) => {
        const v = t[g][field];
        return v === null ? blank(`表四「${REVIEW_GROUPS.find((x) => x.key === g)!.label}」的一个单元格空白`) : known(v);
      }));
    },
  };
}

/** A field of table 2 on the 2021 form (or on both forms, where both print it). */
export function proactiveTerm(symbol: string, name: string, row: string, field: string, editions: readonly ('2019' | '2021')[]): Term {
  return {
    symbol,
    name,
    cells: [`tables.proactive.${row}.${field}`],
    read: (r) => {
      const p = r.tables.proactive;
      if (!p) return blank(r.edition === 'legacy' ? '2019 年以前的报告没有表二' : '未找到表二');
      if (!editions.includes(p.edition)) return blank(`${p.edition} 版表二没有「${name}」`);
      const v = (p as unknown as Record<string, Record<string, number | null>>)[row]?.[field] ?? null;
      return v === null ? blank(`表二「${name}」空白`) : known(v);
    },
  };
}

/** A line of the legacy appendix (本年度), found by its label. */
export function legacyTerm(symbol: string, name: string, label: RegExp): Term {
  return {
    symbol,
    name,
    cells: [`tables.legacyStats[「${name}」].thisYear`],
    read: (r) => {
      const stats = r.tables.legacyStats;
      if (!stats) return blank('未找到附表（政府信息公开情况统计表）');
      const line = stats.find((s) => label.test(s.label));
      if (!line) return blank(`附表没有「${name}」`);
      return line.thisYear === null ? blank(`附表「${line.label}」本年度空白`) : known(line.thisYear);
    },
  };
}
