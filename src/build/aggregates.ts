/**
 * build: which of Eleventy's pages to render again. The year and region pages list every report
 * below them (thousands of rows at a national scale) and are most of Eleventy's work; each one's
 * model is hashed, and on a rebuild Eleventy is handed only the years and regions whose model
 * changed (or whose page is missing). The others stay in the site as they are. The home page and the
 * indexes are small and always made.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Site } from '../archive/site.ts';
import { sha256 } from './cache.ts';

export interface AggregatePlan {
  /** The site model Eleventy renders: every field as built, the year and region pages cut to those to make again. */
  site: Site;
  /** Every year and region page's hash (for the record). */
  hashes: Record<string, string>;
  /** Files of the pages not made again, which stay in the site. */
  kept: string[];
}

const fileOf = (url: string) => `${url.slice(1)}index.html`;

export function planAggregates(site: Site, previous: Record<string, string>, o: { renderer: string; prefix: string; out: string }): AggregatePlan {
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
  return { site: { ...site, years: fresh(site.years), regions: fresh(site.regions) }, hashes, kept };
}
