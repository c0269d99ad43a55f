/**
 * `npm run bench`: parse throughput and memory over the sample archive.
 * Measured here, never asserted by timed tests.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseReport } from '../parse.ts';

const dir = process.argv[2] ?? 'reports';
const rounds = Number(process.argv[3] ?? 200);
const files = readdirSync(dir).filter((n) => n.endsWith('.txt')).map((n) => ({ path: n, bytes: readFileSync(join(dir, n)) }));
const totalBytes = files.reduce((a, f) => a + f.bytes.length, 0);

for (const f of files) parseReport(f); // warm-up: JIT and the division index
const heapBefore = process.memoryUsage().heapUsed;
let peak = 0;
const start = process.hrtime.bigint();
for (let i = 0; i < rounds; i++) {
  for (const f of files) parseReport(f);
  peak = Math.max(peak, process.memoryUsage().heapUsed);
}
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const n = rounds * files.length;
console.log(`${n} parses of ${files.length} reports (${(totalBytes / 1024).toFixed(1)} KiB) in ${seconds.toFixed(2)} s`);
console.log(`${(n / seconds).toFixed(0)} reports/s, ${((rounds * totalBytes) / 1024 / 1024 / seconds).toFixed(2)} MiB/s, ${((seconds / n) * 1000).toFixed(2)} ms/report`);
console.log(`heap: ${(heapBefore / 1024 / 1024).toFixed(1)} MiB after warm-up, peak ${(peak / 1024 / 1024).toFixed(1)} MiB, rss ${(process.memoryUsage().rss / 1024 / 1024).toFixed(1)} MiB`);
