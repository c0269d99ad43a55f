/**
 * Browser test support: a static file server for a built site and Debian's Chromium driven by
 * playwright-core (no browser download is possible here). `findChromium` says where the browser is.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serve `root` on a free loopback port, as a plain web server would (index.html for folders, 404.html).
 * With `prefix` (a site built with --path-prefix /nianbao/), the site is served below that folder and
 * everything outside it is a 404.
 */
export async function serveSite(root: string, prefix = '/'): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    let requested: string;
    try {
      requested = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      // A malformed escape (/%ff) is the client's error, never the end of the server.
      res.writeHead(400).end();
      return;
    }
    const inside = requested.startsWith(prefix);
    let file = normalize(join(root, inside ? requested.slice(prefix.length - 1) : ''));
    if (!file.startsWith(normalize(root))) file = join(root, '404.html');
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    const found = inside && existsSync(file) && statSync(file).isFile();
    res.writeHead(found ? 200 : 404, { 'content-type': TYPES[extname(found ? file : '404.html')] ?? 'application/octet-stream' });
    res.end(readFileSync(found ? file : join(root, '404.html')));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((ok) => server.close(() => ok())) };
}

/** $CHROMIUM_PATH when set (and only it), else Debian's package paths. */
export function findChromium(): string | null {
  const set = process.env['CHROMIUM_PATH'];
  const candidates = set ? [set] : ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p) => existsSync(p)) ?? null;
}

/** Launch flags for a closed network: no background connections, no updates, a fresh profile. */
export async function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

/**
 * The Chromium a browser test file uses, or null. Without it, outside CI the file's tests are skipped
 * with a loud banner naming `what`; in CI (CI=true) they fail (the caller asserts).
 */
export function chromiumOrBanner(what: string): { chromiumPath: string | null; inCI: boolean } {
  const chromiumPath = findChromium();
  const inCI = process.env['CI'] === 'true' || process.env['CI'] === '1';
  if (!chromiumPath && !inCI) {
    process.stderr.write(
      '\n' + '!'.repeat(78) + `\n!! ${what} SKIPPED: no Chromium at /usr/bin/chromium (or $CHROMIUM_PATH).\n` +
        '!! Install it with `apt-get install -y chromium`; in CI (CI=true) this is a failure.\n' + '!'.repeat(78) + '\n\n',
    );
  }
  return { chromiumPath, inCI };
}

/** Every console error or warning, page error, failed request and HTTP error of a page, collected as they come. */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  return problems;
}


/** Open `path` of the site at `base` in a new page, collecting its problems (watchProblems); the answer must be 200. */
export async function openPage(browser: Browser, base: string, path: string, options: Parameters<Browser['newPage']>[0] = {}): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage(options);
  const problems = watchProblems(page);
  const response = await page.goto(`${base}/${path}`, { waitUntil: 'load' });
  if (response?.status() !== 200) throw new Error(`${path}: HTTP ${response?.status() ?? 'no answer'}`);
  return { page, problems };
}

/** Canvas pixels that are not transparent: a drawn chart has axes, labels and its bars or lines. */
export const inkedPixels = (page: Page, figureId: string) =>
  page.evaluate((id) => {
    const canvas = document.querySelector<HTMLCanvasElement>(`#${id} canvas`)!;
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
    return n;
  }, figureId);

/** Serious or critical axe violations on the page as it is now. */
export async function axeViolations(page: Page): Promise<string[]> {
  const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  // Evaluated through the DevTools protocol: the pages' CSP refuses an inline <script> (addScriptTag).
  await page.evaluate(source);
  return page.evaluate(async () => {
    const result = await (window as unknown as { axe: { run(o?: unknown): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run();
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  });
}

/**
 * Every chart on the page, checked: drawn by chart.js (data-drawn), its canvas inked, its numbers in
 * a table beside it. Returns how many there are.
 */
export async function checkCharts(page: Page, where: string): Promise<number> {
  const figures = await page.locator('figure.chart').evaluateAll((els) => els.map((e) => ({ id: e.id, drawn: e.getAttribute('data-drawn') })));
  for (const f of figures) {
    if (f.drawn !== 'true') throw new Error(`${where}: ${f.id} not drawn`);
    if ((await inkedPixels(page, f.id)) <= 500) throw new Error(`${where}: ${f.id} canvas is blank`);
    if ((await page.locator(`#${f.id} table.chart-data tbody tr`).count()) === 0) throw new Error(`${where}: ${f.id} has no data table`);
  }
  return figures.length;
}
