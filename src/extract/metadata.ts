/**
 * extract: identity of a report from its text — title, agency, year, edition, 文件号, date.
 */
import type { SourceLine } from '../read/decode.ts';
import { squash, toHalfWidth } from '../read/text.ts';
import type { Edition } from '../model/labels.ts';

export interface TitleInfo {
  title: string;
  agency: string | null;
  year: number;
  line: number;
}

const TITLE = /^(.*?)\s*((?:19|20)\d{2})\s*年度?\s*(?:政府)?信息公开(?:工作)?(?:年度)?报告$/u;

/** A plausible issuing body on its own line: short, no punctuation, ends like an organisation. */
function looksLikeAgency(s: string): boolean {
  return s.length >= 3 && s.length <= 30 && !/[，。；：:、《》()（）\d]/.test(s) && /(政府|办公室|委员会|管委会|中心|局|厅|部|委|院|署|办|所|站|会|处|队)$/.test(s);
}

/** Find the report's own title: skips cover letters (「关于报送《…》的函」) and lines that cite other documents. */
export function findTitle(lines: readonly SourceLine[]): TitleInfo | null {
  const limit = Math.min(lines.length, 120);
  for (let i = 0; i < limit; i++) {
    const raw = lines[i]!.text.trim();
    if (!raw || raw.length > 60 || /[《》\t]/.test(raw)) continue;
    // A title may be broken over two lines (「…2018年政府信息」「公开工作年度报告」).
    const candidates = [raw];
    const next = lines[i + 1]?.text.trim();
    if (next && next.length <= 30 && !/[《》\t]/.test(next)) candidates.push(raw + next);
    for (const c of candidates) {
      const m = TITLE.exec(toHalfWidth(c).replace(/\s+/g, ' ').trim());
      if (!m) continue;
      let agency: string | null = m[1]!.replace(/\s+/g, '').replace(/关于$/, '') || null;
      let title = c.replace(/\s+/g, ' ').trim();
      let line = lines[i]!.line;
      if (!agency) {
        // The title may sit below the agency's name on its own line.
        for (let j = i - 1; j >= 0 && j >= i - 3; j--) {
          const prev = lines[j]!.text.trim();
          if (!prev) continue;
          if (looksLikeAgency(squash(prev))) {
            agency = squash(prev);
            title = `${prev} ${title}`;
            line = lines[j]!.line;
          }
          break;
        }
      }
      return { title, agency, year: Number(m[2]), line };
    }
  }
  return null;
}

/** 文件号 such as 泉鲤行政管〔2022〕1号, looked for before the report body. */
export function findDocumentNumber(lines: readonly SourceLine[], before: number): string | null {
  for (let i = 0; i < Math.min(before, lines.length); i++) {
    const m = /([\u4e00-\u9fa5]{1,12}[〔\[［（(]\d{4}[〕\]］）)]\d{1,4}号)/u.exec(lines[i]!.text);
    if (m) return m[1]!;
  }
  return null;
}

/** The signing date: the last line that is only a date (2022年元月5日, 2023年1月3号). */
export function findPublishedOn(lines: readonly SourceLine[]): string | null {
  let found: string | null = null;
  for (const l of lines) {
    const m = /^\s*((?:19|20)\d{2})\s*年\s*(\d{1,2}|元)\s*月\s*(\d{1,2})\s*[日号]\s*$/u.exec(toHalfWidth(l.text));
    if (!m) continue;
    const month = m[2] === '元' ? 1 : Number(m[2]);
    const day = Number(m[3]);
    if (month < 1 || month > 12 || day < 1 || day > 31) continue;
    found = `${m[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  }
  return found;
}

/** The reporting period stated in the text: 统计时限为2021年1月1日至2021年12月31日. */
export function findStatedYear(lines: readonly SourceLine[]): { year: number; line: number } | null {
  for (const l of lines) {
    const m = /((?:19|20)\d{2})\s*年\s*1\s*月\s*1\s*日\s*(?:至|到|-|—)\s*((?:19|20)\d{2})\s*年\s*12\s*月\s*31\s*日/u.exec(toHalfWidth(l.text));
    if (m && m[1] === m[2]) return { year: Number(m[1]), line: l.line };
  }
  return null;
}

/**
 * Edition from content, never from the year (domain.md §1): the 2021 form's column labels,
 * else the 2019 form's, else legacy.
 */
export function detectEdition(lines: readonly SourceLine[]): Edition {
  const all = squash(lines.map((l) => l.text).join(''));
  if (/本年制发件数|本年废止件数|本年度止件数|现行有效件数|本年收费金额|逾期不补正|缴纳费用/.test(all)) return '2021';
  if (/本年新制作数量|本年新公开数量|对外公开总数量|上一年项目数量|政府集中采购|采购项目数量/.test(all)) return '2019';
  if (/申请人情况/.test(all) && /予以公开/.test(all) && /不予处理/.test(all)) return '2021';
  return 'legacy';
}

/** Abbreviations used in agency names; the expanded form is canonical (domain.md §6). */
const ABBREVIATIONS: readonly [RegExp, string][] = [[/管委会$/u, '管理委员会']];

export function canonicalAgencyName(name: string): string {
  let out = name.replace(/\s+/g, '');
  for (const [re, full] of ABBREVIATIONS) out = out.replace(re, full);
  return out;
}
