/**
 * identity: the report's title in the many forms real reports give it —
 * 「<agency><year>年政府信息公开工作年度报告」, year first (「2021年度<agency>政府信息公开…」),
 * 「关于<agency>2020年政府信息公开工作的年度报告」, 年报 / 工作报告 / 年度工作报告 / （全文）,
 * 政府信息公开和政务公开…, split over two or three lines, glued to breadcrumbs in flattened text,
 * or with the agency on the line above.
 */
import type { Clause, Opening } from './opening.ts';
import { firstOfJoint, isAgencyName, nameAtEnd } from './names.ts';

/** The core every title form shares: …政府信息公开[和政务公开][工作][的][年度][工作]报告|年报. */
const CORE = /(?:政府信息公开|政务公开|信息公开)(?:(?:和|与|及)(?:政府信息公开|政务公开))?(?:工作)?的?(?:年度)?(?:工作)?(?:报告|年报)/u;
/** A year of a title: not the year of a date (2023年1月30日 is a page's date). */
const CORE_ALL = new RegExp(CORE.source, 'gu');
/** A name as a regular expression matching just it: an agency's name may hold ( ) . + and such. */
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const YEAR = /((?:19|20)\d{2})年度?(?!\d{1,2}月)/gu;
const YEAR_AFTER = /^[(（]?((?:19|20)\d{2})年度?[)）]?/u;

/** Words that make a title a reference to another document (a cover letter's 「关于报送《…》的函」). */
const REFERENCE_BEFORE = /(?:报送|印发|转发|对照|参照|按照|根据|依据)[^]{0,30}$/u;
const REFERENCE_AFTER = /^[》”"]?的?(?:函|通知|批复|请示|报送|上报)/u;

/** What may follow a title on its line: 「（全文）」, the year, or the page's own fields. */
const TITLE_TAIL = /^(?:[(（]?全文[)）]?|[(（]?(?:19|20)\d{2}年度?[)）]?)*(?:(?:发布|来源|时间|日期|索引|字号|浏览|点击|作者|信息来源|文号|本报告|根据|依据|按照|依照|一、|现将|(?:19|20)\d{2}年[,，])[^]*)?$/u;

/** Verbs of a sentence that publishes the report (现公布…, …编制了…): a statement, not a title. */
const STATEMENT = /(?:公布|编制|发布|制作|编写|形成)/u;

export interface TitleMatch {
  year: number | null;
  /** The agency named in the title, as written (not yet expanded), or null. */
  agency: string | null;
  /** 'title' when the clause is a heading; 'body' when a sentence states it (现公布…). */
  kind: 'title' | 'body';
  /** The title as read (compact), without what stands around it on a flattened line. */
  title: string;
}

/**
 * Read one clause as a title, or null. A flattened page may hold several cores in one clause
 * (a breadcrumb's 「政府信息公开年报」 before the title): each is read with the text since the last.
 */
export function matchTitle(text: string): TitleMatch | null {
  let from = 0;
  if (!CORE.test(text)) return null;
  for (const core of text.matchAll(CORE_ALL)) {
    const m = readCore(text.slice(from, core.index), core[0], text.slice(core.index + core[0].length));
    if (m && (m.year !== null || m.agency !== null)) return m;
    from = core.index + core[0].length;
  }
  return null;
}

function readCore(left: string, core: string, right: string): TitleMatch | null {
  // Inside 《…》 or quotes: a citation of a report, not this one's title.
  const open = Math.max(left.lastIndexOf('《'), left.lastIndexOf('“'));
  if (open >= 0 && !/[》”]/u.test(left.slice(open))) return null;
  if (REFERENCE_BEFORE.test(left) || REFERENCE_AFTER.test(right)) return null;
  const years = [...left.matchAll(YEAR)];
  const last = years[years.length - 1];
  let year: number | null = null;
  let agencyText = left;
  if (last) {
    year = Number(last[1]);
    const before = left.slice(0, last.index);
    const between = left.slice(last.index + last[0].length);
    // Year first (「2021年某某区人民政府政府信息公开…」) or agency first (「某某区人民政府2021年…」).
    agencyText = between.replace(/的$/u, '') ? between.replace(/的$/u, '') : before;
  } else {
    const after = YEAR_AFTER.exec(right);
    if (after) year = Number(after[1]);
  }
  const kind = STATEMENT.test(left) || !TITLE_TAIL.test(right) ? 'body' : 'title';
  const agency = agencyText ? nameAtEnd(agencyText) : null;
  // The title itself: from the agency (or the year, whichever comes first) to the core and a 「（全文）」.
  const atName = agency ? left.lastIndexOf(agency.slice(0, 2)) : -1;
  const start = Math.min(...[atName, last?.index ?? -1].filter((i) => i >= 0), left.length);
  const title = `${left.slice(start)}${core}${/^[(（]全文[)）]/u.exec(right)?.[0] ?? YEAR_AFTER.exec(right)?.[0] ?? ''}`;
  return { year, agency, kind, title };
}

export interface TitleFound extends TitleMatch {
  /** The clause(s) the title was read from, joined. */
  text: string;
  line: number;
  /** Source lines of the clauses the title was read from. */
  lines: number[];
  /** Where the agency came from when the title itself has none: the line above. */
  agencyLine: number | null;
}

const isShort = (c: Clause | undefined) => !!c && c.text.length <= 40;
/** A line complete in itself, never the first half of a title: a red header, a document number, a date. */
const COMPLETE = /文件$|^[^:]{1,8}:|\d{1,2}月\d{1,2}日|星期[一二三四五六日天]$|[〔\[]\d{4}[〕\]]\d+号$|\d{4}年\d{1,2}月\d{1,2}日$|[(（][^)）]*[)）]$/u;

/**
 * Every title in the opening. A clause that is no title alone is tried joined with the one or two
 * clauses after it (titles broken over lines); a title without an agency takes it from the line above.
 */
export function findTitles(opening: Opening): TitleFound[] {
  const { clauses } = opening;
  // By the clause a title ends in: of two readings ending in the same clause, the one starting later wins.
  const byEnd = new Map<number, TitleFound>();
  // Every title ends in 报告 or 年报: where neither this clause nor the two a title may take after it
  // has a 报, nothing below can match (most clauses of an opening are sentences of the overview).
  const hasBao = clauses.map((c) => c.text.includes('报'));
  for (let i = 0; i < clauses.length; i++) {
    if (!hasBao[i] && !hasBao[i + 1] && !hasBao[i + 2]) continue;
    const c = clauses[i]!;
    let text = c.text;
    let m = matchTitle(text);
    let end = i;
    for (let k = 1; !m && k <= 2 && isShort(clauses[i + k - 1]) && isShort(clauses[i + k]); k++) {
      if (clauses[i + k]!.afterPunctuation || COMPLETE.test(clauses[i + k - 1]!.text)) break;
      text += clauses[i + k]!.text;
      m = matchTitle(text);
      end = i + k;
    }
    // A breadcrumb item (首页>…>教育局政府信息公开年报) without a year names a page, not the report's body.
    if (m?.year === null && m.agency && new RegExp(`[>»›]${escapeRegExp(m.agency)}${CORE.source}`, 'u').test(text)) m = { ...m, agency: null };
    if (!m || (m.year === null && m.agency === null)) continue;
    let agencyLine: number | null = null;
    if (!m.agency && m.kind === 'title') {
      // 「某某局」 on its own line above 「2021年度政府信息公开工作报告」.
      for (let j = i - 1; j >= 0 && clauses[j]!.line >= c.line - 4; j--) {
        const prev = clauses[j]!.text.replace(/文件$/u, '');
        if (isAgencyName(prev)) {
          m = { ...m, agency: firstOfJoint(prev) };
          agencyLine = clauses[j]!.line;
          break;
        }
        if (/\d/.test(prev) || prev.length > 40) break;
      }
    }
    const lines = [...new Set(clauses.slice(i, end + 1).map((x) => x.line))];
    // Spelled out: V8 copies a spread that adds properties (`{ ...m, text }`) a hundred times slower.
    const found: TitleFound = { year: m.year, agency: m.agency, kind: m.kind, title: m.title, text, line: c.line, lines, agencyLine };
    const earlier = byEnd.get(end);
    if (!earlier || found.agency || !earlier.agency) byEnd.set(end, found);
  }
  return [...byEnd.values()].sort((a, b) => a.line - b.line);
}
