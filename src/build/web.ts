/**
 * build: the web's files over the whole archive — robots.txt, sitemap.xml (only with --site-url:
 * sitemaps hold absolute URLs only) and feed.xml — as products (src/build/products.ts). What each
 * lists is made in src/archive/syndication.ts and written by src/render/syndication.ts, both covered
 * by the renderer's fingerprint (part of each hash); this file only wires them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Report } from '../model/report.ts';
import type { Product, ProductContext } from './products.ts';
import { sha256 } from './cache.ts';
import { feedEntries, sitemapEntries, type DateOf } from '../archive/syndication.ts';
import { atomFeed, robotsTxt, SITEMAP_LIMIT, sitemapFiles } from '../render/syndication.ts';

/** A page's date: when the archive's record says it last changed, else the report's publishedOn. */
const dateOf = (ctx: ProductContext): DateOf => (url: string, r: Report) => ctx.history(url)?.changed ?? r.publishedOn ?? null;

/** Write files (path in the site → text) into `dir`; their paths. */
function writeAll(dir: string, files: ReadonlyMap<string, string>): string[] {
  for (const [path, text] of files) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return [...files.keys()];
}

/** A product made from one text map: hashed from the text itself (cheap next to writing it). */
function textProduct(name: string, make: (ctx: ProductContext) => ReadonlyMap<string, string>): Product {
  return {
    name,
    hash: (ctx) => sha256(ctx.renderer, name, JSON.stringify([...make(ctx)])),
    write: (ctx, dir) => writeAll(dir, make(ctx)),
  };
}

export const robotsProduct = textProduct('robots', (ctx) => new Map([['robots.txt', robotsTxt(ctx.siteUrl)]]));

/** Without --site-url, no sitemap (the summary and the README say why). */
export const sitemapProduct = (limit = SITEMAP_LIMIT) =>
  textProduct('sitemap', (ctx) => (ctx.siteUrl === null ? new Map() : sitemapFiles(ctx.siteUrl, sitemapEntries(ctx.site, ctx.jobs, dateOf(ctx)), limit)));

export const feedProduct = textProduct('feed', (ctx) => new Map([['feed.xml', atomFeed(feedEntries(ctx.jobs, dateOf(ctx), { siteUrl: ctx.siteUrl, prefix: ctx.prefix }), { siteUrl: ctx.siteUrl, prefix: ctx.prefix })]]));

/** robots.txt, the sitemap and the feed. */
export const webProducts = (): Product[] => [robotsProduct, sitemapProduct(), feedProduct];
