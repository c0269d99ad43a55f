/**
 * The parser returns what it built without running the zod schema over it (src/validate/model.ts
 * checks what the types do not prove; zod decides whatever that check doubts). Proved here: every
 * sample and fixture report — text, PDF, HTML, DOCX — satisfies the `Report` schema and is exactly
 * what the schema would give back; and the cheap check is at least as strict as the schema, for
 * reports with any number or pattern broken.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { parseReport } from '../src/parse.ts';
import { readDocument } from '../src/read/index.ts';
import { Report } from '../src/model/report.ts';
import { isWellFormed } from '../src/validate/model.ts';
import { codes, mutate, parseText, REPORTS, sampleText } from './helpers.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures');
/** Every sample and fixture document, with the folder it is filed under (its path is relative to it, as in an archive). */
const files = [
  ...readdirSync(REPORTS).filter((n) => n.endsWith('.txt')).map((n) => ({ root: REPORTS, file: join(REPORTS, n) })),
  ...(readdirSync(FIXTURES, { recursive: true }) as string[]).filter((n) => /\.(?:txt|pdf|html?|docx|doc)$/.test(n)).map((n) => ({ root: FIXTURES, file: join(FIXTURES, n) })),
];

async function parseFile(root: string, file: string): Promise<Report> {
  const bytes = readFileSync(file);
  const path = relative(root, file);
  return parseReport({ bytes, path, document: await readDocument(bytes, path) });
}

test(`every sample and fixture report satisfies the schema, which changes nothing in it (${files.length} files)`, async () => {
  assert.ok(files.length > 150);
  for (const { root, file } of files) {
    const r = await parseFile(root, file);
    const parsed = Report.safeParse(r);
    assert.ok(parsed.success, `${file}: ${parsed.success ? '' : JSON.stringify(parsed.error.issues[0])}`);
    // No key the schema would strip, none in another order: the output is what `Report.parse` gave before.
    assert.equal(JSON.stringify(parsed.data), JSON.stringify(r), file);
    assert.ok(isWellFormed(r), file);
    assert.ok(!codes(r).includes('internal-schema'), file);
  }
});

/** Every place in a report that holds a number, as a path. */
function numbers(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'number') return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => numbers(v, [...path, i]));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([k, v]) => numbers(v, [...path, k]));
  return [];
}

function setAt(report: Report, path: (string | number)[], to: unknown): Report {
  const copy = structuredClone(report) as unknown as Record<string | number, unknown>;
  let at = copy;
  for (const k of path.slice(0, -1)) at = at[k] as Record<string | number, unknown>;
  at[path[path.length - 1]!] = to;
  return copy as unknown as Report;
}

test('the cheap check is at least as strict as the schema: any number, the slug or the region code broken (2,000 cases)', () => {
  const reports = ['鲤城区', '泉港区', '凤泉区', '晋江市', '泉州市数字'].map((s) => parseText(sampleText(s), `${s}.txt`));
  // Shapes, enums and free text are proved by the types; numbers and patterned strings are the schema's own.
  const cases = reports.flatMap((r) => [
    ...numbers(r).map((path) => ({ r, path, values: [Infinity, -Infinity, NaN, -1, 0, 1.5, 1e21] as unknown[] })),
    { r, path: ['agency', 'slug'], values: ['', 'Not A Slug', '鲤城区', 'a_b'] as unknown[] },
    ...(r.agency.region ? [{ r, path: ['agency', 'region', 'code'], values: ['', '12345', '1234567', '35O502'] as unknown[] }] : []),
  ]);
  assert.ok(cases.length > 500);
  fc.assert(
    fc.property(fc.nat({ max: cases.length - 1 }), fc.nat(), (c, v) => {
      const { r, path, values } = cases[c]!;
      const broken = setAt(r, path, values[v % values.length]);
      if (!Report.safeParse(broken).success) assert.ok(!isWellFormed(broken), `${path.join('.')} = ${String(values[v % values.length])}`);
    }),
    { numRuns: 2000, seed: 20261127 },
  );
});

test('a cell too large for a number still fails the schema, and says so, instead of reaching the site as Infinity', () => {
  const text = sampleText('凤泉区');
  const line = text.split('\n').findIndex((l) => l.includes('本年新收')) + 1;
  const r = parseText(mutate(text, line, /\d+/, '9'.repeat(400)), 'huge.txt');
  assert.ok(codes(r).includes('internal-schema'));
  assert.match(r.findings.find((f) => f.code === 'internal-schema')!.message, /tables\.requests\.rows\.newReceived\.naturalPerson/);
});
