/**
 * The site's own configuration, `reports/site.yaml`: the terms the data is published under, and where
 * the site is served.
 * Read once by the build, validated with zod; a broken file is reported (file, line, key, what to
 * write) and the default used, so that a typo in a licence line never stops a build.
 *
 * ```yaml
 * licence: 数据依 CC BY 4.0 发布，使用时请注明来源。
 * licenceId: CC-BY-4.0                                  # optional: Open Definition / SPDX identifier
 * licenceUrl: https://creativecommons.org/licenses/by/4.0/deed.zh-hans   # optional
 * siteUrl: https://nianbao.example.org                  # optional: where the site is served (as --site-url)
 * minimumCases: 30                                      # optional: the fewest cases to rank an agency or flag a jump
 * ```
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { SITE_CONFIG } from '../folder.ts';

export const SiteConfig = z
  .object({
    licence: z.string().trim().min(1).max(500).describe('The terms of use, one line, shown on the data page and in datapackage.json'),
    licenceId: z
      .string()
      .regex(/^[-a-zA-Z0-9._]+$/, 'an identifier such as CC-BY-4.0 (letters, digits, - . _)')
      .optional()
      .describe('Open Definition / SPDX licence identifier (datapackage.json licenses[].name)'),
    licenceUrl: z
      .string()
      .regex(/^https?:\/\/\S+$/, 'an http:// or https:// address')
      .max(2000)
      .optional()
      .describe('Where the licence text is (datapackage.json licenses[].path)'),
    siteUrl: z
      .string()
      .regex(/^https?:\/\/[^\s?#]+$/, 'an http:// or https:// address without ? or #')
      .max(2000)
      .optional()
      .describe('Where the archive is served (https://host, or https://host/folder): canonical links, the sitemap and the feed carry absolute URLs. --site-url overrides it; with --path-prefix, the prefix is added to it if it does not end in it'),
    minimumCases: z
      .number()
      .int()
      .min(1)
      .max(1_000_000)
      .optional()
      .describe('The fewest cases (an indicator\'s denominator, or the count itself) for an agency to be ranked and for a jump between years to be flagged; fewer is 样本不足. Default 30'),
  })
  .strict();
export type SiteConfig = z.infer<typeof SiteConfig>;

/** What the site says when no site.yaml sets a licence. */
export const DEFAULT_CONFIG: SiteConfig = { licence: '本站未设置数据许可（reports/site.yaml 中没有 licence）；使用前请向发布者确认使用条件。' };

const HINT = 'site.yaml takes licence (one line of text, required), licenceId (e.g. CC-BY-4.0), licenceUrl and siteUrl (http:// or https://), and minimumCases (a whole number, default 30); the defaults are used until it is fixed.';

/** reports/site.yaml validated, or the default with one error line per problem (file:line: key: what is wrong). */
export function loadSiteConfig(dir: string): { config: SiteConfig; errors: string[] } {
  const path = join(dir, SITE_CONFIG);
  if (!existsSync(path)) return { config: DEFAULT_CONFIG, errors: [] };
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    return { config: DEFAULT_CONFIG, errors: [`${SITE_CONFIG}: cannot be read (${(err as NodeJS.ErrnoException).code ?? 'error'}); ${HINT}`] };
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  const at = (offset: number | undefined) => (offset === undefined ? '' : `:${lines.linePos(offset).line}`);
  if (doc.errors.length) return { config: DEFAULT_CONFIG, errors: doc.errors.map((e) => `${SITE_CONFIG}${at(e.pos[0])}: not valid YAML (${e.message.split('\n')[0]}); ${HINT}`) };
  const parsed = SiteConfig.safeParse(doc.toJS() ?? {});
  if (parsed.success) return { config: parsed.data, errors: [] };
  return {
    config: DEFAULT_CONFIG,
    errors: parsed.error.issues.map((i) => {
      const node = (i.path.length ? doc.getIn(i.path, true) : doc.contents) as { range?: [number, number, number] } | undefined;
      const key = i.code === 'unrecognized_keys' ? i.keys.join(', ') : i.path.join('.') || '(top)';
      return `${SITE_CONFIG}${at(node?.range?.[0])}: ${key}: ${i.message}; ${HINT}`;
    }),
  };
}
