/**
 * identity: a portal page's own fields around the report (索引号, 发布机构, 发文日期, 文号, 主题分类 …),
 * one per line, several on a line, or as a `|`/tab field table. They are kept as metadata with
 * their line; 发布机构 is evidence of the agency (often the portal owner's office, so it weighs little).
 */
import type { NormalLine } from '../../read/text.ts';
import { compactHalf } from './opening.ts';

export interface PageField {
  label: string;
  value: string;
  line: number;
}

const LABELS = [
  '索引号', '信息索引号', '发布机构', '发文机关', '发文单位', '发布单位', '公开主体', '信息来源', '来源', '发文日期', '成文日期', '发布日期',
  '发布时间', '公开日期', '生成日期', '文号', '发文字号', '主题分类', '体裁分类', '组配分类', '主题词', '公开方式', '公开范围', '有效性', '标题', '名称',
];
const LABEL_WORDS = [...LABELS].sort((a, b) => b.length - a.length).join('|');
/** A label with a colon anywhere (flattened pages glue it to what came before); without one, only after a space or a cell border. */
const LABEL = new RegExp(`(?:${LABEL_WORDS})\\s*[:：]\\s*|(?:^|(?<=[\\s|]))(?:${LABEL_WORDS})\\s*(?:[|\\t]|(?=\\s))`, 'gu');

/**
 * Quick tests a line must pass before LABEL, which weighs what stands around a label at every
 * position: a colon, space, tab or cell border (after which a label stands); a character labels end
 * in (号 构 关 期 称 …; most lines have none); a label's word itself (table rows have 机关, 期限 …).
 */
const MAY_HOLD_FIELD = /[:：|\s]/u;
const LABEL_ENDS = new RegExp(`[${[...new Set(LABELS.map((l) => l[l.length - 1]))].join('')}]`, 'u');
const LABEL_WORD = new RegExp(LABEL_WORDS, 'u');

/** Longest value kept (a field holds a name, a date or a number, never a paragraph). */
const MAX_VALUE = 60;

/** Labels whose value names the publishing body. */
export const PUBLISHER_LABELS = new Set(['发布机构', '发文机关', '发文单位', '发布单位', '公开主体', '信息来源', '来源']);
/** Labels whose value is the page's date. */
export const DATE_LABELS = new Set(['发文日期', '成文日期', '发布日期', '发布时间', '公开日期', '生成日期']);

/** The page fields in the first lines (before the report's first section). */
export function findPageFields(lines: readonly NormalLine[], limit = 80): PageField[] {
  const out: PageField[] = [];
  for (const l of lines.slice(0, limit)) {
    const text = l.half; // half-width: no ideographic spaces left
    if (!MAY_HOLD_FIELD.test(text) || !LABEL_ENDS.test(text) || !LABEL_WORD.test(text)) continue; // no field here
    // A long line is a paragraph, or a whole page flattened onto one line: there, only 「标签：值」 counts.
    const long = text.length > 300;
    const hits = [...text.matchAll(LABEL)].filter((h) => !long || /[:：]\s*$/u.test(h[0]));
    hits.forEach((h, k) => {
      const label = h[0].replace(/[\s:：|]+$/u, '');
      const end = k + 1 < hits.length ? hits[k + 1]!.index : text.length;
      // A value ends at the next field, a wide gap or a cell border, and is short.
      const raw = text.slice(h.index + h[0].length, end).split(/\t| {2,}|\|/u)[0]!;
      // …and before a sentence that a flattened page glued to it.
      const value = compactHalf(raw).split(/[，。；,;]|本报告|根据|按照|依据/u)[0]!.slice(0, MAX_VALUE);
      if (value && !LABELS.includes(value)) out.push({ label, value, line: l.line });
    });
  }
  return out;
}

/** A page date such as 2022-01-20, 2022/1/20 or 2022年1月20日 as ISO, or null. */
export function isoDate(value: string): string | null {
  const m = /((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/u.exec(value);
  if (!m) return null;
  const [month, day] = [Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${m[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
