/**
 * validate: the parser's own output against what the model's zod schema (model/report.ts) asks
 * beyond TypeScript's types — every number finite, line numbers positive integers, the slug and the
 * region code in their patterns. Shape, enums and strings are already proved by the types, since the
 * parser builds a Report with typed code.
 *
 * Why not `Report.safeParse` on every report: zod walks and copies the whole model (every finding,
 * block and piece of evidence), about a tenth of a parse. This check is at least as strict as the
 * schema for typed input; whatever it doubts still goes to zod, which decides and names the fault.
 * tests/model.test.ts proves that every sample and fixture report, and fuzzed ones, pass the schema
 * unchanged — so a constraint added to the schema and forgotten here fails a test, not the site.
 */
import type { Cell, Evidence, Finding, Report, Section, Tables } from '../model/report.ts';

const SLUG = /^[a-z0-9-]+$/;
const CODE = /^\d{6}$/;

// zod's .int() takes safe integers only.
const isInt = (n: number) => Number.isSafeInteger(n);
const isPositive = (n: number) => Number.isSafeInteger(n) && n > 0;
const isCell = (c: Cell) => c === null || Number.isFinite(c);
const nullOr = (n: number | null, ok: (n: number) => boolean) => n === null || ok(n);

/** Every number in a table (they are all cells, null or finite; strings are units and editions). */
function cellsFinite(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value !== 'object' || value === null) return true;
  for (const key in value) if (!cellsFinite((value as Record<string, unknown>)[key])) return false; // arrays too, by index
  return true;
}

const evidenceOk = (e: Evidence | null) => e === null || ((typeof e.value === 'string' || Number.isFinite(e.value)) && isInt(e.weight) && nullOr(e.line, isPositive));

function sectionOk(s: Section | null): boolean {
  if (s === null) return true;
  return isPositive(s.line) && s.blocks.every((b) => (b.type === 'list' ? b.items.every((i) => isInt(i.line)) : isInt(b.line)));
}

function tablesOk(t: Tables): boolean {
  return cellsFinite([t.proactive, t.requests, t.reviewLitigation]) && (t.legacyStats ?? []).every((s) => isCell(s.thisYear) && isCell(s.cumulative)) && Object.values(t.lines).every(isInt);
}

const findingOk = (f: Finding) => nullOr(f.line, isPositive) && nullOr(f.column, isPositive) && nullOr(f.page, isPositive);

/** True when the report certainly satisfies the `Report` schema; false when zod must look. */
export function isWellFormed(r: Report): boolean {
  return (
    SLUG.test(r.agency.slug) &&
    (r.agency.region === null || CODE.test(r.agency.region.code)) &&
    nullOr(r.year, isInt) &&
    r.source.tables.every((t) => t.pages.every(isPositive)) &&
    evidenceOk(r.identity.agency) &&
    evidenceOk(r.identity.year) &&
    r.identity.candidates.every(evidenceOk) &&
    r.identity.pageFields.every((p) => isPositive(p.line)) &&
    Object.values(r.sections).every(sectionOk) &&
    tablesOk(r.tables) &&
    r.findings.every(findingOk)
  );
}
