/**
 * data/nianbao.sqlite: the reports, their cells and their findings as three tables of one SQLite
 * database, for analysts who query rather than load (Datasette, the sqlite3 shell, DB Browser).
 *
 * Written with sql.js (SQLite compiled to WebAssembly): Node 20 has no node:sqlite and
 * better-sqlite3 needs a native build. sql.js holds the database in memory until it is exported,
 * so this is the one file of the build whose memory grows with the archive (the README gives the
 * figures). The file is the same bytes for the same reports: a fixed page size, rows inserted in
 * the archive's order, indexes made after the rows, nothing that records a time.
 */
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import initSqlJs from 'sql.js';
import type { Report } from '../model/report.ts';
import { REPORT_COLUMNS, type FieldType } from './columns.ts';
import { CELL_FIELDS, cellRows, FINDING_FIELDS, findingRows } from './cells.ts';

const AFFINITY: Record<FieldType, string> = { string: 'TEXT', date: 'TEXT', integer: 'INTEGER', number: 'NUMERIC' };
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Column definitions of a table, the key columns NOT NULL. */
const columns = (fields: readonly { name: string; type: FieldType }[], keys: readonly string[]) =>
  fields.map((f) => `${quote(f.name)} ${AFFINITY[f.type]}${keys.includes(f.name) ? ' NOT NULL' : ''}`).join(', ');

const CELL_KEY = ['report_id', 'table_key', 'row_key', 'column_key'];
const FINDING_KEY = ['report_id', 'n'];

const SCHEMA = [
  'PRAGMA page_size = 4096',
  `CREATE TABLE reports (${columns(REPORT_COLUMNS, ['id'])}, PRIMARY KEY (id)) WITHOUT ROWID`,
  `CREATE TABLE cells (${columns(CELL_FIELDS, CELL_KEY)}, PRIMARY KEY (${CELL_KEY.join(', ')}), FOREIGN KEY (report_id) REFERENCES reports (id)) WITHOUT ROWID`,
  `CREATE TABLE findings (${columns(FINDING_FIELDS, FINDING_KEY)}, PRIMARY KEY (${FINDING_KEY.join(', ')}), FOREIGN KEY (report_id) REFERENCES reports (id)) WITHOUT ROWID`,
];

/** What analysts filter by: made after the rows (faster, and the same pages every time). */
const INDEXES = [
  'CREATE INDEX reports_year ON reports (year)',
  'CREATE INDEX reports_region ON reports (region_code)',
  'CREATE INDEX reports_province ON reports (province)',
  'CREATE INDEX reports_agency ON reports (agency_slug)',
  'CREATE INDEX cells_cell ON cells (table_key, row_key, column_key)',
  'CREATE INDEX findings_code ON findings (code)',
];

const insert = (table: string, names: readonly string[]) => `INSERT INTO ${table} (${names.map(quote).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`;

let engine: Promise<initSqlJs.SqlJsStatic> | null = null;
/** sql.js, its WebAssembly read from the installed package (never fetched). */
function sqlJs() {
  const wasm = createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm');
  return (engine ??= initSqlJs({ wasmBinary: readFileSync(wasm) as unknown as ArrayBuffer }));
}

/** Write the database of `reports` (summaries with their page URLs, in the archive's order) to `path`; returns its rows per table. */
export async function writeSqlite(path: string, reports: Iterable<{ report: Report; url: string }>): Promise<{ reports: number; cells: number; findings: number }> {
  const SQL = await sqlJs();
  const db = new SQL.Database();
  const counts = { reports: 0, cells: 0, findings: 0 };
  try {
    for (const s of SCHEMA) db.run(s);
    db.run('BEGIN');
    const toReports = db.prepare(insert('reports', REPORT_COLUMNS.map((c) => c.name)));
    const toCells = db.prepare(insert('cells', CELL_FIELDS.map((c) => c.name)));
    const toFindings = db.prepare(insert('findings', FINDING_FIELDS.map((c) => c.name)));
    for (const { report, url } of reports) {
      toReports.run(REPORT_COLUMNS.map((c) => c.value(report, url)));
      counts.reports++;
      for (const c of cellRows(report)) {
        toCells.run([c.report_id, c.table_key, c.row_key, c.column_key, c.value, c.literal, c.label, c.unit]);
        counts.cells++;
      }
      for (const f of findingRows(report)) {
        toFindings.run([f.report_id, f.n, f.code, f.severity, f.message, f.path, f.line]);
        counts.findings++;
      }
    }
    for (const s of [toReports, toCells, toFindings]) s.free();
    db.run('COMMIT');
    for (const s of INDEXES) db.run(s);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, db.export());
  } finally {
    db.close();
  }
  return counts;
}
