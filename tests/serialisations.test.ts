/**
 * The same report serialised as found in the wild parses to identical tables. Variants are
 * generated from the samples: 「|」-separated web text (with and without outer pipes), one cell
 * per line (with and without a trailing 「 |」), and GB18030 / UTF-16 / CRLF encodings.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { parseReport } from '../src/parse.ts';
import { parseText, sampleText } from './helpers.ts';

const SAMPLES = ['鲤城区', '泉港区', '凤泉区', '晋江市', '泉州市数字'];
const tableLines = (text: string, f: (line: string) => string[]) => text.split('\n').flatMap((l) => (l.includes('\t') ? f(l) : [l])).join('\n');

const VARIANTS: Record<string, (text: string) => string> = {
  pipes: (t) => tableLines(t, (l) => [l.split('\t').join(' | ')]),
  'outer pipes': (t) => tableLines(t, (l) => ['| ' + l.split('\t').join(' | ') + ' |']),
  'one cell per line': (t) => tableLines(t, (l) => l.split('\t').map((c) => c.trim()).filter(Boolean)),
  'one cell per line with trailing pipe': (t) => tableLines(t, (l) => l.split('\t').map((c) => c.trim()).filter(Boolean).map((c) => `${c} |`)),
};

for (const sample of SAMPLES) {
  const text = sampleText(sample);
  const original = parseText(text);
  for (const [name, make] of Object.entries(VARIANTS)) {
    test(`${sample}: ${name} gives the same tables and no finding`, () => {
      const variant = make(text);
      assert.notEqual(variant, text);
      const r = parseText(variant);
      for (const key of ['proactive', 'requests', 'reviewLitigation', 'legacyStats'] as const) assert.deepEqual(r.tables[key], original.tables[key], key);
      assert.deepEqual(r.findings, []);
    });
  }
  for (const [name, bytes] of Object.entries({
    'GB18030': iconv.encode(text, 'gb18030'),
    'UTF-8 with BOM and CRLF': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text.replace(/\n/g, '\r\n'))]),
    'UTF-16LE with BOM': iconv.encode(text, 'utf-16le', { addBOM: true }),
    'UTF-16BE with BOM': Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')]),
  })) {
    test(`${sample}: ${name} gives the same report`, () => {
      const r = parseReport({ bytes, path: 'x.txt' });
      assert.deepEqual(r.tables, original.tables);
      assert.deepEqual(r.sections, original.sections);
      assert.equal(r.agency.name, original.agency.name);
    });
  }
}

test('full-width digits and brackets, 〇 for zero, CR line ends: same values, literals kept', () => {
  const text = sampleText('凤泉区');
  const fw = (s: string) => s.replace(/[0-9().]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
  const variant = text
    .split('\n')
    .map((l) => (l.includes('\t') ? l.split('\t').map((c) => (c === '0' ? '〇' : fw(c))).join('\t') : l))
    .join('\r');
  const r = parseText(variant);
  const original = parseText(text);
  for (const key of ['proactive', 'requests', 'reviewLitigation'] as const) assert.deepEqual(r.tables[key], original.tables[key], key);
  assert.equal(r.tables.literals['requests.rows.newReceived.total'], '１２');
  assert.equal(r.tables.literals['proactive.fees.amount'], '１０１７．７３７');
  assert.equal(r.tables.literals['requests.rows.carriedOver.total'], '〇');
  assert.deepEqual(r.findings, []);
});

test('thousands separators, units glued to numbers and dashes for empty cells', () => {
  const text = sampleText('凤泉区').replace('行政许可\t6467', '行政许可\t6,467件').replace('行政处罚\t75', '行政处罚\t—').replace('行政强制\t4', '行政强制\t/');
  const p = parseText(text).tables.proactive;
  assert.ok(p?.edition === '2021');
  assert.deepEqual([p.licensing.decisions, p.penalties.decisions, p.enforcement.decisions], [6467, null, null]);
});
