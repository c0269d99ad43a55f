/**
 * One pass over a set of reports writes reports.csv, cells.csv and reports.jsonl side by side, a
 * line at a time: the CSVs from each report's summary (held anyway), the JSON Lines from the full
 * report, asked for one at a time, so that memory never holds more than one full report.
 */
import { join } from 'node:path';
import type { Report } from '../model/report.ts';
import { REPORT_COLUMNS } from './columns.ts';
import { CELL_FIELDS, cellRows } from './cells.ts';
import { csvWriter, FileWriter } from './csv.ts';
import { FILES } from './package.ts';

export interface DataEntry {
  /** The report's summary (identity, tables, findings; no narrative). */
  report: Report;
  /** The report page's URL as the data gives it. */
  url: string;
  /** The full report as one line of JSON (no line end): what its report.json holds. */
  json(): string;
}

export interface Written {
  reports: number;
  cells: number;
  /** Where each report's line sits in reports.jsonl: byte offset and length (line end excluded), in order. */
  lines: { offset: number; length: number }[];
}

export function writeTables(dir: string, entries: Iterable<DataEntry>): Written {
  const reports = csvWriter(join(dir, FILES.reports), REPORT_COLUMNS.map((c) => c.name));
  const cells = csvWriter(join(dir, FILES.cells), CELL_FIELDS.map((c) => c.name));
  const jsonl = new FileWriter(join(dir, FILES.jsonl));
  const lines: Written['lines'] = [];
  let offset = 0;
  for (const e of entries) {
    reports.row(REPORT_COLUMNS.map((c) => c.value(e.report, e.url)));
    for (const c of cellRows(e.report)) cells.row([c.report_id, c.table_key, c.row_key, c.column_key, c.value, c.literal, c.label, c.unit]);
    const line = e.json();
    const length = Buffer.byteLength(line);
    jsonl.write(`${line}\n`);
    lines.push({ offset, length });
    offset += length + 1;
  }
  jsonl.close();
  return { reports: reports.close(), cells: cells.close(), lines };
}
