/**
 * archive: each report's agency matched against the registry (reports/agencies.yaml), so that one
 * agency has one name, one slug and one page however its reports write the name.
 *
 * A report matches an entry when one of its names folds to the same key as the entry's name, an
 * alias or a former name (管委会/管理委员会, 政府/人民政府, with or without the city in front:
 * `agencyKey`), and the regions agree (equal, or one inside the other). A name without a place
 * (县教科局) matches an entry whose name ends with it when the report's region is the entry's.
 */
import { stringify } from 'yaml';
import type { Region, Report } from '../model/report.ts';
import type { Registry, RegistryEntry } from '../model/registry.ts';
import { agencyKey, agencySlug } from '../extract/identity/names.ts';
import { regionByCode } from '../extract/region.ts';
import { byCodePoint } from './order.ts';

export interface Unregistered {
  /** A ready-to-paste registry entry; its slug is the one published, so pasting it keeps the URL for good. */
  entry: { name: string; slug: string; region?: string; aliases?: string[] };
  files: string[];
}

export interface RegistryResult {
  reports: Report[];
  /** Agencies the registry does not know, one entry each (by slug), in code-point order. */
  unregistered: Unregistered[];
  /** Reports that match more than one entry (left as they were). */
  ambiguous: { path: string; names: string[] }[];
}

/** Whether two GB/T 2260 codes can name the same agency's division: equal, or one inside the other. */
export function regionsAgree(a: string | null, b: string | null): boolean {
  if (!a || !b || a === b) return true;
  const inside = (outer: string, inner: string) => (outer.endsWith('0000') ? inner.startsWith(outer.slice(0, 2)) : outer.endsWith('00') && inner.startsWith(outer.slice(0, 4)));
  return inside(a, b) || inside(b, a);
}

const entryRegion = (e: RegistryEntry) => (e.region === undefined ? null : String(e.region).padStart(6, '0'));

interface RegistryIndex {
  /** Every key the entries answer to → the entries. */
  byKey: Map<string, RegistryEntry[]>;
  /** Per region code, the entries of that region with their keys (for names without a place). */
  byRegion: Map<string, { entry: RegistryEntry; keys: string[] }[]>;
}

/** The registry indexed once: each entry's names folded to keys a single time. */
function indexOf(registry: Registry): RegistryIndex {
  const byKey = new Map<string, RegistryEntry[]>();
  const byRegion = new Map<string, { entry: RegistryEntry; keys: string[] }[]>();
  for (const e of registry.agencies) {
    const keys = [...new Set([e.name, ...e.aliases, ...e.formerNames].map(agencyKey))];
    for (const key of keys) byKey.set(key, [...(byKey.get(key) ?? []), e]);
    const code = entryRegion(e);
    if (code) byRegion.set(code, [...(byRegion.get(code) ?? []), { entry: e, keys }]);
  }
  return { byKey, byRegion };
}

function match(r: Report, index: RegistryIndex): RegistryEntry[] {
  const region = r.agency.region?.code ?? null;
  const keys = new Set([r.agency.name, ...r.agency.aliases].map(agencyKey));
  const found = new Set<RegistryEntry>();
  for (const k of keys) for (const e of index.byKey.get(k) ?? []) if (regionsAgree(region, entryRegion(e))) found.add(e);
  if (found.size === 0 && region) {
    // A placeless name (县教科局 → 县教育和科学技术局) matches an entry of the same region whose name ends with it.
    for (const k of keys) {
      if (!/^(?:省|市|区|县|旗|州|镇|乡)/u.test(k)) continue;
      const body = k.slice(1);
      for (const { entry, keys: names } of index.byRegion.get(region) ?? []) if (names.some((n) => n.endsWith(body))) found.add(entry);
    }
  }
  return [...found];
}

function registered(r: Report, e: RegistryEntry): Report {
  const code = entryRegion(e);
  const region: Region | null = code ? (regionByCode(code) ?? r.agency.region) : r.agency.region;
  const slug = e.slug ?? agencySlug(e.name, region);
  const aliases = [...new Set([r.agency.name, ...r.agency.aliases])].filter((a) => a !== e.name);
  const provenance: Report['provenance'] = { ...r.provenance, agency: r.provenance['agency'] === 'sidecar' ? 'sidecar' : 'registry' };
  if (code && region && region !== r.agency.region) provenance['region'] = 'registry';
  return { ...r, id: `${slug}/${r.year ?? 'unknown'}`, agency: { name: e.name, aliases, slug, region, registered: true }, provenance };
}

/** Apply the registry to every report with a known agency; list what it does not know. */
export function applyRegistry(input: readonly Report[], registry: Registry | null): RegistryResult {
  const index = registry ? indexOf(registry) : null;
  const reports: Report[] = [];
  const ambiguous: RegistryResult['ambiguous'] = [];
  const unknown = new Map<string, Report[]>();
  for (const r of input) {
    const found = index && r.provenance['agency'] !== 'none' ? match(r, index) : [];
    if (found.length === 1) reports.push(registered(r, found[0]!));
    else {
      if (found.length > 1) ambiguous.push({ path: r.source.path, names: found.map((e) => e.name) });
      else if (r.provenance['agency'] !== 'none') unknown.set(r.agency.slug, [...(unknown.get(r.agency.slug) ?? []), r]);
      reports.push(r);
    }
  }
  const unregistered = [...unknown.entries()]
    .sort(([a], [b]) => byCodePoint(a, b))
    .map(([, rs]) => {
      const latest = [...rs].sort((a, b) => (b.year ?? 0) - (a.year ?? 0))[0]!;
      const aliases = [...new Set(rs.flatMap((r) => [r.agency.name, ...r.agency.aliases]))].filter((a) => a !== latest.agency.name).sort(byCodePoint);
      return {
        entry: { name: latest.agency.name, slug: latest.agency.slug, ...(latest.agency.region ? { region: latest.agency.region.code } : {}), ...(aliases.length ? { aliases } : {}) },
        files: rs.map((r) => r.source.path).sort(byCodePoint),
      };
    });
  return { reports, unregistered, ambiguous };
}

/** Registry entries as YAML to paste under `agencies:` in reports/agencies.yaml. */
export function registryYaml(entries: readonly Unregistered['entry'][]): string {
  return stringify({ agencies: entries }, { lineWidth: 0 });
}
