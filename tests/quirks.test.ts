/** One test per quirk of real text (docs/reports.md §5) and per identity rule. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codes, parseText, sampleText } from './helpers.ts';
import { cellValue } from '../src/read/cells.ts';
import { decode } from '../src/read/decode.ts';
import iconv from 'iconv-lite';

test('000: cover header (文件号) before the title', () => {
  const r = parseText(sampleText('鲤城区'));
  assert.equal(r.documentNumber, '泉鲤行政管〔2022〕1号');
  assert.equal(r.title, '鲤城区行政服务中心管委会 2021年政府信息公开工作年度报告');
  assert.equal(r.agency.name, '鲤城区行政服务中心管理委员会');
  assert.deepEqual(r.agency.aliases, ['鲤城区行政服务中心管委会']);
  assert.equal(r.publishedOn, '2022-01-05'); // 2022年元月5日
});

test('000: row 「8.属于行政查询事项」 without its leading tabs, and 「无法提供 (四) 1.…」 out of order', () => {
  const text = sampleText('鲤城区').replace('8.属于行政查询事项\t0\t0\t0\t0\t0\t0\t0', '8.属于行政查询事项\t0\t0\t0\t0\t0\t0\t5');
  const r = parseText(text);
  assert.equal(r.tables.requests!.rows['denied.queryMatters']!.total, 5);
  const u = parseText(sampleText('鲤城区').replace('无法提供\t(四)\t1.本机关不掌握相关政府信息\t0', '无法提供\t(四)\t1.本机关不掌握相关政府信息\t9'));
  assert.equal(u.tables.requests!.rows['unavailable.notHeld']!.naturalPerson, 9);
});

test('001: legacy title broken over two lines, six parts of seven announced, appendix one cell per line', () => {
  const r = parseText(sampleText('泉港区'));
  assert.equal(r.edition, 'legacy');
  assert.equal(r.year, 2018);
  assert.equal(r.agency.name, '泉港区行政服务中心');
  assert.equal(r.sections.other!.title, '需要说明的其他事项与附表');
  assert.equal(r.tables.legacyStats!.length, 16);
  assert.deepEqual(r.tables.legacyStats![12], { label: '政府信息公开收费减免金额', unit: '元', thisYear: 0, cumulative: 0 });
  assert.equal(r.tables.proactive, null);
});

test('002: labels broken by spaces (「本 年度办 理结果」, 「自然 人」) and a decimal fee', () => {
  const r = parseText(sampleText('凤泉区'));
  assert.deepEqual(r.tables.requests!.rows['granted'], { naturalPerson: 2, commercial: 0, research: 0, socialWelfare: 0, legalService: 0, otherOrg: 8, total: 10 });
  assert.deepEqual(r.tables.proactive, {
    edition: '2021',
    regulations: { issued: 0, repealed: 0, inForce: 0 },
    normativeDocuments: { issued: 8, repealed: 0, inForce: 8 },
    licensing: { decisions: 6467 },
    penalties: { decisions: 75 },
    enforcement: { decisions: 4 },
    fees: { amount: 1017.737 },
  });
});

test('003: half-width brackets, typo 「本年度止件数」, 「其他法律法规禁止公开」, shifted 「3. 其他」 and 「(七) 总计」', () => {
  const base = sampleText('晋江市');
  const r = parseText(base);
  assert.equal(r.edition, '2021');
  assert.equal(r.year, 2022);
  assert.ok(r.tables.proactive);
  const t = parseText(base.replace('2. 其他法律法规禁止公开\t0', '2. 其他法律法规禁止公开\t3').replace('3. 其他\t\t0', '3. 其他\t\t4').replace('(七) 总计\t0', '(七) 总计\t7'));
  assert.equal(t.tables.requests!.rows['denied.otherLaws']!.naturalPerson, 3);
  assert.equal(t.tables.requests!.rows['otherHandling.other']!.naturalPerson, 4);
  assert.equal(t.tables.requests!.rows['total']!.naturalPerson, 7);
});

test('004: cover letter before the report, title without the agency, page break inside table 2', () => {
  const r = parseText(sampleText('泉州市数字'));
  assert.equal(r.agency.name, '泉州市数字泉州建设办公室');
  assert.equal(r.title, '泉州市数字泉州建设办公室 2021 年度政府信息公开工作报告');
  assert.equal(r.documentNumber, '泉数函综合〔2022〕3号');
  assert.equal(r.sections.problems!.title, '存在问题及改进措施');
  assert.equal(r.sections.other!.title, '需要说明的其他事项');
  const cut = parseText(sampleText('泉州市数字').replace('\n行政强制\t0\n', '\n行政强制\t6\n'));
  assert.deepEqual(cut.tables.proactive!.edition === '2021' && cut.tables.proactive!.enforcement, { decisions: 6 });
  // The overview's own （四）依申请公开… sub-heading does not start a section.
  assert.equal(r.sections.requests!.title, '收到和处理政府信息公开申请情况');
});

test('cells: 〇, full-width digits, thousands separators, glued units, signs, dashes', () => {
  assert.deepEqual(cellValue('〇'), { kind: 'number', value: 0, literal: '〇' });
  assert.deepEqual(cellValue('１２'), { kind: 'number', value: 12, literal: '１２' });
  assert.deepEqual(cellValue('1,234'), { kind: 'number', value: 1234, literal: '1,234' });
  assert.deepEqual(cellValue('251000元'), { kind: 'number', value: 251000, literal: '251000元', unit: '元' });
  assert.deepEqual(cellValue('-2'), { kind: 'number', value: -2, literal: '-2' });
  assert.deepEqual(cellValue('—'), { kind: 'null', literal: '—' });
  assert.deepEqual(cellValue('/'), { kind: 'null', literal: '/' });
  assert.deepEqual(cellValue('无'), { kind: 'null', literal: '无' });
  assert.deepEqual(cellValue(''), { kind: 'null' });
  assert.deepEqual(cellValue('自然人'), { kind: 'text' });
});

test('a dash in a table cell is null and its literal is kept', () => {
  const r = parseText(sampleText('凤泉区').replace('行政强制\t4', '行政强制\t—'));
  assert.equal(r.tables.proactive!.edition === '2021' && r.tables.proactive!.enforcement.decisions, null);
  assert.equal(r.tables.literals['proactive.enforcement.decisions'], '—');
});

test('encodings: GB18030, UTF-16 with BOM and CRLF decode to the same lines', () => {
  const text = sampleText('凤泉区');
  const utf8 = decode(new TextEncoder().encode(text)).lines.map((l) => l.text);
  const gb = decode(iconv.encode(text, 'gb18030'));
  assert.equal(gb.encoding, 'gb18030');
  assert.deepEqual(gb.lines.map((l) => l.text), utf8);
  const le = decode(iconv.encode(text.replace(/\n/g, '\r\n'), 'utf-16le', { addBOM: true }));
  assert.equal(le.encoding, 'utf-16le');
  assert.deepEqual(le.lines.map((l) => l.text), utf8);
});

test('no title: agency and year from the first sentence (「2021 年，凤泉区政府…」), with info findings saying the evidence is weak', () => {
  const body = sampleText('凤泉区').replace('凤泉区人民政府 2021 年政府信息公开工作年度报告', '');
  const r = parseText(body, 'report.txt');
  assert.equal(r.agency.name, '凤泉区人民政府');
  assert.equal(r.year, 2021);
  assert.deepEqual(r.provenance, { agency: 'text', year: 'text', region: 'text' });
  assert.deepEqual([r.identity.agency?.source, r.identity.agency?.line, r.identity.year?.source], ['body', 9, 'body']);
  assert.deepEqual(codes(r), ['agency-weak', 'year-weak']);
});

test('no title and nothing in the text: agency and year from the file name, with info findings saying so', () => {
  const body = sampleText('凤泉区')
    .replace('凤泉区人民政府 2021 年政府信息公开工作年度报告', '')
    .replace('2021 年，凤泉区政府严格按照', '本年度，本机关严格按照');
  const r = parseText(body, '凤泉区人民政府-2021.txt');
  assert.equal(r.agency.name, '凤泉区人民政府');
  assert.equal(r.year, 2021);
  assert.deepEqual(r.provenance, { agency: 'filename', year: 'filename', region: 'text' });
  assert.deepEqual(codes(r), ['agency-from-filename', 'year-from-filename']);
});

test('sidecar overrides every inferred value; a bad sidecar is an error finding', () => {
  const r = parseText(sampleText('凤泉区'), 'x.txt', { agency: '新乡市凤泉区人民政府', year: 2020, region: '410700', sourceUrl: 'http://www.fengquan.gov.cn/x.html', publishedOn: '2021-01-20' });
  assert.equal(r.agency.name, '新乡市凤泉区人民政府');
  assert.equal(r.year, 2020);
  assert.equal(r.agency.region!.code, '410700');
  assert.equal(r.source.url, 'http://www.fengquan.gov.cn/x.html');
  assert.equal(r.publishedOn, '2021-01-20');
  const bad = parseText(sampleText('凤泉区'), 'x.txt', { year: 'twenty' });
  assert.deepEqual(codes(bad), ['sidecar-invalid']);
  assert.equal(bad.year, 2021);
});

test('region: same county name in several cities is resolved by the text, else ambiguous', () => {
  const fz = parseText('鼓楼区人民政府2021年政府信息公开工作年度报告\n地址：福州市鼓楼区');
  assert.equal(fz.agency.region!.code, '350102');
  const nj = parseText('鼓楼区人民政府2021年政府信息公开工作年度报告\n地址：南京市鼓楼区');
  assert.equal(nj.agency.region!.code, '320106');
  const none = parseText('鼓楼区人民政府2021年政府信息公开工作年度报告');
  assert.equal(none.agency.region, null);
  assert.ok(codes(none).includes('region-ambiguous'));
});

test('the parser never throws: garbage, empty input and binary noise become findings', () => {
  for (const bytes of [new Uint8Array(), new Uint8Array([0xff, 0x00, 0x13, 0x80]), new TextEncoder().encode('\t\t|||\n一、\n二、总体情况')]) {
    const r = parseText(new TextDecoder().decode(bytes));
    assert.ok(r.findings.some((f) => f.severity === 'error'));
  }
});

test('narrative: sub-headings, ①② lists, paragraphs rejoined across page breaks, short lines kept apart', () => {
  const r = parseText(sampleText('鲤城区'));
  const overview = r.sections.overview!.blocks;
  assert.deepEqual(overview[0], { type: 'heading', marker: '(一)', text: '主动公开情况', line: 15 });
  assert.deepEqual(overview[1], { type: 'heading', marker: '1.', text: '主动公开政府信息的数量', line: 17 });
  const list = overview.find((b) => b.type === 'list');
  assert.ok(list && list.type === 'list');
  assert.deepEqual(list.items.map((i) => i.marker), ['①', '②', '③']);
  // 「…请与鲤城区行政服务」 / 「中心管委会联系…」 is one paragraph broken by the extraction.
  const legacy = parseText(sampleText('泉港区')).sections.other!.blocks;
  assert.deepEqual(legacy.filter((b) => b.type === 'paragraph').map((b) => b.type === 'paragraph' && b.text), [
    '目前，泉港区行政服务中心管委会政府信息公开暂不收费。',
    '2019年2月18日',
    '附表',
    '泉港区行政服务中心2018年度政府信息公开情况统计表',
    '抄送：区政府办。',
  ]);
  // Table lines never leak into the narrative.
  assert.ok(!JSON.stringify(r.sections).includes('本年新收政府信息公开申请数量'));
});

test('a statutory row printed with separators but no values is a row of blank cells', () => {
  const r = parseText(sampleText('凤泉区').replace('规章\t0\t0\t0', '规章\t\t\t'));
  assert.deepEqual(r.tables.proactive!.edition === '2021' && r.tables.proactive!.regulations, { issued: null, repealed: null, inForce: null });
  assert.deepEqual(r.tables.proactive!.edition === '2021' && r.tables.proactive!.normativeDocuments, { issued: 8, repealed: 0, inForce: 8 });
  const q = parseText(sampleText('凤泉区').replace('⇥⇥2.重复申请\t0\t0\t0\t0\t0\t0\t0'.replace(/⇥/g, '\t'), '\t\t2.重复申请\t\t\t\t\t\t\t'));
  assert.deepEqual(Object.values(q.tables.requests!.rows['notProcessed.duplicate']!), [null, null, null, null, null, null, null]);
  assert.deepEqual(q.tables.requests!.rows['notProcessed.publication']!.total, 0);
});
