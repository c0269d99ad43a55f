/**
 * The streamed build (src/build/): the same input gives byte-identical output whatever the number of
 * workers and whether the cache is used; a rebuild parses only the files that changed and renders
 * only the pages they touch, and its output equals a fresh, uncached build of the same folder.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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

/** A copy of the samples, built once into <dir>/site with its cache in <dir>/cache. */
function builtCopy(name: string) {
  const dir = tmp(name);
  const reports = join(dir, 'reports');
  cpSync(REPORTS, reports, { recursive: true });
  const cache = join(dir, 'cache');
  ok(build(['--reports', reports, '--out', join(dir, 'site'), '--cache', cache]));
  return { dir, reports, cache };
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
    const files = readdirSync(reports).filter((f) => /\.(txt|pdf|docx|html?|doc)$/.test(f) && f !== 'published-urls.txt').length;
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
  assert.equal(readdirSync(join(dir, '.cache', 'parse')).length > 0, true);
  assert.ok(existsSync(join(dir, '.cache', 'summaries.json')));
  rmSync(dir, { recursive: true, force: true });
});

test('one report edited, one removed: only they are parsed and rendered again, and the site equals a fresh build', { timeout: 300_000 }, () => {
  const { dir, reports, cache } = builtCopy('incremental');
  const before = tree(join(dir, 'site'));

  // 凤泉区 2021, a sentence of its narrative: its report page, report.json and source.txt change, and the data's JSON Lines; nothing else.
  const file = join(reports, readdirSync(reports).find((f) => f.includes('凤泉区'))!);
  const text = readFileSync(file, 'utf8');
  const edited = text.replace('回复网站留言 14 条', '回复网站留言 15 条');
  assert.notEqual(edited, text, 'the sample changed (the test edits a line that exists)');
  writeFileSync(file, edited);
  const stdout = ok(build(['--reports', reports, '--out', join(dir, 'site'), '--cache', cache]));
  const [parsed, reused, rendered, kept] = counts(stdout);
  assert.deepEqual([parsed, reused], [1, 4]);
  // Its report page and its agency page are made again (the agency page is hashed from its reports'
  // parses, not from its model, so that no unchanged agency's model is made); the agency page's bytes are the same.
  assert.deepEqual([rendered, kept], [2, 8]);
  // Nor did any page Eleventy makes: it did not run.
  assert.match(stdout, / 0 aggregate pages by Eleventy/);
  const after = tree(join(dir, 'site'));
  const changed = [...after.keys()].filter((k) => !before.get(k)?.equals(after.get(k)!));
  assert.ok(changed.includes('agencies/fengquanqurenminzhengfu/2021/source.txt'));
  // (and the JSON Lines that carry its full report: the whole archive's, its year's and its province's; and its province's search index, src/search/: Henan's bundle alone)
  const lines = ['data/reports.jsonl', 'data/years/2021/reports.jsonl', 'data/regions/410000/reports.jsonl'];
  assert.ok(changed.every((k) => k.startsWith('agencies/fengquanqurenminzhengfu/2021/') || k.startsWith('pagefind/410000/') || lines.includes(k)), changed.join(' '));

  ok(build(['--reports', reports, '--out', join(dir, 'fresh'), '--no-cache', '--workers', '1']));
  assertSameTree(join(dir, 'site'), join(dir, 'fresh'));

  // A report removed: the build stops (its URL was published), and the site is untouched.
  rmSync(file);
  const site = tree(join(dir, 'site'));
  const refused = build(['--reports', reports, '--out', join(dir, 'site'), '--cache', cache]);
  assert.equal(refused.status, 1);
  assert.match(refused.stderr, /2 published URLs would disappear[^]*\/agencies\/fengquanqurenminzhengfu\/2021\/ {2}\(凤泉区人民政府, 凤泉区人民政府-2021\.txt\)[^]*change "published" to "withdrawn"/);
  assertSameTree(join(dir, 'site'), join(dir, 'fresh'));
  assert.equal(tree(join(dir, 'site')).size, site.size);
  // Withdrawn on purpose: its pages become the notice, its agency's with it, the aggregates follow, and again it equals a fresh build.
  const record = join(reports, 'published-urls.txt');
  writeFileSync(record, readFileSync(record, 'utf8').replace(/^(\/agencies\/fengquanqurenminzhengfu\/2021\/\t)published(\t.*\t)凤泉区人民政府-2021\.txt$/m, '$1withdrawn$2应机关要求撤回'));
  const removed = ok(build(['--reports', reports, '--out', join(dir, 'site'), '--cache', cache]));
  assert.deepEqual(counts(removed).slice(0, 3), [0, 4, 0]);
  assert.match(readFileSync(join(dir, 'site', 'agencies', 'fengquanqurenminzhengfu', '2021', 'index.html'), 'utf8'), /此页已撤回[^]*撤回原因：应机关要求撤回/);
  assert.equal(existsSync(join(dir, 'site', 'agencies', 'fengquanqurenminzhengfu', '2021', 'report.json')), false);
  assert.match(readFileSync(join(dir, 'site', 'agencies', 'fengquanqurenminzhengfu', 'index.html'), 'utf8'), /撤回原因：该机关的报告均已撤回/);
  rmSync(join(dir, 'fresh'), { recursive: true });
  ok(build(['--reports', reports, '--out', join(dir, 'fresh'), '--no-cache', '--workers', '1']));
  assertSameTree(join(dir, 'site'), join(dir, 'fresh'));
  rmSync(dir, { recursive: true, force: true });
});

test('a damaged cache is parsed again, never trusted', { timeout: 200_000 }, () => {
  const dir = tmp('damaged-cache');
  const cache = join(dir, 'cache');
  ok(build(['--out', join(dir, 'a'), '--cache', cache]));
  // The record of the last build torn: every file is looked at again, and found in the cache.
  writeFileSync(join(cache, 'summaries.json'), '[["truncated"');
  assert.deepEqual(counts(ok(build(['--out', join(dir, 'b'), '--cache', cache]))).slice(0, 2), [0, 5]);
  // Every entry torn too (a build killed while writing them): parsed again.
  for (const e of readdirSync(join(cache, 'parse'), { recursive: true, withFileTypes: true }))
    if (e.isFile()) writeFileSync(join(e.parentPath, e.name), '{"truncated":');
  writeFileSync(join(cache, 'summaries.json'), '[["truncated"');
  assert.deepEqual(counts(ok(build(['--out', join(dir, 'c'), '--cache', cache]))).slice(0, 2), [5, 0]);
  assertSameTree(join(dir, 'a'), join(dir, 'b'));
  assertSameTree(join(dir, 'a'), join(dir, 'c'));
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

test('the synchronous serialiser writes every sample page exactly as jsx-async-runtime does', async () => {
  const { jsxToString } = await import('jsx-async-runtime');
  const { jsxToHtml } = await import('../src/build/jsx.ts');
  const { renderReport } = await import('../templates/streamed/report.tsx');
  const { renderAgency } = await import('../templates/streamed/agency.tsx');
  const names = ['index', 'agencies', 'years', 'year', 'regions', 'region', 'compare', 'methodology', 'data', '404'];
  const templates = await Promise.all(names.map((n) => import(`../templates/${n}.11ty.tsx`)));
  const { buildSite } = await import('../src/archive/site.ts');
  for (const dir of [REPORTS, DOCUMENTS]) {
    const { reports, sources, registry, originals } = await loadReports(dir);
    const site = buildSite(reports, sources, registry, originals);
    const pages: JSX.Element[] = [...site.reports.map(renderReport), ...site.agencies.map(renderAgency)];
    for (const [i, t] of templates.entries()) {
      const name = names[i];
      if (name === 'year') for (const y of site.years) pages.push(t.render({ site, year: y }));
      else if (name === 'region') for (const r of site.regions) pages.push(t.render({ site, region: r }));
      else if (name === 'compare') for (const c of site.compare) pages.push(t.render({ site, compare: c }));
      else pages.push(t.render({ site }));
    }
    assert.ok(pages.length > 10);
    for (const page of pages) assert.equal(jsxToHtml(page), await jsxToString.call({}, page));
  }
  // The library's own rules kept: 0 as the only child is dropped, void tags, class lists and objects, booleans, html passthrough, text nodes.
  const el = (tag: unknown, props: Record<string, unknown>) => ({ tag, props }) as unknown as JSX.Element;
  const cases = [
    el('td', { children: 0 }),
    el('td', { children: [0, 1, '<&>"\''] }),
    el('br', {}),
    el('meta', { name: 'x', content: 'a"b' }),
    el('div', { class: ['a', '', 'b'], hidden: true, title: false, lang: null, 'data-x': { k: '<v>' }, style: { color: 'red' } }),
    el('div', { class: { on: true, off: false } }),
    el('', { children: [{ html: '<b>raw</b>' }, { type: 'textNode', text: '<t>' }, false, undefined, 12n] }),
    el((p: { who: string }) => el('p', { children: p.who }), { who: '某某局' }),
  ];
  for (const c of cases) assert.equal(jsxToHtml(c), await jsxToString.call({}, c));
});

test('a change put in place by a journal: killed half-way, the next build finishes it', async () => {
  const { stageChanges, recover } = await import('../src/cli/output.ts');
  const root = tmp('journal');
  const out = join(root, 'site');
  for (const [f, text] of [['a/index.html', 'old a'], ['b/index.html', 'old b'], ['gone/x/index.html', 'gone']] as const) {
    mkdirSync(join(out, f, '..'), { recursive: true });
    writeFileSync(join(out, f), text);
  }
  const staging = stageChanges(out);
  mkdirSync(join(staging.dir, 'a'), { recursive: true });
  writeFileSync(join(staging.dir, 'a', 'index.html'), 'new a');
  mkdirSync(join(staging.dir, 'c'), { recursive: true });
  writeFileSync(join(staging.dir, 'c', 'index.html'), 'new c');
  assert.deepEqual(staging.written().sort(), ['a/index.html', 'c/index.html']);
  // The journal written, the first file moved, then the process dies.
  writeFileSync(`${out}.nianbao-commit.json`, JSON.stringify({ staging: staging.dir, moves: ['a/index.html', 'c/index.html'], deletions: ['gone/x/index.html'] }));
  renameSync(join(staging.dir, 'a', 'index.html'), join(out, 'a', 'index.html'));
  assert.equal(recover(out), true);
  assert.deepEqual([...tree(out).entries()].map(([k, v]) => [k, String(v)]).sort(), [['a/index.html', 'new a'], ['b/index.html', 'old b'], ['c/index.html', 'new c']]);
  assert.equal(existsSync(join(out, 'gone')), false, 'folders left empty go too');
  assert.equal(existsSync(staging.dir), false);
  assert.equal(recover(out), false);
  rmSync(root, { recursive: true, force: true });
});

test('shards: parse slices, page slices and the aggregate pass, copied together, are the whole site byte for byte', { timeout: 300_000 }, () => {
  const dir = tmp('shards');
  ok(build(['--out', join(dir, 'full'), '--no-cache', '--workers', '1']));
  // Parsing spread over two jobs, their caches copied together.
  const parsed = [1, 2].map((k) => ok(build(['--parse-only', '--shard', `${k}/2`, '--cache', join(dir, `cache-${k}`)])));
  const counted = parsed.map((s) => Number(/parsed (\d+) reports/.exec(s)![1]));
  assert.equal(counted[0]! + counted[1]!, 5);
  for (const k of [1, 2]) cpSync(join(dir, `cache-${k}`), join(dir, 'cache'), { recursive: true });
  const outs = ['1/2', '2/2', 'aggregates'].map((s, i) => {
    const stdout = ok(build([...(s === 'aggregates' ? ['--aggregates'] : ['--shard', s]), '--out', join(dir, `part-${i}`), '--cache', join(dir, 'cache')]));
    assert.equal(counts(stdout)[0], 0, 'every report comes from the merged cache');
    return join(dir, `part-${i}`);
  });
  // 凤泉区 (河南, 41) and the four of 泉州 (福建, 35): one province per shard.
  const reportPages = outs.slice(0, 2).map((o) => [...tree(o).keys()].filter((k) => k.endsWith('/report.json')).length);
  assert.deepEqual(reportPages.sort(), [1, 4]);
  for (const o of outs) cpSync(o, join(dir, 'union'), { recursive: true });
  assertSameTree(join(dir, 'full'), join(dir, 'union'));
  rmSync(dir, { recursive: true, force: true });
});

test('--shard is checked: K/N with 1 ≤ K ≤ N, not with --aggregates or --serve', () => {
  for (const args of [['--shard', '3/2'], ['--shard', '0/2'], ['--shard', 'x'], ['--shard', '1/2', '--aggregates'], ['--serve', '--aggregates'], ['--parse-only', '--no-cache']]) {
    const r = build(args);
    assert.equal(r.status, 1, args.join(' '));
    assert.match(r.stderr, /nianbao: /);
  }
});

test('past a hundred published reports the terminal summary counts them; the full account lists each', async () => {
  const { buildSummary } = await import('../src/cli/report-summary.ts');
  const { buildSite } = await import('../src/archive/site.ts');
  const loaded = await loadReports(REPORTS);
  const site = buildSite(loaded.reports, loaded.sources, loaded.registry, loaded.originals);
  const full = buildSummary(loaded, site, 'reports').text.split('\n');
  const short = buildSummary(loaded, site, 'reports', 0).text.split('\n');
  assert.equal(full.filter((l) => l.startsWith('published: ')).length, 5);
  assert.deepEqual(short.filter((l) => l.startsWith('published: ')), ['published: 5 reports (each with its URL in the full account)']);
  // Everything else is the same, line for line.
  assert.deepEqual(short.filter((l) => !l.startsWith('published: ')), full.filter((l) => !l.startsWith('published: ')));
});

test('a figure changed: the report, its agency page and the pages over the archive are made again, and equal a fresh build', { timeout: 300_000 }, () => {
  const { dir, reports, cache } = builtCopy('figure');
  // Touched but not changed: read and hashed again, not parsed, nothing made.
  const file = join(reports, readdirSync(reports).find((f) => f.includes('凤泉区'))!);
  const text = readFileSync(file, 'utf8');
  writeFileSync(file, text);
  assert.deepEqual(counts(ok(build(['--reports', reports, '--out', join(dir, 'site'), '--cache', cache]))), [0, 5, 0, 10]);
  // 本年新收 自然人 4 → 5 (and its 总计 with it): table 3 of 凤泉区 2021.
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.includes('本年新收'));
  assert.ok(at >= 0);
  lines[at] = lines[at]!.replace(/\t4\t/, '\t5\t');
  assert.notEqual(lines.join('\n'), text);
  writeFileSync(file, lines.join('\n'));
  const stdout = ok(build(['--reports', reports, '--out', join(dir, 'site'), '--cache', cache]));
  assert.deepEqual(counts(stdout), [1, 4, 2, 8]);
  assert.doesNotMatch(stdout, / 0 aggregate pages by Eleventy/);
  assert.match(readFileSync(join(dir, 'site', 'agencies', 'fengquanqurenminzhengfu', '2021', 'index.html'), 'utf8'), /data-cell="requests\.rows\.newReceived\.naturalPerson">5</);
  ok(build(['--reports', reports, '--out', join(dir, 'fresh'), '--no-cache', '--workers', '1']));
  assertSameTree(join(dir, 'site'), join(dir, 'fresh'));
  rmSync(dir, { recursive: true, force: true });
});

test('after a few changes only they are recorded (summaries.changes.json); many changes rewrite the whole record', { timeout: 200_000 }, () => {
  const { dir, reports, cache } = builtCopy('record');
  const whole = readFileSync(join(cache, 'summaries.json'));
  const file = join(reports, readdirSync(reports).find((f) => f.includes('泉港区'))!);
  writeFileSync(file, `${readFileSync(file, 'utf8')}\n`);
  assert.deepEqual(counts(ok(build(['--reports', reports, '--out', join(dir, 'site'), '--cache', cache]))).slice(0, 2), [1, 4]);
  assert.ok(readFileSync(join(cache, 'summaries.json')).equals(whole), 'the whole record is left as it was');
  const changes = JSON.parse(readFileSync(join(cache, 'summaries.changes.json'), 'utf8')) as { entries: unknown[][] };
  assert.deepEqual(changes.entries.map((e) => e[0]), [relative(reports, file)]);
  // Read back: nothing to parse, the same site as a fresh build.
  assert.deepEqual(counts(ok(build(['--reports', reports, '--out', join(dir, 'site'), '--cache', cache]))).slice(0, 3), [0, 5, 0]);
  ok(build(['--reports', reports, '--out', join(dir, 'fresh'), '--no-cache', '--workers', '1']));
  assertSameTree(join(dir, 'site'), join(dir, 'fresh'));
  // A whole record torn: written whole again, not amended.
  writeFileSync(join(cache, 'summaries.json'), '{"parser":');
  ok(build(['--reports', reports, '--out', join(dir, 'site'), '--cache', cache]));
  assert.equal((JSON.parse(readFileSync(join(cache, 'summaries.json'), 'utf8')) as { entries: unknown[] }).entries.length, 5);
  assert.equal(existsSync(join(cache, 'summaries.changes.json')), false);
  rmSync(dir, { recursive: true, force: true });
});
