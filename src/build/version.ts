/**
 * build: fingerprints of the code, so that a cache entry made by other code is never reused.
 *
 * The parser's fingerprint covers the source of every stage a parse runs through and the locked
 * dependency versions (a new pdf.js reads a PDF differently); the renderer's adds the archive, the
 * render stage and the templates. Hashing the files themselves, rather than trusting a version
 * number someone must remember to raise, makes a stale cache impossible: any edit to that code,
 * however small, parses and renders anew. The command-line tools (src/cli/) are left out: editing
 * the summary's wording or the benchmark re-parses nothing.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

function hashTree(hash: ReturnType<typeof createHash>, dir: string) {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
  for (const f of files) hash.update(relative(ROOT, f)).update('\0').update(readFileSync(f)).update('\0');
}

function fingerprint(paths: string[]): string {
  const hash = createHash('sha256');
  for (const p of paths) {
    if (/\.tsx?$/.test(p)) hash.update(p).update('\0').update(readFileSync(join(ROOT, p))).update('\0');
    else hashTree(hash, join(ROOT, p));
  }
  const lock = join(ROOT, 'package-lock.json');
  if (existsSync(lock)) hash.update(readFileSync(lock));
  return hash.digest('hex').slice(0, 16);
}

/** The code a parse runs (and the cache's own format): read anew each time, so the dev server sees edits. */
const PARSER = ['src/read', 'src/segment', 'src/extract', 'src/validate', 'src/model', 'src/parse.ts', 'src/io.ts', 'src/folder.ts', 'src/build/summary.ts', 'src/build/cache.ts', 'src/build/tasks.ts'];
/** What a page depends on besides its data and the parser. */
const RENDERER = ['src/archive', 'src/indicators', 'src/render', 'src/build/render.ts', 'src/build/jsx.ts', 'src/build/pages.ts', 'src/build/aggregates.ts', 'templates', 'public', 'eleventy.config.ts'];

export const parserVersion = () => fingerprint(PARSER);
/** The fingerprint of a product's own code (src/data/ for the bulk data), so that editing it remakes that product's files only. */
export const codeVersion = (paths: string[]) => fingerprint(paths);
/** The renderer's fingerprint, on top of the parser's (given, so its files are not read twice). */
export const rendererVersion = (parser = parserVersion()) => createHash('sha256').update(parser).update(fingerprint(RENDERER)).digest('hex').slice(0, 16);
