/**
 * identity: names that do not say where the body is — 「县教科局」, 「区政府办公室」, 「市发改委」.
 * The report usually names the body in full once (「隆回县教育和科学技术局（以下简称县教科局）」),
 * or the page says where it is (a site header, 发布机构, a breadcrumb, the folder it is filed in).
 * Better the short name than a wrong place: without such evidence the name stays as written.
 */
import type { Region } from '../../model/report.ts';
import type { Opening } from './opening.ts';
import { divisionsNamed, leadingDivision } from '../region.ts';
import { expandName } from './names.ts';

/** A body below the counties (某某镇人民政府, 某某街道办事处): the table has no towns, the county goes in front. */
const TOWN = /^[\u4e00-\u9fff]{1,6}?(?:镇|乡|街道)/u;

/** County-level divisions (counties, districts, county-level cities; a municipality's districts). */
const isCountyLevel = (name: string) => divisionsNamed(name).some((d) => d.depth === 3 || (d.depth === 2 && d.path[0]!.endsWith('市')));

/** The county of a town's body: a full mention (宜兴市丁蜀镇人民政府), the folder, or the one county the opening names most. */
function withCounty(name: string, text: string, folderRegion: Region | null): string {
  const town = TOWN.exec(name)![0];
  const mentions = new Map<string, number>();
  for (let from = text.indexOf(town); from >= 0; from = text.indexOf(town, from + 1)) {
    const place = placeEndingAt(text, from, false);
    if (place && isCountyLevel(place)) mentions.set(place, (mentions.get(place) ?? 0) + 1);
  }
  const counted = [...mentions.entries()].sort((a, b) => b[1] - a[1]);
  if (counted.length && (counted.length === 1 || counted[0]![1] > counted[1]![1])) return `${counted[0]![0]}${name}`;
  if (folderRegion && isCountyLevel(folderRegion.name)) return `${folderRegion.name}${name}`;
  const counties = placesNamed(text, '').filter(isCountyLevel);
  return counties.length === 1 || (counties.length > 1 && countOf(text, counties[0]!) > countOf(text, counties[1]!)) ? `${counties[0]}${name}` : name;
}

const countOf = (text: string, s: string) => text.split(s).length - 1;

/** The level word a placeless name starts with (县教科局 → 县), or null if it names a place. */
function levelOf(name: string): string | null {
  if (leadingDivision(name)) return null;
  const m = /^(省|市|区|县|旗|州|镇|乡)/u.exec(name);
  return m ? m[1]! : null;
}

/** The division name that ends exactly at `end` in `text` (the longest), or null. */
function placeEndingAt(text: string, end: number, generic = true): string | null {
  for (let k = Math.min(end, 10); k >= 2; k--) {
    const s = text.slice(end - k, end);
    if (divisionsNamed(s).length) return s;
  }
  if (!generic) return null;
  // Towns are not in the table (it is complete down to counties): two to four characters and 镇/乡/街道.
  const other = /(?:^|[^\u4e00-\u9fff]|[的由和与及对在])([\u4e00-\u9fff]{2,4}(?:镇|乡|街道))$/u.exec(text.slice(Math.max(0, end - 8), end));
  return other && !/^[我本该各全其此]/u.test(other[1]!) ? other[1]! : null;
}

/** Places named in the opening, most often first (a division inside a longer one counts once). */
function placesNamed(text: string, level: string): string[] {
  const counts = new Map<string, number>();
  for (let i = text.length; i > 0; i--) {
    const p = placeEndingAt(text, i, false);
    if (!p || !p.endsWith(level)) continue;
    counts.set(p, (counts.get(p) ?? 0) + 1);
    i -= p.length - 1;
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([p]) => p);
}

/**
 * The name with its place: a full mention in the text first (the body's own words, or its
 * abbreviation written out), then a division of the right level named in the opening or the folders.
 */
export function withPlace(written: string, opening: Opening, folderRegion: Region | null): string {
  const name = expandName(written);
  const level = levelOf(name);
  if (!level) return TOWN.test(name) && !leadingDivision(name) ? withCounty(name, opening.text, folderRegion) : name;
  const body = name.slice(1);
  const text = opening.text;
  // A full mention: <place ending in the same level word><body>, the body written out or as the report abbreviates it.
  const mentions = new Map<string, number>();
  for (const form of new Set([body, written.replace(/\s+/g, '').slice(1)])) {
    for (let from = text.indexOf(form); from >= 0; from = text.indexOf(form, from + 1)) {
      const place = placeEndingAt(text, from);
      if (place?.endsWith(level)) mentions.set(place, (mentions.get(place) ?? 0) + 1);
    }
  }
  const mentioned = [...mentions.entries()].sort((a, b) => b[1] - a[1]);
  if (mentioned.length && (mentioned.length === 1 || mentioned[0]![1] > mentioned[1]![1])) return `${mentioned[0]![0]}${body}`;
  if (folderRegion?.name.endsWith(level)) return `${folderRegion.name}${body}`;
  const places = placesNamed(text, level);
  return places.length ? `${places[0]}${body}` : name;
}
