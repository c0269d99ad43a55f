/**
 * The output folder, never left half-built: a build writes into a staging folder beside it and swaps
 * it in only when complete, so an interrupted or failed build leaves the previous site exactly as it
 * was. Only a folder nianbao made (it holds a marker), or an empty one, is ever replaced.
 */
import { existsSync, mkdirSync, readdirSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';

export const MARKER = '.nianbao-site';

/** Why `out` cannot receive a site, or null. */
export function outputProblem(out: string): string | null {
  if (!existsSync(out)) return null;
  if (!statSync(out).isDirectory()) return `${out} is a file, not a folder; choose another --out.`;
  const entries = readdirSync(out);
  if (entries.length && !entries.includes(MARKER)) return `${out} is not empty and was not made by nianbao; choose another --out or empty it.`;
  return null;
}

/** A path with every link resolved as far as it exists (a folder not made yet resolves through its parent). */
export function realPath(path: string): string {
  const abs = resolve(path);
  if (existsSync(abs)) return realpathSync(abs);
  const parent = dirname(abs);
  return parent === abs ? abs : join(realPath(parent), abs.slice(parent.length + 1));
}

/** Whether two folders overlap (one is the other or inside it), links resolved. */
export function overlap(a: string, b: string): boolean {
  const [x, y] = [realPath(a), realPath(b)];
  const inside = (p: string, q: string) => p === q || p.startsWith(`${q}${sep}`);
  return inside(x, y) || inside(y, x);
}

/** A fresh folder marked as nianbao's. */
function fresh(dir: string) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, MARKER), 'Built by nianbao; this folder is replaced on every build.\n');
}

export interface Staging {
  /** Where the build writes. */
  dir: string;
  /** Swap the finished site in place of the previous one. */
  commit(): void;
  /** Throw the unfinished site away; the previous one stays as it was. */
  abandon(): void;
}

/** Stage a build of `out` beside it (same file system, so the swap is a rename). */
export function stage(out: string): Staging {
  const dir = `${out}.nianbao-building`;
  const old = `${out}.nianbao-previous`;
  fresh(dir);
  let done = false;
  const abandon = () => {
    if (done) return;
    done = true;
    rmSync(dir, { recursive: true, force: true });
  };
  // Ctrl-C or a kill during rendering: nothing of the new site is left, the old one is untouched.
  const onSignal = (signal: NodeJS.Signals) => {
    abandon();
    process.stderr.write(`\nnianbao: build interrupted (${signal}); the previous site in ${out} is unchanged.\n`);
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return {
    dir,
    abandon,
    commit() {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      rmSync(old, { recursive: true, force: true });
      if (existsSync(out)) renameSync(out, old);
      renameSync(dir, out);
      rmSync(old, { recursive: true, force: true });
      done = true;
    },
  };
}

/** For the dev server, which rebuilds in place: the output folder emptied and marked. */
export function prepareInPlace(out: string) {
  fresh(out);
}
