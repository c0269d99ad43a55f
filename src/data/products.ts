/**
 * The bulk data under /data/ as products of the build (src/build/products.ts): the whole archive
 * (reports.csv, cells.csv, reports.jsonl, schema.json, nianbao.sqlite, datapackage.json), the
 * indicators' definitions (indicators.json: made from the code alone, kept while no definition
 * changes, whatever the reports), then one slice per year (/data/years/<year>/) and per province
 * (/data/regions/<code>/), each a product of its own, hashed from its own reports only: a rebuild
 * after one report changed rewrites the whole archive's files and that report's year and province,
 * and keeps every other slice as it was (src/data/slices.ts says which reports a slice holds).
 */
import { closeSync, mkdirSync, openSync, readSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReportJob } from '../archive/site.ts';
import { reportUrl } from '../archive/archive.ts';
import type { Product, ProductContext } from '../build/products.ts';
import { sha256 } from '../build/cache.ts';
import { codeVersion } from '../build/version.ts';
import { patchDigest } from '../build/summary.ts';
import type { Report } from '../model/report.ts';
import { groupSlices } from './slices.ts';
import { dataPackageText, FILES } from './package.ts';
import { reportSchemaText } from './schema.ts';
import { writeSqlite } from './sqlite.ts';
import { writeTables, type DataEntry, type Written } from './write.ts';
import { indicatorsText } from './indicators.ts';
import type { SiteConfig } from './config.ts';

/** What the data of a set of reports is made from: the code, each one's parse and what the archive decided for it, the URLs, the terms. */
function hashOf(ctx: ProductContext, code: string, config: SiteConfig, jobs: readonly ReportJob[]): string {
  return sha256(ctx.renderer, code, ctx.prefix, ctx.siteUrl ?? '', JSON.stringify(config), ...jobs.map((j) => `${ctx.keys.get(j.report.source.path) ?? ''}${patchDigest(j.report)}`));
}

/**
 * The whole archive's reports.jsonl, written first, lends its lines to the slices: each is read back
 * by its place in the file rather than parsed again from the cache.
 */
class JsonlLines {
  private file: string | null = null;
  private fd: number | null = null;
  private at = new Map<ReportJob, Written['lines'][number]>();

  remember(file: string, jobs: readonly ReportJob[], lines: Written['lines']) {
    this.file = file;
    jobs.forEach((j, i) => this.at.set(j, lines[i]!));
  }

  /** The job's line, from the whole archive's file when it was written in this build (kept open until `release`), else from its full report. */
  line(ctx: ProductContext, job: ReportJob): string {
    const place = this.at.get(job);
    if (!this.file || !place) return JSON.stringify(ctx.report(job));
    const buf = Buffer.alloc(place.length);
    readSync((this.fd ??= openSync(this.file, 'r')), buf, 0, place.length, place.offset);
    return buf.toString('utf8');
  }

  /** Close the file (after each slice; the next line opens it again). */
  release() {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}

export function dataProducts(ctx: ProductContext): Product[] {
  const config = ctx.site.data.config;
  // This folder's code and the indicators' definitions (titles, descriptions): the renderer's fingerprint (part of ctx.renderer) leaves them out.
  const code = codeVersion(['src/data', 'src/indicators']);
  const base = ctx.siteUrl ?? ctx.prefix.replace(/\/$/, '');
  const homepage = ctx.siteUrl ? `${ctx.siteUrl}/data/` : null;
  const lines = new JsonlLines();
  const urlOf = (job: ReportJob) => `${base}${reportUrl(job.report)}`;
  const entries = (jobs: readonly ReportJob[]) => jobs.map((job): DataEntry => ({ report: job.report, url: urlOf(job), json: () => lines.line(ctx, job) }));

  const whole: Product = {
    name: 'data',
    hash: () => hashOf(ctx, code, config, ctx.jobs),
    async write(_ctx, dir) {
      const folder = join(dir, 'data');
      const written = writeTables(folder, entries(ctx.jobs));
      lines.remember(join(folder, FILES.jsonl), ctx.jobs, written.lines);
      writeFileSync(join(folder, FILES.schema), reportSchemaText());
      // From the summaries, after the rest (a thread of its own cost 130 MiB more at 2,000 reports for the time it saved).
      await writeSqlite(join(folder, FILES.sqlite), ctx.jobs.map((job) => ({ report: job.report, url: urlOf(job) })));
      writeFileSync(join(folder, FILES.package), dataPackageText({ name: 'nianbao', title: '政府信息公开工作年度报告（全部）', whole: true, config, homepage }));
      return [FILES.reports, FILES.cells, FILES.jsonl, FILES.schema, FILES.sqlite, FILES.package].map((f) => `data/${f}`);
    },
  };

  const definitions: Product = {
    name: 'data/indicators',
    hash: () => sha256(indicatorsText()),
    write(_ctx, dir) {
      mkdirSync(join(dir, 'data'), { recursive: true });
      writeFileSync(join(dir, 'data', FILES.indicators), indicatorsText());
      return [`data/${FILES.indicators}`];
    },
  };

  const slices = groupSlices(ctx.jobs, (j) => j.report).map(({ slice, items }): Product => ({
    name: `data/${slice.folder}`,
    hash: () => hashOf(ctx, code, config, items),
    write(_ctx, dir) {
      const folder = join(dir, 'data', slice.folder);
      try {
        writeTables(folder, entries(items));
      } finally {
        lines.release();
      }
      writeFileSync(join(folder, FILES.package), dataPackageText({ name: `nianbao-${slice.key}`, title: `政府信息公开工作年度报告（${slice.title}）`, whole: false, config, homepage }));
      return [FILES.reports, FILES.cells, FILES.jsonl, FILES.package].map((f) => `data/${slice.folder}/${f}`);
    },
  }));

  return [whole, definitions, ...slices];
}
