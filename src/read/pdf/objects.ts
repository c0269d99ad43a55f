/**
 * pdf/objects: one page of a PDF → its characters and its drawn rules, in top-down page
 * coordinates (y grows downwards, whatever the page matrix). Characters come from pdf.js text runs,
 * cut into glyphs with estimated positions (a producer may put a whole row of cells in one run);
 * rules come from the operator list, following the CTM through save/restore/transform.
 */
import type { PDFPageProxy } from 'pdfjs-dist/types/src/display/api.js';
import { OPS, Util } from './pdfjs.ts';

export interface Char {
  c: string;
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  /** Baseline. */
  y: number;
  size: number;
}

/** A drawn rule or thin filled rectangle, as a box (a line has zero width or height). */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PageObjects {
  page: number;
  width: number;
  height: number;
  chars: Char[];
  boxes: Box[];
  images: number;
}

type Matrix = [number, number, number, number, number, number];

const wide = (c: string) => /[\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFF00-\uFF60\uFFE0-\uFFE6\u3000-\u303F\u2014\u2018-\u201D\u2026]/.test(c);

/** A run cut into glyphs; a glyph's width is estimated from the run's width (CJK full, others half). */
function glyphs(str: string, m: Matrix, width: number): Char[] {
  const chars = Array.from(str);
  const size = Math.hypot(m[2], m[3]) || Math.hypot(m[0], m[1]);
  const units = chars.reduce((s, c) => s + (wide(c) ? 2 : 1), 0);
  if (units === 0) return [];
  const unit = width / units;
  const out: Char[] = [];
  let x = m[4];
  for (const c of chars) {
    const w = unit * (wide(c) ? 2 : 1);
    out.push({ c, x0: x, x1: x + w, top: m[5] - size * 0.88, bottom: m[5] + size * 0.12, y: m[5], size });
    x += w;
  }
  return out;
}

const PAINT = new Set<number>([OPS.stroke, OPS.closeStroke, OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
const STROKE = new Set<number>([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
const IMAGES = new Set<number>([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject, OPS.paintImageXObjectRepeat, OPS.paintImageMaskXObjectRepeat, OPS.paintSolidColorImageMask, OPS.paintInlineImageXObjectGroup]);

const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
const boxOf = (pts: [number, number][]): Box => ({
  x0: Math.min(...pts.map((p) => p[0])),
  y0: Math.min(...pts.map((p) => p[1])),
  x1: Math.max(...pts.map((p) => p[0])),
  y1: Math.max(...pts.map((p) => p[1])),
});

/** Rules drawn on a page: stroked straight segments, and the boxes of filled (non-white) subpaths. */
async function rules(page: PDFPageProxy, view: Matrix): Promise<{ boxes: Box[]; images: number }> {
  const list = await page.getOperatorList();
  const boxes: Box[] = [];
  let images = 0;
  let ctm: Matrix = view;
  let fillWhite = false;
  let strokeWhite = false;
  const stack: { ctm: Matrix; fillWhite: boolean; strokeWhite: boolean }[] = [];
  let path: [number, number][][] = [];
  const white = (a: unknown) => Array.isArray(a) || ArrayBuffer.isView(a) ? Array.from(a as ArrayLike<number>).every((v) => v >= 240) : false;
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i]!;
    const args = list.argsArray[i] as unknown[] | null;
    if (fn === OPS.save) stack.push({ ctm, fillWhite, strokeWhite });
    else if (fn === OPS.restore) ({ ctm, fillWhite, strokeWhite } = stack.pop() ?? { ctm, fillWhite, strokeWhite });
    else if (fn === OPS.transform) ctm = Util.transform(ctm, args as Matrix) as Matrix;
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push({ ctm, fillWhite, strokeWhite });
      if (Array.isArray(args?.[0])) ctm = Util.transform(ctm, args[0] as Matrix) as Matrix;
    } else if (fn === OPS.paintFormXObjectEnd) ({ ctm, fillWhite, strokeWhite } = stack.pop() ?? { ctm, fillWhite, strokeWhite });
    else if (fn === OPS.setFillRGBColor) fillWhite = white(args);
    else if (fn === OPS.setStrokeRGBColor) strokeWhite = white(args);
    else if (IMAGES.has(fn)) images++;
    else if (fn === OPS.constructPath) {
      const ops = (args?.[0] ?? []) as number[];
      const xs = (args?.[1] ?? []) as number[];
      let k = 0;
      for (const op of ops) {
        if (op === OPS.rectangle) {
          const [x, y, w, h] = [xs[k]!, xs[k + 1]!, xs[k + 2]!, xs[k + 3]!];
          path.push([apply(ctm, x, y), apply(ctm, x + w, y), apply(ctm, x + w, y + h), apply(ctm, x, y + h), apply(ctm, x, y)]);
          k += 4;
        } else if (op === OPS.moveTo) {
          path.push([apply(ctm, xs[k]!, xs[k + 1]!)]);
          k += 2;
        } else if (op === OPS.lineTo) {
          (path.at(-1) ?? (path.push([]), path.at(-1)!)).push(apply(ctm, xs[k]!, xs[k + 1]!));
          k += 2;
        } else if (op === OPS.curveTo) k += 6;
        else if (op === OPS.curveTo2 || op === OPS.curveTo3) k += 4;
      }
    } else if (PAINT.has(fn) || fn === OPS.endPath) {
      if (fn !== OPS.endPath) {
        const stroke = STROKE.has(fn);
        if (stroke && !strokeWhite) for (const sub of path) for (let j = 1; j < sub.length; j++) boxes.push(boxOf([sub[j - 1]!, sub[j]!]));
        if (!stroke && !fillWhite) for (const sub of path) if (sub.length > 1) boxes.push(boxOf(sub));
      }
      path = [];
    }
  }
  return { boxes, images };
}

export async function pageObjects(page: PDFPageProxy, n: number): Promise<PageObjects> {
  const viewport = page.getViewport({ scale: 1 });
  const view = viewport.transform as Matrix;
  const content = await page.getTextContent();
  const chars: Char[] = [];
  for (const item of content.items) {
    if (!('str' in item) || item.str === '') continue;
    const m = Util.transform(view, item.transform) as Matrix;
    if (Math.abs(m[1]) > 0.01 || Math.abs(m[2]) > 0.01) continue; // rotated or vertical text
    chars.push(...glyphs(item.str, m, item.width * Math.abs(view[0] || view[1])));
  }
  const { boxes, images } = await rules(page, view);
  return { page: n, width: viewport.width, height: viewport.height, chars, boxes, images };
}
