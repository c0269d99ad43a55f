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
  /**
   * The pool for a handful of tasks: the build's own thread (starting workers costs more), unless
   * threads were asked for (the dev server: its own thread would keep the first version of an edited template).
   */
  few(): Pool;
  run<T extends Task>(task: T): Promise<Result<T>>;
  close(): Promise<void>;
}

/** Threads for a machine: one per core, at most 8 (beyond that the disk and the main thread are the limit). */
export const defaultWorkers = () => Math.max(1, Math.min(8, availableParallelism()));

/** Up to this many tasks, a stage runs them in its own thread: starting workers costs more. */
export const INLINE = 8;

/** Most tasks one message carries. */
const BATCH = 16;

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
    const self: Pool = {
      size: 1,
      few: () => self,
      run<T extends Task>(task: T) {
        const result = last.then(() => runTask(task));
        last = result.catch(() => {});
        return result;
      },
      close: async () => {},
    };
    return self;
  }
  type Pending = { task: Task; resolve: (r: never) => void; reject: (e: Error) => void };
  const queue: Pending[] = [];
  /** Batches sent to each worker and not yet answered. */
  const inFlight = new Map<Worker, Pending[][]>();
  const workers: Worker[] = [];
  let failed: Error | null = null;
  let scheduled = false;

  // Tasks go out in batches, two batches ahead per worker: a worker never waits for the build's
  // thread to hand it the next task, and one message carries many (a message costs far more than a small task).
  const send = () => {
    scheduled = false;
    for (const w of workers) {
      const batches = inFlight.get(w)!;
      while (batches.length < 2 && queue.length) {
        const batch = queue.splice(0, Math.max(1, Math.min(BATCH, Math.ceil(queue.length / workers.length / 2))));
        batches.push(batch);
        w.postMessage(batch.map((p) => p.task));
      }
    }
  };
  // Tasks are queued in bursts (a whole folder at once): send once the burst is in.
  const schedule = () => {
    if (!scheduled) {
      scheduled = true;
      setImmediate(send);
    }
  };
  // Workers start with the first task: a rebuild with nothing to parse or render starts none.
  const start = () => {
    for (let i = 0; i < size; i++) {
      const w = new Worker(BOOT, { eval: true });
      inFlight.set(w, []);
      w.on('message', (answers: ({ ok: true; result: never } | { ok: false; error: string })[]) => {
        const batch = inFlight.get(w)!.shift()!;
        batch.forEach((p, k) => {
          const a = answers[k]!;
          if (a.ok) p.resolve(a.result);
          else p.reject(new Error(a.error));
        });
        send();
      });
      // A worker that dies (out of memory, a bug in a native module) fails its tasks and every later one.
      w.on('error', (err) => {
        failed = err;
        for (const batch of inFlight.get(w)!.splice(0)) for (const p of batch) p.reject(err);
        for (const p of queue.splice(0)) p.reject(err);
      });
      workers.push(w);
    }
  };
  const pool: Pool = {
    size,
    few: () => (threads ? pool : createPool(1)),
    run<T extends Task>(task: T) {
      if (failed) return Promise.reject(failed);
      if (!workers.length) start();
      return new Promise<Result<T>>((resolve, reject) => {
        queue.push({ task, resolve: resolve as (r: never) => void, reject });
        schedule();
      });
    },
    async close() {
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
  return pool;
}
