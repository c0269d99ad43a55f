/**
 * Eleventy configuration: the render stage. Pages are typed JSX templates (templates/*.11ty.tsx,
 * rendered with jsx-async-runtime); the site model reaches them through the data cascade as `site`.
 *
 * `npm run build` (src/cli/build.ts) parses the archive itself — with a progress bar and the
 * build summary — and hands the model over with `preloadSite`. Run any other way (e.g. under
 * `eleventy --serve` through tsx), the config parses the folder in NIANBAO_REPORTS (default
 * `reports/`) on every build, so a changed report shows on reload.
 */
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { HtmlBasePlugin } from '@11ty/eleventy';
import { jsxToString } from 'jsx-async-runtime';
import { loadReports } from './src/io.ts';
import { buildSite, type Site } from './src/archive/site.ts';

// No `output` here: a directory returned by the config overrides the one the build CLI passes (--out).
// Eleventy's default output folder is _site.
export const dir = { input: 'templates', data: '_data', includes: '_includes' } as const;

let preloaded: Site | null = null;
/** Hand the build a site model already made (the build CLI parses with progress and summary). */
export function preloadSite(site: Site | null) {
  preloaded = site;
}

export async function siteFrom(reportsDir: string): Promise<Site> {
  const { reports, sources, registry, originals } = await loadReports(reportsDir);
  return buildSite(reports, sources, registry, originals);
}

/** Called once per written page; the build CLI draws its progress bar from it. */
let onPageWritten: ((outputPath: string) => void) | null = null;
export function watchPages(listener: ((outputPath: string) => void) | null) {
  onPageWritten = listener;
}

// chart.js is served from the site itself: many readers sit on intranets without the public internet.
// The package exports no path to its UMD build, so find the package and take the file beside its entry.
const chartJs = relative(process.cwd(), join(dirname(createRequire(import.meta.url).resolve('chart.js')), 'chart.umd.min.js'));

interface EleventyConfig {
  addPassthroughCopy(paths: Record<string, string>): unknown;
  addExtension(ext: string[], options: { key: string; compile: () => (this: { defaultRenderer(data: unknown): Promise<unknown> }, data: unknown) => Promise<string> }): unknown;
  addGlobalData(name: string, data: unknown): unknown;
  addWatchTarget(path: string): unknown;
  addTransform(name: string, fn: (this: { page: { outputPath: string | false } }, content: string) => string): unknown;
  addPlugin(plugin: unknown, options?: unknown): unknown;
  setQuietMode(quiet: boolean): unknown;
}

export default async function (eleventyConfig: EleventyConfig) {
  const reportsDir = process.env['NIANBAO_REPORTS'] ?? 'reports';
  // Each PDF, HTML or DOCX report is served as published beside its text (original.pdf …).
  const originals = (preloaded ?? (await siteFrom(reportsDir))).originals;
  eleventyConfig.addPassthroughCopy(Object.fromEntries(originals.map((o) => [relative(process.cwd(), o.from), o.to])));

  eleventyConfig.addExtension(['11ty.tsx', '11ty.ts'], {
    key: '11ty.js',
    compile() {
      return async function (data) {
        const content = await this.defaultRenderer(data);
        // JSON and text pages return strings; HTML pages return JSX.
        return typeof content === 'string' ? content : await jsxToString.call({}, content as JSX.Element);
      };
    },
  });
  eleventyConfig.addGlobalData('site', () => preloaded ?? siteFrom(reportsDir));
  eleventyConfig.addPassthroughCopy({ 'public/assets': 'assets', [chartJs]: 'assets/chart.umd.min.js' });
  eleventyConfig.addWatchTarget(reportsDir);
  // Links are written root-relative (/agencies/…); --path-prefix hosts the site below a folder.
  eleventyConfig.addPlugin(HtmlBasePlugin);
  eleventyConfig.addTransform('progress', function (content) {
    if (this.page.outputPath) onPageWritten?.(this.page.outputPath);
    return content;
  });
  eleventyConfig.setQuietMode(true);

  return {
    dir,
    templateFormats: ['11ty.tsx', '11ty.ts'],
  };
}

