/**
 * The five samples against values transcribed by hand from the report texts
 * (tests/expected/NNN.json, written independently of the parser): identity, region, the six
 * section titles and every cell of every table.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseText, samplePath, SHARED } from './helpers.ts';

const SAMPLES: Record<string, string> = {
  '000': '鲤城区行政服务中心管委会-2021',
  '001': '泉港区行政服务中心-2018',
  '002': '凤泉区人民政府-2021',
  '003': '晋江市行政服务中心管理委员会-2022',
  '004': '泉州市数字泉州建设办公室-2021',
};

interface Expected {
  sample: string;
  agency: string;
  year: number;
  edition: string;
  regionCode: string;
  regionPath: string[];
  sectionTitles: Record<string, string>;
  tables: Record<string, unknown>;
}

for (const [n, name] of Object.entries(SAMPLES)) {
  const expected = JSON.parse(readFileSync(join(import.meta.dirname, 'expected', `${n}.json`), 'utf8')) as Expected;
  const path = samplePath(name);
  const r = parseText(readFileSync(path, 'utf8'), `${name}.txt`);

  test(`${n} ${name}: the archive copy is the shared sample, byte for byte`, { skip: !existsSync(SHARED) && 'no ../shared beside the project' }, () => {
    assert.ok(readFileSync(path).equals(readFileSync(join(SHARED, expected.sample))));
  });

  test(`${n} ${name}: identity, edition and region`, () => {
    assert.ok([r.agency.name, ...r.agency.aliases].includes(expected.agency), `${expected.agency} not among ${r.agency.name} / ${r.agency.aliases}`);
    assert.equal(r.year, expected.year);
    assert.equal(r.edition, expected.edition);
    assert.equal(r.agency.region?.code, expected.regionCode);
    assert.deepEqual(r.agency.region?.path, expected.regionPath);
    assert.match(r.agency.slug, /^[a-z0-9-]+$/);
  });

  test(`${n} ${name}: the six section titles`, () => {
    const titles = Object.fromEntries(Object.entries(r.sections).map(([k, s]) => [k, s?.title ?? null]));
    assert.deepEqual(titles, expected.sectionTitles);
  });

  for (const table of ['proactive', 'requests', 'reviewLitigation', 'legacyStats'] as const) {
    test(`${n} ${name}: every cell of tables.${table}`, () => {
      const actual = r.tables[table];
      const want = expected.tables[table];
      // The model tags table 2 with its edition; the hand-written values do not repeat it.
      if (actual && table === 'proactive' && want) assert.deepEqual(actual, { edition: expected.edition, ...(want as object) });
      else assert.deepEqual(actual, want);
    });
  }

  test(`${n} ${name}: no false error`, () => {
    assert.deepEqual(r.findings.filter((f) => f.severity === 'error'), []);
  });
}
