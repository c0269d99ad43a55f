/**
 * identity: what the first sentences and headings of a report say about who reports and for which
 * year, where the title is missing or incomplete.
 */
import type { Opening } from './opening.ts';
import { expandName, isAgencyName } from './names.ts';

export interface Statement {
  field: 'agency' | 'year';
  value: string | number;
  source: 'period' | 'heading' | 'body' | 'header';
  line: number;
  text: string;
}

const Y = '((?:19|20)\\d{2})';
/**
 * The reporting period: 2021年1月1日至2021年12月31日, 自2021年1月1日起至12月31日止,
 * 从2019年1月1日到12月31日止, and with 年 lost in extraction (20211月1日至202112月31日).
 */
const PERIOD = new RegExp(`(?:${Y}年?|\\d{1,3}年)?0?1月0?1日(?:起)?(?:至|到|—|–|-|~|～)+(?:${Y}年?)?12月31日`, 'u');
/** 统计期限为2021年度 / 统计时限：2021年 */
const PERIOD_YEAR = new RegExp(`统计(?:期限|时限|时间|区间|范围)(?:为|是|:)?${Y}年度?(?![\\d月])`, 'u');
/** A heading that is only the year: 「2020年度」. */
const YEAR_HEADING = new RegExp(`^[(（]?${Y}年度?[)）]?$`, 'u');
/** 「2021年，某某区人民政府认真贯彻…」 */
const YEAR_SENTENCE = new RegExp(`(?:^|[。；;!?！？\\s]|情况|概述|(?<=\\d-\\d{2}))${Y}年(?:度|以来)?[,，]([\\u4e00-\\u9fff]{3,40}?)(?:[(（]以下简称[^)）]{0,12}[)）])?(?:认真|严格|坚持|深入|全面|紧紧|始终|按照|根据|依据|围绕|在|以|进一步|持续|扎实|积极|高度|不断|聚焦|着力|继续|切实|紧扣|贯彻|落实|主动|紧密|结合)`, 'u');
/** 「本报告由某某根据…编制」, 「由某某编制完成本报告」, 「某某根据…编制本报告」 */
const BY_AGENCY = [
  /本(?:年度)?(?:报告|年报)(?:是)?由([\u4e00-\u9fff（）()]{3,40}?)(?:根据|依据|按照|依照|结合|负责|编制|制作|编写|组织)/u,
  /由([\u4e00-\u9fff（）()]{3,40}?)(?:[(（]以下简称[^)）]{0,16}[)）])?(?:负责|组织)?编制(?:完成|形成)?(?=[本了此的。，,;；]|$)/u,
  /(?:^|[,，。])([\u4e00-\u9fff（）()]{3,40}?)(?:根据|依据|按照|依照)[^。]{0,120}?编制(?:了|完成)?本(?:年度)?(?:报告|年报)/u,
  /(?:^|[,，。])([\u4e00-\u9fff]{3,40}?)(?:[(（]以下简称[^)）]{0,12}[)）])?编制(?:了|完成)?本(?:年度)?/u,
];
/** A red-header document: 「某某管理委员会文件」. */
const HEADER = /^([\u4e00-\u9fff（）()]{3,40}?)文件$/u;

/**
 * Every line of the opening goes through these patterns, and most lines are sentences that cannot
 * match them: each pattern runs only on a line that has the words it cannot match without, and a
 * line runs none without one of ANY_PATTERN (年 of a year, 由 or 编制 of an author, 统计, 12月31日, 文件).
 */
const ANY_PATTERN = /[年由]|编制|统计|12月31日|文件/;
const mayBePeriod = (s: string) => s.includes('12月31日');
const mayBeYearSentence = (s: string) => s.includes('年,') || s.includes('年，') || s.includes('年度') || s.includes('年以来');
/** BY_AGENCY: the first two need 由, the last two 编制. */
const mayNameAuthor = (s: string, k: number) => s.includes(k < 2 ? '由' : '编制');

export function findStatements(opening: Opening): Statement[] {
  const out: Statement[] = [];
  for (const { text, line } of opening.lines) {
    if (!ANY_PATTERN.test(text)) continue; // no tab or space in these words: the text says as much as `flat`
    const flat = text.includes('\t') ? text.replace(/\t/g, ' ') : text;
    const p = mayBePeriod(flat) ? PERIOD.exec(flat) : null;
    // A start year lost in extraction (「自22年1月1日起至2022年12月31日止」) leaves the end year.
    const covered = p && (p[1] && p[2] ? (p[1] === p[2] ? p[1] : null) : (p[1] ?? p[2]));
    if (p && covered) out.push({ field: 'year', value: Number(covered), source: 'period', line, text: p[0] });
    else {
      const py = flat.includes('统计') ? PERIOD_YEAR.exec(flat) : null;
      if (py) out.push({ field: 'year', value: Number(py[1]), source: 'period', line, text: py[0] });
    }
    const h = YEAR_HEADING.exec(flat);
    if (h) out.push({ field: 'year', value: Number(h[1]), source: 'heading', line, text: h[0] });
    const s = mayBeYearSentence(flat) ? YEAR_SENTENCE.exec(flat) : null;
    if (s) {
      out.push({ field: 'year', value: Number(s[1]), source: 'body', line, text: s[0] });
      if (isAgencyName(expandName(s[2]!))) out.push({ field: 'agency', value: s[2]!, source: 'body', line, text: s[0] });
    }
    for (let k = 0; k < BY_AGENCY.length; k++) {
      const m = mayNameAuthor(flat, k) ? BY_AGENCY[k]!.exec(flat) : null;
      if (m && isAgencyName(expandName(m[1]!))) {
        out.push({ field: 'agency', value: m[1]!, source: 'body', line, text: m[0] });
        break;
      }
    }
    const head = flat.endsWith('文件') ? HEADER.exec(flat) : null;
    if (head && isAgencyName(head[1]!)) out.push({ field: 'agency', value: head[1]!, source: 'header', line, text: head[0] });
  }
  return out;
}
