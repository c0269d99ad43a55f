/**
 * The streamed build (src/build/): the same input gives byte-identical output whatever the number of
 * workers and whether the cache is used; a rebuild parses only the files that changed and renders
 * only the pages they touch, and its output equals a fresh, uncached build of the same folder.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { build, REPORTS } from './helpers.ts';
import { parseKey } from '../src/build/cache.ts';
import { summarise } from '../src/build/summary.ts';
import { loadReports } from '../src/io.ts';
import { buildSiteModel } from '../src/archive/site.ts';

const tmp = (name: string) => mkdtempSync(join(tmpdir(), `nianbao-${name}-`));
const DOCUMENTS = join(import.meta.dirname, 'fixtures', 'documents');

/** Every file of a folder with its bytes (the build's marker file aside). */
function tree(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true }))
    if (e.isFile()) out.set(relative(dir, join(e.parentPath, e.name)), readFileSync(join(e.parentPath, e.name)));
  return out;
}

function assertSameTree(a: string, b: string) {
  const [x, y] = [tree(a), tree(b)];
  assert.deepEqual([...x.keys()].sort(), [...y.keys()].sort());
  for (const [path, bytes] of x) assert.ok(bytes.equals(y.get(path)!), `${path} differs`);
}

const ok = (r: ReturnType<typeof build>) => {
  assert.equal(r.status, 0, r.stderr + r.stdout);
  return r.stdout;
};
const counts = (stdout: string) => {
  const m = /parsed (\d+) reports, (\d+) unchanged taken from the cache; (\d+) report and agency pages rendered, (\d+) unchanged kept/.exec(stdout);
  assert.ok(m, stdout);
  return m.slice(1).map(Number) as [number, number, number, number];
};

for (const [name, reports] of [['the samples', REPORTS], ['the PDF, DOCX and HTML fixtures', DOCUMENTS]] as const) {
  test(`${name}: one worker uncached, two workers cached, and a cached rebuild give the same bytes`, { timeout: 300_000 }, () => {
    const dir = tmp('identity');
    const cache = join(dir, 'cache');
    ok(build(['--reports', reports, '--out', join(dir, 'one'), '--workers', '1', '--no-cache']));
    const first = ok(build(['--reports', reports, '--out', join(dir, 'two'), '--workers', '2', '--cache', cache]));
    assertSameTree(join(dir, 'one'), join(dir, 'two'));
    const files = readdirSync(reports).filter((f) => /\.(txt|pdf|docx|html?|doc)$/.test(f)).length;
    const [parsed, reused] = counts(first);
    assert.equal(parsed + reused, files);
    assert.equal(reused, 0);
    // Nothing changed: nothing parsed, no report or agency page rendered, the same bytes.
    const again = ok(build(['--reports', reports, '--out', join(dir, 'two'), '--workers', '2', '--cache', cache]));
    const [parsed2, reused2, rendered2, kept2] = counts(again);
    assert.deepEqual([parsed2, reused2, rendered2], [0, files, 0]);
    assert.ok(kept2 > 0);
    assertSameTree(join(dir, 'one'), join(dir, 'two'));
    rmSync(dir, { recursive: true, force: true });
  });
}

test('--no-cache leaves no cache behind; the default cache sits beside the reports folder', { timeout: 120_000 }, () => {
  const dir = tmp('nocache');
  cpSync(REPORTS, join(dir, 'reports'), { recursive: true });
  ok(build(['--reports', join(dir, 'reports'), '--out', join(dir, 'a'), '--no-cache']));
  assert.equal(existsSync(join(dir, '.cache')), false);
  ok(build(['--reports', join(dir, 'reports'), '--out', join(dir, 'b')]));
  assert.equal(readdirSync(join(dir, '.cache', 'summary')).length > 0, true);
  rmSync(dir, { recursive: true, force: true });
});

test('one report edited, one removed: only they are parsed and rendered again, and the site equals a fresh build', { timeout: 300_000 }, () => {
  const dir = tmp('incremental');
  const reports = join(dir, 'reports');
  cpSync(REPORTS, reports, { recursive: true });
  const cache = join(dir, 'cache');
  ok(build(['--reports', reports, '--out', join(dir, 'site'), '--cache', cache]));
  const before = tree(join(dir, 'site'));

  // 凤泉区 2021, a sentence of its narrative: its report page, report.json and source.txt change, nothing else.
  const file = join(reports, readdirSync(reports).find((f) => f.includes('凤泉区'))!);
  const text = readFileSync(file, 'utf8');
  const edited = text.replace('回复网站留言 14 条', '回复网站留言 15 条');
  assert.notEqual(edited, text, 'the sample changed (the test edits a line that exists)');
  writeFileSync(file, edited);
  const stdout = ok(build(['--reports', reports, '--out', join(dir, 'site'), '--cache', cache]));
  const [parsed, reused, rendered, kept] = counts(stdout);
  assert.deepEqual([parsed, reused], [1, 4]);
  // Its report page changed; its agency page did not (the page lists years and figures, not the text).
  assert.deepEqual([rendered, kept], [1, 9]);
  const after = tree(join(dir, 'site'));
  const changed = [...after.keys()].filter((k) => !before.get(k)?.equals(after.get(k)!));
  assert.ok(changed.includes('agencies/fengquanqurenminzhengfu/2021/source.txt'));
  assert.ok(changed.every((k) => k.startsWith('agencies/fengquanqurenminzhengfu/2021/')), changed.join(' '));

  ok(build(['--reports', reports, '--out', join(dir, 'fresh'), '--no-cache', '--workers', '1']));
  assertSameTree(join(dir, 'site'), join(dir, 'fresh'));

  // A report removed: its pages go, the aggregates follow, and again it equals a fresh build.
  rmSync(file);
  const removed = ok(build(['--reports', reports, '--out', join(dir, 'site'), '--cache', cache]));
  assert.deepEqual(counts(removed).slice(0, 3), [0, 4, 0]);
  assert.equal(existsSync(join(dir, 'site', 'agencies', 'fengquanqurenminzhengfu')), false);
  rmSync(join(dir, 'fresh'), { recursive: true });
  ok(build(['--reports', reports, '--out', join(dir, 'fresh'), '--no-cache', '--workers', '1']));
  assertSameTree(join(dir, 'site'), join(dir, 'fresh'));
  rmSync(dir, { recursive: true, force: true });
});

test('a damaged cache entry is parsed again, never trusted', { timeout: 200_000 }, () => {
  const dir = tmp('damaged-cache');
  const cache = join(dir, 'cache');
  ok(build(['--out', join(dir, 'a'), '--cache', cache]));
  for (const e of readdirSync(join(cache, 'summary'), { recursive: true, withFileTypes: true }))
    if (e.isFile()) writeFileSync(join(e.parentPath, e.name), '{"truncated":');
  const stdout = ok(build(['--out', join(dir, 'b'), '--cache', cache]));
  assert.deepEqual(counts(stdout).slice(0, 2), [5, 0]);
  assertSameTree(join(dir, 'a'), join(dir, 'b'));
  rmSync(dir, { recursive: true, force: true });
});

test('the cache key changes with the parser, the path, the bytes and the sidecar', () => {
  const bytes = new TextEncoder().encode('x');
  const key = parseKey('v1', 'a.txt', bytes, [{ year: 2021 }, []]);
  assert.match(key, /^[0-9a-f]{64}$/);
  assert.notEqual(parseKey('v2', 'a.txt', bytes, [{ year: 2021 }, []]), key);
  assert.notEqual(parseKey('v1', 'b.txt', bytes, [{ year: 2021 }, []]), key);
  assert.notEqual(parseKey('v1', 'a.txt', new TextEncoder().encode('y'), [{ year: 2021 }, []]), key);
  assert.notEqual(parseKey('v1', 'a.txt', bytes, [{ year: 2022 }, []]), key);
  assert.equal(parseKey('v1', 'a.txt', bytes, [{ year: 2021 }, []]), key);
});

test('the archive made from summaries equals the archive made from full reports', async () => {
  const { reports, originals } = await loadReports(REPORTS);
  const full = buildSiteModel(reports, null, originals);
  const light = buildSiteModel(reports.map(summarise), null, originals);
  assert.deepEqual(light.site, full.site);
  assert.deepEqual(light.jobs.map((j) => [j.report.id, j.prev, j.next, j.original, j.report.findings]), full.jobs.map((j) => [j.report.id, j.prev, j.next, j.original, j.report.findings]));
  // A summary holds no narrative and no identity evidence: what only the report's own page shows.
  for (const r of reports.map(summarise)) {
    assert.deepEqual(Object.values(r.sections), [null, null, null, null, null, null]);
    assert.deepEqual([r.identity.candidates, r.identity.pageFields], [[], []]);
  }
});
