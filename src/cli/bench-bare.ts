/**
 * For `npm run bench:site` (src/cli/bench-site.ts): the reference a build is compared with — a bare
 * Eleventy 3 site that writes the same files as a built site, doing nothing else.
 *
 * Every .html, .json and .txt file of the built site becomes a page of one JavaScript template
 * (paginated one by one over a global data array of { permalink, size }) whose content is `size`
 * bytes of 'x'; every other file (assets, originals, the output marker) is copied through. The
 * project lives in a temporary folder outside the repo and runs the repo's installed @11ty/eleventy
 * through its programmatic API in a child process, whose wall clock (start-up included, as for the
 * build) is the figure reported.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The files a page template writes; the rest is copied through. */
const PAGE = /\.(html|json|txt)$/;

export interface SiteFiles {
  pages: { permalink: string; size: number }[];
  /** Relative paths (with /) of the files copied through. */
  other: string[];
}

/** Every file under `dir`, relative, with / as separator, sorted. */
export function listFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

/** The pages (path and size) and the other files of a built site. */
export function siteFiles(out: string): SiteFiles {
  const pages: SiteFiles['pages'] = [];
  const other: string[] = [];
  for (const f of listFiles(out)) {
    if (PAGE.test(f)) pages.push({ permalink: `/${f}`, size: statSync(join(out, f)).size });
    else other.push(f);
  }
  return { pages, other };
}

const TEMPLATE = `// One output file per entry of the global data \`pages\`: that many bytes of 'x'.
export const data = {
  pagination: { data: 'pages', size: 1, alias: 'p' },
  permalink: (data) => data.p.permalink,
};
export function render(data) {
  return 'x'.repeat(data.p.size);
}
`;

const CONFIG = `export default function (config) {
  // Relative to the project root, not the input folder: the non-page files of the real site, copied as they are.
  config.addPassthroughCopy({ static: '/' });
}
`;

const RUN = (eleventy: string) => `import Eleventy from ${JSON.stringify(eleventy)};
const elev = new Eleventy('src', '_site', { quietMode: true, configPath: 'eleventy.config.js' });
await elev.write();
`;

export interface BareResult {
  seconds: number;
  /** The bare site's output folder. */
  out: string;
  files: number;
}

/**
 * Write the bare project for the built site `site` into `project` (a new folder), run it, and return
 * its child process's wall clock. `root` is the repo whose node_modules has @11ty/eleventy.
 */
export function runBare(site: string, project: string, root: string): BareResult {
  const { pages, other } = siteFiles(site);
  mkdirSync(join(project, 'src', '_data'), { recursive: true });
  writeFileSync(join(project, 'package.json'), `${JSON.stringify({ private: true, type: 'module' })}\n`);
  writeFileSync(join(project, 'src', '_data', 'pages.json'), JSON.stringify(pages));
  writeFileSync(join(project, 'src', 'page.11ty.js'), TEMPLATE);
  writeFileSync(join(project, 'eleventy.config.js'), CONFIG);
  writeFileSync(join(project, 'run.js'), RUN(pathToFileURL(join(root, 'node_modules', '@11ty', 'eleventy', 'src', 'Eleventy.js')).href));
  mkdirSync(join(project, 'static'));
  for (const f of other) {
    const to = join(project, 'static', f);
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(join(site, f), to);
  }
  const started = performance.now();
  const r = spawnSync(process.execPath, ['run.js'], { cwd: project, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const seconds = (performance.now() - started) / 1000;
  if (r.status !== 0) throw new Error(`the bare Eleventy site failed (exit ${r.status ?? r.signal}):\n${r.stdout}${r.stderr}`);
  const out = join(project, '_site');
  return { seconds, out, files: listFiles(out).length };
}
