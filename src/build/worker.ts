/** build: a worker thread of the pool (src/build/pool.ts): runs each batch of tasks it is sent, one after another, and answers with their results or errors. */
import { parentPort } from 'node:worker_threads';
import { runTask, type Task } from './tasks.ts';

let chain: Promise<void> = Promise.resolve();
parentPort!.on('message', (batch: Task[]) => {
  // Batches run in the order they came, one task at a time.
  chain = chain.then(async () => {
    const answers = [];
    for (const task of batch) {
      try {
        answers.push({ ok: true, result: await runTask(task) });
      } catch (err) {
        answers.push({ ok: false, error: `${(err as Error).message}\n${(err as Error).stack ?? ''}` });
      }
    }
    parentPort!.postMessage(answers);
  });
});
