/**
 * build: every product made over the whole archive (src/build/products.ts), in the order they are made.
 * A new kind of file over the whole archive is added here, and nowhere else in the build.
 */
import type { Product, ProductContext } from './products.ts';
import { dataProducts } from '../data/products.ts';

export function archiveProducts(ctx: ProductContext): Product[] {
  return [...dataProducts(ctx)];
}
