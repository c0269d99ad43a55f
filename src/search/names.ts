/**
 * search: the parts of an agency's name a reader may type. Pagefind matches whole words (and word
 * prefixes) of the text as its Chinese segmenter cut them at indexing time, and a long name glued to
 * its place (新乡市凤泉区人民政府办公室) is not always cut where a reader would: 凤泉区 may then find
 * nothing. So each report's record also carries its name cut into parts, separated by spaces, which
 * the segmenter keeps apart: the places (each division of the report's region path, with and without
 * its 省/市/区/县 suffix, and any division the name starts with) and the institutional parts of the
 * name (鲤城区行政服务中心管理委员会 → 行政服务中心管理委员会, 行政服务中心, 服务中心, 管理委员会, 委员会).
 * Aliases are cut the same way (管委会).
 */
import { leadingDivision } from '../extract/region.ts';

/** Division suffixes, longest first: 福建省 → 福建, 鲤城区 → 鲤城, 延边朝鲜族自治州 → 延边朝鲜族. */
const DIVISION_SUFFIX = /(?:特别行政区|自治区|自治州|自治县|自治旗|地区|省|市|区|县|州|盟|旗)$/;

/**
 * Institutional endings, longest first. The rest of a name is cut at them from the end:
 * 行政服务中心管理委员会 → 行政服务中心 · 管理委员会. Each ending's own shorter forms follow it in SHORTER.
 */
const ENDINGS = ['人民政府办公室', '行政服务中心', '管理委员会', '街道办事处', '人民政府', '政府办公室', '政府办公厅', '服务中心', '委员会', '管委会', '办事处', '办公室', '办公厅', '管理局', '中心', '政府', '街道', '局', '厅', '委', '办', '院', '所', '站', '馆'];
const SHORTER: Record<string, string[]> = {
  人民政府办公室: ['人民政府', '政府办公室', '政府', '办公室'],
  行政服务中心: ['服务中心', '中心'],
  管理委员会: ['委员会', '管委会'],
  街道办事处: ['街道', '办事处'],
  人民政府: ['政府'],
  政府办公室: ['政府', '办公室'],
  政府办公厅: ['政府', '办公厅'],
  服务中心: ['中心'],
};

/** A division's name and, when at least two characters remain, its name without the suffix. */
export function placeForms(name: string): string[] {
  const bare = name.replace(DIVISION_SUFFIX, '');
  return bare !== name && bare.length >= 2 ? [name, bare] : [name];
}

/** The places a name starts with (divisions of the region path, or any division the table knows), and what follows. */
export function splitPlaces(name: string, regionPath: readonly string[]): { places: string[]; rest: string } {
  const places: string[] = [];
  let rest = name;
  for (;;) {
    const known = regionPath.find((p) => rest.startsWith(p) && rest.length > p.length) ?? leadingDivision(rest);
    if (!known || known.length >= rest.length) break;
    places.push(known);
    rest = rest.slice(known.length);
  }
  return { places, rest };
}

/** The institutional part cut into units at known endings, from the end: 数字泉州建设办公室 → 数字泉州建设 · 办公室. */
export function institutionUnits(rest: string): string[] {
  const units: string[] = [];
  let s = rest;
  while (s) {
    const ending = ENDINGS.find((e) => s.endsWith(e));
    if (!ending) {
      units.unshift(s);
      break;
    }
    units.unshift(ending);
    s = s.slice(0, -ending.length);
  }
  return units;
}

/**
 * Every findable part of an agency's name, without repeats, in a fixed order: the full name, the
 * places (the region path's and the name's own, with and without suffix), then the institutional
 * parts (each run of two or more units, each unit of two characters or more, and their shorter forms),
 * then the same for each alias.
 */
export function nameParts(name: string, regionPath: readonly string[], aliases: readonly string[] = []): string[] {
  const parts: string[] = [];
  const add = (p: string) => {
    if (p.length >= 2 && !parts.includes(p)) parts.push(p);
  };
  for (const n of [name, ...aliases]) {
    add(n);
    const { places, rest } = splitPlaces(n, regionPath);
    for (const p of [...regionPath, ...places]) placeForms(p).forEach(add);
    const units = institutionUnits(rest);
    // Runs of adjacent units, longest first (the whole rest, then shorter runs).
    for (let len = units.length; len >= 2; len--) for (let i = 0; i + len <= units.length; i++) add(units.slice(i, i + len).join(''));
    for (const u of units) {
      add(u);
      (SHORTER[u] ?? []).forEach(add);
    }
  }
  return parts;
}
