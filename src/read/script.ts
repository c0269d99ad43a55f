/**
 * read: Traditional-Chinese copies (繁體) of a report — portals' 简/繁 switch, copies kept in Hong Kong
 * or Taiwan. Every later stage matches Simplified labels, so such a report is converted line by line,
 * character by character (OpenCC's t → cn table). Not by Taiwan phrases: those turn the statutory
 * 文件 into 文档 and 查询 into 查找. The source text is never changed: source.txt and the narrative
 * keep what the agency wrote.
 */
import { Converter } from 'opencc-js/t2cn';
import type { SourceLine } from './decode.ts';

/** Characters common in these reports that exist only in Traditional script. */
const TRADITIONAL_ONLY = /[們個國會與為發開關報於來對時這機區縣務資訊條辦處權員學習項廳據類單議結場實應際體門觀記錄審產經濟歲號說點總費預專導書層雲醫療環護衛]/gu;

/** Enough Traditional-only characters to be sure (a Simplified report may quote one or two). */
export function isTraditional(lines: readonly SourceLine[]): boolean {
  let seen = 0;
  let chars = 0;
  for (const l of lines) {
    seen += l.text.match(TRADITIONAL_ONLY)?.length ?? 0;
    chars += l.text.length;
    if (chars > 4000) break;
  }
  return seen >= 8;
}

let convert: ((s: string) => string) | null = null;

/** The lines in Simplified script, one for one (numbers unchanged). */
export function toSimplified(lines: readonly SourceLine[]): SourceLine[] {
  convert ??= Converter({ from: 't', to: 'cn' });
  // Each line keeps its table cells (converted too), where its values start and its page: only the characters change.
  return lines.map((l) => ({ ...l, text: convert!(l.text), ...(l.cells ? { cells: l.cells.map((c) => convert!(c)) } : {}) }));
}
