/**
 * archive: where the site is served, and the URLs made from it.
 *
 * Page paths in the model are root-relative and prefix-less (`/agencies/x/2021/`): Eleventy's
 * HtmlBasePlugin (and src/build/render.ts for the streamed pages) puts `--path-prefix` in front of
 * every such URL in an attribute. `--site-url` is the absolute address of the site's root, folder
 * included: a site built with `--path-prefix /nianbao/` and served at https://host/nianbao/ takes
 * `--site-url https://host/nianbao`, and a page's absolute URL is the site URL + its prefix-less
 * path (the build checks that the site URL ends in the prefix).
 *
 * Two kinds of URL come out: one for an attribute (`href`, `src`: the plugin adds the prefix to a
 * path, and leaves an absolute URL alone) and one shown as text for a reader to copy (the code of an
 * embed, a permanent URL), which nothing rewrites and so carries the prefix itself.
 */
export interface SiteAddress {
  /** --site-url, without its trailing slash; null when not given. */
  siteUrl: string | null;
  /** --path-prefix as Eleventy writes it: `/` or `/sub/`. */
  prefix: string;
}

/** No --site-url, no --path-prefix (tests and the default build). */
export const NO_ADDRESS: SiteAddress = { siteUrl: null, prefix: '/' };

/** A page's absolute URL, or null without --site-url. `path` is root-relative and prefix-less. */
export const absoluteUrl = (a: SiteAddress, path: string): string | null => (a.siteUrl === null ? null : `${a.siteUrl}${path}`);

/** A URL for an attribute: absolute when the site URL is known, else the path (to which the prefix is added on rendering). */
export const linkUrl = (a: SiteAddress, path: string): string => absoluteUrl(a, path) ?? path;

/** A URL shown as text, for a reader to copy: absolute when the site URL is known, else the path with the prefix. */
export const shownUrl = (a: SiteAddress, path: string): string => absoluteUrl(a, path) ?? `${a.prefix}${path.slice(1)}`;

/** Why a site URL and a path prefix do not fit together (null: they do). The site URL must end in the prefix's folder. */
export function addressProblem(siteUrl: string | null, prefix: string): string | null {
  if (siteUrl === null || prefix === '/') return null;
  const path = new URL(`${siteUrl}/`).pathname;
  return path.endsWith(prefix) ? null : `--site-url ${siteUrl} does not end in the --path-prefix ${prefix}: the site URL is the address of the site's own root, folder included (e.g. --site-url https://host${prefix.replace(/\/$/, '')}).`;
}

/**
 * The site URL of reports/site.yaml with the build's --path-prefix: the configuration says where the
 * archive is served once, and a build below a folder (--path-prefix /nianbao/) adds the folder when
 * the configured address does not end in it already.
 */
export function configuredSiteUrl(configured: string, prefix: string): string {
  const url = configured.replace(/\/+$/, '');
  return addressProblem(url, prefix) === null ? url : `${url}${prefix.replace(/\/$/, '')}`;
}
