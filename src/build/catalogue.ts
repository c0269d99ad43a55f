/**
 * build: every product made over the whole archive (src/build/products.ts), in the order they are made.
 * A new kind of file over the whole archive is added here, and nowhere else in the build.
 */
import type { Product, ProductContext } from './products.ts';
import { searchProducts } from '../search/products.ts';

export function archiveProducts(ctx: ProductContext): Product[] {
  return [
    // The search index: a Pagefind bundle per province, and their list (src/search/).
    ...searchProducts(ctx),
  ];
}
