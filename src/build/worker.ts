/** build: a worker thread of the pool (src/build/pool.ts): runs each task it is sent and answers with its result or error. */
import { parentPort } from 'node:worker_threads';
import { runTask, type Task } from './tasks.ts';

parentPort!.on('message', (task: Task) => {
  runTask(task).then(
    (result) => parentPort!.postMessage({ ok: true, result }),
    (err: Error) => parentPort!.postMessage({ ok: false, error: `${err.message}\n${err.stack ?? ''}` }),
  );
});
