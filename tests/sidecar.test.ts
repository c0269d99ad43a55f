/**
 * The sidecar `<report file>.meta.yaml`: only web URLs, only real dates, bounded sizes, every valid
 * field kept beside one Chinese finding for the invalid ones, and no machine path in any finding.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readReportFile } from '../src/io.ts';
import type { Report } from '../src/model/report.ts';
import { build, codes, parseText, samplePath, sampleText } from './helpers.ts';

const text = sampleText('凤泉区');
const plain = parseText(text, 'x.txt');
const tmp = (name: string) => mkdtempSync(join(tmpdir(), `nianbao-sidecar-${name}-`));
const sidecarFindings = (r: Report) => r.findings.filter((f) => f.code.startsWith('sidecar-'));

/** A finding's message with the field names, quoted values and URLs taken out: what is left must be Chinese. */
const english = (message: string) =>
  message
    .replace(/「[^」]*」/g, '')
    .replace(/不允许的字段 [^（]*/g, '')
    .replace(/https?:\/\//g, '')
    .replace(/\b(agency|year|region|sourceUrl|publishedOn|YYYY-MM-DD|KiB|YAML)\b/g, '')
    .replace(/[\w.\/-]+\.meta\.yaml/g, '')
    .match(/[A-Za-z]{2,}/g);

test('sourceUrl: only http: and https: URLs are kept (no javascript:, data:, ftp: or relative links)', () => {
  for (const url of ['http://www.fengquan.gov.cn/x.html', 'https://www.fengquan.gov.cn/公开/2021.html', 'HTTPS://WWW.GOV.CN/']) {
    const r = parseText(text, 'x.txt', { sourceUrl: url });
    assert.equal(r.source.url, url);
    assert.deepEqual(sidecarFindings(r), []);
  }
  for (const url of ['javascript:alert(1)', 'JavaScript://%0aalert(1)', 'data:text/html,<script>alert(1)</script>', 'ftp://www.gov.cn/x.pdf', 'vbscript:msgbox', '/x.html', 'www.gov.cn/x.html', 'http://', 'http:www.gov.cn', 'http://www.gov.cn/a b', 'http://www.gov.cn/\nx']) {
    const r = parseText(text, 'x.txt', { sourceUrl: url });
    assert.equal(r.source.url, null, url);
    assert.deepEqual(codes(r).filter((c) => c.startsWith('sidecar-')), ['sidecar-invalid'], url);
    assert.match(r.findings[0]!.message, /sourceUrl 应为 http:\/\/ 或 https:\/\/ 开头的网址/);
  }
});

test('publishedOn: a real date YYYY-MM-DD or a YAML date; anything else is not published', () => {
  assert.equal(parseText(text, 'x.txt', { publishedOn: '2022-01-20' }).publishedOn, '2022-01-20');
  assert.equal(parseText(text, 'x.txt', { publishedOn: '2020-02-29' }).publishedOn, '2020-02-29');
  // An unquoted date read with the YAML 1.1 schema is a Date.
  const date = parseText(text, 'x.txt', { publishedOn: new Date('2022-01-20') });
  assert.equal(date.publishedOn, '2022-01-20');
  assert.deepEqual(sidecarFindings(date), []);
  for (const bad of ['2022-13-45', '2022-02-30', '2021-02-29', '2022-00-10', '2022-1-20', '2022/01/20', '二〇二二年一月', 20220120, new Date('nonsense')]) {
    const r = parseText(text, 'x.txt', { publishedOn: bad });
    assert.equal(r.publishedOn, plain.publishedOn, String(bad));
    assert.deepEqual(codes(r).filter((c) => c.startsWith('sidecar-')), ['sidecar-invalid'], String(bad));
    assert.match(r.findings[0]!.message, /publishedOn 应为真实日期 YYYY-MM-DD/);
  }
});

test('string fields are bounded: agency at most 200 characters, sourceUrl at most 2000', () => {
  const agency100 = '凤'.repeat(196) + '人民政府';
  assert.equal(parseText(text, 'x.txt', { agency: agency100 }).agency.name, agency100);
  const long = parseText(text, 'x.txt', { agency: `凤${agency100}` });
  assert.equal(long.agency.name, plain.agency.name);
  assert.match(long.findings[0]!.message, /agency 应为机关名称（1–200 个字，不含控制字符）/);
  assert.ok(long.findings[0]!.message.length < 300, 'the value is quoted shortened');
  // An agency of blanks is no agency.
  assert.equal(parseText(text, 'x.txt', { agency: '   ' }).agency.name, plain.agency.name);

  const url2000 = `https://www.gov.cn/${'a'.repeat(2000 - 'https://www.gov.cn/'.length)}`;
  assert.equal(parseText(text, 'x.txt', { sourceUrl: url2000 }).source.url, url2000);
  const longUrl = parseText(text, 'x.txt', { sourceUrl: `${url2000}a` });
  assert.equal(longUrl.source.url, null);
  assert.match(longUrl.findings[0]!.message, /sourceUrl 应为 http:\/\/ 或 https:\/\/ 开头的网址（不超过 2000 个字符）/);
});

test('an invalid field costs only itself: valid fields are kept, one Chinese finding lists the invalid ones', () => {
  const r = parseText(text, 'x.txt', { agency: '新乡市凤泉区人民政府', year: 'twenty', region: '4107', sourceUrl: 'javascript:alert(1)', publishedOn: '2022-01-20', foo: 1, Agency: 'x' });
  assert.equal(r.agency.name, '新乡市凤泉区人民政府');
  assert.equal(r.provenance['agency'], 'sidecar');
  assert.equal(r.year, 2021);
  assert.equal(r.publishedOn, '2022-01-20');
  assert.equal(r.source.url, null);
  const found = sidecarFindings(r);
  assert.equal(found.length, 1);
  const message = found[0]!.message;
  assert.equal(found[0]!.severity, 'error');
  assert.match(message, /x\.txt\.meta\.yaml/);
  assert.match(message, /year 应为 1990–2100 的整数/);
  assert.match(message, /region 应为六位区划代码/);
  assert.match(message, /sourceUrl 应为 http:\/\/ 或 https:\/\/ 开头的网址/);
  assert.match(message, /不允许的字段 foo、Agency（可用字段为 agency、year、region、sourceUrl、publishedOn）/);
  assert.doesNotMatch(message, /agency 应为|publishedOn 应为/);
  assert.equal(english(message), null, message);

  // Every message a rejected sidecar can get is Chinese (no zod text such as "Expected number").
  for (const sidecar of [{ year: 1989 }, { year: 2021.5 }, { year: '2021' }, { region: 12 }, { region: ['410704'] }, { agency: 42 }, { agency: '' }, { sourceUrl: 5 }, { publishedOn: true }, ['agency'], 'agency：新乡市凤泉区人民政府', 2021]) {
    const bad = parseText(text, 'x.txt', sidecar);
    const f = sidecarFindings(bad);
    assert.deepEqual(f.map((x) => x.code), ['sidecar-invalid'], JSON.stringify(sidecar));
    assert.equal(english(f[0]!.message), null, f[0]!.message);
  }
  // A region written as a six-digit number is a code; a blank field is no field.
  const numeric = parseText(text, 'x.txt', { region: 410704, sourceUrl: null });
  assert.equal(numeric.agency.region!.code, '410704');
  assert.deepEqual(sidecarFindings(numeric), []);
});

test('a sidecar over 64 KiB is not read; one of exactly 64 KiB is', async () => {
  const dir = tmp('size');
  const file = join(dir, 'report.txt');
  copyFileSync(samplePath('凤泉区'), file);
  const yaml = 'agency: 新乡市凤泉区人民政府\n';
  const padded = (size: number) => yaml + '#'.repeat(size - Buffer.byteLength(yaml) - 1) + '\n';
  writeFileSync(`${file}.meta.yaml`, padded(64 * 1024));
  const ok = await readReportFile(file, 'report.txt');
  assert.ok(ok.ok);
  assert.equal(ok.report.agency.name, '新乡市凤泉区人民政府');
  assert.deepEqual(sidecarFindings(ok.report), []);

  writeFileSync(`${file}.meta.yaml`, padded(64 * 1024 + 1));
  const big = await readReportFile(file, 'report.txt');
  assert.ok(big.ok);
  assert.equal(big.report.agency.name, '凤泉区人民政府');
  const [f] = sidecarFindings(big.report);
  assert.equal(f?.code, 'sidecar-unreadable');
  assert.match(f!.message, /^附加元数据文件 report\.txt\.meta\.yaml 有 65537 字节，超过 64 KiB 的上限，未读取/);

  // A folder where the sidecar should be is said, not thrown.
  const other = join(dir, 'other.txt');
  copyFileSync(samplePath('凤泉区'), other);
  mkdirSync(`${other}.meta.yaml`);
  const folder = await readReportFile(other, 'other.txt');
  assert.ok(folder.ok);
  assert.deepEqual(codes(folder.report).slice(0, 1), ['sidecar-unreadable']);
  assert.doesNotMatch(folder.report.findings[0]!.message, new RegExp(dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
});

test('an unreadable sidecar is named relative to the reports folder, in Chinese, without a machine path', async () => {
  const messages: string[] = [];
  for (const name of ['a', 'b']) {
    const dir = tmp(name);
    mkdirSync(join(dir, '河南省'));
    const file = join(dir, '河南省', 'report.txt');
    copyFileSync(samplePath('凤泉区'), file);
    writeFileSync(`${file}.meta.yaml`, 'agency: [unclosed\n');
    const r = await readReportFile(file, '河南省/report.txt');
    assert.ok(r.ok);
    const [f] = sidecarFindings(r.report);
    assert.equal(f?.code, 'sidecar-unreadable');
    assert.ok(!f!.message.includes(dir), f!.message);
    assert.ok(!f!.message.includes(tmpdir()), f!.message);
    assert.match(f!.message, /^附加元数据文件 河南省\/report\.txt\.meta\.yaml 不是有效的 YAML（第 2 行第 1 列：/);
    assert.equal(english(f!.message.replace(/，[A-Z_]+）/, '）')), null, f!.message);
    messages.push(f!.message);
  }
  assert.equal(messages[0], messages[1]);
});

test('built site: no javascript: link, no impossible date, and two folders build the same report.json', () => {
  const jsons: string[] = [];
  const pages: string[] = [];
  for (const name of ['one', 'two']) {
    const dir = tmp(`build-${name}`);
    const reports = join(dir, 'reports');
    mkdirSync(reports);
    const fq = join(reports, '凤泉区人民政府-2021.txt');
    copyFileSync(samplePath('凤泉区'), fq);
    writeFileSync(`${fq}.meta.yaml`, 'sourceUrl: javascript:alert(1)\npublishedOn: 2022-13-45\nregion: "410704"\n');
    const jj = join(reports, '晋江市行政服务中心管理委员会-2022.txt');
    copyFileSync(samplePath('晋江市'), jj);
    writeFileSync(`${jj}.meta.yaml`, 'agency: [unclosed\n');
    const out = join(dir, '_site');
    const r = build(['--reports', reports, '--out', out]);
    assert.equal(r.status, 0, r.stderr);
    const report = readdirSync(join(out, 'agencies', 'fengquanqu-renminzhengfu'))[0]!;
    const page = readFileSync(join(out, 'agencies', 'fengquanqu-renminzhengfu', report, 'index.html'), 'utf8');
    assert.ok(!/href="javascript:/i.test(page), 'a javascript: link');
    assert.ok(!/datetime="2022-13-45"|content="2022\/13\/45"|2022-13-45\]|2022-13-45\./.test(page.replace(/<li id="finding-[^]*?<\/li>/g, '')), 'an impossible date published');
    assert.ok(page.includes('href="/regions/410704/"'), 'the valid region of the same sidecar is kept');
    const jjDir = join(out, 'agencies', 'jinjiangshi-xingzheng-fuwu-zhongxin-guanli-weiyuanhui', '2022');
    const json = readFileSync(join(jjDir, 'report.json'), 'utf8');
    assert.ok(!json.includes(dir), 'report.json names the machine path');
    assert.match(json, /sidecar-unreadable/);
    jsons.push(json);
    pages.push(readFileSync(join(jjDir, 'index.html'), 'utf8'));
  }
  assert.equal(jsons[0], jsons[1]);
  assert.equal(pages[0], pages[1]);
});

test('agency: control characters and bidirectional overrides are refused (they reach the terminal and turn text around)', () => {
  for (const bad of ['凤泉区\x1b[31m人民政府', '凤泉区\u202e府政民人', '凤泉区\u0000人民政府']) {
    const r = parseText(text, 'x.txt', { agency: bad });
    assert.equal(r.agency.name, '凤泉区人民政府');
    assert.match(r.findings.find((f) => f.code === 'sidecar-invalid')!.message, /不含控制字符/);
  }
});
