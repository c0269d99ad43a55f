/**
 * The output folder, never left half-built: a build writes into a staging folder beside it and puts
 * it in place only when complete, so an interrupted or failed build leaves the previous site exactly
 * as it was. Only a folder nianbao made (it holds a marker), or an empty one, is ever replaced.
 *
 * Two ways to put it in place:
 * - a fresh site (`stage`): the staging folder is the whole site, swapped in by two renames;
 * - a change to a site (`stageChanges`): the staging folder holds only the files that changed. When
 *   it is complete, a journal beside the site lists the files to move in and the files to delete,
 *   and then it is carried out. Killed before the journal is written, the site is untouched; killed
 *   while it is carried out, the next build finishes it first (`recover`). A rebuild after one report
 *   changed thus writes a handful of files instead of copying or linking the whole site.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { spawn } from 'node:child_process';

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

/**
 * The staging folder `dir` of `out`, thrown away on Ctrl-C or a kill while the build runs (nothing of
 * the new site is left, the old one is untouched) or by `abandon`; `settle` ends the guard once the
 * build puts the staged files in place.
 */
function guard(dir: string, out: string) {
  let done = false;
  const abandon = () => {
    if (done) return;
    done = true;
    rmSync(dir, { recursive: true, force: true });
  };
  const onSignal = (signal: NodeJS.Signals) => {
    abandon();
    process.stderr.write(`\nnianbao: build interrupted (${signal}); the previous site in ${out} is unchanged.\n`);
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return {
    abandon,
    settle() {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      done = true;
    },
  };
}

/** Stage a build of `out` beside it (same file system, so the swap is a rename). */
export function stage(out: string): Staging {
  const dir = `${out}.nianbao-building`;
  const old = `${out}.nianbao-previous`;
  // The guard first: a Ctrl-C the moment the folder appears must find it already watching.
  const { abandon, settle } = guard(dir, out);
  fresh(dir);
  return {
    dir,
    abandon,
    commit() {
      settle();
      rmSync(old, { recursive: true, force: true });
      if (existsSync(out)) renameSync(out, old);
      renameSync(dir, out);
      // The previous site is out of the way: it is deleted in the background (tens of thousands of
      // files take a while), and by the next build if that was cut short.
      if (existsSync(old)) spawn(process.execPath, ['-e', `require('node:fs').rmSync(${JSON.stringify(old)}, { recursive: true, force: true })`], { detached: true, stdio: 'ignore' }).unref();
    },
  };
}

/** For the dev server, which rebuilds in place: the output folder emptied and marked. */
export function prepareInPlace(out: string) {
  fresh(out);
}

const journalOf = (out: string) => `${out}.nianbao-commit.json`;

/** Every file below `dir`, relative, `/` between folders; `skip` leaves out folders (relative paths) not to look into. */
export function filesBelow(dir: string, skip: (folder: string) => boolean = () => false): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const path = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (!skip(path)) walk(path);
      } else if (e.isFile()) out.push(path);
    }
  };
  walk('');
  return out;
}

/** Carry out a journal: move the staged files in, delete the files that are gone (and folders left empty), then forget it. */
function apply(out: string) {
  const { staging, moves, deletions } = JSON.parse(readFileSync(journalOf(out), 'utf8')) as { staging: string; moves: string[]; deletions: string[] };
  for (const f of moves) {
    const from = join(staging, f);
    // Moved already, by the run that was interrupted.
    if (!existsSync(from)) continue;
    mkdirSync(dirname(join(out, f)), { recursive: true });
    renameSync(from, join(out, f));
  }
  for (const f of deletions) {
    rmSync(join(out, f), { force: true });
    for (let d = dirname(join(out, f)); d.startsWith(`${out}${sep}`); d = dirname(d)) {
      try {
        rmdirSync(d);
      } catch {
        break; // not empty
      }
    }
  }
  rmSync(staging, { recursive: true, force: true });
  rmSync(journalOf(out), { force: true });
}

/** Finish a change an interrupted build had begun to put in place. Returns whether there was one. */
export function recover(out: string): boolean {
  if (!existsSync(journalOf(out))) return false;
  apply(out);
  return true;
}

/** Stage changes to the site in `out`: the files written to `dir` replace theirs, `commit(deletions)` also removes those. */
export interface ChangeStaging {
  dir: string;
  /** The files staged so far (relative). */
  written(): string[];
  /** Put the staged files in place and delete `deletions` (relative paths). */
  commit(deletions: string[]): void;
  abandon(): void;
}

export function stageChanges(out: string): ChangeStaging {
  const dir = `${out}.nianbao-building`;
  const { abandon, settle } = guard(dir, out);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return {
    dir,
    abandon,
    written: () => filesBelow(dir),
    commit(deletions: string[]) {
      settle();
      const moves = filesBelow(dir);
      const moving = new Set(moves);
      writeFileSync(journalOf(out), JSON.stringify({ staging: dir, moves, deletions: deletions.filter((f) => !moving.has(f)) }));
      // From here the change is decided: an interruption is finished by the next build.
      apply(out);
    },
  };
}
