/**
 * extract: a report's edition, 文件号 and signing date. Who reports and for which year: identity/.
 */
import type { SourceLine } from '../read/decode.ts';
import type { NormalLine } from '../read/text.ts';
import type { Edition } from '../model/labels.ts';

/** 文件号 such as 泉鲤行政管〔2022〕1号, looked for before the report body. */
export function findDocumentNumber(lines: readonly SourceLine[], before: number): string | null {
  for (let i = 0; i < Math.min(before, lines.length); i++) {
    const m = /([\u4e00-\u9fa5]{1,12}[〔\[［（(]\d{4}[〕\]］）)]\d{1,4}号)/u.exec(lines[i]!.text);
    if (m) return m[1]!;
  }
  return null;
}

const DATE_LINE = /^\s*((?:19|20)\d{2})\s*年\s*(\d{1,2}|元)\s*月\s*(\d{1,2})\s*[日号]\s*$/u;

/** The signing date: the last line that is only a date (2022年元月5日, 2023年1月3号). */
export function findPublishedOn(lines: readonly NormalLine[]): string | null {
  let found: string | null = null;
  for (const l of lines) {
    const m = DATE_LINE.exec(l.half);
    if (!m) continue;
    const month = m[2] === '元' ? 1 : Number(m[2]);
    const day = Number(m[3]);
    if (month < 1 || month > 12 || day < 1 || day > 31) continue;
    found = `${m[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  }
  return found;
}

/**
 * Edition from content, never from the year (docs/reports.md §1): the 2021 form's column labels,
 * else the 2019 form's, else legacy.
 */
export function detectEdition(lines: readonly NormalLine[]): Edition {
  // Squashing is character by character: the squashed lines joined are the joined text squashed.
  const all = lines.map((l) => l.squashed).join('');
  if (/本年制发件数|本年废止件数|本年度止件数|现行有效件数|本年收费金额|逾期不补正|缴纳费用/.test(all)) return '2021';
  if (/本年新制作数量|本年新公开数量|对外公开总数量|上一年项目数量|政府集中采购|采购项目数量/.test(all)) return '2019';
  if (/申请人情况/.test(all) && /予以公开/.test(all) && /不予处理/.test(all)) return '2021';
  return 'legacy';
}
