/** /data/index.json: every report as { id, agency, year, url, json }. */
import type { Data } from './_includes/data.ts';

export const data = { permalink: '/data/index.json', eleventyExcludeFromCollections: true };

export function render({ site }: Data) {
  return `${JSON.stringify(site.index, null, 2)}\n`;
}
