/**
 * archive: the agencies an agency page offers to compare with — the other agencies of its city
 * (else of its province) that reported for a year it reported too, by name, at most PEER_CAP — and
 * the links and report.json addresses the page gives them. The page lists them as plain links;
 * public/assets/compare.js turns the list into a side-by-side table of indicators.
 *
 * A page per pair of agencies would be too many; the script reads the two report.json files instead.
 */
import { ancestorCode, type AgencyYears, type RegionNode } from './archive.ts';
import { byCodePoint } from './order.ts';
import { compareUrl } from './compare.ts';
import type { SiteAddress } from './address.ts';
import { compareIndicators, type CompareIndicator } from './indicatorPages.ts';

/** The most agencies an agency page lists to compare with. */
export const PEER_CAP = 50;

export interface Peer {
  slug: string;
  name: string;
  /** The years both agencies reported, oldest first. */
  years: number[];
}

/** What an agency page's comparison is made from (also part of the page's hash: another agency's report changes it). */
export interface PeerSet {
  /** The division the peers come from (city, else province); null for an agency without a region. */
  region: { code: string; name: string } | null;
  peers: Peer[];
  /** Peers left off by the cap. */
  more: number;
}

const isMunicipality = (path: readonly string[]) => path.length >= 1 && /市$/u.test(path[0]!);

/**
 * The division an agency is compared within: its city (a county's or district's prefecture, a
 * prefecture-level agency's own), or its province (a province-level agency, a municipality's district).
 */
function cityOf(region: { code: string; path: readonly string[] }): string {
  const province = `${region.code.slice(0, 2)}0000`;
  if (region.path.length >= 3) return ancestorCode(region.code, 1, region.path.length);
  if (region.path.length === 2 && !isMunicipality(region.path)) return region.code;
  return province;
}

/**
 * A finder of each agency's peers over the archive's agencies and region tree. Each division's
 * agencies are sorted by name once, and grouped by the set of years they reported, so that the
 * number of peers left off by the cap is counted per group, not per agency: a city of a thousand
 * agencies costs a thousand look-ups, not a million.
 */
export function peerFinder(agencies: readonly AgencyYears[], regions: readonly RegionNode[]): (a: AgencyYears) => PeerSet {
  const nodes = new Map<string, RegionNode>();
  const walk = (ns: readonly RegionNode[]) => ns.forEach((n) => (nodes.set(n.code, n), walk(n.children)));
  walk(regions);
  const bySlug = new Map(agencies.map((a) => [a.slug, a]));
  const yearsOf = new Map(agencies.map((a) => [a.slug, [...new Set(a.reports.map((r) => r.year).filter((y): y is number => y !== null))].sort((x, y) => x - y)]));
  type Division = { sorted: AgencyYears[]; slugs: Set<string>; groups: { years: number[]; count: number }[] };
  const divisions = new Map<string, Division>();
  const division = (n: RegionNode): Division => {
    const known = divisions.get(n.code);
    if (known) return known;
    const sorted = n.agencies.map((s) => bySlug.get(s)!).sort((x, y) => byCodePoint(x.name, y.name) || byCodePoint(x.slug, y.slug));
    const groups = new Map<string, { years: number[]; count: number }>();
    for (const b of sorted) {
      const years = yearsOf.get(b.slug)!;
      const key = years.join(',');
      const g = groups.get(key);
      if (g) g.count++;
      else groups.set(key, { years, count: 1 });
    }
    const made = { sorted, slugs: new Set(n.agencies), groups: [...groups.values()] };
    divisions.set(n.code, made);
    return made;
  };

  const within = (a: AgencyYears, n: RegionNode): { peers: Peer[]; more: number } => {
    const own = new Set(yearsOf.get(a.slug)!);
    const { sorted, slugs, groups } = division(n);
    // Every agency of the division that shares a year, itself included (it is one of them).
    const sharing = groups.reduce((sum, g) => sum + (g.years.some((y) => own.has(y)) ? g.count : 0), 0) - (slugs.has(a.slug) ? 1 : 0);
    const peers: Peer[] = [];
    for (const b of sorted) {
      if (peers.length === PEER_CAP || peers.length === sharing) break;
      if (b.slug === a.slug) continue;
      const shared = yearsOf.get(b.slug)!.filter((y) => own.has(y));
      if (shared.length) peers.push({ slug: b.slug, name: b.name, years: shared });
    }
    return { peers, more: sharing - peers.length };
  };

  return (a) => {
    const region = a.reports[a.reports.length - 1]!.agency.region;
    if (!region) return { region: null, peers: [], more: 0 };
    const city = nodes.get(cityOf(region));
    const province = nodes.get(`${region.code.slice(0, 2)}0000`);
    for (const n of [city, province]) {
      if (!n) continue;
      const found = within(a, n);
      if (found.peers.length) return { region: { code: n.code, name: n.name }, ...found };
    }
    const n = city ?? province;
    return { region: n ? { code: n.code, name: n.name } : null, peers: [], more: 0 };
  };
}

/** The comparison on an agency page: the peers as links, each year's report.json, the region's comparison by year. */
export interface AgencyCompare {
  agency: string;
  /** The division the peers come from, e.g. 「泉州市」; null without a region. */
  region: string | null;
  peers: { name: string; href: string; years: { year: number; href: string; json: string }[] }[];
  more: number;
  /** The region's page of each of the agency's years comparing its agencies (/regions/<code>/<year>/). */
  regionYears: { href: string; text: string }[];
  /** This agency's report.json by year (for the script). */
  own: { year: number; json: string }[];
  /** The indicators the script compares, with their names and kinds (so it needs no other file). */
  indicators: CompareIndicator[];
}

/**
 * A report.json address for the script: a path with the site's prefix in it. Not an absolute URL
 * (the page must fetch from its own origin, whatever --site-url says), and in a data attribute or
 * JSON, where the prefix rewriting of the pages' links does not reach.
 */
const scriptPath = (at: SiteAddress, path: string) => `${at.prefix}${path.slice(1)}`;
/** A report page's path (as reportUrl makes it, from the slug and year alone). */
const pageOf = (slug: string, year: number) => `/agencies/${slug}/${year}/`;
const jsonOf = (at: SiteAddress, slug: string, year: number) => scriptPath(at, `${pageOf(slug, year)}report.json`);

export function agencyCompare(a: AgencyYears, set: PeerSet, at: SiteAddress): AgencyCompare {
  const years = a.reports.map((r) => r.year).filter((y): y is number => y !== null);
  return {
    agency: a.name,
    region: set.region?.name ?? null,
    peers: set.peers.map((p) => ({
      name: p.name,
      href: `/agencies/${p.slug}/`,
      years: p.years.map((year) => ({ year, href: pageOf(p.slug, year), json: jsonOf(at, p.slug, year) })),
    })),
    more: set.more,
    regionYears: set.region ? years.map((y) => ({ href: compareUrl(set.region!.code, y), text: `${set.region!.name} ${y} 年度各机关的指标` })) : [],
    own: years.map((year) => ({ year, json: jsonOf(at, a.slug, year) })),
    indicators: compareIndicators(),
  };
}
