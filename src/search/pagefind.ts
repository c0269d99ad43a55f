/**
 * search: one Pagefind bundle written from records, with Pagefind's extended binary (the build with
 * Chinese segmentation) run as a service through its Node API. The binary holds every record of an
 * index until the index is written, so a bundle is one province (src/search/products.ts) and the
 * service is closed after each bundle: its memory goes back to the system before the next one.
 *
 * Records are added one at a time and in the order given: the bundle's bytes depend on nothing else.
 * Of the files Pagefind writes, the search page needs its index, fragments and filters, pagefind.js,
 * its web worker and the WebAssembly module; the ready-made user interfaces (Default, Modular and
 * Component UI, the highlighter, ~390 kB per bundle) are not used (the site's own search script,
 * public/assets/search.js, draws the results) and are removed.
 */
import { readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as pagefind from 'pagefind';
import { LANGUAGE, type SearchRecord } from './record.ts';

/** Pagefind's UI files, which the site does not serve. */
const UNUSED = /^pagefind-(?:ui|modular-ui|component-ui)\.(?:js|css)$|^pagefind-highlight\.js$/;

/** Records sent to Pagefind before the first of them is answered. */
const IN_FLIGHT = 64;

function check<T extends { errors: string[] }>(what: string, r: T): T {
  if (r.errors.length) throw new Error(`Pagefind ${what}: ${r.errors.join('; ')}`);
  return r;
}

/**
 * Index `records` into a bundle in `folder` (emptied first); return its files relative to `folder`,
 * `/`-separated and sorted, and how many records it holds.
 */
export function writeBundle(records: Iterable<SearchRecord>, folder: string): Promise<{ files: string[]; pages: number }> {
  // One bundle at a time: Pagefind's service is one process, closed after each bundle (its memory
  // freed), and the build makes two products at once (src/build/products.ts).
  const run = queue.then(() => indexBundle(records, folder));
  queue = run.catch(() => undefined);
  return run;
}
let queue: Promise<unknown> = Promise.resolve();

async function indexBundle(records: Iterable<SearchRecord>, folder: string): Promise<{ files: string[]; pages: number }> {
  rmSync(folder, { recursive: true, force: true });
  try {
    const { index } = check('createIndex', await pagefind.createIndex({ forceLanguage: LANGUAGE }));
    if (!index) throw new Error('Pagefind made no index');
    // Records go to Pagefind's process a window at a time, in order: it indexes one while the next are
    // made here, instead of each waiting for the last one's answer.
    let pages = 0;
    const inFlight: Promise<unknown>[] = [];
    for (const r of records) {
      inFlight.push(index.addCustomRecord(r).then((answer) => check(`indexing ${r.url}`, answer)));
      if (inFlight.length >= IN_FLIGHT) await inFlight.shift();
      pages++;
    }
    await Promise.all(inFlight);
    check('writeFiles', await index.writeFiles({ outputPath: folder }));
    await index.deleteIndex();
    const files = readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => relative(folder, join(e.parentPath, e.name)).split('\\').join('/'));
    for (const f of files.filter((f) => UNUSED.test(f))) rmSync(join(folder, f));
    return { files: files.filter((f) => !UNUSED.test(f)).sort(), pages };
  } finally {
    await pagefind.close();
  }
}
