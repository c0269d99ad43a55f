/**
 * data/nianbao.sqlite made in a thread of its own, while the build's thread writes the CSV and JSON
 * Lines files: the database is the slowest file of the data (sql.js binds and pages through
 * WebAssembly), and on a rebuild the two together cost little more than the database alone. A
 * small archive is written in the build's own thread: starting a thread costs more than it saves.
 */
import { Worker } from 'node:worker_threads';
import type { Report } from '../model/report.ts';
import { writeSqlite } from './sqlite.ts';

type Input = { path: string; reports: { report: Report; url: string }[] };
type Counts = Awaited<ReturnType<typeof writeSqlite>>;

/** Below this many reports, the database is written in the calling thread. */
const IN_THREAD = 500;

// The thread is TypeScript like the rest: register tsx's loader in it, then import this module's worker part.
const ENTRY = new URL('./sqlite-worker.ts', import.meta.url).href;
const BOOT = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(ENTRY)}); })`;

/** Start writing the database; the promise settles when the file is complete. */
export function startSqlite(path: string, reports: Input['reports']): Promise<Counts> {
  if (reports.length < IN_THREAD) return writeSqlite(path, reports);
  return new Promise((resolve, reject) => {
    const worker = new Worker(BOOT, { eval: true, workerData: { path, reports } satisfies Input });
    worker.once('message', (answer: { ok: true; counts: Counts } | { ok: false; error: string }) => (answer.ok ? resolve(answer.counts) : reject(new Error(answer.error))));
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`the SQLite thread stopped (exit code ${code})`)));
  });
}
