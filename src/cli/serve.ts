/**
 * The dev server of `npm start` (build --serve): Eleventy's dev server behind a guard of our own.
 *
 * Eleventy's dev server (@11ty/eleventy-dev-server 2.x) listens on every interface and has no
 * option to do otherwise; one request with a malformed escape (`/%ff`) or an encoded `../` throws
 * out of its request handler and kills the process; and its containment check is a string prefix
 * test, so `/..%2f_site-backup%2fsecret.txt` reads a sibling folder whose name begins with the
 * output folder's (11ty/dev-server issues #128, #150, #152). So it never listens here at all. Our own
 * node:http server listens on --host (127.0.0.1 by default) and decides every request first:
 *
 * - the path is decoded segment by segment: a malformed escape or a NUL is 400; a `..` segment,
 *   literal or encoded (`%2e%2e`, `..%2f`, `..%5c`), is 404; anything but GET or HEAD is 405;
 * - every file the dev server could answer with for the path (the file, `<path>.html`,
 *   `<path>/index.html`, the 404 page) must, symbolic links resolved, lie inside the output folder,
 *   or the answer is 404;
 * - what passes goes, re-encoded canonically (so the dev server decodes exactly what was checked),
 *   to the dev server's own request handler, in process: trailing-slash redirects, the 404 page and
 *   the live-reload client injected into pages stay Eleventy's. Should that handler throw anyway,
 *   the request gets a 500 and the server goes on.
 * - Live reload is Eleventy's: pages load `/.11ty/reload-client.js` (and `/.11ty/morphdom.js` for
 *   DOM diffing), which opens a WebSocket to `/` on the page's own host and port; that upgrade is
 *   handed to the dev server's WebSocket server, which Eleventy notifies after every rebuild.
 */
import { existsSync, realpathSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { isAbsolute, join, relative, sep } from 'node:path';

/** What the guard decided: hand `url` to the dev server, or answer `status` itself. */
export type Verdict = { ok: true; url: string } | { ok: false; status: 400 | 404; reason: string };

/** The dev server's own scripts (served from its package, not the output folder); only these. */
const CLIENT_SCRIPTS = new Set(['/.11ty/reload-client.js', '/.11ty/morphdom.js']);

const inside = (root: string, path: string) => {
  const r = relative(root, path);
  return r !== '..' && !r.startsWith(`..${sep}`) && !isAbsolute(r);
};

/**
 * Decide one request target. `root` is the output folder with symbolic links resolved;
 * `pathPrefix` is Eleventy's (`/` or `/prefix/`): the site's files sit below it in URLs, at the top
 * of the output folder on disk.
 */
export function checkRequest(target: string, root: string, pathPrefix = '/'): Verdict {
  // Origin form only: `/path?query`. (Absolute form, `*` and anything else is not a file request.)
  if (!target.startsWith('/')) return { ok: false, status: 400, reason: 'not a path' };
  const cut = target.search(/[?#]/);
  const rawPath = cut < 0 ? target : target.slice(0, cut);
  const query = cut >= 0 && target[cut] === '?' ? target.slice(cut).replace(/#.*/s, '') : '';
  if (CLIENT_SCRIPTS.has(rawPath)) return { ok: true, url: rawPath + query };

  // Decode each segment on its own; an encoded separator (%2F, %5C) then splits like a real one, so
  // `..%2f` is seen as the `..` it becomes once decoded.
  const segments: string[] = [];
  let decoded = '';
  for (const raw of rawPath.split('/')) {
    try {
      decoded = decodeURIComponent(raw);
    } catch {
      return { ok: false, status: 400, reason: 'malformed percent-escape' };
    }
    if (decoded.includes('\0')) return { ok: false, status: 400, reason: 'NUL in path' };
    for (const part of decoded.split(/[/\\]/)) {
      if (part === '..') return { ok: false, status: 404, reason: 'path climbs out of the site' };
      if (part !== '' && part !== '.') segments.push(part);
    }
  }
  const trailingSlash = decoded === '' || /[/\\]$/.test(decoded);

  // Every file the dev server may answer with, links resolved, stays in the folder: its 404 page and,
  // below the path prefix, the file, <path>/index.html and <path>.html. (Outside the prefix it
  // answers a redirect, for `/`, or the 404 page.)
  const prefix = pathPrefix.split('/').filter(Boolean);
  const candidates = [join(root, '404.html')];
  if (prefix.every((p, i) => segments[i] === p)) {
    const files = segments.slice(prefix.length);
    const file = join(root, ...files);
    candidates.push(file, join(file, 'index.html'));
    if (files.length) candidates.push(`${file}.html`);
  }
  for (const c of candidates) {
    if (!existsSync(c)) continue;
    let real: string;
    try {
      real = realpathSync(c);
    } catch {
      return { ok: false, status: 404, reason: 'unreadable path' };
    }
    if (!inside(root, real)) return { ok: false, status: 404, reason: 'links out of the site' };
  }
  const url = `/${segments.map(encodeURIComponent).join('/')}${trailingSlash && segments.length ? '/' : ''}`;
  return { ok: true, url: url + query };
}

/** The parts of Eleventy 3's serve machinery used here (Eleventy ships no types for them). */
interface DevServer {
  options: { pathPrefix?: unknown };
  server: Server;
  updateServer?: unknown;
  setupReloadNotifier(): void;
  onRequestHandler(req: IncomingMessage, res: ServerResponse): Promise<void>;
}
interface EleventyServe {
  config?: { serverPassthroughCopyBehavior?: unknown };
  init(): Promise<void>;
  initServerInstance(): Promise<void>;
  server: DevServer;
  restart(): Promise<void>;
}

/** Eleventy's dev server, set up but never listening: its request handler and WebSocket server. */
async function devServer(eleventy: unknown): Promise<DevServer> {
  const serve = (eleventy as { eleventyServe?: EleventyServe }).eleventyServe;
  const broken = (what: string) => new Error(`Eleventy's dev server is not what src/cli/serve.ts expects (${what}); not serving.`);
  if (!serve || typeof serve.init !== 'function' || typeof serve.initServerInstance !== 'function') throw broken('eleventyServe');
  // In "passthrough" mode the dev server would serve passthrough copies from where they come from
  // (reports/, node_modules/), outside the output folder; Eleventy 3's default, "copy", puts them in it.
  if (serve.config?.serverPassthroughCopyBehavior === 'passthrough') throw new Error('the Eleventy config sets setServerPassthroughCopyBehavior("passthrough"); npm start serves the output folder only, so it needs "copy".');
  await serve.init();
  await serve.initServerInstance();
  const dev = serve.server;
  if (typeof dev?.onRequestHandler !== 'function' || typeof dev.setupReloadNotifier !== 'function') throw broken('request handler');
  dev.setupReloadNotifier();
  if (!dev.updateServer || dev.server.listenerCount('upgrade') === 0) throw broken('live-reload WebSocket server');
  // Eleventy restarts its server (listening on every interface) when the config changes its server
  // options; here that would bypass the guard, so the change waits for the next `npm start`.
  serve.restart = async () => {
    process.stderr.write('nianbao: the Eleventy config changed its server options; restart npm start to apply them.\n');
  };
  return dev;
}

function refuse(res: ServerResponse, status: number, reason: string, extra: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff', ...extra });
  res.end(`${status} ${reason}\n`);
}

/** `http://host:port/prefix/` as a browser wants it. */
function siteUrl(host: string, port: number, pathPrefix: string) {
  const wildcard = host === '0.0.0.0' || host === '::';
  const name = wildcard ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${name}:${port}${pathPrefix}${wildcard ? ' and on this machine\'s other addresses' : ''}`;
}

/**
 * Serve the output folder `out` at `host`:`port` with live reload, once `eleventy` (built, in serve
 * run mode) is watching. Resolves with the site's URL when listening; rejects if it cannot listen.
 */
export async function serveSite(eleventy: unknown, options: { out: string; host: string; port: number }): Promise<string> {
  // An empty host would mean every interface to node:net.
  if (!options.host.trim()) throw new Error('--host needs an address (127.0.0.1 when not given).');
  const dev = await devServer(eleventy);
  const pathPrefix = typeof dev.options.pathPrefix === 'string' ? dev.options.pathPrefix : '/';
  const root = realpathSync(options.out);

  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'only GET and HEAD', { allow: 'GET, HEAD' });
    const verdict = checkRequest(req.url ?? '', root, pathPrefix);
    if (!verdict.ok) return refuse(res, verdict.status, verdict.reason);
    req.url = verdict.url;
    Promise.resolve()
      .then(() => dev.onRequestHandler(req, res))
      .catch((err: unknown) => {
        process.stderr.write(`nianbao: dev server failed on ${JSON.stringify(verdict.url)}: ${(err as Error)?.message ?? err}\n`);
        if (res.headersSent) res.destroy();
        else refuse(res, 500, 'internal error');
      });
  });
  // The live-reload client's WebSocket, to `/` on the page's host; nothing else upgrades.
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const path = (req.url ?? '').replace(/\?.*/s, '');
    if (req.method !== 'GET' || path !== '/' || req.headers.upgrade?.toLowerCase() !== 'websocket') {
      socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
      return;
    }
    try {
      dev.server.emit('upgrade', req, socket, head);
    } catch {
      socket.destroy();
    }
  });

  await new Promise<void>((ok, fail) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      const why =
        err.code === 'EADDRINUSE' ? `port ${options.port} is in use on ${options.host} (another npm start?); choose another with --port N` :
        err.code === 'EADDRNOTAVAIL' || err.code === 'ENOTFOUND' || err.code === 'EAI_AGAIN' ? `--host ${options.host} is not an address of this machine` :
        err.code === 'EACCES' ? `not allowed to listen on port ${options.port}; choose another with --port N` :
        err.message;
      fail(new Error(`cannot serve: ${why}.`));
    });
    server.listen({ port: options.port, host: options.host }, ok);
  });
  server.on('error', (err) => process.stderr.write(`nianbao: dev server: ${err.message}\n`));
  const { port } = server.address() as { port: number };
  return siteUrl(options.host, port, pathPrefix);
}
