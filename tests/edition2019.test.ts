/**
 * The 2019 edition (国办公开办函〔2019〕60号): table 2 with 新制作/新公开/对外公开总数量 and
 * 上一年项目数量/本年增减/处理决定数量, item （九） 政府集中采购, one 其他处理 row.
 * The fixture is hand-made after the official 2019 form; its numbers add up (checked when written).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { codes, parseText } from './helpers.ts';

const text = readFileSync(join(import.meta.dirname, 'fixtures', 'haidian-2019-edition.txt'), 'utf8');

test('2019 edition: identity and edition from content', () => {
  const r = parseText(text);
  assert.equal(r.edition, '2019');
  assert.equal(r.year, 2019);
  assert.equal(r.agency.name, '海淀区人民政府');
  assert.equal(r.agency.region!.code, '110108');
  assert.deepEqual(codes(r), []);
});

test('2019 edition: every cell of table 2, signed changes and procurement unit', () => {
  assert.deepEqual(parseText(text).tables.proactive, {
    edition: '2019',
    regulations: { newlyMade: 0, newlyPublished: 0, totalPublished: 0 },
    normativeDocuments: { newlyMade: 5, newlyPublished: 5, totalPublished: 120 },
    licensing: { previousCount: 120, change: 3, decisions: 4500 },
    otherServices: { previousCount: 10, change: -2, decisions: 300 },
    penalties: { previousCount: 80, change: 0, decisions: 150 },
    enforcement: { previousCount: 5, change: 1, decisions: 12 },
    fees: { previousCount: 6, change: -1 },
    procurement: { projects: 15, amount: 251000, amountUnit: '元' },
  });
});

test('2019 edition: table 3 has one 其他处理 row and no 2021 sub-rows', () => {
  const rows = parseText(text).tables.requests!.rows;
  assert.deepEqual(Object.keys(rows).filter((k) => k.startsWith('otherHandling')), ['otherHandling']);
  assert.deepEqual(rows['granted'], { naturalPerson: 20, commercial: 1, research: 0, socialWelfare: 1, legalService: 0, otherOrg: 0, total: 22 });
  assert.deepEqual(rows['total'], { naturalPerson: 31, commercial: 2, research: 0, socialWelfare: 1, legalService: 0, otherOrg: 0, total: 34 });
  assert.deepEqual(rows['carriedForward'], { naturalPerson: 1, commercial: 0, research: 0, socialWelfare: 0, legalService: 1, otherOrg: 0, total: 2 });
  assert.equal(Object.keys(rows).length, 23);
});

test('2019 edition: table 4', () => {
  assert.deepEqual(parseText(text).tables.reviewLitigation, {
    review: { upheld: 1, corrected: 1, other: 0, pending: 0, total: 2 },
    litigationDirect: { upheld: 1, corrected: 0, other: 0, pending: 1, total: 2 },
    litigationAfterReview: { upheld: 0, corrected: 0, other: 0, pending: 0, total: 0 },
  });
});
