/**
 * Property-based tests (fast-check): whatever is done to a sample or a variant — lines deleted,
 * duplicated or shuffled, blank lines added, tabs turned to spaces, truncation at any byte,
 * random bytes inserted — the parser never throws and returns a schema-valid report.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseReport } from '../src/parse.ts';
import { Report } from '../src/model/report.ts';
import { sampleText } from './helpers.ts';
import { toLayout } from './layout.ts';

const texts = ['鲤城区', '泉港区', '凤泉区', '晋江市', '泉州市数字'].flatMap((s) => {
  const t = sampleText(s);
  return [t, t.split('\n').flatMap((l) => (l.includes('\t') ? l.split('\t').map((c) => c.trim()).filter(Boolean) : [l])).join('\n'), toLayout(t)];
});
const encoder = new TextEncoder();

type Edit = (lines: string[]) => string[];
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.nat().map((i): Edit => (ls) => ls.filter((_, j) => j !== i % Math.max(ls.length, 1))),
  fc.nat().map((i): Edit => (ls) => ls.flatMap((l, j) => (j === i % Math.max(ls.length, 1) ? [l, l] : [l]))),
  fc.tuple(fc.nat(), fc.nat()).map(([a, b]): Edit => (ls) => {
    const out = [...ls];
    const i = a % Math.max(out.length, 1), j = b % Math.max(out.length, 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
    return out;
  }),
  fc.nat().map((i): Edit => (ls) => ls.flatMap((l, j) => (j === i % Math.max(ls.length, 1) ? ['', '', l] : [l]))),
  fc.constant<Edit>((ls) => ls.map((l) => l.replace(/\t/g, '  '))),
);

function check(bytes: Uint8Array) {
  const r = parseReport({ bytes, path: 'prop.txt' });
  const ok = Report.safeParse(r);
  assert.ok(ok.success, ok.success ? '' : JSON.stringify(ok.error.issues[0]));
  for (const f of r.findings) assert.ok(f.message.length > 0);
}

test('line edits: deleted, duplicated, swapped, blank and de-tabbed lines (600 cases)', () => {
  fc.assert(
    fc.property(fc.nat({ max: texts.length - 1 }), fc.array(edit, { minLength: 1, maxLength: 6 }), (n, edits) => {
      const lines = edits.reduce((ls, e) => e(ls), texts[n]!.split('\n'));
      check(encoder.encode(lines.join('\n')));
    }),
    { numRuns: 600, seed: 20261123 },
  );
});

test('truncation at any byte (300 cases)', () => {
  fc.assert(
    fc.property(fc.nat({ max: texts.length - 1 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, at) => {
      const bytes = encoder.encode(texts[n]!);
      check(bytes.subarray(0, Math.floor(bytes.length * at)));
    }),
    { numRuns: 300, seed: 20261123 },
  );
});

test('random bytes inserted (300 cases)', () => {
  fc.assert(
    fc.property(fc.nat({ max: texts.length - 1 }), fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.uint8Array({ minLength: 1, maxLength: 8 })), { minLength: 1, maxLength: 5 }), (n, inserts) => {
      let bytes = encoder.encode(texts[n]!);
      for (const [at, noise] of inserts) {
        const i = Math.floor(bytes.length * at);
        const next = new Uint8Array(bytes.length + noise.length);
        next.set(bytes.subarray(0, i));
        next.set(noise, i);
        next.set(bytes.subarray(i), i + noise.length);
        bytes = next;
      }
      check(bytes);
    }),
    { numRuns: 300, seed: 20261123 },
  );
});
