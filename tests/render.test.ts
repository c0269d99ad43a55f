/**
 * The templates never fail on a report the parser accepted: whatever is done to a sample (lines
 * deleted, duplicated, swapped, truncated), every page that report appears on renders to a whole
 * HTML document. One broken report must never stop the build of the others.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { jsxToString } from 'jsx-async-runtime';
import { buildSite } from '../src/archive/site.ts';
import { parseReport } from '../src/parse.ts';
import * as home from '../templates/index.11ty.tsx';
import * as agencies from '../templates/agencies.11ty.tsx';
import { renderAgency } from '../templates/streamed/agency.tsx';
import { renderReport } from '../templates/streamed/report.tsx';
import * as year from '../templates/year.11ty.tsx';
import * as region from '../templates/region.11ty.tsx';
import * as compare from '../templates/compare.11ty.tsx';
import * as methodology from '../templates/methodology.11ty.tsx';
import { sampleText } from './helpers.ts';

const texts = ['鲤城区', '泉港区', '凤泉区', '晋江市', '泉州市数字'].map(sampleText);
const encoder = new TextEncoder();

async function renderAll(site: ReturnType<typeof buildSite>): Promise<string[]> {
  const pages: JSX.Element[] = [home.render({ site }), agencies.render({ site })];
  for (const a of site.agencies) pages.push(renderAgency(a));
  for (const entry of site.reports) pages.push(renderReport(entry));
  for (const y of site.years) pages.push(year.render({ site, year: y }));
  for (const r of site.regions) pages.push(region.render({ site, region: r }));
  for (const c of site.compare) pages.push(compare.render({ site, compare: c }));
  pages.push(methodology.render({ site }));
  return Promise.all(pages.map((p) => jsxToString.call({}, p)));
}

test('every page renders for 200 damaged reports (line edits and truncation)', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.nat({ max: texts.length - 1 }),
      fc.array(fc.tuple(fc.nat(), fc.constantFrom('delete', 'duplicate', 'swap')), { minLength: 1, maxLength: 8 }),
      fc.double({ min: 0.05, max: 1, noNaN: true }),
      fc.boolean(),
      async (n, edits, keep, sidecar) => {
        let lines = texts[n]!.split('\n');
        for (const [i, kind] of edits) {
          const at = i % lines.length;
          if (kind === 'delete') lines = lines.filter((_, j) => j !== at);
          else if (kind === 'duplicate') lines.splice(at, 0, lines[at]!);
          else [lines[at], lines[(at * 7) % lines.length]] = [lines[(at * 7) % lines.length]!, lines[at]!];
        }
        const text = lines.join('\n');
        const bytes = encoder.encode(text.slice(0, Math.max(1, Math.floor(text.length * keep))));
        // Half the cases name agency and year in a sidecar, so even a headless fragment gets a page.
        const r = parseReport({ bytes, path: 'damaged.txt', sidecar: sidecar ? { agency: '测试区人民政府', year: 2021 } : undefined });
        const site = buildSite([r], new Map([['damaged.txt', text]]));
        const html = await renderAll(site);
        for (const page of html) {
          assert.ok(page.startsWith('<!doctype html>'), page.slice(0, 80));
          assert.ok(page.trimEnd().endsWith('</html>'));
        }
        if (sidecar) assert.equal(site.reports.length, 1);
      },
    ),
    { numRuns: 200, seed: 20261123 },
  );
});
