/**
 * `npm run bench`: parse throughput and memory over the sample archive.
 * Measured here, never asserted by timed tests. Wall time suffers when the machine is busy, and the
 * process's CPU time counts V8's helper threads (garbage collection, compilation) too; the parser's
 * own figure is the main thread's CPU time, read from Linux's schedstat where there is one.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { parseReport } from '../parse.ts';

const dir = process.argv[2] ?? 'reports';
const rounds = Number(process.argv[3] ?? 200);
const files = readdirSync(dir).filter((n) => n.endsWith('.txt')).map((n) => ({ path: n, bytes: readFileSync(join(dir, n)) }));
const totalBytes = files.reduce((a, f) => a + f.bytes.length, 0);

/** The main thread's CPU time and time spent waiting for a CPU (ns), or null off Linux. */
const SCHEDSTAT = `/proc/self/task/${process.pid}/schedstat`;
const mainThread = (): { cpu: number; waited: number } | null => {
  if (!existsSync(SCHEDSTAT)) return null;
  const [cpu, waited] = readFileSync(SCHEDSTAT, 'utf8').split(' ').map(Number);
  return { cpu: cpu!, waited: waited! };
};

for (const f of files) parseReport(f); // warm-up: JIT and the division index
const heapBefore = process.memoryUsage().heapUsed;
let peak = 0;
const start = process.hrtime.bigint();
const cpuStart = process.cpuUsage();
const threadStart = mainThread();
for (let i = 0; i < rounds; i++) {
  for (const f of files) parseReport(f);
  // The heap's used size, as process.memoryUsage().heapUsed gives it, without reading /proc each round.
  peak = Math.max(peak, getHeapStatistics().used_heap_size);
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const cpu = process.cpuUsage(cpuStart);
const threadEnd = mainThread();
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const n = rounds * files.length;
console.log(`${n} parses of ${files.length} reports (${(totalBytes / 1024).toFixed(1)} KiB) in ${seconds.toFixed(2)} s`);
console.log(`${(n / seconds).toFixed(0)} reports/s, ${((rounds * totalBytes) / 1024 / 1024 / seconds).toFixed(2)} MiB/s, ${((seconds / n) * 1000).toFixed(2)} ms/report`);
if (threadStart && threadEnd) {
  const thread = (threadEnd.cpu - threadStart.cpu) / 1e9;
  console.log(`${(n / thread).toFixed(0)} reports per CPU-second of the main thread (${((thread / n) * 1000).toFixed(2)} ms/report; ${((threadEnd.waited - threadStart.waited) / 1e9).toFixed(2)} s waiting for a CPU)`);
}
console.log(`${(n / cpuSeconds).toFixed(0)} reports per CPU-second of the process, helper threads included (${cpuSeconds.toFixed(2)} CPU-s)`);
console.log(`heap: ${(heapBefore / 1024 / 1024).toFixed(1)} MiB after warm-up, peak ${(peak / 1024 / 1024).toFixed(1)} MiB, rss ${(process.memoryUsage().rss / 1024 / 1024).toFixed(1)} MiB`);
