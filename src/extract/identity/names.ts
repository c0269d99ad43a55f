/**
 * identity: what an agency's name looks like, and one spelling for every way it is written.
 *
 * Reports name the same body many ways: 管委会 for 管理委员会, 区政府 for 区人民政府, 发改委 for
 * 发展和改革委员会, with or without the city and province above it (泉州市鲤城区人民政府 and
 * 鲤城区人民政府). `agencyKey` folds all of these to one name, from which the slug is made, so
 * one agency keeps one page across years.
 */
import { createHash } from 'node:crypto';
import { pinyin } from 'pinyin-pro';
import { nameWords } from './words.ts';
import type { Region } from '../../model/report.ts';
import { divisionsNamed, isWithin, leadingDivision } from '../region.ts';

/** How names of administrative bodies end. */
const BODY_SUFFIX = /(?:人民政府|政府|办公室|办公厅|管理委员会|委员会|管委会|局|厅|委|办|院|署|中心|办事处|海关|所|站|队|会|处|室|部|馆|社|团|组)$/u;

/** Words that belong to titles, breadcrumbs and sentences, never to a body's name. */
const NOT_A_NAME = /报告|年报|条例|办法|通知|决定|意见|规定|网站|门户|首页|位置|公开工作|信息公开|政务公开和|编制|根据|依据|按照/u;

/** Words that refer to a body already named (我局, 本机关): never a name of their own. */
const PRONOUN = /^(?:(?:我|本|贵|该|各|全|其|此)(?:局|办|委|院|厅|府|室|会|所|站|队|部|中心|单位|机关|部门|系统|区|县|市|镇|乡|街道|省)|相关|有关|上级|下级|全市|全区|全县|全省)/u;

/** Short forms used in names, and their statutory spelling. Order matters: longer first. */
const ABBREVIATIONS: readonly [RegExp, string][] = [
  [/管委会/gu, '管理委员会'],
  [/高新区/gu, '高新技术产业开发区'],
  [/经开区/gu, '经济技术开发区'],
  [/发改委/gu, '发展和改革委员会'],
  [/发改局/gu, '发展和改革局'],
  [/卫健委/gu, '卫生健康委员会'],
  [/卫健局/gu, '卫生健康局'],
  [/人社局/gu, '人力资源和社会保障局'],
  [/住建局/gu, '住房和城乡建设局'],
  [/住建委/gu, '住房和城乡建设委员会'],
  [/教科局/gu, '教育和科学技术局'],
  [/工信局/gu, '工业和信息化局'],
  [/市监局/gu, '市场监督管理局'],
  [/文旅局/gu, '文化和旅游局'],
  [/医保局/gu, '医疗保障局'],
  [/应急局/gu, '应急管理局'],
  [/民宗局/gu, '民族宗教事务局'],
  [/政府办$/u, '政府办公室'],
  // 区政府, 市政府办公室: the body is the people's government (人民政府) of that division.
  [/(?<=[省市区县旗州镇乡])政府/gu, '人民政府'],
];

/** The statutory spelling: no spaces, abbreviations written out. */
export function expandName(name: string): string {
  let out = name.replace(/\s+/g, '');
  // A name without a short form's word is left alone, unscanned: names are expanded for every
  // candidate and every check, and most have none of the nineteen.
  for (const [re, full, word] of SHORT_FORMS) if (out.includes(word)) out = out.replace(re, full);
  return out;
}

/** ABBREVIATIONS, each with the word a name must contain to match it: the short form itself (管委会), or 政府 for the two patterns around 政府. */
const SHORT_FORMS = ABBREVIATIONS.map(([re, full]) => [re, full, /^[\u4e00-\u9fff]+$/u.test(re.source) ? re.source : '政府'] as const);

/** A plausible name of an administrative body: Chinese only, ends like one, and is more than its ending. */
export function isAgencyName(s: string): boolean {
  if (s.length < 3 || s.length > 40 || !/^[\u4e00-\u9fff（）()]+$/u.test(s)) return false;
  const suffix = BODY_SUFFIX.exec(s);
  return !!suffix && suffix.index > 0 && !NOT_A_NAME.test(s) && !PRONOUN.test(s);
}

/** A name that is only a place (泉州市, 某某区): a report under it is its people's government's. */
export function isPlaceOnly(s: string): boolean {
  return /^[\u4e00-\u9fff]{1,12}(?:省|市|区|县|旗|自治州|州|盟|镇|乡|街道)$/u.test(s) && !GENERIC_PLACES.test(s);
}

/** The country's name before a body's (中华人民共和国乌鲁木齐海关): a prefix of the full name, not part of the place. */
export const NATIONAL = '中华人民共和国';

/** Words for kinds of places, not places: 街道镇, 乡镇, 县区 (breadcrumb items such as 「街道镇政府信息公开年报」). */
const GENERIC_PLACES = /^(?:街道镇|街镇|乡镇|镇街|县区|区县|市县|县市|市区|省市|各区|各县|全市|全区|全县|本市|本区|本县)$/u;

/** The body that reports for a place: its people's government (a 街道's office). */
export const governmentOf = (place: string) => (place.endsWith('街道') ? `${place}办事处` : `${place}人民政府`);

/**
 * Drop the divisions above the one the body belongs to: 福建省泉州市鲤城区人民政府 → 鲤城区人民政府.
 * A prefix is dropped only when the next name is a division inside it (泉州市数字泉州建设办公室 stays).
 */
export function stripAncestors(name: string): string {
  let s = name;
  for (;;) {
    const first = leadingDivision(s);
    if (!first) return s;
    const rest = s.slice(first.length);
    const second = leadingDivision(rest);
    if (!second || !isWithin(second, first)) return s;
    s = rest;
  }
}

/** The one spelling every way of writing a body folds to (the slug is made from it). */
export function agencyKey(name: string): string {
  return stripAncestors(expandName(name));
}

/** Places that are not GB/T 2260 divisions but have their own bodies (开发区管委会). */
const ZONE = /^[\u4e00-\u9fff]{2,10}?(?:经济技术开发区|高新技术产业开发区|开发区|新区|园区|高新区|试验区|示范区|保税区|合作区)/u;

/**
 * Two bodies in one title (「某某区人民政府 某某开发区管委会」): the first reports. A second name
 * starts with a place of its own right after 人民政府 or 管理委员会.
 */
export function firstOfJoint(name: string): string {
  const m = /^(.+?(?:人民政府|管理委员会|管委会))(.+)$/u.exec(name);
  if (!m) return name;
  const rest = m[2]!;
  const startsWithPlace = (leadingDivision(rest) !== null && rest !== leadingDivision(rest)) || ZONE.test(rest);
  return startsWithPlace && isAgencyName(rest) && isAgencyName(m[1]!) ? m[1]! : name;
}

/** Breadcrumb and page words that can stand glued before a title's agency in flattened text. */
const CHROME = /^.*(?:首页|部门|当前位置|您的位置|所在位置|位置|政府信息公开年报|信息公开年报|公开年报|年度报告|年报|专栏|正文|打印|关闭|字号|大中小|[>»›])/u;

/** Verbs that stand before or after a body's name in a sentence (现公布…, …编制了). */
const LEADING_VERBS = /^(?:关于|现予以|现予|现将|现|特此|特|予以|公布|发布|印发|经)+/u;
const TRAILING_VERBS = /(?:编制了|编制完成|编制|制作了|制作|编写了|编写|形成了|形成|发布了|发布|关于|的)+$/u;

/** A breadcrumb's kind of place glued before a town's name: 「街镇花木街道办事处」. */
const KIND_BEFORE_TOWN = /^(?:街道镇|街镇|乡镇|镇街|镇乡)(?=[\u4e00-\u9fff]{2,6}?(?:镇|乡|街道)[\u4e00-\u9fff])/u;

/** Whether a division name runs across position k (鲤|城区, 市|南区 are no place boundaries). */
function straddles(s: string, k: number): boolean {
  for (let j = Math.max(0, k - 8); j < k; j++) for (let end = k + 1; end <= Math.min(s.length, j + 10); end++) if (divisionsNamed(s.slice(j, end)).length) return true;
  return false;
}

/**
 * A page word glued before a name in flattened text (「有效鼓楼区退役军人事务局」, 「街镇花木街道办事处」,
 * a breadcrumb's 「区农业农村局」 before 「宜宾市翠屏区农业农村局」):
 * the name starts at its division, unless what stands before is a division above it (泉州市鲤城区…) or
 * a body of its own (国家税务总局泉州市税务局).
 */
function fromPlace(tail: string): string {
  const kind = KIND_BEFORE_TOWN.exec(tail);
  if (kind && isAgencyName(tail.slice(kind[0].length))) return tail.slice(kind[0].length);
  for (let k = 1; k < tail.length - 2; k++) {
    const rest = tail.slice(k);
    if (leadingDivision(rest) === null || !isAgencyName(rest) || straddles(tail, k)) continue;
    const before = tail.slice(0, k);
    // A breadcrumb's short form of the same name (「区农业农村局」 before 「宜宾市翠屏区农业农村局」): the name starts after it.
    if (rest.endsWith(before.replace(/^[省市区县]/u, ''))) return rest;
    if (k > 4) continue;
    const above = leadingDivision(before);
    return (above && isWithin(leadingDivision(rest)!, above)) || BODY_SUFFIX.test(before) ? tail : rest;
  }
  return tail;
}

/**
 * The body's name at the end of the text before a title's year: 「首页>政务公开>年报泉州市鲤城区人民政府」
 * → 泉州市鲤城区人民政府; 「关于某某」 → 某某; null where what stands there is not a name.
 */
export function nameAtEnd(written: string): string | null {
  // 「…局（以下简称“我局”）」: the parenthesis says how the text will refer to the name, it is not part of it.
  const text = written.replace(/[(（]以下(?:简称|称)[^)）]{0,16}[)）]/gu, '');
  let tail = /[\u4e00-\u9fff（）()]*$/u.exec(text)![0];
  // 「某某委员会、某某局2022年…」: two bodies report together; the first is the reporting one.
  const before = text.slice(0, text.length - tail.length);
  if (/[、]$/u.test(before)) {
    const first = nameAtEnd(before.slice(0, -1));
    if (first && isAgencyName(tail)) return first;
  }
  // 「〔2022〕1号鲤城区…」: the 号 of a document number, or 年/月/日 of a date, is not part of the name.
  if (/\d$/u.test(before)) tail = tail.replace(/^[号年月日]/u, '');
  tail = tail.replace(LEADING_VERBS, '').replace(TRAILING_VERBS, '');
  const cut = tail.replace(CHROME, '');
  if (cut !== tail && (isAgencyName(cut) || isPlaceOnly(cut))) tail = cut;
  tail = fromPlace(tail).replace(/^(.{2,20})\1$/u, '$1'); // a breadcrumb's last item glued to the same name: 「北山街道北山街道」
  // 「某某区应急管理局（区地震局）」: the bracket names the same office's other name; the first is the body.
  const bracketed = /^(.+?)[(（][\u4e00-\u9fff]{2,20}[)）]$/u.exec(tail);
  if (bracketed && isAgencyName(bracketed[1]!)) tail = bracketed[1]!;
  if (isPlaceOnly(tail)) return governmentOf(tail);
  return isAgencyName(tail) ? firstOfJoint(tail) : null;
}

/** Longest slug: a URL segment well below any file system's 255-byte name limit. */
export const MAX_SLUG = 80;

const shortHash = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 8);

/**
 * ASCII slug: toneless pinyin, letters and digits only, a hyphen between words
 * (凤泉区人民政府 → fengquanqu-renminzhengfu; words as src/extract/identity/words.ts cuts them). A name with neither Han nor Latin letters
 * (Uyghur, Tibetan, Mongolian script) gets a hash of itself, never a shared 「unknown」; a very long
 * name is cut and a hash of the whole keeps it unique.
 */
export function slugOf(name: string): string {
  let slug = slugs.get(name);
  if (slug === undefined) {
    if (slugs.size >= MAX_SLUGS) slugs.clear();
    slug = pinyinSlug(name);
    slugs.set(name, slug);
  }
  return slug;
}

/**
 * Slugs made, by name. An agency's name comes back in every year's report, and again when the
 * registry applies (src/archive/registry.ts); pinyin-pro segments the name each time, which cost
 * a few percent of a parse. Names are few (one or two per agency), so the map stays small.
 */
const slugs = new Map<string, string>();
const MAX_SLUGS = 50_000;

function pinyinSlug(name: string): string {
  const s = nameWords(name)
    .map((word) => pinyin(word, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join(''))
    .join('-')
    .toLowerCase()
    .replace(/ü/g, 'v')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (!s) return name.trim() ? `agency-${shortHash(name)}` : 'unknown';
  return s.length > MAX_SLUG ? `${s.slice(0, MAX_SLUG - 9).replace(/-+$/, '')}-${shortHash(name)}` : s;
}

/**
 * An agency's slug: the pinyin of its key. Where the key starts with a place whose name several
 * divisions share (鼓楼区 in 福州, 南京, 徐州, 开封), the parent's name goes first, so two bodies
 * never share a page and the URL does not change when the other one arrives.
 */
export function agencySlug(name: string, region: Region | null): string {
  return slugOfKey(agencyKey(name), region);
}

/** agencySlug of a name already folded by agencyKey (the parser has the key from identity). */
export function slugOfKey(key: string, region: Region | null): string {
  const place = leadingDivision(key);
  if (region && place === region.name && divisionsNamed(place).length > 1 && region.path.length > 1) return slugOf(`${region.path[region.path.length - 2]}${key}`);
  return slugOf(key);
}
