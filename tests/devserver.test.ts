/**
 * The dev server of `npm start` (src/cli/serve.ts): it listens only where --host says (127.0.0.1 by
 * default), answers malformed requests with 400 and anything reaching outside the output folder
 * (encoded `../`, sibling folders named like it, symbolic links) with 404, keeps serving afterwards,
 * and keeps Eleventy's live reload (its WebSocket) working through the guard.
 *
 * Every request here has a timeout and every loop a bound; the servers are spawned as `npm start`
 * runs them, with temporary reports and output folders.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { connect, createServer } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { isAbsolute, join, relative, sep } from 'node:path';
import fc from 'fast-check';
import { checkRequest } from '../src/cli/serve.ts';
import { REPORTS } from './helpers.ts';

const SECRET = 'SECRET-OUTSIDE-THE-SITE';

/** A folder with reports/, the output folder _site/ and, beside it, _site-backup/secret.txt and secret.txt. */
function workspace() {
  const root = mkdtempSync(join(tmpdir(), 'nianbao-devserver-'));
  mkdirSync(join(root, 'reports'));
  copyFileSync(join(REPORTS, '凤泉区人民政府-2021.txt'), join(root, 'reports', '凤泉区人民政府-2021.txt'));
  mkdirSync(join(root, '_site-backup'));
  writeFileSync(join(root, '_site-backup', 'secret.txt'), `${SECRET}\n`);
  writeFileSync(join(root, 'secret.txt'), `${SECRET}\n`);
  return { root, reports: join(root, 'reports'), out: join(root, '_site') };
}

const freePort = (host = '127.0.0.1') =>
  new Promise<number>((ok, fail) => {
    const s = createServer().on('error', fail).listen(0, host, () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    });
  });

interface Answer { status: number; headers: Record<string, string | string[] | undefined>; body: string }

/** One request with the path sent exactly as written (no normalisation), 5 s at most. */
function get(port: number, path: string, { host = '127.0.0.1', method = 'GET', headers = {} as Record<string, string> } = {}) {
  return new Promise<Answer>((ok, fail) => {
    const req = request({ host, port, path, method, headers, agent: false, timeout: 5000 }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (d) => (body += d)).on('end', () => ok({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('timeout', () => req.destroy(new Error(`timeout: ${method} ${path}`))).on('error', fail).end();
  });
}

/** Bytes written to a raw connection, and whatever comes back before it closes (5 s at most). */
function raw(port: number, bytes: string) {
  return new Promise<string>((ok) => {
    let back = '';
    const s = connect(port, '127.0.0.1', () => s.write(bytes));
    s.setEncoding('latin1').on('data', (d) => (back += d));
    const done = () => ok(back);
    s.setTimeout(5000, () => s.destroy()).on('close', done).on('error', () => {});
  });
}

/** Whether a TCP connection to host:port opens (2 s at most). */
function reachable(host: string, port: number) {
  return new Promise<boolean>((ok) => {
    const s = connect({ host, port });
    s.setTimeout(2000, () => (s.destroy(), ok(false)));
    s.on('connect', () => (s.destroy(), ok(true))).on('error', () => ok(false));
  });
}

/** Poll until `check` passes or `seconds` run out (a wait for the build or watcher, not a speed assertion). */
async function eventually(check: () => Promise<boolean>, seconds: number) {
  for (let i = 0; i < seconds * 4; i++) {
    if (await check().catch(() => false)) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

/** `npm start` with these arguments; resolves once the home page answers. */
async function start(args: string[], probe: (port: number) => Promise<boolean>, port: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '..', 'src/cli/build.ts'), '--serve', '--port', String(port), ...args], {
    cwd: join(import.meta.dirname, '..'),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log = { text: '' };
  child.stdout!.on('data', (d) => (log.text += d));
  child.stderr!.on('data', (d) => (log.text += d));
  const exited = new Promise((r) => child.once('exit', r));
  const stop = async () => {
    if (child.exitCode === null) child.kill('SIGINT');
    await exited;
  };
  const up = await eventually(async () => child.exitCode === null && (await probe(port)), 90);
  if (!up) {
    await stop();
    assert.fail(`server did not come up:\n${log.text}`);
  }
  return { child, log, stop };
}

/** A WebSocket client just big enough for Eleventy's reload notifications (text frames from the server). */
function reloadSocket(port: number, path = '/') {
  return new Promise<{ status: string; messages: { type?: string; status?: string }[]; close(): void }>((ok, fail) => {
    const key = randomBytes(16).toString('base64');
    const messages: { type?: string; status?: string }[] = [];
    const s = connect(port, '127.0.0.1', () =>
      s.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`),
    );
    let buf = Buffer.alloc(0);
    let status: string | undefined;
    s.setTimeout(5000, () => status === undefined && (s.destroy(), fail(new Error('no handshake answer'))));
    s.on('error', (e) => status === undefined && fail(e));
    s.on('close', () => status === undefined && ok({ status: buf.toString('latin1').split('\r\n')[0] ?? '', messages, close: () => {} }));
    s.on('data', (d: Buffer) => {
      buf = Buffer.concat([buf, d]);
      if (status === undefined) {
        const end = buf.indexOf('\r\n\r\n');
        if (end < 0) return;
        const head = buf.subarray(0, end).toString('latin1');
        status = head.split('\r\n')[0]!;
        buf = buf.subarray(end + 4);
        s.setTimeout(0);
        const accept = createHash('sha1').update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
        if (!status.includes(' 101 ') || !head.toLowerCase().includes(`sec-websocket-accept: ${accept.toLowerCase()}`)) {
          s.destroy();
          return ok({ status, messages, close: () => {} });
        }
        ok({ status, messages, close: () => s.destroy() });
      }
      // Frames: FIN+opcode, length (7 bits, or 126 + 16 bits, or 127 + 64 bits), payload (unmasked).
      for (;;) {
        if (buf.length < 2) return;
        const opcode = buf[0]! & 0x0f;
        let len = buf[1]! & 0x7f;
        let at = 2;
        if (len === 126) {
          if (buf.length < 4) return;
          len = buf.readUInt16BE(2);
          at = 4;
        } else if (len === 127) {
          if (buf.length < 10) return;
          len = Number(buf.readBigUInt64BE(2));
          at = 10;
        }
        if (buf.length < at + len) return;
        const payload = buf.subarray(at, at + len);
        buf = buf.subarray(at + len);
        if (opcode === 1) messages.push(JSON.parse(payload.toString('utf8')));
      }
    });
  });
}

/** Listening TCP sockets of a process (Linux /proc), as "address:port" in hex as the kernel lists them. */
function listeningSockets(pid: number): string[] | null {
  if (!existsSync(`/proc/${pid}/fd`)) return null;
  const inodes = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (m) inodes.add(m[1]!);
    } catch {
      // The descriptor closed meanwhile.
    }
  }
  const found: string[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!existsSync(table)) continue;
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f[3] === '0A' && inodes.has(f[9]!)) found.push(f[1]!);
    }
  }
  return found;
}
const LOOPBACK_HEX = /^(0100007F|0000000000000000FFFF00000100007F|00000000000000000000000001000000):/;

/** This machine's own addresses that are not loopback (link-local IPv6 left out: it needs a scope). */
const ownAddresses = () =>
  Object.values(networkInterfaces())
    .flat()
    .filter((a) => a && !a.internal && !(a.family === 'IPv6' && a.address.toLowerCase().startsWith('fe80')))
    .map((a) => a!.address);

/** Requests that must come back 400: malformed escapes, NUL, targets that are not paths. */
const MALFORMED = ['/%ff', '/%', '/%E4%B8', '/%E4%B8/', '/agencies/%zz/', '/%C0%AE%C0%AE/etc/passwd', '/a%00b', '/%00'];
/** Requests reaching for files outside the output folder: 404, and never the secret. */
const TRAVERSALS = [
  '/..%2f..%2fetc%2fpasswd',
  '/%2e%2e/',
  '/%2e%2e/%2e%2e/etc/passwd',
  '/..%2f_site-backup%2fsecret.txt',
  '/%2e%2e/_site-backup/secret.txt',
  '/%2e%2e%2f_site-backup%2fsecret.txt',
  '/..%5c_site-backup%5csecret.txt',
  '/../_site-backup/secret.txt',
  '/agencies/../../secret.txt',
  '/..%2fsecret.txt',
  '/.11ty/..%2f..%2fsecret.txt',
  '/.11ty/reload-client.js/..%2f..%2f..%2fpackage.json',
  '/..%252f_site-backup%252fsecret.txt',
];

/** Pieces of request paths, for random ones. */
const TOKEN = fc.constantFrom('/', '.', '..', '%', '%2e', '%2E', '%2f', '%2F', '%5c', '\\', 'a', '_site-backup', 'secret.txt', '%ff', '%E4%B8', '%E5%B9%B4', '%00', '%25', '?', '#', 'index.html', '年', ' ', 'agencies');

test('checkRequest: decodes safely, refuses what is malformed or leaves the folder, re-encodes the rest', () => {
  const root = mkdtempSync(join(tmpdir(), 'nianbao-check-'));
  mkdirSync(join(root, 'agencies'));
  writeFileSync(join(root, 'agencies', 'index.html'), 'x');
  const status = (target: string, prefix?: string) => {
    const v = checkRequest(target, root, prefix);
    return v.ok ? 'ok' : v.status;
  };
  for (const p of MALFORMED) assert.equal(status(p), 400, p);
  // (%252f is a literal "%2f" in a file name: passed on, and the dev server finds no such file.)
  for (const p of TRAVERSALS) assert.equal(status(p), p.includes('%25') ? 'ok' : 404, p);
  assert.equal(status('http://127.0.0.1/x'), 400);
  assert.equal(status('*'), 400);
  assert.deepEqual(checkRequest('/', root), { ok: true, url: '/' });
  assert.deepEqual(checkRequest('/agencies', root), { ok: true, url: '/agencies' });
  assert.deepEqual(checkRequest('/agencies/?a=%ff#x', root), { ok: true, url: '/agencies/?a=%ff' });
  assert.deepEqual(checkRequest('//agencies//./', root), { ok: true, url: '/agencies/' });
  assert.deepEqual(checkRequest('/%E5%B9%B4/a%20b', root), { ok: true, url: '/%E5%B9%B4/a%20b' });
  // A literal %25 stays a percent sign in a file name: it never decodes twice.
  assert.deepEqual(checkRequest('/..%252f', root), { ok: true, url: '/..%252f' });
  // A name that merely begins with two dots is a name.
  writeFileSync(join(root, '..年'), 'x');
  assert.deepEqual(checkRequest('/%2e%2e%E5%B9%B4', root), { ok: true, url: '/..%E5%B9%B4' });
  assert.deepEqual(checkRequest('/.11ty/reload-client.js?reloadPort=1', root), { ok: true, url: '/.11ty/reload-client.js?reloadPort=1' });
  // Below a path prefix, the files are looked up without it.
  symlinkSync(join(root, '..'), join(root, 'up'));
  assert.equal(status('/nianbao/up/', '/nianbao/'), 404);
  assert.equal(status('/up/'), 404);
  assert.equal(status('/up'), 404);
  assert.deepEqual(checkRequest('/up/', root, '/nianbao/'), { ok: true, url: '/up/' });

  // Whatever the request, what passes is a path Eleventy's dev server decodes without throwing to a
  // file inside the folder (it joins the URL's pathname to the folder and decodes the whole).
  fc.assert(
    fc.property(fc.array(TOKEN, { maxLength: 12 }), fc.constantFrom('/', '/nianbao/'), (parts, prefix) => {
      const verdict = checkRequest(`/${parts.join('')}`, root, prefix);
      if (!verdict.ok) return [400, 404].includes(verdict.status);
      // The file, <path>/index.html, and <path>.html beside it (for the top folder Eleventy only redirects).
      const base = join(root, new URL(verdict.url, 'http://localhost/').pathname);
      const files = [base, join(base, 'index.html'), ...(relative(root, base) ? [`${base.replace(/[/\\]$/, '')}.html`] : [])];
      for (const file of files.map(decodeURIComponent)) {
        const r = relative(root, file);
        if (r === '..' || r.startsWith(`..${sep}`) || isAbsolute(r) || file.includes('\0')) return false;
      }
      return true;
    }),
    { numRuns: 3000 },
  );
  rmSync(root, { recursive: true, force: true });
});

test('npm start: loopback only, 400/404 for malformed and traversing requests, still serving, live reload through the guard', { timeout: 240_000 }, async (t) => {
  const w = workspace();
  const port = await freePort();
  const home = async (p: number) => (await get(p, '/')).status === 200;
  const server = await start(['--reports', w.reports, '--out', w.out], home, port);
  try {
    assert.match(server.log.text, new RegExp(`serving .* at http://127\\.0\\.0\\.1:${port}/ \\(live reload`));

    for (const path of MALFORMED) {
      const a = await get(port, path);
      assert.equal(a.status, 400, `${path}: ${a.status} ${a.body.slice(0, 200)}`);
      assert.ok(!a.body.includes(SECRET), path);
    }
    for (const path of TRAVERSALS) {
      const a = await get(port, path);
      assert.equal(a.status, 404, `${path}: ${a.status} ${a.body.slice(0, 200)}`);
      assert.ok(!a.body.includes(SECRET), path);
    }
    // Symbolic links inside the output folder that point out of it are not followed.
    symlinkSync(join(w.root, '_site-backup', 'secret.txt'), join(w.out, 'leak.txt'));
    symlinkSync(join(w.root, '_site-backup'), join(w.out, 'leakdir'));
    symlinkSync(join(w.root, '_site-backup', 'secret.txt'), join(w.out, 'page.html'));
    for (const path of ['/leak.txt', '/leakdir/secret.txt', '/leakdir/', '/page', '/page.html']) {
      const a = await get(port, path);
      assert.equal(a.status, 404, `${path}: ${a.status}`);
      assert.ok(!a.body.includes(SECRET), path);
    }
    // Requests that are not plain paths, or not HTTP at all.
    for (const bytes of [
      `GET ../_site-backup/secret.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
      `GET http://127.0.0.1:${port}/..%2f_site-backup%2fsecret.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
      `OPTIONS * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
      `GET /%ff HTTP/1.0\r\n\r\n`,
      `GET /\x00 HTTP/1.1\r\n\r\n`,
      'NONSENSE\r\n\r\n',
      `GET / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n`,
    ]) {
      const back = await raw(port, bytes);
      assert.match(back, /^HTTP\/1\.[01] 4\d\d /, JSON.stringify(bytes));
      assert.ok(!back.includes(SECRET), JSON.stringify(bytes));
    }
    // 300 random paths made of the pieces above (sent as the server receives them, escaped where node:http would refuse them).
    const randoms = fc.sample(fc.array(TOKEN, { minLength: 1, maxLength: 10 }), { numRuns: 300, seed: 7 }).map((p) => `/${p.join('').replace(/[ 年]/g, encodeURIComponent)}`);
    for (let i = 0; i < randoms.length; i += 10) {
      const answers = await Promise.all(randoms.slice(i, i + 10).map((p) => get(port, p).then((a) => [p, a] as const)));
      for (const [p, a] of answers) {
        assert.ok([200, 301, 302, 400, 404].includes(a.status), `${p}: ${a.status}`);
        assert.ok(!a.body.includes(SECRET), p);
      }
    }
    assert.equal((await get(port, '/', { method: 'POST' })).status, 405);
    assert.equal((await get(port, '/', { method: 'DELETE' })).status, 405);

    // Still serving, pages and the reload client as before.
    const page = await get(port, '/');
    assert.equal(page.status, 200);
    assert.match(page.body, /<script type="module"[^>]* src="\/\.11ty\/reload-client\.js/);
    assert.equal((await get(port, '/agencies')).status, 301);
    assert.equal((await get(port, '/agencies/fengquanqu-renminzhengfu/2021/')).status, 200);
    const client = await get(port, '/.11ty/reload-client.js');
    assert.equal(client.status, 200);
    assert.match(String(client.headers['content-type']), /javascript/);
    assert.equal((await get(port, '/assets/chart.umd.min.js')).status, 200);
    assert.equal((await get(port, '/no-such-page/')).status, 404);
    assert.ok(server.child.exitCode === null, `server died:\n${server.log.text}`);

    // Listening on loopback only: every listening socket of the process, and this machine's other addresses.
    const sockets = listeningSockets(server.child.pid!);
    if (sockets) {
      assert.ok(sockets.length >= 1, 'no listening socket found');
      for (const s of sockets) assert.match(s, LOOPBACK_HEX, `listening beyond loopback: ${s}`);
    } else t.diagnostic('no /proc: the listening sockets were not listed');
    const others = ownAddresses();
    if (!others.length) t.diagnostic('this machine has no non-loopback address: reachability from one not checked');
    for (const address of others) assert.equal(await reachable(address, port), false, `reachable at ${address}:${port}`);

    // Live reload: the WebSocket through the guard, and a notification after a report changes.
    assert.match((await reloadSocket(port, '/elsewhere')).status, / 400 /);
    const ws = await reloadSocket(port);
    try {
      assert.match(ws.status, / 101 /);
      assert.ok(await eventually(async () => ws.messages.some((m) => m.type === 'eleventy.status' && m.status === 'connected'), 10), JSON.stringify(ws.messages));
      const file = join(w.reports, '凤泉区人民政府-2021.txt');
      const lines = readFileSync(file, 'utf8').split('\n');
      const at = lines.findIndex((l) => l.includes('本年新收'));
      lines[at] = lines[at]!.replace(/\t4\t/, '\t5\t');
      writeFileSync(file, lines.join('\n'));
      assert.ok(await eventually(async () => ws.messages.some((m) => m.type === 'eleventy.reload'), 60), `no reload notification:\n${server.log.text}`);
      const cell = /data-cell="requests\.rows\.newReceived\.naturalPerson">(\d+)/.exec((await get(port, '/agencies/fengquanqu-renminzhengfu/2021/')).body)?.[1];
      assert.equal(cell, '5');
    } finally {
      ws.close();
    }
    assert.ok(server.child.exitCode === null, `server died:\n${server.log.text}`);
  } finally {
    await server.stop();
    rmSync(w.root, { recursive: true, force: true });
  }
});

test('npm start --host ::1 --path-prefix: serves there only, and the guard works below the prefix', { timeout: 240_000 }, async (t) => {
  const port = await freePort('::1').catch(() => null);
  if (port === null) return t.skip('no IPv6 loopback on this machine');
  const w = workspace();
  const home = async (p: number) => (await get(p, '/nianbao/', { host: '::1' })).status === 200;
  const server = await start(['--reports', w.reports, '--out', w.out, '--host', '::1', '--path-prefix', '/nianbao/'], home, port);
  try {
    assert.match(server.log.text, new RegExp(`serving .* at http://\\[::1\\]:${port}/nianbao/ \\(live reload`));
    assert.equal(await reachable('127.0.0.1', port), false, 'reachable at 127.0.0.1');
    const root = await get(port, '/', { host: '::1' });
    assert.equal(root.status, 302);
    assert.equal(root.headers.location, '/nianbao/');
    for (const path of ['/nianbao/%ff', '/%E4%B8']) assert.equal((await get(port, path, { host: '::1' })).status, 400, path);
    for (const path of ['/nianbao/..%2f..%2f_site-backup%2fsecret.txt', '/nianbao/%2e%2e/secret.txt', '/..%2f_site-backup%2fsecret.txt']) {
      const a = await get(port, path, { host: '::1' });
      assert.equal(a.status, 404, path);
      assert.ok(!a.body.includes(SECRET), path);
    }
    assert.equal((await get(port, '/nianbao/agencies/fengquanqu-renminzhengfu/2021/', { host: '::1' })).status, 200);
    assert.equal((await get(port, '/nianbao/', { host: '::1' })).status, 200);
  } finally {
    await server.stop();
    rmSync(w.root, { recursive: true, force: true });
  }
});
