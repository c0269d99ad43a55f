/**
 * identity: the opening of a report, made comparable. Real openings come with spaces inside
 * words (「2021 年政府信息 公开工作年度报告」, 「某 某 区」), full-width digits, compatibility
 * radicals, and sometimes no line breaks at all. Identity rules read these compact clauses.
 */
import type { SourceLine } from '../../read/decode.ts';
import { toHalfWidth } from '../../read/text.ts';

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

const CJK_OR_DIGIT = '[\\u4e00-\\u9fff\\d（）()〔〕]';
/** A single space with a Chinese character (or bracket) on one side and such a character or a digit on the other. */
const INNER_SPACE = new RegExp(`(?<=[\\u4e00-\\u9fff（）()〔〕]) (?=${CJK_OR_DIGIT})|(?<=${CJK_OR_DIGIT}) (?=[\\u4e00-\\u9fff（）()〔〕])`, 'gu');

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

/**
 * One line made comparable. A single space between Chinese characters or digits is an extraction
 * artefact and goes; a tab or a wider gap separates fields and becomes a tab.
 */
export function compact(raw: string): string {
  return toHalfWidth(raw)
    .replace(CN_YEAR, (y) => [...y].map((c) => CN_DIGIT[c]).join(''))
    .normalize('NFKC')
    .replace(/[\u00a0\u3000]/g, ' ')
    .replace(/\t+| {2,}/g, '\t')
    .replace(/\d+(?: \d+)+/gu, joinDigits)
    .replace(INNER_SPACE, '')
    .replace(/^[\t ]+|[\t ]+$/g, '');
}

const CLAUSE_BREAK = /[\t，。；！？,;!?]+/u;

/** How far identity evidence is looked for: the opening lines and the first section's start. */
const WINDOW_LINES = 160;

export function readOpening(lines: readonly SourceLine[]): Opening {
  const out: Opening = { lines: [], clauses: [], text: '' };
  for (const l of lines.slice(0, WINDOW_LINES)) {
    const text = compact(l.text);
    if (!text) continue;
    out.lines.push({ text, line: l.line });
    let afterPunctuation = false;
    for (const piece of text.split(new RegExp(`(${CLAUSE_BREAK.source})`, 'u'))) {
      if (CLAUSE_BREAK.test(piece)) afterPunctuation = /[^\t]/u.test(piece);
      else if (piece.trim()) out.clauses.push({ text: piece.trim(), line: l.line, afterPunctuation });
    }
  }
  out.text = out.lines.map((l) => l.text).join('\n');
  return out;
}
