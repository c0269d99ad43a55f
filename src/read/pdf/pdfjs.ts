/**
 * pdf/pdfjs: pdf.js (legacy build, runs on Node 20) set up to read files offline — CMaps and
 * standard font data from the installed package as file-system paths, no font faces, no eval.
 */
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api.js';

export const { OPS, Util } = pdfjs;

const require = createRequire(import.meta.url);
const root = dirname(require.resolve('pdfjs-dist/package.json'));
const CMAPS = join(root, 'cmaps') + sep;
const FONTS = join(root, 'standard_fonts') + sep;

const WORKER: string = 'pdfjs-dist/legacy/build/pdf.worker.mjs';
let worker: Promise<unknown> | undefined;

/** Open a document from bytes (copied: pdf.js detaches the buffer it is given). */
export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  // The worker runs in this thread: load its module once so pdf.js finds it on globalThis.
  worker ??= import(WORKER).then((w) => ((globalThis as Record<string, unknown>)['pdfjsWorker'] = w));
  await worker;
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    cMapUrl: CMAPS,
    cMapPacked: true,
    standardFontDataUrl: FONTS,
    disableFontFace: true,
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  });
  return task.promise;
}
