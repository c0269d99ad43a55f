/** /agencies/<slug>/<year>/source.txt: the report's text as read, in UTF-8, line numbers as in the findings. */
import type { Data } from './_includes/data.ts';
import type { ReportPage } from '../src/archive/site.ts';

type PageData = Data<{ entry: ReportPage }>;

export const data = {
  pagination: { data: 'site.reports', size: 1, alias: 'entry', addAllPagesToCollections: false },
  permalink: ({ entry }: PageData) => `${entry.url}source.txt`,
  eleventyExcludeFromCollections: true,
};

export function render({ entry }: PageData) {
  return entry.sourceText.endsWith('\n') ? entry.sourceText : `${entry.sourceText}\n`;
}
