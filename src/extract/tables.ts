/**
 * extract: statutory tables → typed rows (docs/reports.md §3).
 * Each extractor reads the lines of its section, matches row labels through the one label
 * table (model/labels.ts) and never throws: what it cannot place becomes a finding.
 */
import { cellValue, isLayoutLine, splitCells, type RawCell } from '../read/cells.ts';
import { isFurniture, labelCore, squash, type NormalLine } from '../read/text.ts';
import {
  PROACTIVE_ROWS,
  REQUEST_COLUMNS,
  REQUEST_ROWS,
  REVIEW_FIELDS,
  REVIEW_GROUPS,
  type Edition,
  type RowLabel,
} from '../model/labels.ts';
import type { Cell, Finding, LegacyStat, Tables } from '../model/report.ts';
import { finding } from '../model/findings.ts';

export interface Extracted<T> {
  value: T;
  findings: Finding[];
  /** Indexes of the lines the table occupied (kept out of the narrative). */
  consumed: Set<number>;
  /** The records the extractor was given (see Records), with this table's entries added. */
  literals: Record<string, string>;
  lines: Record<string, number>;
}

type Range = { start: number; end: number };

/**
 * Where an extractor writes what cells literally said and the line of each row: the report's own
 * records when the parser passes them (`tables`), so nothing is copied from one object to another.
 */
export type Records = Pick<Tables, 'literals' | 'lines'>;

const extracted = <T>(records: Records): Extracted<T | null> => ({ value: null, findings: [], consumed: new Set(), literals: records.literals, lines: records.lines });

/** Each row's dotted path (「requests.rows.granted」), made once: a key made anew for every row of every report costs more to store. */
const REQUEST_PATHS = new Map(REQUEST_ROWS.map((r) => [r.key, `requests.rows.${r.key}`]));
const PROACTIVE_PATHS = new Map(Object.values(PROACTIVE_ROWS).flat().map((r) => [r.key, `proactive.${r.key}`]));


/** Index of the first line in `range` whose text, spaces removed, matches `re`; -1 if none. */
function findLine(lines: readonly NormalLine[], range: Range, re: RegExp): number {
  for (let i = range.start; i < range.end; i++) if (re.test(lines[i]!.squashed)) return i;
  return -1;
}

/** A row of a table: its label text and the cells that follow the label. */
interface Row {
  index: number;
  line: number;
  label: string;
  values: RawCell[];
  /** Values read from one space-aligned line, where blank cells are absent and position tells the column. */
  layout: boolean;
}

/**
 * Split a line into label and values: the label is every non-numeric cell before the first
 * numeric one; the values run from the first numeric cell, blanks included (a blank there is a blank cell).
 */
function toRow(lines: readonly NormalLine[], index: number): Row {
  const src = lines[index]!;
  if (src.cells) {
    // A row from the document's own structure: the columns say which cells are values, blanks included.
    // A row with no value at all (a header, an item caption, a row of blank cells) reads like a
    // text row without values: its label is all its text.
    const at = src.valueStart ?? 0;
    const values = src.cells.slice(at);
    if (!values.some((c) => c !== '' && cellValue(c).kind !== 'text')) return { index, line: src.line, label: src.cells.filter((c) => c !== '').join(' ').trim(), values: [], layout: false };
    const label = src.cells.slice(0, at).filter((c) => c !== '').join(' ').trim();
    return { index, line: src.line, label, values: values.map((text, i) => ({ text, column: at + i + 1 })), layout: false };
  }
  const cells = splitCells(src.text);
  const first = cells.findIndex((c) => {
    const { kind } = cellValue(c.text);
    return kind === 'number' || (kind === 'null' && c.text !== '');
  });
  const labelCells = first === -1 ? cells : cells.slice(0, first);
  const values = first === -1 ? [] : cells.slice(first);
  // Trailing empty cells may be blank table cells or mere padding; the caller knows the table's width.
  return { index, line: src.line, label: labelCells.map((c) => c.text).join(' ').trim(), values, layout: isLayoutLine(src.text) && values.length > 1 };
}

/** A copy of a row with another label (and layout), spelled out: V8 copies `{ ...row, label }` and Object.assign several times slower. */
const withRow = (row: Row, label: string, layout = row.layout): Row => ({ index: row.index, line: row.line, label, values: row.values, layout });

const centre = (c: RawCell) => c.column + c.text.length / 2;

/** Column centres of a space-aligned table, from its rows that have every value (median per column). */
function columnCentres(rows: readonly Row[], width: number): number[] | null {
  const full = rows.filter((r) => r.layout && r.values.length === width);
  if (full.length === 0) return null;
  return Array.from({ length: width }, (_, i) => {
    const xs = full.map((r) => centre(r.values[i]!)).sort((a, b) => a - b);
    return xs[Math.floor(xs.length / 2)]!;
  });
}

/**
 * pdftotext -layout leaves blank cells out: put each value of a short space-aligned row in the
 * column whose centre is nearest; the columns left empty are blank cells.
 */
function placeInColumns(values: readonly RawCell[], centres: readonly number[]): RawCell[] {
  const out: RawCell[] = centres.map(() => ({ text: '', column: 0 }));
  for (const v of values) {
    let best = 0;
    centres.forEach((c, i) => {
      if (Math.abs(centre(v) - c) < Math.abs(centre(v) - centres[best]!)) best = i;
    });
    if (out[best]!.text === '') out[best] = v;
  }
  return out;
}

/**
 * Header words of a space-aligned table, with fragments stacked on consecutive lines over the
 * same column merged (「商业」 over 「企业」 → 商业企业, 「结果」 over 「维持」 → 结果维持).
 */
function stackedHeaders(lines: readonly NormalLine[], from: number, to: number, words: ReadonlySet<string>): { text: string; centre: number }[] {
  const groups: { text: string; centre: number }[] = [];
  for (let i = from; i < to; i++) {
    if (!isLayoutLine(lines[i]!.text)) continue;
    for (const c of splitCells(lines[i]!.text)) {
      if (cellValue(c.text).kind !== 'text') continue; // values are not header words
      const text = squash(c.text);
      const x = centre(c);
      // A whole header word stands alone; only fragments join a fragment above them.
      const g = words.has(text) ? undefined : groups.find((g) => !words.has(g.text) && Math.abs(g.centre - x) <= 2);
      if (g) g.text += text;
      else groups.push({ text, centre: x });
    }
  }
  return groups;
}

/** Centres of the columns named `words` (in order) in a header block, or null unless every one is found once. */
function headerCentres(lines: readonly NormalLine[], from: number, to: number, words: readonly string[]): number[] | null {
  const groups = stackedHeaders(lines, from, to, new Set(words));
  const centres: number[] = [];
  for (const w of words) {
    const hits = groups.filter((g) => g.text === w);
    if (hits.length !== 1) return null;
    centres.push(hits[0]!.centre);
  }
  return centres;
}

/**
 * True when a table is space-aligned: no tabs or pipes in its first lines with text, and several
 * of them hold more than one cell (one cell per line is not a layout).
 */
function isLayoutTable(lines: readonly NormalLine[], start: number, end: number): boolean {
  const texts: string[] = [];
  for (let i = start; i < end && texts.length < 12; i++) if (lines[i]!.text.trim() !== '') texts.push(lines[i]!.text);
  return texts.length > 0 && texts.every(isLayoutLine) && texts.filter((t) => splitCells(t).length > 1).length >= 3;
}

/**
 * Rows of a space-aligned table (pdftotext -layout). Each line whose label names a statutory row
 * starts that row — with no values it is a row of blank cells. Other label text (a wrapped label's
 * continuation, a group label such as 「（三）不予公开」 centred across rows) never starts a row;
 * values on such a line belong to the row above when it has none yet (values centred on a
 * multi-line label). Lines before the first row are the header block.
 */
function layoutRows(lines: readonly NormalLine[], start: number, end: number, names: (label: string) => string | null, consumed: Set<number>): { rows: Row[]; firstRow: number } {
  const rows: Row[] = [];
  let firstRow = end;
  let cur: Row | null = null;
  let curKey: string | null = null;
  for (let i = start; i < end; i++) {
    const text = lines[i]!.text;
    if (text.trim() === '') continue;
    consumed.add(i);
    if (isFurniture(lines[i]!.half)) continue;
    const row = toRow(lines, i);
    if (row.values.length === 0 && /[。；]$/.test(text.trim())) {
      consumed.delete(i);
      break;
    }
    const key = row.label ? names(row.label) : null;
    // A wrapped label whose second line names the same row again (「…收费通知要求」「缴纳费用…」) continues it.
    if (key && !(key === curKey && cur && cur.values.length === 0)) {
      cur = withRow(row, row.label, true);
      curKey = key;
      rows.push(cur);
      firstRow = Math.min(firstRow, i);
      continue;
    }
    if (!cur) continue; // header block
    if (row.values.length > 0 && cur.values.length === 0) cur.values = row.values;
  }
  return { rows, firstRow };
}

/**
 * Column centres of a table-2 block from its 「信息内容 本年制发件数 …」 line: the nearest one above
 * `row`, when it names exactly `width` columns.
 */
function captionCentres(lines: readonly NormalLine[], start: number, row: number, width: number): number[] | null {
  for (let i = row - 1; i >= start; i--) {
    const text = lines[i]!.text;
    if (!isLayoutLine(text) || !lines[i]!.squashed.startsWith('信息内容')) continue;
    const cells = splitCells(text).slice(1);
    return cells.length === width ? cells.map(centre) : null;
  }
  return null;
}

/** Realign the short space-aligned rows of a table of `width` value columns. */
function alignLayoutRows(rows: Row[], width: number, centres = columnCentres(rows, width)): void {
  if (!centres) return;
  for (const r of rows) if (r.layout && r.values.length > 0 && r.values.length < width) r.values = placeInColumns(r.values, centres);
}

/**
 * Logical rows of a table whatever its serialisation: a row on one line (label and values
 * separated by tabs or pipes), or spread over lines (label lines, then one value per line).
 * Label-only lines accumulate (group heading + item); values accumulate until the row's width
 * (`widthOf(label)`) is reached or the next label starts. Header lines reset the label;
 * a sentence of prose ends the table.
 */
function* logicalRows(
  lines: readonly NormalLine[],
  start: number,
  end: number,
  widthOf: (label: string) => number | null,
  isHeader: (squashed: string) => boolean,
  consumed: Set<number>,
): Generator<Row> {
  let pending: Row | null = null;
  let label: string[] = [];
  let labelLine: { index: number; line: number } | null = null;
  for (let i = start; i < end; i++) {
    const text = lines[i]!.text;
    if (text.trim() === '') continue;
    if (isFurniture(lines[i]!.half)) {
      consumed.add(i);
      continue;
    }
    const row = toRow(lines, i);
    if (row.values.length === 0) {
      if (/[。；]$/.test(text.trim()) && !/[\t|]/.test(text)) break;
      consumed.add(i);
      if (pending) {
        yield pending;
        pending = null;
      }
      if (isHeader(squash(row.label))) {
        label = [];
        labelLine = null;
        continue;
      }
      // A known row printed with a separator for each of its cells but no values is a row of blank
      // cells (「规章\t\t\t」); 「规章 |」 is one cell per line and its values follow.
      const width = widthOf([...label, row.label].join(' '));
      const cellCount = splitCells(text).length - (text.trimEnd().endsWith('|') ? 1 : 0); // a closing pipe opens no cell
      if (width !== null && cellCount >= 1 + width) {
        yield withRow(row, [...label, row.label].join(' '));
        label = [];
        labelLine = null;
        continue;
      }
      label.push(row.label);
      labelLine ??= { index: i, line: row.line };
      continue;
    }
    consumed.add(i);
    if (row.label) {
      if (pending) yield pending;
      pending = null;
      // A complete row on one line; a group label on the line before is part of its label.
      const merged = withRow(row, [...label, row.label].join(' '));
      label = [];
      labelLine = null;
      const width = widthOf(merged.label);
      if (width !== null && merged.values.filter((c) => c.text !== '').length < width && !/[\t|]/.test(text)) {
        pending = merged; // values continue on the following lines
        continue;
      }
      yield merged;
      continue;
    }
    // Values without a label: they continue the pending row, or the label lines above.
    if (!pending) {
      pending = { index: labelLine?.index ?? i, line: labelLine?.line ?? row.line, label: label.join(' '), values: [], layout: row.layout };
      label = [];
      labelLine = null;
    }
    if (pending.values.length > 0) pending.layout = false; // values from several lines: no common grid
    pending.values.push(...row.values.filter((c) => c.text !== ''));
    const width = widthOf(pending.label);
    if (width !== null && pending.values.length >= width) {
      yield pending;
      pending = null;
    }
  }
  if (pending) yield pending;
}

/** A cell's value; what it literally said, where that was not a plain number, goes to `literals` under `rowPath.field`. */
function readCell(raw: RawCell | undefined, rowPath: string, field: string, out: { literals: Record<string, string> }): Cell {
  if (!raw) return null;
  const v = cellValue(raw.text);
  if (v.kind === 'number') {
    if (v.literal !== undefined) out.literals[`${rowPath}.${field}`] = v.literal;
    return v.value;
  }
  if (v.kind === 'null') {
    if (v.literal !== undefined) out.literals[`${rowPath}.${field}`] = v.literal;
    return null;
  }
  out.literals[`${rowPath}.${field}`] = raw.text;
  return null;
}

/** Choose the table-3 row a label names: the longest match wins, within the edition's rows. */
export function requestRowOf(label: string, edition: Edition): RowLabel | null {
  const core = labelCore(label);
  for (const { match, row } of requestMatches(edition)) {
    if (!core.includes(match)) continue;
    // 「其他」 alone is the 2021 sub-row 3.其他; elsewhere it is part of a longer label.
    if (row.key === 'otherHandling.other' && !core.endsWith('其他')) continue;
    return row;
  }
  return null;
}

const MATCHES = new Map<Edition, { match: string; row: RowLabel }[]>();

/**
 * The edition's row labels to look for, longest first (the longest match wins), in printed order
 * among equals (the first wins): the first that matches is the row. Made once per edition.
 */
function requestMatches(edition: Edition): { match: string; row: RowLabel }[] {
  let list = MATCHES.get(edition);
  if (!list) {
    list = REQUEST_ROWS.filter((row) => row.editions.includes(edition))
      .flatMap((row) => row.match.map((match) => ({ match, row })))
      .sort((a, b) => b.match.length - a.match.length); // stable: printed order among equals
    MATCHES.set(edition, list);
  }
  return list;
}

export function extractRequests(lines: readonly NormalLine[], range: Range, edition: '2019' | '2021', records: Records = { literals: {}, lines: {} }): Extracted<Tables['requests']> {
  const out: Extracted<Tables['requests']> = extracted(records);
  // The table starts at its caption (勾稽关系 note or 申请人情况 header).
  const start = findLine(lines, range, /申请人情况|勾稽关系|本年新收/);
  if (start === -1) return out;
  const rows: Record<string, Record<string, Cell>> = {};
  const HEADER = /申请人情况|勾稽关系|自然人|法人或其他组织|商业企业|科研机构/;
  let collected: Row[];
  if (isLayoutTable(lines, start, range.end)) {
    const names = (label: string) => (HEADER.test(squash(label)) ? null : (requestRowOf(label, edition)?.key ?? null));
    const { rows: found, firstRow } = layoutRows(lines, start, range.end, names, out.consumed);
    collected = found;
    // Rows that have every value place the columns best; else the header words above them.
    const centres = columnCentres(collected, REQUEST_COLUMNS.length) ?? headerCentres(lines, start, firstRow, REQUEST_COLUMNS.map((c) => c.label));
    alignLayoutRows(collected, REQUEST_COLUMNS.length, centres);
  } else {
    collected = [...logicalRows(lines, start, range.end, () => REQUEST_COLUMNS.length, (s) => HEADER.test(s), out.consumed)];
  }
  for (const row of collected) {
    const label = requestRowOf(row.label, edition);
    // A grid row with no values and no statutory label is a piece of the header (「自然」 over 「人」).
    if (!label && row.values.length === 0 && lines[row.index]!.cells) continue;
    if (!label) {
      out.findings.push(finding('requests-row-unknown', 'warning', `第${row.line}行的表格行「${row.label}」不是表三（收到和处理政府信息公开申请情况）的法定行，已忽略其数值；请核对行名。`, ['tables', 'requests'], row.line));
      continue;
    }
    if (rows[label.key]) {
      out.findings.push(finding('requests-row-duplicate', 'warning', `表三的「${label.label}」行在第${row.line}行再次出现，保留首次出现的数值。`, ['tables', 'requests', 'rows', label.key], row.line));
      continue;
    }
    // Trailing empty cells count as blank cells up to the table's width; beyond it they are padding.
    const filled = row.values.length - [...row.values].reverse().findIndex((c) => c.text !== '');
    // A space-aligned row leaves its blank cells out: short is normal there, and aligned already.
    if ((!row.layout && row.values.length < REQUEST_COLUMNS.length) || filled > REQUEST_COLUMNS.length) {
      out.findings.push(
        finding(
          'requests-row-width',
          'warning',
          `表三「${label.label}」行（第${row.line}行）应有 ${REQUEST_COLUMNS.length} 个数值（自然人、五类法人或其他组织、总计），实际读到 ${Math.max(filled, row.values.length)} 个；缺少的单元格记为空，多出的已忽略。`,
          ['tables', 'requests', 'rows', label.key],
          row.line,
        ),
      );
    }
    const path = REQUEST_PATHS.get(label.key)!;
    const cells: Record<string, Cell> = {};
    REQUEST_COLUMNS.forEach((col, c) => {
      cells[col.key] = readCell(row.values[c], path, col.key, out);
    });
    rows[label.key] = cells;
    out.lines[path] = row.line;
    if (label.key === 'carriedForward') break;
  }
  // Lines after 结转下年度 belong to the narrative again.
  const last = out.lines['requests.rows.carriedForward'];
  if (last !== undefined) for (const i of [...out.consumed]) if (lines[i]!.line > last) out.consumed.delete(i);
  const missing = REQUEST_ROWS.filter((r) => r.editions.includes(edition) && !rows[r.key]);
  for (const r of missing) {
    out.findings.push(finding('requests-row-missing', 'error', `表三缺少「${r.group ? r.group + ' ' : ''}${r.label}」行，无法读取；该行各单元格记为空。`, ['tables', 'requests', 'rows', r.key], null));
    rows[r.key] = Object.fromEntries(REQUEST_COLUMNS.map((c) => [c.key, null]));
  }
  // Order rows as the form prints them.
  const ordered: Record<string, Record<string, Cell>> = {};
  for (const r of REQUEST_ROWS) if (rows[r.key]) ordered[r.key] = rows[r.key]!;
  out.value = { rows: ordered as NonNullable<Tables['requests']>['rows'] };
  return out;
}

export function extractReviewLitigation(lines: readonly NormalLine[], range: Range, records: Records = { literals: {}, lines: {} }): Extracted<Tables['reviewLitigation']> {
  const out: Extracted<Tables['reviewLitigation']> = extracted(records);
  // 「结果维持」 may be stacked as 「结果」 over 「维持」 in space-aligned text.
  const header = findLine(lines, range, /结果维持|尚未/);
  if (header === -1) return out;
  // Numbers follow the header rows; they may be split over lines by page breaks.
  let nums: RawCell[] = [];
  let firstLine: number | null = null;
  // Centres of the 15 column headers, for space-aligned text where blank cells are absent.
  const FIELD_WORDS = new Set<string>(REVIEW_FIELDS.map((f) => f.label));
  let layoutLines = 0;
  for (let i = header; i < range.end && nums.length < 15; i++) {
    const text = lines[i]!.text;
    if (text.trim() === '') continue;
    if (isFurniture(lines[i]!.half)) {
      out.consumed.add(i);
      continue;
    }
    let cells = lines[i]!.cells ? lines[i]!.cells!.map((t, k) => ({ text: t, column: k + 1 })) : splitCells(text);
    if (lines[i]!.cells) {
      // A grid row has every column: its blank cells are cells, and 15 is exact.
    } else if (!isLayoutLine(text)) {
      // Keep blank cells between separators; an outer pipe opens and closes no cell.
      if (text.trimStart().startsWith('|')) cells = cells.slice(1);
      while (cells.length && cells[cells.length - 1]!.text === '') cells.pop();
    }
    const filled = cells.filter((c) => c.text !== '');
    const numeric = filled.filter((c) => cellValue(c.text).kind !== 'text');
    if (numeric.length === 0) {
      const squashed = lines[i]!.squashed;
      if (squashed.includes('结果') || squashed.includes('行政') || squashed.includes('起诉')) {
        out.consumed.add(i);
        continue;
      }
      if (nums.length) break;
      continue;
    }
    if (numeric.length !== filled.length) break;
    out.consumed.add(i);
    firstLine ??= lines[i]!.line;
    if (isLayoutLine(text)) layoutLines++;
    nums.push(...(isLayoutLine(text) ? filled : cells));
  }
  if (layoutLines === 1 && nums.length < 15) {
    // From the first header line down: the group captions above (行政复议, 未经复议直接起诉) would merge into the columns below them.
    const headers = stackedHeaders(lines, header, header + 3, FIELD_WORDS).filter((g) => FIELD_WORDS.has(g.text));
    if (headers.length === 15) nums = placeInColumns(nums, headers.map((g) => g.centre).sort((x, y) => x - y));
  }
  for (let i = range.start; i < header; i++) if (lines[i]!.squashed.startsWith('行政复议') && lines[i]!.text.includes('\t')) out.consumed.add(i);
  if (nums.length === 0) {
    out.findings.push(finding('review-values-missing', 'error', '表四（行政复议、行政诉讼情况）有表头但没有读到数值；各单元格记为空。', ['tables', 'reviewLitigation'], lines[header]!.line));
  } else if (nums.length !== 15) {
    out.findings.push(finding('review-values-width', 'warning', `表四应有 15 个数值，实际读到 ${nums.length} 个；缺少的单元格记为空。`, ['tables', 'reviewLitigation'], firstLine));
  }
  const value: Record<string, Record<string, Cell>> = {};
  REVIEW_GROUPS.forEach((g, gi) => {
    value[g.key] = {};
    REVIEW_FIELDS.forEach((f, fi) => {
      value[g.key]![f.key] = readCell(nums[gi * 5 + fi], `reviewLitigation.${g.key}`, f.key, out);
    });
  });
  if (firstLine !== null) out.lines['reviewLitigation'] = firstLine;
  out.value = value as unknown as Tables['reviewLitigation'];
  return out;
}

export function extractProactive(lines: readonly NormalLine[], range: Range, edition: '2019' | '2021', records: Records = { literals: {}, lines: {} }): Extracted<Tables['proactive']> {
  const out: Extracted<Tables['proactive']> = extracted(records);
  const defs = PROACTIVE_ROWS[edition];
  const found: Record<string, Record<string, Cell>> = {};
  let amountUnit: string | null = null;
  // A row's label is looked up while its lines are read, again to group rows by columns, and again to read them: once is enough.
  const defByLabel = new Map<string, (typeof defs)[number] | null>();
  const defOf = (label: string) => {
    let found = defByLabel.get(label);
    if (found === undefined) {
      const core = labelCore(label);
      let best: { def: (typeof defs)[number]; len: number } | null = null;
      for (const def of defs) for (const m of def.match) if (core.includes(m) && (!best || m.length > best.len)) best = { def, len: m.length };
      found = best?.def ?? null;
      defByLabel.set(label, found);
    }
    return found;
  };
  // The table starts at its first caption 「第二十条第（一）项」.
  const start = findLine(lines, range, /^[|]*第二十条/);
  if (start === -1) return out;
  const isHeader = (s: string) => {
    const unit = /采购总金额.*?(万元|元)/.exec(s);
    if (unit) amountUnit = unit[1]!;
    return /^第二十条|^信息内容|件数|数量|金额/.test(s);
  };
  const collected = isLayoutTable(lines, start, range.end)
    ? layoutRows(lines, start, range.end, (label) => (isHeader(squash(label)) ? null : (defOf(label)?.key ?? null)), out.consumed).rows
    : [...logicalRows(lines, start, range.end, (label) => defOf(label)?.fields.length ?? null, isHeader, out.consumed)];
  // Space-aligned rows sharing the same columns (e.g. 规章 and 规范性文件) align on each other.
  const groups = new Map<string, Row[]>();
  for (const row of collected) {
    const def = defOf(row.label);
    if (!def) continue;
    const key = def.fields.map((f) => f.key).join();
    groups.set(key, [...(groups.get(key) ?? []), row]);
  }
  for (const [key, rows] of groups) {
    const width = key.split(',').length;
    alignLayoutRows(rows, width, columnCentres(rows, width) ?? captionCentres(lines, start, rows[0]!.index, width));
  }
  for (const row of collected) {
    const def = defOf(row.label);
    if (!def && row.values.length === 0 && lines[row.index]!.cells) continue;
    if (!def) {
      out.findings.push(finding('proactive-row-unknown', 'warning', `第${row.line}行的表格行「${row.label}」不是表二（主动公开政府信息情况）的法定行，已忽略其数值。`, ['tables', 'proactive'], row.line));
      continue;
    }
    if (found[def.key]) continue;
    const cells: Record<string, Cell> = {};
    def.fields.forEach((f, c) => {
      const raw = row.values[c];
      cells[f.key] = readCell(raw, PROACTIVE_PATHS.get(def.key)!, f.key, out);
      if (def.key === 'procurement' && f.key === 'amount' && raw) {
        const v = cellValue(raw.text);
        if (v.kind === 'number' && v.unit) amountUnit = v.unit;
      }
    });
    found[def.key] = cells;
    out.lines[PROACTIVE_PATHS.get(def.key)!] = row.line;
  }
  if (collected.length === 0) return out;
  const value: Record<string, unknown> = { edition };
  for (const def of defs) {
    if (!found[def.key]) {
      out.findings.push(finding('proactive-row-missing', 'warning', `表二（主动公开政府信息情况）缺少「${def.label}」行；该行各单元格记为空。`, ['tables', 'proactive', def.key], null));
      found[def.key] = Object.fromEntries(def.fields.map((f) => [f.key, null]));
    }
    value[def.key] = found[def.key];
  }
  if (edition === '2019') (value['procurement'] as Record<string, unknown>)['amountUnit'] = amountUnit;
  out.value = value as Tables['proactive'];
  return out;
}

const UNIT_WORDS = /^(条|件|个|项|次|人次|元|万元|份|%|人)$/;

/** Clean a legacy indicator label: indentation, full-width spaces, 「其中：1.」 prefixes. */
export function cleanLegacyLabel(label: string): string {
  return label
    .replace(/[\s\u3000]+/g, '')
    .replace(/^其中[:：]?/, '')
    .replace(/^\d+[.、．]/, '');
}

/**
 * The legacy appendix 「政府信息公开情况统计表」: a stream of cells (label, unit, this year, cumulative),
 * whether printed one row per line or one cell per line.
 */
export function extractLegacyStats(lines: readonly NormalLine[], range: Range, records: Records = { literals: {}, lines: {} }): Extracted<LegacyStat[] | null> {
  const out: Extracted<LegacyStat[] | null> = extracted(records);
  const header = findLine(lines, range, /指标名称/);
  if (header === -1) return out;
  // Skip the header cells up to 历年累计 (they may be spread over lines: 「计量」「单位」).
  let i = header;
  for (; i < range.end; i++) {
    out.consumed.add(i);
    if (lines[i]!.squashed.includes('历年累计')) break;
  }
  const stats: LegacyStat[] = [];
  let cur: { label: string; unit: string | null; nums: RawCell[]; line: number } | null = null;
  const flush = () => {
    if (!cur) return;
    const n = stats.length;
    const stat: LegacyStat = {
      label: cleanLegacyLabel(cur.label),
      unit: cur.unit,
      thisYear: readCell(cur.nums[0], `legacyStats.${n}`, 'thisYear', out),
      cumulative: readCell(cur.nums[1], `legacyStats.${n}`, 'cumulative', out),
    };
    out.lines[`legacyStats.${n}`] = cur.line;
    stats.push(stat);
    cur = null;
  };
  for (i = i + 1; i < range.end; i++) {
    const text = lines[i]!.text;
    if (text.trim() === '') continue;
    if (isFurniture(lines[i]!.half)) {
      out.consumed.add(i);
      continue;
    }
    const cells = splitCells(text).filter((c) => c.text !== '');
    // The table ends at a line that is plainly prose (抄送, a sentence, a date).
    if (!text.includes('\t') && /^(抄送|附件|注[:：])|[。]$/.test(text.trim())) break;
    out.consumed.add(i);
    for (const c of cells) {
      const v = cellValue(c.text);
      if (v.kind === 'text' && UNIT_WORDS.test(c.text) && cur && cur.unit === null && cur.nums.length === 0) {
        cur.unit = c.text;
      } else if (v.kind !== 'text' && cur && (v.kind === 'number' || c.text !== '')) {
        cur.nums.push(c);
      } else if (v.kind === 'text') {
        flush();
        cur = { label: c.text, unit: null, nums: [], line: lines[i]!.line };
      }
    }
  }
  flush();
  for (const [n, s] of stats.entries()) {
    if (s.thisYear === null && s.cumulative === null) {
      out.findings.push(finding('legacy-values-missing', 'warning', `附表指标「${s.label}」没有读到数值。`, ['tables', 'legacyStats', n], out.lines[`legacyStats.${n}`] ?? null));
    }
  }
  out.value = stats;
  return out;
}
