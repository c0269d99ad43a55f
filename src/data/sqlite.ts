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
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import initSqlJs, { type Database, type SqlJsStatic } from 'sql.js';
import type { Report } from '../model/report.ts';
import { REPORT_COLUMNS, type FieldType, type Value } from './columns.ts';
import { CELL_FIELDS, FINDING_FIELDS, findingRows, placesInKeyOrder, TABLE_PLACES, type Place } from './cells.ts';

const AFFINITY: Record<FieldType, string> = { string: 'TEXT', date: 'TEXT', integer: 'INTEGER', number: 'NUMERIC' };
const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Column definitions of a table, the key columns NOT NULL. */
const columns = (fields: readonly { name: string; type: FieldType }[], keys: readonly string[]) =>
  fields.map((f) => `${quote(f.name)} ${AFFINITY[f.type]}${keys.includes(f.name) ? ' NOT NULL' : ''}`).join(', ');

/**
 * The cells' key in the order analysts look cells up (one cell across reports), so that the key is
 * that index too: half the size of a key by report plus an index by cell, for the same time.
 */
const CELL_KEY = ['table_key', 'row_key', 'column_key', 'report_id'];
const FINDING_KEY = ['report_id', 'n'];

/**
 * A fixed page size (the same bytes everywhere); no journal (a failed build writes no file: nothing
 * to roll back); sorts in memory; a 64 MiB page cache, since cells arrive in report order but are
 * kept in key order (a quarter less time than the default 2 MiB cache at 2,000 reports).
 */
const SETTINGS = ['PRAGMA page_size = 4096', 'PRAGMA journal_mode = OFF', 'PRAGMA synchronous = OFF', 'PRAGMA temp_store = MEMORY', 'PRAGMA cache_size = -65536'];

const SCHEMA = [
  `CREATE TABLE reports (${columns(REPORT_COLUMNS, ['id'])}, PRIMARY KEY (id))`,
  `CREATE TABLE cells (${columns(CELL_FIELDS, CELL_KEY)}, PRIMARY KEY (${CELL_KEY.join(', ')}), FOREIGN KEY (report_id) REFERENCES reports (id)) WITHOUT ROWID`,
  `CREATE TABLE findings (${columns(FINDING_FIELDS, FINDING_KEY)}, PRIMARY KEY (${FINDING_KEY.join(', ')}), FOREIGN KEY (report_id) REFERENCES reports (id)) WITHOUT ROWID`,
];

/** What analysts filter reports and findings by (cells by table, row and column is their key). Made after the rows: faster. */
const INDEXES = [
  'CREATE INDEX reports_year ON reports (year)',
  'CREATE INDEX reports_region ON reports (region_code)',
  'CREATE INDEX reports_province ON reports (province)',
  'CREATE INDEX reports_agency ON reports (agency_slug)',
  'CREATE INDEX findings_code ON findings (code)',
];

const insert = (table: string, names: readonly string[]) => `INSERT INTO ${table} (${names.map(quote).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`;

/** A prepared insert: rows added one by one, counted. */
function inserter(db: Database, table: string, names: readonly string[]) {
  const statement = db.prepare(insert(table, names));
  let count = 0;
  return {
    add(row: Value[]) {
      statement.run(row);
      count++;
    },
    /** Frees the statement; returns how many rows went in. */
    end() {
      statement.free();
      return count;
    },
  };
}

/**
 * What SQLite needs to make the cells of tables 2–4 itself from the reports table: which places
 * each report's tables have (a string of 0 and 1 over TABLE_PLACES), and the literals. Temporary
 * tables, not in the file.
 */
const CELL_HELPERS = [
  'CREATE TEMP TABLE shape (id TEXT NOT NULL PRIMARY KEY, present TEXT NOT NULL) WITHOUT ROWID',
  'CREATE TEMP TABLE literals (report_id TEXT NOT NULL, place INTEGER NOT NULL, literal TEXT NOT NULL, PRIMARY KEY (report_id, place)) WITHOUT ROWID',
];

const PLACE_INDEX = new Map(TABLE_PLACES.map((p, i) => [p, i]));
const LITERAL_PLACE = new Map(TABLE_PLACES.map((p, i) => [p.literalKey, i]));
const sqlText = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** The statement that copies one place's cells out of the reports table, in report order. */
function copyCells(place: Place): string {
  const k = PLACE_INDEX.get(place)!;
  const [table, row, column] = place.key;
  const name = `${table}.${row}.${column}`;
  if (!REPORT_COLUMNS.some((c) => c.name === name)) throw new Error(`internal: no reports column ${name} for the cell ${place.key.join(' ')}`);
  const unit = name === 'proactive.procurement.amount' ? 'r."proactive.procurement.amountUnit"' : 'NULL';
  return `INSERT INTO cells (${CELL_FIELDS.map((f) => quote(f.name)).join(', ')})
    SELECT r.id, ${place.key.map(sqlText).join(', ')}, r.${quote(name)}, l.literal, NULL, ${unit}
    FROM reports r JOIN temp.shape s ON s.id = r.id LEFT JOIN temp.literals l ON l.report_id = r.id AND l.place = ${k}
    WHERE substr(s.present, ${k + 1}, 1) = '1' ORDER BY r.id`;
}

/**
 * The cells, in the order of their key (table, row, column, report), so that SQLite only appends to
 * its B-tree. The cells of tables 2–4 are copied by SQLite itself from the reports table (which holds
 * every such value) one statement per place, nothing bound per row: binding values one by one
 * through WebAssembly made the database most of the build's time. The legacy appendix's cells,
 * which have no reports column, are bound. Ids and keys are ASCII: code-unit order is SQLite's.
 */
function insertCells(db: Database, reports: readonly Report[]): number {
  for (const s of CELL_HELPERS) db.run(s);
  const shape = inserter(db, 'temp.shape', ['id', 'present']);
  const literals = inserter(db, 'temp.literals', ['report_id', 'place', 'literal']);
  for (const r of reports) {
    shape.add([r.id, TABLE_PLACES.map((p) => (p.has(r) ? '1' : '0')).join('')]);
    for (const [key, text] of Object.entries(r.tables.literals)) {
      const place = LITERAL_PLACE.get(key);
      if (place !== undefined) literals.add([r.id, place, text]);
    }
  }
  shape.end();
  literals.end();
  const byId = [...reports].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const place of placesInKeyOrder(reports)) {
    if (PLACE_INDEX.has(place)) {
      db.run(copyCells(place));
      continue;
    }
    const statement = db.prepare(`INSERT INTO cells (${CELL_FIELDS.map((f) => quote(f.name)).join(', ')}) VALUES (?, ${place.key.map(sqlText).join(', ')}, ?, ?, ?, ?)`);
    for (const r of byId) {
      const c = place.read(r);
      if (c) statement.run([c.report_id, c.value, c.literal, c.label, c.unit]);
    }
    statement.free();
  }
  for (const table of ['shape', 'literals']) db.run(`DROP TABLE temp.${table}`);
  return db.exec('SELECT count(*) FROM cells')[0]!.values[0]![0] as number;
}

let engine: Promise<SqlJsStatic> | null = null;
/** sql.js, its WebAssembly read from the installed package (never fetched). */
function sqlJs() {
  const wasm = createRequire(import.meta.url).resolve('sql.js/dist/sql-wasm.wasm');
  return (engine ??= initSqlJs({ wasmBinary: readFileSync(wasm) as unknown as ArrayBuffer }));
}

/** Write the database of `reports` (summaries with their page URLs, in the archive's order) to `path`; returns its rows per table. */
export async function writeSqlite(path: string, reports: readonly { report: Report; url: string }[]): Promise<{ reports: number; cells: number; findings: number }> {
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
    const counts = { reports: toReports.end(), cells: insertCells(db, reports.map((e) => e.report)), findings: toFindings.end() };
    db.run('COMMIT');
    for (const s of INDEXES) db.run(s);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, db.export());
    return counts;
  } finally {
    db.close();
  }
}
