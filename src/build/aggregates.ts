/**
 * build: which of Eleventy's pages to render again. The year and region pages list every report
 * below them (thousands of rows at a national scale) and, with the comparison pages of each region
 * and year (/regions/<code>/<year>/), are most of Eleventy's work; each one's model is hashed, and on
 * a rebuild Eleventy is handed only the years, regions and comparisons whose model changed (or whose
 * page is missing). The others stay in the site as they are. The home page, the indexes, the data
 * page, the methodology page and the assets are made whenever any of their inputs changed; when
 * nothing Eleventy makes changed at all, Eleventy is not even started.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Site } from '../archive/site.ts';
import { sha256 } from './cache.ts';

export interface AggregatePlan {
  /** The site model Eleventy renders: every field as built, the year, region and comparison pages cut to those to make again. */
  site: Site;
  /** Every year, region and comparison page's hash (for the record). */
  hashes: Record<string, string>;
  /** Files of the pages not made again, which stay in the site. */
  kept: string[];
  /** Nothing of Eleventy's to make: it need not run. */
  nothing: boolean;
}

const fileOf = (url: string) => `${url.slice(1)}index.html`;

/** The key under which the record keeps the hash of what the fixed pages show. */
const FIXED = 'fixed pages';

export function planAggregates(site: Site, previous: Record<string, string>, previousFiles: readonly string[], o: { renderer: string; prefix: string; out: string }): AggregatePlan {
  const hashes: Record<string, string> = {};
  const kept: string[] = [];
  const fresh = <T extends { url: string }>(pages: readonly T[]) =>
    pages.filter((page) => {
      const hash = sha256(o.renderer, o.prefix, JSON.stringify(page));
      hashes[page.url] = hash;
      if (previous[page.url] === hash && existsSync(join(o.out, fileOf(page.url)))) {
        kept.push(fileOf(page.url));
        return false;
      }
      return true;
    });
  const years = fresh(site.years);
  const regions = fresh(site.regions);
  const compare = fresh(site.compare);
  // What the home page, the indexes, the data page, the methodology page (the definitions and the minimum) and data/index.json show.
  hashes[FIXED] = sha256(o.renderer, o.prefix, JSON.stringify([site.canonical, site.reportCount, site.agencyCount, site.home, site.agencyTree, site.agenciesWithoutRegion, site.index, site.data, site.methodology]));
  const nothing = !years.length && !regions.length && !compare.length && previous[FIXED] === hashes[FIXED] && previousFiles.length > 0 && previousFiles.every((f) => existsSync(join(o.out, f)));
  if (nothing) return { site, hashes, kept: [...previousFiles], nothing };
  return { site: { ...site, years, regions, compare }, hashes, kept, nothing };
}
