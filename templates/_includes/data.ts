/** What Eleventy's data cascade gives every template: the site model as `site`, plus a page's pagination alias. */
import type { Site } from '../../src/archive/site.ts';

export type Data<T extends object = object> = { site: Site } & T;
