/** The SQLite thread (src/data/sqlite-thread.ts): writes the database it is given, answers with its rows or its error, and ends. */
import { parentPort, workerData } from 'node:worker_threads';
import { writeSqlite } from './sqlite.ts';

const { path, reports } = workerData as { path: string; reports: Parameters<typeof writeSqlite>[1] };
try {
  parentPort!.postMessage({ ok: true, counts: await writeSqlite(path, reports) });
} catch (err) {
  parentPort!.postMessage({ ok: false, error: `${(err as Error).message}\n${(err as Error).stack ?? ''}` });
}
