/**
 * Permanent links (src/archive/published.ts, src/build/moved.ts): every URL the archive published
 * keeps answering — where it still is, by a redirect where it moved, by a notice where it was
 * withdrawn — and a URL that would disappear stops the build.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatRecord, parseRecord, planLinks, today, type CurrentPage, type UrlEntry } from '../src/archive/published.ts';
import { build, REPORTS } from './helpers.ts';

const entry = (url: string, status: UrlEntry['status'], agency: string, detail: string, hash = '-'): UrlEntry => ({ url, status, added: '2025-01-01', changed: '2025-01-01', hash, agency, detail });
const reportPage = (url: string, agency: string, year: number, source: string, names: string[] = [agency], hash = 'h1'): CurrentPage => ({ url, kind: 'report', agency, names, year, source, hash });
const agencyPage = (url: string, agency: string, names: string[] = [agency]): CurrentPage => ({ url, kind: 'agency', agency, names });

test('the record reads back what it writes, and names every line it cannot use', () => {
  const entries = [entry('/agencies/b/', 'published', '乙局', ''), entry('/agencies/a/2021/', 'withdrawn', '甲局', '重复发布'), entry('/agencies/c/2020/', 'moved', '丙局', '/agencies/d/2020/')];
  const text = formatRecord(entries);
  assert.match(text, /^# nianbao: every page URL/);
  assert.deepEqual(parseRecord(text), { entries: [entries[1], entries[0], entries[2]], problems: [] });
  const bad = ['/agencies/x/\tpublished\t2025-01-01\t2025-01-01\t-', 'agencies/y/\tpublished\t2025-01-01\t2025-01-01\t-\t甲\t', '/agencies/z/\tgone\t2025-01-01\t2025-01-01\t-\t甲\t', '/agencies/w/\tpublished\t1.1.2025\t2025-01-01\t-\t甲\t', '/agencies/v/\tmoved\t2025-01-01\t2025-01-01\t-\t甲\tsomewhere', '/agencies/u/\twithdrawn\t2025-01-01\t2025-01-01\t-\t甲\t', '/agencies/t/\tpublished\t2025-01-01\t2025-01-01\t-\t甲\t', '/agencies/t/\tpublished\t2025-01-01\t2025-01-01\t-\t甲\t'];
  assert.deepEqual(parseRecord(['# comment', ...bad].join('\n')).problems, [
    { line: 2, message: 'expected 7 tab-separated columns (url, status, first published, last changed, hash, agency, detail), found 5' },
    { line: 3, message: '"agencies/y/" is not a page URL (it starts and ends with /)' },
    { line: 4, message: 'status "gone" is not one of published, moved, withdrawn' },
    { line: 5, message: 'the dates must be written YYYY-MM-DD' },
    { line: 6, message: 'a moved URL needs the URL it moved to in the last column, found "somewhere"' },
    { line: 7, message: 'a withdrawn URL needs the reason in the last column (it is shown to readers)' },
    { line: 9, message: '/agencies/t/ is listed twice' },
  ]);
});

test('new pages are recorded with today\'s date; a report\'s "changed" date moves only when its data does', () => {
  const first = planLinks([], [agencyPage('/agencies/a/', '甲局'), reportPage('/agencies/a/2021/', '甲局', 2021, 'a.txt')], '2025-02-01');
  assert.deepEqual(first.entries, [entry('/agencies/a/', 'published', '甲局', ''), entry('/agencies/a/2021/', 'published', '甲局', 'a.txt', 'h1')].map((e) => ({ ...e, added: '2025-02-01', changed: '2025-02-01' })));
  assert.equal(first.changed, true);
  const same = planLinks(first.entries, [agencyPage('/agencies/a/', '甲局'), reportPage('/agencies/a/2021/', '甲局', 2021, 'a.txt')], '2025-03-01');
  assert.equal(same.changed, false);
  const edited = planLinks(first.entries, [agencyPage('/agencies/a/', '甲局'), reportPage('/agencies/a/2021/', '甲局', 2021, 'a.txt', ['甲局'], 'h2')], '2025-03-01');
  assert.deepEqual(edited.entries.map((e) => [e.url, e.added, e.changed, e.hash]), [
    ['/agencies/a/', '2025-02-01', '2025-02-01', '-'],
    ['/agencies/a/2021/', '2025-02-01', '2025-03-01', 'h2'],
  ]);
});

test('a renamed agency: its report follows its file, its page follows its reports, and moves chain to where they end', () => {
  const before = [entry('/agencies/old/', 'published', '旧名局', ''), entry('/agencies/old/2021/', 'published', '旧名局', 'r/old-2021.txt', 'h1'), entry('/agencies/older/2020/', 'moved', '更旧名局', '/agencies/old/2020/'), entry('/agencies/old/2020/', 'published', '旧名局', 'r/gone-2020.txt', 'h1')];
  const pages = [agencyPage('/agencies/new/', '新名局', ['新名局', '旧名局']), reportPage('/agencies/new/2021/', '新名局', 2021, 'r/old-2021.txt', ['新名局', '旧名局']), reportPage('/agencies/new/2020/', '新名局', 2020, 'r/renamed-file-2020.txt', ['新名局', '旧名局'])];
  const plan = planLinks(before, pages, '2025-05-05');
  assert.deepEqual(plan.missing, []);
  assert.deepEqual(plan.redirects, [
    { from: '/agencies/old/', to: '/agencies/new/' },
    // The file was renamed too: found by its agency's former name and its year.
    { from: '/agencies/old/2020/', to: '/agencies/new/2020/' },
    { from: '/agencies/old/2021/', to: '/agencies/new/2021/' },
    // Moved before, and its target moved since: it goes straight to the end.
    { from: '/agencies/older/2020/', to: '/agencies/new/2020/' },
  ]);
  assert.deepEqual(plan.entries.find((e) => e.url === '/agencies/old/2021/'), { ...before[1], status: 'moved', changed: '2025-05-05', hash: '-', detail: '/agencies/new/2021/' });
});

test('a report gone without a word is missing; withdrawn, it gets its notice, and an agency with nothing left follows', () => {
  const before = [entry('/agencies/a/', 'published', '甲局', ''), entry('/agencies/a/2021/', 'published', '甲局', 'a.txt', 'h1')];
  const plan = planLinks(before, [], '2025-05-05');
  assert.deepEqual(plan.missing.map((e) => e.url), ['/agencies/a/', '/agencies/a/2021/']);
  const withdrawn = planLinks([before[0]!, { ...before[1]!, status: 'withdrawn', detail: '重复发布' }], [], '2025-05-05');
  assert.deepEqual(withdrawn.missing, []);
  assert.deepEqual(withdrawn.withdrawn, [
    { url: '/agencies/a/', reason: '该机关的报告均已撤回', agency: '甲局' },
    { url: '/agencies/a/2021/', reason: '重复发布', agency: '甲局' },
  ]);
  // Back again: published once more.
  const back = planLinks(withdrawn.entries, [agencyPage('/agencies/a/', '甲局'), reportPage('/agencies/a/2021/', '甲局', 2021, 'a.txt')], '2025-06-06');
  assert.deepEqual(back.entries.map((e) => [e.status, e.changed]), [['published', '2025-06-06'], ['published', '2025-06-06']]);
});

test('today is China\'s date, and SOURCE_DATE_EPOCH fixes it', () => {
  assert.equal(today(Date.UTC(2025, 0, 31, 16, 30)), '2025-02-01');
  assert.equal(today(Date.UTC(2025, 0, 31, 15, 59)), '2025-01-31');
});

/** Every file of a site, relative. */
function files(dir: string, below = ''): string[] {
  return readdirSync(join(dir, below)).flatMap((name) => {
    const rel = below ? `${below}/${name}` : name;
    return statSync(join(dir, rel)).isDirectory() ? files(dir, rel) : [rel];
  });
}

test('an agency renamed in the registry: every URL of the first build still answers, directly or by redirect', { timeout: 300_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-links-'));
  const reports = join(dir, 'reports');
  cpSync(REPORTS, reports, { recursive: true, filter: (src) => !src.endsWith('published-urls.txt') });
  const site = join(dir, 'site');
  const ok = (args: string[]) => {
    const r = build(args);
    assert.equal(r.status, 0, r.stderr + r.stdout);
    return r.stdout;
  };
  ok(['--reports', reports, '--out', site, '--no-cache']);
  // Pages and their data; the search index's fragments are named by their content and are no one's URL.
  const first = files(site).filter((f) => !f.startsWith('pagefind/') && f !== '.nianbao-site');
  const registry = join(reports, 'agencies.yaml');
  writeFileSync(registry, readFileSync(registry, 'utf8').replace('  - name: 鲤城区行政服务中心管理委员会\n    slug: lichengquxingzhengfuwuzhongxinguanliweiyuanhui\n', '  - name: 鲤城区政务服务中心\n    slug: licheng-zhengwu-fuwu-zhongxin\n    formerNames:\n      - 鲤城区行政服务中心管理委员会\n'));
  const stdout = ok(['--reports', reports, '--out', site, '--no-cache']);
  assert.match(stdout, /published URLs: \d+ recorded; \d+ moved \(redirect pages\), 0 withdrawn\./);
  const old = 'agencies/lichengquxingzhengfuwuzhongxinguanliweiyuanhui/';
  for (const f of first) {
    assert.ok(existsSync(join(site, f)), `${f} no longer answers`);
    if (!f.startsWith(old) || !f.endsWith('index.html')) continue;
    // A redirect, to a page that exists.
    const to = /<meta http-equiv="refresh" content="0; url=([^"]+)">/.exec(readFileSync(join(site, f), 'utf8'))?.[1];
    assert.ok(to, `${f} is not a redirect`);
    assert.ok(existsSync(join(site, to.slice(1), 'index.html')), `${f} redirects to ${to}, which is missing`);
  }
  assert.match(readFileSync(join(site, old, 'index.html'), 'utf8'), /url=\/agencies\/licheng-zhengwu-fuwu-zhongxin\/"/);
  assert.match(readFileSync(join(site, old, '2021', 'index.html'), 'utf8'), /<link rel="canonical" href="https:\/\/nianbao\.example\.org\/agencies\/licheng-zhengwu-fuwu-zhongxin\/2021\/">/);
  // The moved report's data files are still there, with the report as it is now.
  assert.equal(readFileSync(join(site, old, '2021', 'report.json'), 'utf8'), readFileSync(join(site, 'agencies/licheng-zhengwu-fuwu-zhongxin/2021/report.json'), 'utf8'));
  const record = readFileSync(join(reports, 'published-urls.txt'), 'utf8');
  assert.match(record, /^\/agencies\/lichengquxingzhengfuwuzhongxinguanliweiyuanhui\/2021\/\tmoved\t\d{4}-\d\d-\d\d\t\d{4}-\d\d-\d\d\t-\t鲤城区行政服务中心管理委员会\t\/agencies\/licheng-zhengwu-fuwu-zhongxin\/2021\/$/m);

  // A report removed without a withdrawal mark: the build fails, naming it, and the site is as it was.
  const before = files(site).length;
  rmSync(join(reports, readdirSync(reports).find((f) => f.startsWith('晋江市'))!));
  const refused = build(['--reports', reports, '--out', site, '--no-cache']);
  assert.equal(refused.status, 1);
  assert.match(refused.stderr, /\/agencies\/jinjiangshixingzhengfuwuzhongxinguanliweiyuanhui\/2022\/ {2}\(晋江市行政服务中心管理委员会, 晋江市行政服务中心管理委员会-2022\.txt\)/);
  assert.equal(files(site).length, before);
  assert.equal(readFileSync(join(reports, 'published-urls.txt'), 'utf8'), record);
  // A broken line of the record stops the build too, naming the line.
  writeFileSync(join(reports, 'published-urls.txt'), `${record}/agencies/x/\tpublished\n`);
  const broken = build(['--reports', reports, '--out', site, '--no-cache']);
  assert.equal(broken.status, 1);
  assert.match(broken.stderr, new RegExp(`published-urls\\.txt: the record of published URLs cannot be used:\\n  line ${record.split('\n').length}: expected 7 tab-separated columns`));
  rmSync(dir, { recursive: true, force: true });
});

test('a site published before the record was kept: the record is seeded from it, so what moves is still redirected', { timeout: 300_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-seed-'));
  const reports = join(dir, 'reports');
  cpSync(REPORTS, reports, { recursive: true, filter: (src) => !src.endsWith('published-urls.txt') && !src.endsWith('agencies.yaml') });
  // Made as an older nianbao made it: the run-together slug of the time, and no record.
  writeFileSync(join(reports, 'agencies.yaml'), 'agencies:\n  - name: 凤泉区人民政府\n    slug: fengquanqurenminzhengfu\n');
  const site = join(dir, 'site');
  assert.equal(build(['--reports', reports, '--out', site, '--no-cache']).status, 0);
  rmSync(join(reports, 'published-urls.txt'));
  rmSync(join(reports, 'agencies.yaml'));
  const r = build(['--reports', reports, '--out', site, '--no-cache']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(readFileSync(join(site, 'agencies/fengquanqurenminzhengfu/2021/index.html'), 'utf8'), /url=\/agencies\/fengquanqu-renminzhengfu\/2021\//);
  assert.match(readFileSync(join(reports, 'published-urls.txt'), 'utf8'), /^\/agencies\/fengquanqurenminzhengfu\/\tmoved\t.*\t\/agencies\/fengquanqu-renminzhengfu\/$/m);
  rmSync(dir, { recursive: true, force: true });
});

test('the samples\' committed record is well-formed and lists their five reports and five agencies as published', () => {
  const { entries, problems } = parseRecord(readFileSync(join(REPORTS, 'published-urls.txt'), 'utf8'));
  assert.deepEqual(problems, []);
  assert.deepEqual(entries.map((e) => [e.status, e.url.split('/').length]), [...Array(5)].flatMap(() => [['published', 4], ['published', 5]]));
});
