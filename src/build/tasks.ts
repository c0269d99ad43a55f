/**
 * build: the work done for one file or one page, in a worker thread (src/build/pool.ts) or, with one
 * worker, in the build's own thread. Each task reads what it needs from disk and the cache, writes
 * its result, and returns only what the build keeps: a report's summary, or the files a page wrote.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseInputs, readReportInputs, type FolderMetas } from '../io.ts';
import type { Report } from '../model/report.ts';
import { originalName, reportPage, type AgencyPage, type Link } from '../archive/site.ts';
import { renderReport } from '../../templates/streamed/report.tsx';
import { renderAgency } from '../../templates/streamed/agency.tsx';
import { renderAgencyEmbed, renderReportEmbed } from '../../templates/streamed/embed.tsx';
import { reportEmbed } from '../archive/embed.ts';
import type { Licence } from '../archive/dataset.ts';
import { hasParsed, parseKey, readParsed, writeParsed } from './cache.ts';
import { renderHtml } from './render.ts';
import { summarise, type ArchivePatch } from './summary.ts';

/** `known`: the key the last build recorded for this path; if the file still has it, its summary is the build's already. */
export type ParseTask = { kind: 'parse'; fsPath: Uint8Array; path: string; cache: string; parser: string; known: string | null };
/** `summary`: JSON (a string crosses threads far cheaper than an object tree); null when `known` was right. */
export type ParseResult = { ok: true; key: string; summary: string | null; reused: boolean; ms: number } | { ok: false; reason: string };

export type ReportPageTask = { kind: 'report-page'; key: string; cache: string; patch: ArchivePatch; prev: Link | null; next: Link | null; original: string | null; out: string; prefix: string; siteUrl: string | null; licence: Licence | null };
/** `page` is made with the site's address (its embed and share code in it). */
export type AgencyPageTask = { kind: 'agency-page'; page: AgencyPage; out: string; prefix: string };
/** The files a page task wrote, relative to the output folder. */
export type PageResult = { files: string[] };

export type Task = ParseTask | ReportPageTask | AgencyPageTask;
export type Result<T extends Task> = T extends ParseTask ? ParseResult : PageResult;

/** Each folder's meta.yaml, read once per thread. */
const folderMetas: FolderMetas = new Map();

/** Read a report's file and sidecar; parse it unless the cache has it. One file's failure is its own. */
async function parse(t: ParseTask): Promise<ParseResult> {
  const inputs = readReportInputs(Buffer.from(t.fsPath), t.path, folderMetas);
  if (!inputs.ok) return inputs;
  const key = parseKey(t.parser, t.path, inputs.bytes, [inputs.sidecar, inputs.extra]);
  if (key === t.known && hasParsed(t.cache, key)) return { ok: true, key, summary: null, reused: true, ms: 0 };
  // Parsed already but not recorded for this path (a parse shard's cache): summarised from the entry.
  const cached = readParsed(t.cache, key);
  if (cached) return { ok: true, key, summary: JSON.stringify(summarise(cached.report)), reused: true, ms: 0 };
  const started = performance.now();
  const parsed = await parseInputs(inputs, t.path);
  const ms = performance.now() - started;
  writeParsed(t.cache, key, parsed);
  return { ok: true, key, summary: JSON.stringify(summarise(parsed.report)), reused: false, ms };
}

function write(out: string, url: string, files: [string, string][]): string[] {
  const dir = join(out, url);
  mkdirSync(dir, { recursive: true });
  for (const [name, data] of files) writeFileSync(join(dir, name), data);
  return files.map(([name]) => `${url.slice(1)}${name}`);
}

/** A report's page, report.json, source.txt and original, from its cached parse and what the archive decided. */
async function reportPageTask(t: ReportPageTask): Promise<PageResult> {
  const parsed = readParsed(t.cache, t.key);
  // The parse stage wrote it moments ago; only a cache emptied during the build loses it.
  if (!parsed) throw new Error(`the parse cache lost ${t.patch.id} (${t.key}) during the build; run the build again`);
  const report: Report = { ...parsed.report, ...t.patch };
  const address = { siteUrl: t.siteUrl, prefix: t.prefix };
  const page = reportPage(report, t.prev, t.next, parsed.text, address, t.licence);
  const written = write(t.out, page.url, [
    ['index.html', await renderHtml(renderReport(page), t.prefix)],
    ['report.json', `${JSON.stringify(report, null, 2)}\n`],
    ['source.txt', parsed.text.endsWith('\n') ? parsed.text : `${parsed.text}\n`],
  ]);
  if (t.original) {
    copyFileSync(t.original, join(t.out, page.url, originalName(report)));
    written.push(`${page.url.slice(1)}${originalName(report)}`);
  }
  // The report's embed: an extra file of the same page, made from the same inputs.
  const embed = reportEmbed(report, address);
  written.push(...write(t.out, embed.url, [['index.html', await renderHtml(renderReportEmbed(embed), t.prefix)]]));
  return { files: written };
}

/** An agency's page, and its embed beside it (/embed/<slug>/). */
async function agencyPageTask(t: AgencyPageTask): Promise<PageResult> {
  return {
    files: [
      ...write(t.out, t.page.url, [['index.html', await renderHtml(renderAgency(t.page), t.prefix)]]),
      ...write(t.out, t.page.embed.url, [['index.html', await renderHtml(renderAgencyEmbed(t.page.embed), t.prefix)]]),
    ],
  };
}

export async function runTask<T extends Task>(task: T): Promise<Result<T>> {
  if (task.kind === 'parse') return (await parse(task)) as Result<T>;
  if (task.kind === 'report-page') return (await reportPageTask(task)) as Result<T>;
  return (await agencyPageTask(task)) as Result<T>;
}
