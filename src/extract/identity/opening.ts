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
const INNER_SPACE = new RegExp(`(?<=${CJK_OR_DIGIT}) (?=${CJK_OR_DIGIT})`, 'gu');

/**
 * One line made comparable. A single space between Chinese characters or digits is an extraction
 * artefact and goes; a tab or a wider gap separates fields and becomes a tab.
 */
export function compact(raw: string): string {
  return toHalfWidth(raw)
    .normalize('NFKC')
    .replace(/[\u00a0\u3000]/g, ' ')
    .replace(/\t+| {2,}/g, '\t')
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
