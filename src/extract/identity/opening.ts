/**
 * identity: the opening of a report, made comparable. Real openings come with spaces inside
 * words (「2021 年政府信息 公开工作年度报告」, 「某 某 区」), full-width digits, compatibility
 * radicals, and sometimes no line breaks at all. Identity rules read these compact clauses.
 */
import { toHalfWidth, type NormalLine } from '../../read/text.ts';

export interface Clause {
  /** Compact text: half-width, NFKC, no spaces inside words, no sentence punctuation. */
  text: string;
  /** 1-based source line. */
  line: number;
  /** Whether sentence punctuation (not a line break or a wide gap) separates it from the clause before. */
  afterPunctuation?: boolean;
}

export interface Opening {
  /** Each line of the window, compact (sentence punctuation kept), with its source line. */
  lines: Clause[];
  /** The same lines cut at tabs, wide gaps and sentence punctuation, in order. */
  clauses: Clause[];
  /** The whole window as one compact string (lines joined by newlines). */
  text: string;
}

/** A Chinese character or a bracket (（）()〔〕). */
const isHan = (c: number) => (c >= 0x4e00 && c <= 0x9fff) || c === 0xff08 || c === 0xff09 || c === 0x28 || c === 0x29 || c === 0x3014 || c === 0x3015;
/** …or a digit. */
const isHanOrDigit = (c: number) => isHan(c) || (c >= 0x30 && c <= 0x39);

/**
 * Single spaces with a Chinese character (or bracket) on one side and such a character or a digit
 * on the other removed. Each space is judged on the text as given (as the lookarounds of a regex
 * would: `(?<=[Han]) (?=[Han\d])|(?<=[Han\d]) (?=[Han])`), which here costs a loop, not a regex
 * trying two lookbehinds at every position.
 */
function dropInnerSpaces(s: string): string {
  let out = '';
  let from = 0;
  for (let i = s.indexOf(' '); i >= 0; i = s.indexOf(' ', i + 1)) {
    const before = s.charCodeAt(i - 1); // NaN at the start: no character
    const after = s.charCodeAt(i + 1);
    if ((isHan(before) && isHanOrDigit(after)) || (isHanOrDigit(before) && isHan(after))) {
      out += s.slice(from, i);
      from = i + 1;
    }
  }
  return from === 0 ? s : out + s.slice(from);
}

/**
 * Digits broken by single spaces (「2 0 2 1 年」, 「20 21年」) are one number while they make at most
 * four digits; 「2022-01-24 2021年」 stays two.
 */
function joinDigits(s: string): string {
  return s.replace(/\d+(?: \d+)+/gu, (run) => {
    const parts = run.split(' ');
    let out = parts[0]!;
    let group = parts[0]!.length;
    for (const p of parts.slice(1)) {
      if (group + p.length <= 4) {
        out += p;
        group += p.length;
      } else {
        out += ` ${p}`;
        group = p.length;
      }
    }
    return out;
  });
}

/** 「二〇二〇年」 → 2020年: years written in Chinese numerals. */
const CN_DIGIT: Record<string, string> = { '〇': '0', 零: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };
const CN_YEAR = /[〇零一二三四五六七八九]{4}(?=年)/gu;

/** Whether some 年 has a Chinese numeral before it (what CN_YEAR needs): 年 is common, 二〇二〇年 rare. */
function mayHaveCnYear(s: string): boolean {
  for (let at = s.indexOf('年'); at >= 0; at = s.indexOf('年', at + 1)) if (at > 0 && CN_DIGIT[s[at - 1]!] !== undefined) return true;
  return false;
}

/**
 * One line made comparable. A single space between Chinese characters or digits is an extraction
 * artefact and goes; a tab or a wider gap separates fields and becomes a tab.
 */
export function compact(raw: string): string {
  return compactHalf(toHalfWidth(raw));
}

/**
 * compact() of a text already half-width (NormalLine.half). Each step runs only on a line that has
 * what it looks for (a 年 after a numeral, a run of tabs or spaces, a space): every line of a report
 * passes here, and most have none of them.
 */
export function compactHalf(half: string): string {
  let s = mayHaveCnYear(half) ? half.replace(CN_YEAR, (y) => [...y].map((c) => CN_DIGIT[c]).join('')) : half;
  // NFKC also turns the no-break and ideographic spaces (U+00A0, U+3000) into plain spaces.
  s = s.normalize('NFKC');
  // Runs of tabs and of two or more spaces become one tab (a single tab already is one: table rows have many).
  if (s.includes('\t\t')) s = s.replace(/\t{2,}/g, '\t');
  if (s.includes('  ')) s = s.replace(/ {2,}/g, '\t');
  if (s.includes(' ')) s = dropInnerSpaces(s.replace(/\d+(?: \d+)+/gu, joinDigits));
  return trimGaps(s);
}

const isGap = (c: string | undefined) => c === '\t' || c === ' ';

/** Leading and trailing tabs and spaces removed (a regex tries `[\t ]+$` at every position of the line). */
function trimGaps(s: string): string {
  let from = 0;
  let to = s.length;
  while (from < to && isGap(s[from])) from++;
  while (to > from && isGap(s[to - 1])) to--;
  return from === 0 && to === s.length ? s : s.slice(from, to);
}

/** Runs of clause breaks: tabs and sentence punctuation, full- and half-width. */
const BREAKS = /[\t，。；！？,;!?]+/g;
const NOT_TAB = /[^\t]/;

/** The clause text[from, to), trimmed, unless empty. */
function pushClause(out: Clause[], text: string, from: number, to: number, line: number, afterPunctuation: boolean): void {
  const clause = text.slice(from, to).trim();
  if (clause) out.push({ text: clause, line, afterPunctuation });
}

/** How far identity evidence is looked for: the opening lines and the first section's start. */
const WINDOW_LINES = 160;

export function readOpening(lines: readonly NormalLine[]): Opening {
  const out: Opening = { lines: [], clauses: [], text: '' };
  for (const l of lines.slice(0, WINDOW_LINES)) {
    const text = compactHalf(l.half);
    if (!text) continue;
    out.lines.push({ text, line: l.line });
    // The line cut at runs of breaks; a clause follows punctuation when the run before it has more than tabs.
    let afterPunctuation = false;
    let at = 0;
    BREAKS.lastIndex = 0;
    for (let m; (m = BREAKS.exec(text)); ) {
      pushClause(out.clauses, text, at, m.index, l.line, afterPunctuation);
      afterPunctuation = NOT_TAB.test(m[0]);
      at = BREAKS.lastIndex;
    }
    pushClause(out.clauses, text, at, text.length, l.line, afterPunctuation);
  }
  out.text = out.lines.map((l) => l.text).join('\n');
  return out;
}
