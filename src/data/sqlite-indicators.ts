/**
 * The indicators' tables of data/nianbao.sqlite (src/data/sqlite.ts): `indicator_definitions`, one
 * row per definition, and `indicators`, one row per report and indicator with every field of its
 * report.json's `indicators`. A report's rows go in with one statement (31 rows, a little faster
 * than one by one). No index beyond the key (report, indicator): one indicator across reports is a
 * column of the reports table (`indicators.<id>`), and an index by indicator made the file of 10,000
 * reports 23 MB larger.
 */
import type { Database } from 'sql.js';
import type { Report } from '../model/report.ts';
import { DEFINITIONS } from '../indicators/definitions.ts';
import { DEFINITION_FIELDS, definitionRows, INDICATOR_FIELDS, indicatorRows, type SqlColumn } from './indicators.ts';
import { inserter, quote } from './sqlite-cells.ts';

const columns = (fields: readonly SqlColumn[]) => fields.map((f) => `${quote(f.name)} ${f.sql}`).join(', ');

export const INDICATOR_TABLES = [
  `CREATE TABLE indicator_definitions (${columns(DEFINITION_FIELDS)}, PRIMARY KEY (id)) WITHOUT ROWID`,
  `CREATE TABLE indicators (${columns(INDICATOR_FIELDS)}, PRIMARY KEY (report_id, indicator), FOREIGN KEY (report_id) REFERENCES reports (id), FOREIGN KEY (indicator) REFERENCES indicator_definitions (id)) WITHOUT ROWID`,
];

/** Fill both tables: the definitions in their order, then each report's indicators, reports by id. Returns the rows of `indicators`. */
export function insertIndicators(db: Database, reports: readonly Report[]): number {
  const definitions = inserter(db, 'indicator_definitions', DEFINITION_FIELDS.map((f) => f.name));
  for (const row of definitionRows()) definitions.add(row);
  definitions.end();
  const row = `(${INDICATOR_FIELDS.map(() => '?').join(', ')})`;
  const statement = db.prepare(`INSERT INTO indicators (${INDICATOR_FIELDS.map((f) => quote(f.name)).join(', ')}) VALUES ${DEFINITIONS.map(() => row).join(', ')}`);
  let count = 0;
  try {
    for (const r of [...reports].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
      const rows = indicatorRows(r);
      if (!rows.length) continue;
      statement.run(rows.flat());
      count += rows.length;
    }
  } finally {
    statement.free();
  }
  return count;
}
