/**
 * `npm start` (build --serve): the site is served with the live-reload client, and a report changed
 * on disk is parsed again and shows on the next request.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPORTS } from './helpers.ts';

const freePort = () =>
  new Promise<number>((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });

const navigate = (url: string) =>
  new Promise<string>((ok, fail) =>
    get(url, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (d) => (body += d)).on('end', () => ok(body));
    }).on('error', fail),
  );

/** Poll until `check` passes or `seconds` run out (a wait for the watcher, not a speed assertion). */
async function eventually(check: () => Promise<boolean>, seconds: number) {
  for (let i = 0; i < seconds * 4; i++) {
    if (await check().catch(() => false)) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

test('build --serve: live reload, and an edited report shows without restarting', async () => {
  const reports = mkdtempSync(join(tmpdir(), 'nianbao-serve-'));
  const file = join(reports, '凤泉区人民政府-2021.txt');
  copyFileSync(join(REPORTS, '凤泉区人民政府-2021.txt'), file);
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '..', 'src/cli/build.ts'), '--serve', '--port', String(port), '--reports', reports, '--out', join(mkdtempSync(join(tmpdir(), 'nianbao-serve-out-')), '_site')], {
    cwd: join(import.meta.dirname, '..'),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  try {
    const url = `http://127.0.0.1:${port}/agencies/fengquanqu-renminzhengfu/2021/`;
    const cell = async () => /data-cell="requests\.rows\.newReceived\.naturalPerson">(\d+)/.exec(await (await fetch(url)).text())?.[1];
    assert.ok(await eventually(async () => (await cell()) === '4', 60), `server did not come up:\n${output}`);
    assert.match(output, new RegExp(`serving .* at http://127\\.0\\.0\\.1:${port}/ \\(live reload`));
    // The dev server adds its live-reload client to pages a browser navigates to (fetch() always
    // says sec-fetch-mode: cors, which the server treats as a script's request, so ask with node:http).
    assert.match(await navigate(url), /<script type="module"[^>]* src="\/\.11ty\/reload-client\.js/);

    // 本年新收 自然人 4 → 5 on disk.
    const lines = readFileSync(file, 'utf8').split('\n');
    const at = lines.findIndex((l) => l.includes('本年新收'));
    lines[at] = lines[at]!.replace(/\t4\t/, '\t5\t');
    writeFileSync(file, lines.join('\n'));
    assert.ok(await eventually(async () => (await cell()) === '5', 60), `edit not picked up:\n${output}`);
  } finally {
    child.kill('SIGINT');
    await new Promise((r) => child.once('exit', r));
  }
});
