/**
 * pdf/lattice: ruled tables. Edges that cross are one table; its vertical edges give the column
 * boundaries and its horizontal edges the row boundaries. A grid slot whose border with its
 * neighbour is not drawn is merged with it (rowspan/colspan); each merged cell gets the chars
 * whose centre lies inside it.
 */
import type { Char } from './objects.ts';
import type { Edge } from './edges.ts';
import { cellText } from './rows.ts';
import { nonEmpty, type PdfTable } from './table.ts';

const TOL = 3;

const crosses = (h: Edge, v: Edge) => v.at >= h.from - TOL && v.at <= h.to + TOL && h.at >= v.from - TOL && h.at <= v.to + TOL;

/** Groups of edges connected by crossings. */
function components(edges: readonly Edge[]): Edge[][] {
  const parent = edges.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  edges.forEach((a, i) => {
    edges.forEach((b, j) => {
      if (j > i && a.dir !== b.dir && crosses(a.dir === 'h' ? a : b, a.dir === 'h' ? b : a)) parent[find(i)] = find(j);
    });
  });
  const groups = new Map<number, Edge[]>();
  edges.forEach((e, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), e]));
  return [...groups.values()];
}

/** Distinct positions, clustered within TOL. */
function positions(values: number[]): number[] {
  const out: number[] = [];
  for (const v of [...values].sort((a, b) => a - b)) if (out.length === 0 || v - out.at(-1)! > TOL) out.push(v);
  return out;
}

const covers = (edges: readonly Edge[], at: number, from: number, to: number) =>
  edges.some((e) => Math.abs(e.at - at) <= TOL && e.from <= from + TOL && e.to >= to - TOL);

/** One ruled table from a group of edges, or null when the group is not a grid of at least 2×2. */
function grid(group: readonly Edge[], chars: readonly Char[], page: number): { table: PdfTable; used: Set<Char> } | null {
  const hs = group.filter((e) => e.dir === 'h');
  const vs = group.filter((e) => e.dir === 'v');
  const xs = positions(vs.map((e) => e.at));
  const ys = positions(hs.map((e) => e.at));
  if (xs.length < 3 || ys.length < 3) return null;
  const R = ys.length - 1;
  const C = xs.length - 1;
  // Merge slots across undrawn borders.
  const id = (r: number, c: number) => r * C + c;
  const parent = Array.from({ length: R * C }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let r = 0; r < R; r++) {
    for (let c = 0; c < C; c++) {
      if (c + 1 < C && !covers(vs, xs[c + 1]!, ys[r]!, ys[r + 1]!)) parent[find(id(r, c))] = find(id(r, c + 1));
      if (r + 1 < R && !covers(hs, ys[r + 1]!, xs[c]!, xs[c + 1]!)) parent[find(id(r, c))] = find(id(r + 1, c));
    }
  }
  // Each merged cell: its first slot (top-left) and the chars inside its bounding slots.
  const cells = new Map<number, { r0: number; c0: number; r1: number; c1: number; chars: Char[] }>();
  for (let r = 0; r < R; r++) {
    for (let c = 0; c < C; c++) {
      const k = find(id(r, c));
      const cell = cells.get(k);
      if (!cell) cells.set(k, { r0: r, c0: c, r1: r, c1: c, chars: [] });
      else {
        cell.r1 = Math.max(cell.r1, r);
        cell.c0 = Math.min(cell.c0, c);
        cell.c1 = Math.max(cell.c1, c);
      }
    }
  }
  const used = new Set<Char>();
  const slot = (v: number, bounds: number[]) => bounds.findIndex((b, i) => i + 1 < bounds.length && v >= b && v < bounds[i + 1]!);
  for (const ch of chars) {
    const c = slot((ch.x0 + ch.x1) / 2, xs);
    const r = slot((ch.top + ch.y) / 2, ys);
    if (c === -1 || r === -1) continue;
    cells.get(find(id(r, c)))!.chars.push(ch);
    used.add(ch);
  }
  const rows: string[][] = Array.from({ length: R }, () => Array<string>(C).fill(''));
  for (const cell of cells.values()) rows[cell.r0]![cell.c0] = cellText(cell.chars);
  const kept = nonEmpty(rows);
  if (kept.length === 0) return null;
  return { table: { method: 'lattice', pages: [page], x0: xs[0]!, x1: xs[C]!, top: ys[0]!, bottom: ys[R]!, columns: xs, rows: kept, rowPages: kept.map(() => page) }, used };
}

/** The ruled tables of a page, and the chars left outside them. */
export function lattice(edges: readonly Edge[], chars: readonly Char[], page: number): { tables: PdfTable[]; rest: Char[] } {
  const tables: PdfTable[] = [];
  const used = new Set<Char>();
  for (const group of components(edges)) {
    const found = grid(group, chars.filter((c) => !used.has(c)), page);
    if (!found) continue;
    tables.push(found.table);
    for (const c of found.used) used.add(c);
  }
  tables.sort((a, b) => a.top - b.top);
  return { tables, rest: chars.filter((c) => !used.has(c)) };
}
