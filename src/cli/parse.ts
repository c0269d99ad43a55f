/** `npm run --silent parse -- FILE`: print one report's JSON. I/O lives here, not in the pipeline. */
import { readReportFile } from '../io.ts';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: npm run --silent parse -- FILE\n');
  process.exit(2);
}
const result = await readReportFile(file);
if (!result.ok) {
  process.stderr.write(`nianbao: ${result.reason}\n`);
  process.exit(1);
}
process.stdout.write(JSON.stringify(result.report, null, 2) + '\n');
