/**
 * archive: reports → agencies, regions and years, with the statistics the site presents.
 * Templates never compute; everything a page shows about more than one report is built here.
 */
import type { Report } from '../model/report.ts';
import { carryOverFindings } from '../validate/acrossYears.ts';
import { DEFAULT_MINIMUM, indicatorStage } from '../indicators/stage.ts';
import { requestsReceived, sumKnown } from './charts.ts';
import { byCodePoint } from './order.ts';
import { groupBy } from './group.ts';
import { pickOne, type Duplicate } from './duplicates.ts';
import { uniqueSlugs } from './slugs.ts';
import { applyRegistry, type RegistryResult } from './registry.ts';
import type { Registry } from '../model/registry.ts';

export interface ArchiveEntry {
  id: string;
  agency: string;
  year: number | null;
  url: string;
  json: string;
}

export interface AgencyYears {
  slug: string;
  name: string;
  aliases: string[];
  /** Names before a renaming, from the registry. */
  formerNames: string[];
  regionCode: string | null;
  /** Reports of this agency, oldest first. */
  reports: Report[];
  /** Requests received per year (table 3 新收 总计; legacy: the appendix's 受理申请总数), null where unknown. */
  requestsByYear: { year: number; received: number | null }[];
}

export interface RegionNode {
  code: string;
  name: string;
  path: string[];
  reportCount: number;
  agencies: string[];
  children: RegionNode[];
}

export interface Archive {
  entries: ArchiveEntry[];
  agencies: AgencyYears[];
  years: { year: number; reportCount: number; received: number | null }[];
  regions: RegionNode[];
  reports: Report[];
}

export { groupBy } from './group.ts';
export { byCodePoint } from './order.ts';

/**
 * GB/T 2260 code of the division at `depth` on a region's path: 350502 → 350000, 350500, 350502.
 * A municipality's districts (path of two) sit directly under the province.
 */
export const ancestorCode = (code: string, depth: number, pathLength: number) =>
  depth === pathLength - 1 ? code : depth === 0 ? `${code.slice(0, 2)}0000` : `${code.slice(0, 4)}00`;

/** Permanent URL of a report page: /agencies/<slug>/<year>/. */
export const reportUrl = (r: Report) => `/agencies/${r.agency.slug}/${r.year ?? 'unknown'}/`;

const received = (r: Report) => requestsReceived(r).value;

/**
 * Build the archive. Reports of one agency and year that collide keep the first by source path
 * in code-point order
 * (the others stay out of the site and are named in the returned `duplicates`). Every published
 * report gets its indicators (src/indicators/); `minimumCases` is site.yaml's minimum for a jump.
 */
export function buildArchive(
  all: readonly Report[],
  registry: Registry | null = null,
  minimumCases = DEFAULT_MINIMUM,
): Archive & { duplicates: Duplicate[]; unplaced: Report[]; unregistered: RegistryResult['unregistered']; ambiguous: RegistryResult['ambiguous'] } {
  // One agency, one page: the registry names every agency it knows, whatever its reports wrote;
  // and one page, one agency: slugs that different agencies share are told apart.
  const { reports: named, unregistered, ambiguous } = applyRegistry(all, registry);
  const input = uniqueSlugs(named);
  // A report whose agency or year could not be determined has no permanent URL to live at;
  // it stays out of the site (and out of others' places) until a sidecar names them.
  const unplaced = input.filter((r) => r.provenance['agency'] === 'none' || r.year === null || r.findings.some((f) => f.code === 'no-report-content'));
  const left = new Set(unplaced);
  // Two files of one agency and year: the evidence decides which is published (duplicates.ts).
  const reports: Report[] = [];
  const duplicates: Duplicate[] = [];
  for (const same of groupBy(input.filter((r) => !left.has(r)), (r) => [r.id]).values()) {
    const { kept, duplicates: others } = pickOne(same);
    // The archive's own copy: the checks across years add findings and indicators to it, never to the caller's report.
    reports.push({ ...kept, findings: [...kept.findings] });
    duplicates.push(...others);
  }
  reports.sort((a, b) => byCodePoint(a.agency.slug, b.agency.slug) || (a.year ?? 0) - (b.year ?? 0) || byCodePoint(a.source.path, b.source.path));
  duplicates.sort((a, b) => byCodePoint(a.report.source.path, b.report.source.path));
  const byId = new Map(reports.map((r) => [r.id, r]));
  for (const [id, findings] of carryOverFindings(reports)) byId.get(id)!.findings.push(...findings);
  // The indicators stage: each report's indicators, the year before, jumps and the stock–flow rule.
  indicatorStage(reports, minimumCases);

  const entries = reports.map((r) => ({ id: r.id, agency: r.agency.name, year: r.year, url: reportUrl(r), json: `${reportUrl(r)}report.json` }));

  const bySlug = groupBy(reports, (r) => [r.agency.slug]);
  // A registered agency's former names, by its registry name (looked up once per agency, not searched).
  const formerNames = new Map<string, string[]>();
  for (const e of registry?.agencies ?? []) if (!formerNames.has(e.name)) formerNames.set(e.name, e.formerNames);
  const agencies: AgencyYears[] = [...bySlug.entries()].map(([slug, rs]) => {
    const latest = rs[rs.length - 1]!;
    const former = latest.agency.registered ? (formerNames.get(latest.agency.name) ?? []) : [];
    const spellings = new Set(rs.flatMap((r) => [r.agency.name, ...r.agency.aliases]));
    return {
      slug,
      name: latest.agency.name,
      aliases: [...spellings].filter((a) => a !== latest.agency.name && !former.includes(a)).sort(byCodePoint),
      formerNames: former.filter((n) => spellings.has(n)),
      regionCode: latest.agency.region?.code ?? null,
      reports: rs,
      requestsByYear: rs.filter((r) => r.year !== null).map((r) => ({ year: r.year!, received: received(r) })),
    };
  });

  const byYear = groupBy(reports, (r) => (r.year !== null ? [r.year] : []));
  const years = [...byYear.entries()].sort(([a], [b]) => a - b).map(([year, rs]) => ({ year, reportCount: rs.length, received: sumKnown(rs.map(received)) }));

  const roots: RegionNode[] = [];
  // Agencies already counted at a node (a Set beside the node's ordered list, so the tree stays linear).
  const counted = new Map<RegionNode, Set<string>>();
  for (const r of reports) {
    const region = r.agency.region;
    if (!region) continue;
    let level = roots;
    region.path.forEach((name, depth) => {
      const code = ancestorCode(region.code, depth, region.path.length);
      let node = level.find((n) => n.code === code);
      if (!node) {
        node = { code, name, path: region.path.slice(0, depth + 1), reportCount: 0, agencies: [], children: [] };
        level.push(node);
        level.sort((a, b) => byCodePoint(a.code, b.code));
      }
      node.reportCount++;
      const slugs = counted.get(node) ?? counted.set(node, new Set()).get(node)!;
      if (!slugs.has(r.agency.slug)) {
        slugs.add(r.agency.slug);
        node.agencies.push(r.agency.slug);
      }
      level = node.children;
    });
  }
  return { entries, agencies, years, regions: roots, reports, duplicates, unplaced, unregistered, ambiguous };
}
