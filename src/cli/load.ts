/** For the command-line tools: load a reports folder, or say why not and exit 1. Registry errors go to stderr. */
import { loadReports, type LoadedReports } from '../io.ts';

export async function loadOrExit(dir: string): Promise<LoadedReports> {
  let loaded: LoadedReports;
  try {
    loaded = await loadReports(dir);
  } catch (err) {
    process.stderr.write(`nianbao: cannot list ${dir}: ${(err as Error).message}\n`);
    process.exit(1);
  }
  for (const e of loaded.errors) process.stderr.write(`nianbao: ${e}\n`);
  return loaded;
}
