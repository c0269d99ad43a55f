/**
 * data/nianbao.sqlite: the reports, their cells, their findings and their indicators (with the
 * indicators' definitions) as tables of one SQLite database, for analysts who query rather than load
 * (Datasette, the sqlite3 shell, DB Browser).
 *
 * Written with sql.js (SQLite compiled to WebAssembly): Node 20 has no node:sqlite and
 * better-sqlite3 needs a native build. sql.js holds the database in memory until it is exported,
 * so this is the one file of the build whose memory grows with the archive (the README gives the
 * figures). The file is the same bytes for the same reports: a fixed page size, rows inserted in a
 * fixed order (reports in the archive's, cells in their key's, indicators by report), indexes made
 * after the rows, nothing that records a time.
 */
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import type { Report } from '../model/report.ts';
import { REPORT_COLUMNS, type FieldType } from './columns.ts';
import { CELL_FIELDS, FINDING_FIELDS, findingRows } from './cells.ts';
import { insertCells, inserter, quote } from './sqlite-cells.ts';
import { INDICATOR_TABLES, insertIndicators } from './sqlite-indicators.ts';

const AFFINITY: Record<FieldType, string> = { string: 'TEXT', date: 'TEXT', integer: 'INTEGER', number: 'NUMERIC' };

/** Column definitions of a table, the key columns NOT NULL. */
const columns = (fields: readonly { name: string; type: FieldType }[], keys: readonly string[]) =>
  fields.map((f) => `${quote(f.name)} ${AFFINITY[f.type]}${keys.includes(f.name) ? ' NOT NULL' : ''}`).join(', ');

/**
 * The cells' key in the order analysts look cells up (one cell across reports), so that the key is
 * that index too: half the size of a key by report plus an index by cell, for the same time.
 */
const CELL_KEY = ['table_key', 'row_key', 'column_key', 'report_id'];
const FINDING_KEY = ['report_id', 'n'];

/** A fixed page size (the same bytes everywhere); no journal (a failed build writes no file: nothing to roll back); sorts in memory. */
const SETTINGS = ['PRAGMA page_size = 4096', 'PRAGMA journal_mode = OFF', 'PRAGMA synchronous = OFF', 'PRAGMA temp_store = MEMORY'];

const SCHEMA = [
  `CREATE TABLE reports (${columns(REPORT_COLUMNS, ['id'])}, PRIMARY KEY (id))`,
  `CREATE TABLE cells (${columns(CELL_FIELDS, CELL_KEY)}, PRIMARY KEY (${CELL_KEY.join(', ')}), FOREIGN KEY (report_id) REFERENCES reports (id)) WITHOUT ROWID`,
  `CREATE TABLE findings (${columns(FINDING_FIELDS, FINDING_KEY)}, PRIMARY KEY (${FINDING_KEY.join(', ')}), FOREIGN KEY (report_id) REFERENCES reports (id)) WITHOUT ROWID`,
  ...INDICATOR_TABLES,
];

/** What analysts filter reports and findings by (cells by table, row and column is their key). Made after the rows: faster. */
const INDEXES = [
  'CREATE INDEX reports_year ON reports (year)',
  'CREATE INDEX reports_region ON reports (region_code)',
  'CREATE INDEX reports_province ON reports (province)',
  'CREATE INDEX reports_agency ON reports (agency_slug)',
  'CREATE INDEX findings_code ON findings (code)',
];

let engine: Promise<SqlJsStatic> | null = null;
/** sql.js, its WebAssembly read from the installed package (never fetched). */
function sqlJs() {
  const wasm = createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm');
  return (engine ??= initSqlJs({ wasmBinary: readFileSync(wasm) as unknown as ArrayBuffer }));
}

/** Write the database of `reports` (summaries with their page URLs, in the archive's order) to `path`; returns its rows per table. */
export async function writeSqlite(path: string, reports: readonly { report: Report; url: string }[]): Promise<{ reports: number; cells: number; findings: number; indicators: number }> {
  const SQL = await sqlJs();
  const db = new SQL.Database();
  try {
    for (const s of [...SETTINGS, ...SCHEMA]) db.run(s);
    db.run('BEGIN');
    const toReports = inserter(db, 'reports', REPORT_COLUMNS.map((c) => c.name));
    const toFindings = inserter(db, 'findings', FINDING_FIELDS.map((c) => c.name));
    for (const { report, url } of reports) {
      toReports.add(REPORT_COLUMNS.map((c) => c.value(report, url)));
      for (const f of findingRows(report)) toFindings.add([f.report_id, f.n, f.code, f.severity, f.message, f.path, f.line]);
    }
    const counts = { reports: toReports.end(), cells: insertCells(db, reports.map((e) => e.report)), findings: toFindings.end(), indicators: insertIndicators(db, reports.map((e) => e.report)) };
    db.run('COMMIT');
    for (const s of INDEXES) db.run(s);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, db.export());
    return counts;
  } finally {
    db.close();
  }
}
