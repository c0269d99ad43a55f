/**
 * pdf/lines: the text outside tables → lines in reading order (top to bottom, then left to right).
 * Chars on one baseline form a line; CJK runs join without spaces, words part where the gap is wide.
 */
import type { Char } from './objects.ts';
import { lineText, visualLines } from './rows.ts';

export interface TextLine {
  top: number;
  bottom: number;
  x0: number;
  x1: number;
  text: string;
}

export function textLines(chars: readonly Char[]): TextLine[] {
  return visualLines(chars)
    .map((l) => ({ top: l.top, bottom: l.bottom, x0: l.x0, x1: l.x1, text: lineText(l).trim() }))
    .filter((l) => l.text !== '');
}
