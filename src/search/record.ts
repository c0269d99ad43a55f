/**
 * search: one report as Pagefind indexes it — a custom record made from the report's model (its
 * cached parse with what the archive decided), not from its rendered page, so that the index can be
 * made wherever the parse cache is (a sharded build's aggregate pass has no report pages) and the
 * indexer is handed a few kilobytes per report instead of the whole page with its tables and charts.
 *
 * The record holds what the report page shows of the report's own content, with the same functions
 * the page uses: the title (its <h1>), the agency, the year, the region trail, the table edition, and
 * the six sections — each heading as numbered on the page, then its narrative text block by block as
 * src/render/narrative.ts writes it (a heading with its marker, a paragraph, each list item with its
 * marker; U+0000 as U+FFFD). Then the name's findable parts (src/search/names.ts), spaced apart.
 * The tables, findings, charts and page furniture are not indexed.
 */
import { SECTIONS } from '../model/labels.ts';
import type { Block, Report } from '../model/report.ts';
import { reportUrl } from '../archive/archive.ts';
import { title } from '../archive/site.ts';
import { editionLabel } from '../../templates/_includes/components.tsx';
import { agencyKind } from './kinds.ts';
import { nameParts } from './names.ts';

/** Pagefind's language code for every record: the archive is Chinese, segmented by Pagefind's extended build. */
export const LANGUAGE = 'zh-cn';
const NUMERALS = ['一', '二', '三', '四', '五', '六'];
/** The filter value of a report without a region. */
export const NO_REGION = '地区不明';

export interface SearchRecord {
  /** The page's URL below the site root (no path prefix: the search page gives Pagefind the site's base URL). */
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/** A block's text as the page shows it. */
function blockText(b: Block): string[] {
  const shown = (s: string) => s.replaceAll('\0', '\uFFFD');
  if (b.type === 'heading') return [shown(`${b.marker}${b.text}`)];
  if (b.type === 'paragraph') return b.text ? [shown(b.text)] : [];
  return b.items.map((i) => shown(`${i.marker}${i.text}`));
}

/** The narrative of the six sections as the page shows it, each under its numbered heading. */
export function narrativeText(r: Report): string[] {
  return SECTIONS.flatMap((s, k) => {
    const sec = r.sections[s.key];
    if (!sec) return [];
    return [`${NUMERALS[k]}、${s.canonical}`, ...(sec.title !== s.canonical ? [`原文标题：${sec.title}`] : []), ...sec.blocks.flatMap(blockText)];
  });
}

/** The search record of a report (a full report: with its sections). */
export function searchRecord(r: Report): SearchRecord {
  const path = r.agency.region?.path ?? [];
  const year = r.year !== null ? String(r.year) : '年度不明';
  const region = path.length ? path.join(' › ') : NO_REGION;
  const heading = title(r);
  const content = [
    heading,
    `发布机关：${r.agency.name}`,
    `年度：${year}`,
    `地区：${region}`,
    `表格版本：${editionLabel(r.edition)}`,
    ...narrativeText(r),
    // The name's parts, spaced so that each is a word of its own.
    `名称：${nameParts(r.agency.name, path, r.agency.aliases).join(' ')}`,
  ].join('\n');
  return {
    url: reportUrl(r),
    content,
    language: LANGUAGE,
    meta: { title: heading, agency: r.agency.name, year, region },
    filters: {
      年度: [year],
      省份: [path[0] ?? NO_REGION],
      表格版本: [editionLabel(r.edition)],
      机关类型: [agencyKind(r.agency.name)],
    },
  };
}
