/**
 * The search index as the build makes it (src/search/products.ts): one Pagefind bundle per province
 * holding only report pages, their list for the search page, and a rebuild after one report changed
 * that indexes only its province again.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, REPORTS } from './helpers.ts';

const ok = (r: ReturnType<typeof build>) => {
  assert.equal(r.status, 0, r.stderr + r.stdout);
  return r.stdout;
};

/** Every file below a folder: relative path → [bytes, mtime]. */
function files(dir: string): Map<string, [Buffer, number]> {
  const out = new Map<string, [Buffer, number]>();
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true }))
    if (e.isFile()) {
      const path = join(e.parentPath, e.name);
      out.set(path.slice(dir.length + 1), [readFileSync(path), statSync(path).mtimeMs]);
    }
  return out;
}

const entry = (site: string, bundle: string) => JSON.parse(readFileSync(join(site, 'pagefind', bundle, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { page_count: number }> };

test('a Pagefind bundle per province with only the report pages; a rebuild after one report changed indexes only its province', { timeout: 300_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-search-'));
  const reports = join(dir, 'reports');
  cpSync(REPORTS, reports, { recursive: true });
  const site = join(dir, 'site');
  const cache = join(dir, 'cache');
  ok(build(['--reports', reports, '--out', site, '--cache', cache]));

  // Fujian (four samples: Quanzhou's districts and city) and Henan (凤泉区); no report without a region.
  assert.deepEqual(JSON.parse(readFileSync(join(site, 'pagefind', 'bundles.json'), 'utf8')), { bundles: ['350000', '410000'] });
  assert.deepEqual(readdirSync(join(site, 'pagefind')).sort(), ['350000', '410000', 'bundles.json']);
  for (const bundle of ['350000', '410000']) {
    const names = readdirSync(join(site, 'pagefind', bundle));
    for (const f of ['pagefind.js', 'pagefind-worker.js', 'pagefind-entry.json', 'wasm.unknown.pagefind', 'index', 'fragment', 'filter']) assert.ok(names.includes(f), `${bundle}: ${f}`);
    // Pagefind's ready-made UIs are not served.
    assert.ok(!names.some((n) => /-ui\.(js|css)$|highlight/.test(n)), names.join(' '));
    assert.deepEqual(Object.keys(entry(site, bundle).languages), ['zh-cn']);
  }
  // Only the reports are indexed: five pages in all, four in Fujian, one in Henan.
  assert.equal(entry(site, '350000').languages['zh-cn']!.page_count, 4);
  assert.equal(entry(site, '410000').languages['zh-cn']!.page_count, 1);
  // The search page exists and loads its script; the report pages mark their own content.
  assert.match(readFileSync(join(site, 'search', 'index.html'), 'utf8'), /<script type="module" src="\/assets\/search\.js"><\/script>/);
  assert.match(readFileSync(join(site, 'agencies', 'fengquanqurenminzhengfu', '2021', 'index.html'), 'utf8'), /<article class="report" data-pagefind-body="">/);

  const before = files(join(site, 'pagefind'));
  // 凤泉区 (Henan) edited: the Henan bundle is made again, Fujian's files are not touched.
  const file = join(reports, readdirSync(reports).find((f) => f.includes('凤泉区'))!);
  const text = readFileSync(file, 'utf8');
  const edited = text.replace('回复网站留言 14 条', '回复网站留言 15 条，受理群众来信');
  assert.notEqual(edited, text);
  writeFileSync(file, edited);
  ok(build(['--reports', reports, '--out', site, '--cache', cache]));
  const after = files(join(site, 'pagefind'));
  const fujian = [...before.keys()].filter((k) => k.startsWith('350000/'));
  assert.ok(fujian.length > 5);
  for (const k of fujian) {
    assert.ok(after.has(k), k);
    assert.ok(after.get(k)![0].equals(before.get(k)![0]), `${k} changed`);
    assert.equal(after.get(k)![1], before.get(k)![1], `${k} was written again`);
  }
  assert.ok(after.get('bundles.json')![0].equals(before.get('bundles.json')![0]));
  assert.equal(after.get('bundles.json')![1], before.get('bundles.json')![1]);
  // Henan's index changed, and no file of its old index is left behind.
  const henanBefore = [...before.keys()].filter((k) => k.startsWith('410000/') && !/pagefind(-worker)?\.js$|wasm|entry/.test(k));
  const henanAfter = [...after.keys()].filter((k) => k.startsWith('410000/') && !/pagefind(-worker)?\.js$|wasm|entry/.test(k));
  assert.notDeepEqual(henanAfter.sort(), henanBefore.sort());
  assert.ok(!readFileSync(join(site, 'pagefind', '410000', 'pagefind-entry.json')).equals(before.get('410000/pagefind-entry.json')![0]));

  // The same bytes as a fresh, uncached build of the edited folder.
  const fresh = join(dir, 'fresh');
  ok(build(['--reports', reports, '--out', fresh, '--no-cache', '--workers', '1']));
  const again = files(join(fresh, 'pagefind'));
  assert.deepEqual([...again.keys()].sort(), [...after.keys()].sort());
  for (const [k, [bytes]] of again) assert.ok(bytes.equals(after.get(k)![0]), `${k} differs from a fresh build`);
  rmSync(dir, { recursive: true, force: true });
});
