/**
 * pdf/edges: drawn rules → merged horizontal and vertical edges. A stroked line, or a filled
 * rectangle thin in one direction (Chromium fills cell borders, Word strokes them), is an edge;
 * collinear edges that touch or overlap are joined; a rectangle's outline gives four.
 */
import type { Box } from './objects.ts';

export interface Edge {
  /** 'h': y is `at`, from `from` to `to` along x. 'v': x is `at`, from `from` to `to` along y. */
  dir: 'h' | 'v';
  at: number;
  from: number;
  to: number;
}

/** Thickest a filled rectangle may be and still be a rule. */
const THIN = 3;
/** Edges within this distance are one line (snap), and gaps this small are joined. */
export const SNAP = 2;
const JOIN = 3;
/** Shortest edge kept. */
const MIN_LENGTH = 4;

function toEdges(b: Box): Edge[] {
  const w = b.x1 - b.x0;
  const h = b.y1 - b.y0;
  if (h <= THIN && w >= MIN_LENGTH) return [{ dir: 'h', at: (b.y0 + b.y1) / 2, from: b.x0, to: b.x1 }];
  if (w <= THIN && h >= MIN_LENGTH) return [{ dir: 'v', at: (b.x0 + b.x1) / 2, from: b.y0, to: b.y1 }];
  if (w < MIN_LENGTH || h < MIN_LENGTH) return [];
  // A larger box: its outline (a cell drawn with `re`); a page-sized background is not a rule.
  return [
    { dir: 'h', at: b.y0, from: b.x0, to: b.x1 },
    { dir: 'h', at: b.y1, from: b.x0, to: b.x1 },
    { dir: 'v', at: b.x0, from: b.y0, to: b.y1 },
    { dir: 'v', at: b.x1, from: b.y0, to: b.y1 },
  ];
}

/** Join collinear edges of one direction: snap positions, then merge overlapping or touching runs. */
function merge(edges: Edge[]): Edge[] {
  const sorted = [...edges].sort((a, b) => a.at - b.at || a.from - b.from);
  // Snap: cluster positions.
  const groups: Edge[][] = [];
  for (const e of sorted) {
    const g = groups.at(-1);
    if (g && e.at - g[0]!.at <= SNAP) g.push(e);
    else groups.push([e]);
  }
  const out: Edge[] = [];
  for (const g of groups) {
    const at = g.reduce((s, e) => s + e.at, 0) / g.length;
    const runs = [...g].sort((a, b) => a.from - b.from);
    let cur: Edge | null = null;
    for (const e of runs) {
      if (cur && e.from <= cur.to + JOIN) cur.to = Math.max(cur.to, e.to);
      else {
        if (cur) out.push(cur);
        cur = { dir: e.dir, at, from: e.from, to: e.to };
      }
    }
    if (cur) out.push(cur);
  }
  return out;
}

export function edges(boxes: readonly Box[], page: { width: number; height: number }): Edge[] {
  const all = boxes
    .filter((b) => !(b.x1 - b.x0 > page.width * 0.95 && b.y1 - b.y0 > page.height * 0.95))
    .flatMap(toEdges);
  return [...merge(all.filter((e) => e.dir === 'h')), ...merge(all.filter((e) => e.dir === 'v'))];
}
