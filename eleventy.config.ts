/**
 * Eleventy configuration: the render stage of the pages that are few — home, the indexes of agencies,
 * years and regions, each year's and each region's page, the data page, 404. It only wires: pages
 * are typed JSX templates (templates/*.11ty.tsx, rendered by src/build/jsx.ts), assets are copied.
 *
 * The site model comes in by one road: the build command (src/cli/build.ts) parses the archive and
 * hands the model to Eleventy as the global data `site` (through the `config` option of Eleventy's
 * programmatic API). The pages that come one per report or per agency are rendered by the build
 * itself, with the same JSX, one at a time and on every core (src/build/pages.ts): Eleventy keeps
 * every page it renders in memory until the build ends, which a national archive cannot afford.
 */
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { HtmlBasePlugin } from '@11ty/eleventy';
import { jsxToHtml } from './src/build/jsx.ts';

// No `output` here: a directory returned by the config overrides the one the build CLI passes (--out).
// Eleventy's default output folder is _site.
export const dir = { input: 'templates', data: '_data', includes: '_includes' } as const;

// chart.js is served from the site itself: many readers sit on intranets without the public internet.
// The package exports no path to its UMD build, so find the package and take the file beside its entry.
const chartJs = relative(process.cwd(), join(dirname(createRequire(import.meta.url).resolve('chart.js')), 'chart.umd.min.js'));

export interface EleventyConfig {
  addGlobalData(name: string, data: unknown): unknown;
  addWatchTarget(path: string): unknown;
  addPassthroughCopy(paths: Record<string, string>): unknown;
  addExtension(ext: string[], options: { key: string; compile: () => (this: { defaultRenderer(data: unknown): Promise<unknown> }, data: unknown) => Promise<string> }): unknown;
  addTransform(name: string, fn: (this: { page: { outputPath: string | false } }, content: string) => string): unknown;
  addPlugin(plugin: unknown, options?: unknown): unknown;
  setQuietMode(quiet: boolean): unknown;
}

export default async function (eleventyConfig: EleventyConfig) {
  eleventyConfig.addExtension(['11ty.tsx', '11ty.ts'], {
    key: '11ty.js',
    compile() {
      return async function (data) {
        const content = await this.defaultRenderer(data);
        // JSON and text pages return strings; HTML pages return JSX.
        return typeof content === 'string' ? content : jsxToHtml(content as JSX.Element);
      };
    },
  });
  // favicon.ico at the root, where browsers and crawlers ask for it (made once by scripts/favicon.ts).
  eleventyConfig.addPassthroughCopy({ 'public/assets': 'assets', [chartJs]: 'assets/chart.umd.min.js', 'public/favicon.ico': 'favicon.ico' });
  // Links are written root-relative (/agencies/…); --path-prefix hosts the site below a folder.
  eleventyConfig.addPlugin(HtmlBasePlugin);
  eleventyConfig.setQuietMode(true);

  return {
    dir,
    templateFormats: ['11ty.tsx', '11ty.ts'],
  };
}

