/**
 * Filling the tables of data/nianbao.sqlite (src/data/sqlite.ts): rows bound one by one, and the
 * `cells` table, filled in the order of its key, where the database's time goes.
 */
import type { Database } from 'sql.js';
import type { Report } from '../model/report.ts';
import { REPORT_COLUMNS, type Value } from './columns.ts';
import { CELL_FIELDS, placesInKeyOrder, TABLE_PLACES, type Place } from './cells.ts';

export const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

const insert = (table: string, names: readonly string[]) => `INSERT INTO ${table} (${names.map(quote).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`;

/** A prepared insert: rows added one by one, counted. */
export function inserter(db: Database, table: string, names: readonly string[]) {
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
export function insertCells(db: Database, reports: readonly Report[]): number {
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
