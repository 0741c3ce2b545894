/**
 * Internal addresses under the site's base path. Every internal link is built
 * here, so a site served under a sub-path (`/summit-diff/`) links within it.
 * Pure: pages use `href()` from src/data/href.ts, which passes the build's base.
 */

/** The base path in one form: a leading and a trailing slash (`/`, `/summit-diff/`). */
export function normaliseBase(base: string | undefined): string {
  const trimmed = (base ?? '').trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

/**
 * The address of a site path under a base path.
 *
 * @param base the base path (`/`, `/summit-diff/` or `/summit-diff`).
 * @param path a site path starting with `/` (`/statements/x/#a`); a fragment-only
 *   (`#a`) or query-only (`?q=`) address is returned as it is.
 */
export function withBase(base: string | undefined, path: string): string {
  if (!path.startsWith('/') || path.startsWith('//')) {
    if (/^[#?]/.test(path)) return path;
    throw new Error(`An internal address starts with one "/": ${JSON.stringify(path)}`);
  }
  return `${normaliseBase(base).slice(0, -1)}${path}`;
}

/** The site path of an address under a base path, or undefined when it lies outside the base. */
export function withoutBase(base: string | undefined, address: string): string | undefined {
  const prefix = normaliseBase(base);
  if (prefix === '/') return address;
  if (address === prefix.slice(0, -1)) return '/';
  return address.startsWith(prefix) ? address.slice(prefix.length - 1) : undefined;
}
