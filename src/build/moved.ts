/**
 * build: the pages at published URLs the archive no longer makes (src/archive/published.ts) — a
 * product over the whole archive (src/build/products.ts). A moved report's folder also keeps its
 * data files (report.json, source.txt, the original), with the content of the page it moved to, so
 * that a script that fetched them goes on working. A page's embed card follows it (a redirect, or
 * the notice).
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { originalName, type ReportJob } from '../archive/site.ts';
import { reportUrl } from '../archive/archive.ts';
import { agencyOf, isReportUrl } from '../archive/published.ts';
import { renderRedirect, renderWithdrawn } from '../../templates/streamed/moved.tsx';
import { sha256 } from './cache.ts';
import { renderHtml } from './render.ts';
import { patchDigest } from './summary.ts';
import type { Product, ProductContext } from './products.ts';


export function movedPages(ctx: ProductContext): Product[] {
  const plan = ctx.links;
  if (!plan.redirects.length && !plan.withdrawn.length) return [];
  const jobByUrl = new Map(ctx.jobs.map((j) => [reportUrl(j.report), j]));
  const agencyUrls = new Set(ctx.jobs.map((j) => `/agencies/${j.report.agency.slug}/`));
  const targetJob = (to: string): ReportJob | undefined => jobByUrl.get(to);
  return [
    {
      name: 'moved-and-withdrawn',
      hash: () =>
        sha256(
          ctx.renderer,
          ctx.prefix,
          ctx.siteUrl ?? '',
          JSON.stringify(plan),
          // A moved report's folder carries its target's data files.
          ...plan.redirects.flatMap(({ to }) => {
            const j = targetJob(to);
            return j ? [ctx.keys.get(j.report.source.path) ?? '', patchDigest(j.report), j.original ?? ''] : [];
          }),
        ),
      write: async (_ctx, dir) => {
        const files: string[] = [];
        const put = (url: string, name: string, data: string | { copy: string }) => {
          mkdirSync(join(dir, url), { recursive: true });
          if (typeof data === 'string') writeFileSync(join(dir, url, name), data);
          else copyFileSync(data.copy, join(dir, url, name));
          files.push(`${url.slice(1)}${name}`);
        };
        // Links are written root-relative and moved below --path-prefix by renderHtml; the text shows the full address.
        const canonical = (url: string) => (ctx.siteUrl ? `${ctx.siteUrl}${url}` : url);
        const shown = (url: string) => (ctx.siteUrl ? `${ctx.siteUrl}${url}` : `${ctx.prefix.replace(/\/$/, '')}${url}`);
        // A page's embed card (/embed/<slug>/…) goes where the page goes.
        const embed = (u: string) => u.replace(/^\/agencies\//, '/embed/');
        for (const { from, to } of plan.redirects) {
          put(from, 'index.html', await renderHtml(renderRedirect({ to, canonical: canonical(to), shown: shown(to) }), ctx.prefix));
          put(embed(from), 'index.html', await renderHtml(renderRedirect({ to: embed(to), canonical: canonical(embed(to)), shown: shown(embed(to)) }), ctx.prefix));
          const job = isReportUrl(from) ? targetJob(to) : undefined;
          if (!job) continue;
          const { report, text } = ctx.full(job);
          put(from, 'report.json', `${JSON.stringify(report, null, 2)}\n`);
          put(from, 'source.txt', text);
          if (job.original) put(from, originalName(report), { copy: job.original });
        }
        for (const w of plan.withdrawn) {
          const agencyUrl = isReportUrl(w.url) ? agencyOf(w.url) : null;
          const notice = await renderHtml(renderWithdrawn({ agency: w.agency, reason: w.reason, agencyUrl: agencyUrl && agencyUrls.has(agencyUrl) ? agencyUrl : null }), ctx.prefix);
          put(w.url, 'index.html', notice);
          put(embed(w.url), 'index.html', notice);
        }
        return files;
      },
    },
  ];
}
