/**
 * build: both cores. Tasks (src/build/tasks.ts) run in worker threads, one per core by default; each
 * worker takes the next task when it finishes one, so a slow PDF holds up nobody. Results come back
 * to the caller's own promise, and the build puts them in its own order: the output never depends on
 * which worker finished first. With one worker the tasks run in the build's own thread.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { runTask, type Result, type Task } from './tasks.ts';

export interface Pool {
  size: number;
  run<T extends Task>(task: T): Promise<Result<T>>;
  close(): Promise<void>;
}

/** Threads for a machine: one per core, at most 8 (beyond that the disk and the main thread are the limit). */
export const defaultWorkers = () => Math.max(1, Math.min(8, availableParallelism()));

// The worker is TypeScript like the rest: register tsx's loader in the thread, then import the entry.
const ENTRY = new URL('./worker.ts', import.meta.url).href;
const BOOT = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(ENTRY)}); })`;

/**
 * `threads: true` uses a thread even for one worker: the dev server makes a pool per rebuild, so that
 * edited templates are imported afresh (the build's own thread would keep the first version).
 */
export function createPool(size: number, { threads = false } = {}): Pool {
  if (size <= 1 && !threads) {
    // One at a time, as a worker would: tasks never interleave at their awaits (and each one's time is its own).
    let last: Promise<unknown> = Promise.resolve();
    return {
      size: 1,
      run<T extends Task>(task: T) {
        const result = last.then(() => runTask(task));
        last = result.catch(() => {});
        return result;
      },
      close: async () => {},
    };
  }
  type Pending = { task: Task; resolve: (r: never) => void; reject: (e: Error) => void };
  const queue: Pending[] = [];
  const idle: Worker[] = [];
  const busy = new Map<Worker, Pending>();
  const workers: Worker[] = [];
  let failed: Error | null = null;

  const next = () => {
    while (idle.length && queue.length) {
      const w = idle.pop()!;
      const p = queue.shift()!;
      busy.set(w, p);
      w.postMessage(p.task);
    }
  };
  for (let i = 0; i < size; i++) {
    const w = new Worker(BOOT, { eval: true });
    w.on('message', (m: { ok: true; result: never } | { ok: false; error: string }) => {
      const p = busy.get(w)!;
      busy.delete(w);
      idle.push(w);
      if (m.ok) p.resolve(m.result);
      else p.reject(new Error(m.error));
      next();
    });
    // A worker that dies (out of memory, a bug in a native module) fails its task and every later one.
    w.on('error', (err) => {
      failed = err;
      busy.get(w)?.reject(err);
      busy.delete(w);
      for (const p of queue.splice(0)) p.reject(err);
    });
    workers.push(w);
    idle.push(w);
  }
  return {
    size,
    run<T extends Task>(task: T) {
      if (failed) return Promise.reject(failed);
      return new Promise<Result<T>>((resolve, reject) => {
        queue.push({ task, resolve: resolve as (r: never) => void, reject });
        next();
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
