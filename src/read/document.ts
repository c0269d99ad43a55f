/**
 * read: what every reader (text, PDF, HTML, DOCX) gives the rest of the pipeline — the document's
 * text as numbered lines in reading order, where a table row found from the document's own
 * structure (PDF ruling lines or alignment, HTML/DOCX cells) carries its cells, so no column is
 * ever guessed from spacing when the document says where it is.
 */
import type { SourceLine } from './decode.ts';

export type Format = 'text' | 'pdf' | 'html' | 'docx';

/** How a table was found: from ruling lines (lattice), from alignment (stream), from HTML/DOCX cells, or as text. */
export type TableMethod = 'lattice' | 'stream' | 'html' | 'text';

export interface TableFound {
  method: TableMethod;
  /** Index into `lines` of the table's first and one-past-last row. */
  start: number;
  end: number;
  rows: number;
  columns: number;
  /** PDF: the pages the table stands on (more than one when it was stitched across a page break). */
  pages?: number[];
}

/** A problem the reader met, which the parser turns into a finding. */
export interface ReaderNote {
  code: 'scanned' | 'unreadable' | 'legacy-format' | 'encrypted' | 'damaged';
  message: string;
  page?: number;
  line?: number;
}

export interface ReadDocument {
  format: Format;
  /** The character encoding the text was read in (text and HTML), or the format for binary documents. */
  encoding: string;
  lines: SourceLine[];
  tables: TableFound[];
  notes: ReaderNote[];
}
