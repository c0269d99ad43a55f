/**
 * CSV as Excel on Chinese Windows and every CSV reader take it: UTF-8 with a byte-order mark (without
 * it Excel reads UTF-8 as GBK and shows mojibake), RFC 4180 quoting, CRLF line ends (RFC 4180's;
 * pandas, R, Datasette and LibreOffice read them as well as LF). A blank cell is an empty field,
 * never 0. Files are written line by line through a small buffer, so a file of any size costs one
 * buffer of memory.
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Value } from './columns.ts';

export const BOM = '\uFEFF';
export const CSV_EOL = '\r\n';

/** One field: quoted when it holds a comma, a quote, a line break or leading/trailing space. */
export function csvField(v: Value | undefined): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'number' ? String(v) : v;
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvLine = (values: readonly (Value | undefined)[]) => `${values.map(csvField).join(',')}${CSV_EOL}`;

/** Writes text to a file through a 1 MiB buffer. */
export class FileWriter {
  private fd: number;
  private parts: string[] = [];
  private size = 0;
  /** Bytes written so far. */
  bytes = 0;

  constructor(path: string) {
    mkdirSync(dirname(path), { recursive: true });
    this.fd = openSync(path, 'w');
  }

  write(text: string) {
    this.parts.push(text);
    this.size += text.length;
    if (this.size >= 1 << 20) this.flush();
  }

  private flush() {
    if (!this.parts.length) return;
    this.bytes += writeSync(this.fd, this.parts.join(''));
    this.parts = [];
    this.size = 0;
  }

  close() {
    this.flush();
    closeSync(this.fd);
  }
}

/** A CSV file: BOM and header first, then one line per `row` call. */
export function csvWriter(path: string, header: readonly string[]) {
  const w = new FileWriter(path);
  w.write(BOM + csvLine(header));
  let rows = 0;
  return {
    row(values: readonly (Value | undefined)[]) {
      w.write(csvLine(values));
      rows++;
    },
    close() {
      w.close();
      return rows;
    },
  };
}
