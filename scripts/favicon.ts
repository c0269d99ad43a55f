/**
 * Makes public/favicon.ico once (it is committed; the build only copies it): the site's accent blue
 * (#1f5fa8) as a rounded square with three white bars — a bar chart, for an archive of statistics —
 * at 16×16 and 32×32, each as a 32-bit BMP inside the ICO container (the form every browser and
 * crawler reads). No dependency: the pixels are drawn here.
 *
 *   node --import tsx scripts/favicon.ts
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ACCENT = [0x1f, 0x5f, 0xa8] as const;

/** RGBA pixels, top row first, of the icon at `size` pixels. */
function draw(size: number): Uint8Array {
  const px = new Uint8Array(size * size * 4);
  const s = size / 16; // design grid: 16 units
  const radius = 3 * s;
  // Bars in design units: [left, top] of each, 3 wide, down to 13; heights rising left to right.
  const bars = [
    [3, 8],
    [6.5, 5],
    [10, 2.5],
  ] as const;
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const cx = x + 0.5;
      const cy = y + 0.5;
      // Rounded corners: outside the quarter circles is transparent.
      const dx = Math.max(radius - cx, cx - (size - radius), 0);
      const dy = Math.max(radius - cy, cy - (size - radius), 0);
      const inside = dx * dx + dy * dy <= radius * radius;
      const bar = bars.some(([left, top]) => cx >= left * s && cx < (left + 3) * s && cy >= top * s && cy < 13 * s);
      const i = (y * size + x) * 4;
      if (!inside) continue;
      const [r, g, b] = bar ? [255, 255, 255] : ACCENT;
      px.set([r, g, b, 255], i);
    }
  return px;
}

/** One ICO image: BITMAPINFOHEADER, BGRA rows bottom-up, then the 1-bit AND mask (rows padded to 4 bytes). */
function bmp(size: number, rgba: Uint8Array): Buffer {
  const maskRow = Math.ceil(size / 32) * 4;
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8); // colour and mask stacked, as ICO wants
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  header.writeUInt32LE(size * size * 4 + maskRow * size, 20);
  const pixels = Buffer.alloc(size * size * 4);
  const mask = Buffer.alloc(maskRow * size);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const from = (y * size + x) * 4;
      const to = ((size - 1 - y) * size + x) * 4;
      pixels.set([rgba[from + 2]!, rgba[from + 1]!, rgba[from]!, rgba[from + 3]!], to);
      if (rgba[from + 3] === 0) mask[(size - 1 - y) * maskRow + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  return Buffer.concat([header, pixels, mask]);
}

/** The ICO container: header, one directory entry per image, the images. */
export function ico(sizes: readonly number[]): Buffer {
  const images = sizes.map((n) => bmp(n, draw(n)));
  const head = Buffer.alloc(6);
  head.writeUInt16LE(0, 0);
  head.writeUInt16LE(1, 2); // 1 = icon
  head.writeUInt16LE(sizes.length, 4);
  let offset = 6 + 16 * sizes.length;
  const entries = sizes.map((n, k) => {
    const e = Buffer.alloc(16);
    e.writeUInt8(n % 256, 0);
    e.writeUInt8(n % 256, 1);
    e.writeUInt16LE(1, 4); // colour planes
    e.writeUInt16LE(32, 6); // bits per pixel
    e.writeUInt32LE(images[k]!.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += images[k]!.length;
    return e;
  });
  return Buffer.concat([head, ...entries, ...images]);
}

if (import.meta.url === `file://${process.argv[1]}`) writeFileSync(join(import.meta.dirname, '..', 'public', 'favicon.ico'), ico([16, 32]));
