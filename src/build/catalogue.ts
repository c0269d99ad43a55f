/**
 * build: every product made over the whole archive (src/build/products.ts), in the order they are made.
 * A new kind of file over the whole archive is added here, and nowhere else in the build.
 */
import type { Product, ProductContext } from './products.ts';
import { movedPages } from './moved.ts';
import { webProducts } from './web.ts';
import { searchProducts } from '../search/products.ts';
import { dataProducts } from '../data/products.ts';

export function archiveProducts(ctx: ProductContext): Product[] {
  return [
    // Pages at published URLs the archive no longer makes: redirects and withdrawal notices (src/archive/published.ts).
    ...movedPages(ctx),
    // robots.txt, sitemap.xml, feed.xml.
    ...webProducts(),
    // The bulk data under /data/: the whole archive, and each year and province (src/data/).
    ...dataProducts(ctx),
    // The search index: a Pagefind bundle per province, and their list (src/search/).
    ...searchProducts(ctx),
  ];
}
