/** The archive stage over the sample archive: entries, agencies, years and the region tree. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildArchive } from '../src/archive/archive.ts';
import { parseText, sampleText } from './helpers.ts';

const samples = ['鲤城区', '泉港区', '凤泉区', '晋江市', '泉州市数字'].map((s) => parseText(sampleText(s), `${s}.txt`));

test('entries: permanent URLs and JSON links for every report', () => {
  const a = buildArchive(samples);
  assert.equal(a.entries.length, 5);
  assert.deepEqual(
    a.entries.find((e) => e.agency === '凤泉区人民政府'),
    { id: 'fengquanqu-renminzhengfu/2021', agency: '凤泉区人民政府', year: 2021, url: '/agencies/fengquanqu-renminzhengfu/2021/', json: '/agencies/fengquanqu-renminzhengfu/2021/report.json' },
  );
});

test('years: report counts and requests received (legacy: the appendix 受理申请总数)', () => {
  assert.deepEqual(buildArchive(samples).years, [
    { year: 2018, reportCount: 1, received: 0 }, // 泉港区 2018 appendix: 受理政府信息公开申请总数 0
    { year: 2021, reportCount: 3, received: 14 }, // 凤泉区 12 + 泉州市数字 2 + 鲤城区 0
    { year: 2022, reportCount: 1, received: 0 },
  ]);
});

test('regions: province → city → county with report counts', () => {
  const [fujian, henan] = buildArchive(samples).regions;
  assert.deepEqual([fujian!.code, fujian!.name, fujian!.reportCount], ['350000', '福建省', 4]);
  const quanzhou = fujian!.children[0]!;
  assert.deepEqual([quanzhou.code, quanzhou.reportCount, quanzhou.children.map((c) => c.code)], ['350500', 4, ['350502', '350505', '350582']]);
  assert.deepEqual(quanzhou.agencies.length, 4);
  assert.deepEqual(henan!.children[0]!.children.map((c) => [c.code, c.name]), [['410704', '凤泉区']]);
});

test('one agency over years; a second report for the same agency and year is set aside', () => {
  const later = parseText(sampleText('泉州市数字').replace('2021 年度政府信息公开工作报告', '2022 年度政府信息公开工作报告'), 'later.txt');
  const copy = parseText(sampleText('凤泉区'), '凤泉区-copy.txt');
  const a = buildArchive([...samples, later, copy]);
  const qz = a.agencies.find((g) => g.name === '泉州市数字泉州建设办公室')!;
  assert.deepEqual(qz.requestsByYear, [
    { year: 2021, received: 2 },
    { year: 2022, received: 2 },
  ]);
  // The same text twice: the file not named like a copy is published, whatever sorts first.
  assert.deepEqual(a.duplicates.map((d) => [d.report.source.path, d.kept.source.path, d.why, d.tied]), [['凤泉区-copy.txt', '凤泉区.txt', "its name is not a copy's", false]]);
  assert.equal(a.entries.length, 6);
});
