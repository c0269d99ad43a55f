/** /agencies/<slug>/<year>/report.json: the validated model of one report (the data contract). */
import type { Data } from './_includes/data.ts';
import type { ReportPage } from '../src/archive/site.ts';

type PageData = Data<{ entry: ReportPage }>;

export const data = {
  pagination: { data: 'site.reports', size: 1, alias: 'entry', addAllPagesToCollections: false },
  permalink: ({ entry }: PageData) => `${entry.url}report.json`,
  eleventyExcludeFromCollections: true,
};

export function render({ entry }: PageData) {
  return `${JSON.stringify(entry.report, null, 2)}\n`;
}
