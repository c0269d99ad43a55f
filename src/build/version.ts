/**
 * build: fingerprints of the code, so that a cache entry made by other code is never reused.
 *
 * The parser's fingerprint covers every source file under src/ and the locked dependency versions
 * (a new pdf.js reads a PDF differently); the renderer's adds the templates. Hashing the files
 * themselves, rather than trusting a version number someone must remember to raise, makes a stale
 * cache impossible: any edit, however small, parses and renders anew.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..');

function hashTree(hash: ReturnType<typeof createHash>, dir: string) {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(ts|tsx|js|json)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
  for (const f of files) hash.update(relative(ROOT, f)).update('\0').update(readFileSync(f)).update('\0');
}

function fingerprint(dirs: string[]): string {
  const hash = createHash('sha256');
  for (const d of dirs) hashTree(hash, join(ROOT, d));
  const lock = join(ROOT, 'package-lock.json');
  if (existsSync(lock)) hash.update(readFileSync(lock));
  return hash.digest('hex').slice(0, 16);
}

/** What a parse depends on: the code under src/ and the dependencies' versions (read anew each time: the dev server sees edits). */
export const parserVersion = () => fingerprint(['src']);
/** What a page depends on besides its data: the parser's code plus the templates. */
export const rendererVersion = () => fingerprint(['src', 'templates']);
