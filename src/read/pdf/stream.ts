/**
 * pdf/stream: tables without (full) ruling, found from alignment. Lines are split into chunks at
 * wide gaps; a line with a number among several chunks is a value row. A table is a run of value
 * rows with the header lines above them, broken by text of another size (headings, paragraphs),
 * by a full-width paragraph line or by a wide vertical gap. Text-only lines inside the body are
 * either header lines (they reach the value columns: a new block begins) or fragments of wrapped
 * or merged labels (joined to the nearest value row). Columns come from columns.ts.
 */
import type { Char } from './objects.ts';
import type { Edge } from './edges.ts';
import { chunks, visualLines, type VisualLine } from './rows.ts';
import { isNumberChunk, layout, type Block, type Row } from './columns.ts';
import type { PdfTable } from './table.ts';

/** Chunks part where the gap is at least this many font sizes. */
const GAP = 0.6;

interface Line {
  line: VisualLine;
  parts: VisualLine[];
  values: boolean;
}

/** Runs of lines that form tables: value rows, the header lines above them, label fragments between. */
function regions(lines: Line[], width: number): Line[][] {
  const out: Line[][] = [];
  let i = 0;
  while (i < lines.length) {
    if (!lines[i]!.values) {
      i++;
      continue;
    }
    const size = lines[i]!.line.size;
    const sameSize = (l: Line) => Math.abs(l.line.size - size) <= size * 0.15;
    const paragraph = (l: Line) => l.parts.length === 1 && l.line.x1 - l.line.x0 > width * 0.6;
    // A row of values belongs whatever size its digits claim (producers such as cairo give digits their own font size).
    const fits = (l: Line) => (sameSize(l) || l.values) && !paragraph(l);
    // Upwards: header lines close above.
    let start = i;
    while (start > 0 && fits(lines[start - 1]!) && lines[start]!.line.top - lines[start - 1]!.line.bottom < size * 2.5) start--;
    // Downwards: through value rows and the lines between them.
    let end = i + 1;
    let lastValue = i;
    while (end < lines.length && fits(lines[end]!) && lines[end]!.line.top - lines[end - 1]!.line.bottom < size * 2.5) {
      if (lines[end]!.values) lastValue = end;
      end++;
    }
    // Trailing text-only lines belong to the table only as a wrapped label just under the last row.
    end = lastValue + 1;
    while (end < lines.length && !lines[end]!.values && fits(lines[end]!) && lines[end]!.line.top - lines[end - 1]!.line.bottom < size * 0.5 && lines[end]!.line.x1 < lines[lastValue]!.parts.find((p) => isNumberChunk(p))!.x0) end++;
    const found = lines.slice(start, end);
    if (found.filter((l) => l.values).length >= 1 && found.length >= 2) out.push(found);
    i = end;
  }
  return out;
}

/** A region → blocks (header lines, then value rows with their fragments). */
function blocks(region: Line[]): Block[] {
  const valueLeft = Math.min(...region.filter((l) => l.values).flatMap((l) => l.parts.filter(isNumberChunk).map((p) => p.x0)));
  const out: Block[] = [];
  let cur: Block = { headers: [], rows: [] };
  const fragments: VisualLine[] = [];
  for (const l of region) {
    if (l.values) {
      cur.rows.push({ y: l.line.y, parts: l.parts, fragments: [] });
      continue;
    }
    const reachesValues = l.parts.some((p) => (p.x0 + p.x1) / 2 >= valueLeft - 2);
    if (!reachesValues && cur.rows.length > 0) {
      fragments.push(...l.parts.map((p) => ({ ...p, y: l.line.y })));
      continue;
    }
    if (cur.rows.length > 0) {
      out.push(cur);
      cur = { headers: [], rows: [] };
    }
    cur.headers.push(l.parts);
  }
  out.push(cur);
  // Each fragment joins the value row nearest to it, within its block.
  const rows: Row[] = out.flatMap((b) => b.rows);
  for (const f of fragments) {
    let best: Row | undefined;
    for (const r of rows) if (!best || Math.abs(r.y - f.y) < Math.abs(best.y - f.y)) best = r;
    best?.fragments.push(f);
  }
  return out.filter((b) => b.rows.length > 0 || b.headers.length > 0);
}

/**
 * Tables found from alignment among the chars lattice left. Horizontal rules (`_edges`) are not
 * needed to find them yet; they are passed for bounding tables by their top and bottom rules.
 */
export function stream(chars: readonly Char[], _edges: readonly Edge[], ruled: readonly PdfTable[], page: number): { tables: PdfTable[]; rest: Char[] } {
  if (chars.length === 0) return { tables: [], rest: [] };
  const xs = chars.map((c) => c.x0).concat(chars.map((c) => c.x1));
  const width = Math.max(...xs) - Math.min(...xs);
  const lines: Line[] = visualLines(chars).map((line) => {
    const parts = chunks(line, GAP);
    return { line, parts, values: parts.length >= 2 && parts.some(isNumberChunk) };
  });
  // Lines inside a ruled table were taken by lattice already; keep stream tables out of their area.
  const free = lines.filter((l) => !ruled.some((t) => l.line.y > t.top && l.line.y < t.bottom));
  const tables: PdfTable[] = [];
  const used = new Set<Char>();
  for (const region of regions(free, width)) {
    const table = layout(blocks(region), page);
    if (!table) continue;
    tables.push(table);
    for (const l of region) for (const c of l.line.chars) used.add(c);
  }
  return { tables, rest: chars.filter((c) => !used.has(c)) };
}
