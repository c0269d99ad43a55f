/** The CLI as a user runs it: `npm run --silent parse -- FILE`. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { Report } from '../src/model/report.ts';
import { REPORTS, samplePath } from './helpers.ts';

const root = join(import.meta.dirname, '..');
const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', ...args], { cwd: root, encoding: 'utf8' });

test('parse prints schema-valid JSON for every sample and exits 0', () => {
  for (const name of readdirSync(REPORTS).filter((n) => n.endsWith('.txt'))) {
    const out = run('src/cli/parse.ts', join('reports', name));
    assert.equal(out.status, 0, out.stderr);
    const json = JSON.parse(out.stdout);
    assert.ok(Report.safeParse(json).success, name);
  }
});

test('parse: a missing file exits non-zero with a one-line reason on stderr', () => {
  const out = run('src/cli/parse.ts', 'reports/no-such-report.txt');
  assert.notEqual(out.status, 0);
  assert.equal(out.stdout, '');
  assert.match(out.stderr, /^nianbao: reports\/no-such-report\.txt: cannot read \(no such file\)\n$/);
  const dir = run('src/cli/parse.ts', 'reports');
  assert.notEqual(dir.status, 0);
  assert.match(dir.stderr, /is a directory/);
});

test('parse reads the sidecar <file>.meta.yaml next to the report', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nianbao-'));
  const file = join(dir, 'report.txt');
  copyFileSync(samplePath('凤泉区'), file);
  writeFileSync(`${file}.meta.yaml`, 'agency: 新乡市凤泉区人民政府\nregion: "410704"\nsourceUrl: http://www.fengquan.gov.cn/2021.html\n');
  const out = run('src/cli/parse.ts', file);
  assert.equal(out.status, 0, out.stderr);
  const r = JSON.parse(out.stdout);
  assert.equal(r.agency.name, '新乡市凤泉区人民政府');
  assert.equal(r.source.url, 'http://www.fengquan.gov.cn/2021.html');
  assert.deepEqual(r.provenance, { agency: 'sidecar', year: 'text', region: 'sidecar' });
  writeFileSync(`${file}.meta.yaml`, 'agency: [unclosed\n');
  const bad = JSON.parse(run('src/cli/parse.ts', file).stdout);
  assert.equal(bad.findings[0].code, 'sidecar-unreadable');
  assert.equal(bad.agency.name, '凤泉区人民政府');
});

test('the JSON Schema is generated from the zod model and accepts nothing without the contract keys', () => {
  const out = run('src/cli/schema.ts');
  assert.equal(out.status, 0, out.stderr);
  const schema = JSON.parse(out.stdout) as { properties: { tables: { properties: Record<string, unknown> } } };
  assert.deepEqual(schema, z.toJSONSchema(Report, { target: 'draft-2020-12' }) as unknown);
  assert.deepEqual(Object.keys(schema.properties.tables.properties).slice(0, 4), ['proactive', 'requests', 'reviewLitigation', 'legacyStats']);
});

test('npm start summary lists the five samples without errors', () => {
  const out = run('src/cli/summary.ts', 'reports', '--strict');
  assert.equal(out.status, 0, out.stderr + out.stdout);
  assert.match(out.stdout, /5 reports read from reports\/, 0 with errors, 0 unreadable\./);
});
