/**
 * segment: find the six sections (docs/reports.md §2) by their 一、二、… headings.
 * A heading is a short line without table cells whose title matches a known variant;
 * numbering must increase, so table rows such as 「四、结转下年度继续办理」 never start a section.
 */
import type { SourceLine } from '../read/decode.ts';
import { labelCore, type NormalLine } from '../read/text.ts';
import { SECTIONS, type SectionKey } from '../model/labels.ts';

const NUMERALS = '一二三四五六七八九十';

export interface SectionSpan {
  key: SectionKey;
  /** Title as printed, without its numbering. */
  title: string;
  /** Line of the heading. */
  line: number;
  /** Index into the lines array of the heading. */
  start: number;
  /** Index one past the last line of the section. */
  end: number;
  /** Further parts mapped onto the same key (legacy 收费及减免 + 其他事项). */
  parts: { title: string; marker: string; start: number }[];
}

const HEADING = /^\s*([一二三四五六七八九十]{1,2})\s*[、.．]\s*(.+?)\s*$/u;

export function sectionKeyOf(title: string): SectionKey | null {
  const core = labelCore(title);
  for (const s of SECTIONS) if (s.match.some((m) => core.includes(m))) return s.key;
  return null;
}

/**
 * The sections of a report. `printed` are the lines as the agency wrote them (a Traditional-script
 * report is matched in Simplified), from which titles are taken; index for index the same lines.
 */
export function findSections(lines: readonly NormalLine[], printed: readonly SourceLine[] = lines): SectionSpan[] {
  const heads: { key: SectionKey; title: string; marker: string; index: number; n: number }[] = [];
  let last = 0;
  for (let i = 0; i < lines.length; i++) {
    const { text, half } = lines[i]!;
    if (text.includes('\t') || text.includes('|')) continue;
    const m = HEADING.exec(half);
    if (!m) continue;
    const title = m[2]!.replace(/[。：:]$/, '');
    if (title.length > 40 || /\d\s*(件|条|个)/.test(title)) continue;
    const n = NUMERALS.indexOf(m[1]!.slice(-1)) + 1 + (m[1]!.length > 1 ? 10 : 0);
    if (n <= last) continue;
    const key = sectionKeyOf(title);
    if (!key) continue;
    heads.push({ key, title: printed[i]!.text.trim().replace(/^[一二三四五六七八九十]{1,2}\s*[、.．]\s*/u, '').replace(/[。：:]$/, ''), marker: m[1]! + '、', index: i, n });
    last = n;
  }
  const spans: SectionSpan[] = [];
  for (let h = 0; h < heads.length; h++) {
    const head = heads[h]!;
    const end = h + 1 < heads.length ? heads[h + 1]!.index : lines.length;
    const prev = spans.find((s) => s.key === head.key);
    if (prev) {
      prev.parts.push({ title: head.title, marker: head.marker, start: head.index });
      prev.end = end;
      continue;
    }
    spans.push({ key: head.key, title: head.title, line: lines[head.index]!.line, start: head.index, end, parts: [] });
  }
  return spans;
}
