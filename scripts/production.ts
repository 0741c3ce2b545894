/**
 * A build meant for publishing must say where the site is published: SITE_URL is
 * in every citation, canonical link, `og:url`, share image and the feed.
 */

/** The placeholder address of astro.config.mjs, used when SITE_URL is unset. */
export const exampleSite = 'https://summit-diff.example.org';

/**
 * Why this build may not go ahead, or undefined when it may.
 *
 * @param args the build's arguments (`--production` marks a build for publishing).
 * @param env the environment (NODE_ENV=production marks it too; SITE_URL is checked).
 */
export function productionProblem(args: readonly string[], env: Record<string, string | undefined>): string | undefined {
  const production = args.includes('--production') || env.NODE_ENV === 'production';
  if (!production) return undefined;
  const site = env.SITE_URL?.trim();
  if (!site) return 'A production build needs SITE_URL, the address the site is published at (e.g. SITE_URL=https://example.org). No site was written.';
  let url: URL;
  try {
    url = new URL(site);
  } catch {
    return `SITE_URL=${site} is not an address (e.g. https://example.org). No site was written.`;
  }
  if (url.origin === new URL(exampleSite).origin) return `SITE_URL is the example address ${exampleSite}: set the address the site is published at. No site was written.`;
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `SITE_URL=${site} is not a web address. No site was written.`;
  if (url.pathname !== '/' && url.pathname !== '') return `SITE_URL=${site} has a path: put the path in BASE_PATH (SITE_URL=${url.origin} BASE_PATH=${url.pathname}). No site was written.`;
  return undefined;
}
