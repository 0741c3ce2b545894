/**
 * The one helper for internal addresses in pages and client scripts: `href('/statements/')`
 * is that path under the build's base path (Astro's `base`, from BASE_PATH).
 */
import { normaliseBase, withBase } from '../lib/model/href.ts';

/** The build's base path, with a leading and a trailing slash. */
export const basePath = normaliseBase(import.meta.env.BASE_URL);

/** A site path (`/compare/a/b/#x`) under the base path. */
export function href(path: string): string {
  return withBase(basePath, path);
}
