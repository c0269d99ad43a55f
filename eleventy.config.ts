/**
 * Eleventy configuration. The site (issue: the archive website) renders the validated model
 * from the data cascade; templates live in templates/, static assets in public/.
 * Until Eleventy is added, this states the layout the site will use.
 */
export const dir = { input: 'templates', output: '_site', data: '_data', includes: '_includes' } as const;

interface EleventyConfig {
  addPassthroughCopy(paths: Record<string, string>): unknown;
}

export default function (eleventyConfig: EleventyConfig) {
  eleventyConfig.addPassthroughCopy({ public: '/' });
  return { dir };
}
