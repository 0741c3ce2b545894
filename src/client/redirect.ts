/**
 * On the 404 page: when the address is a clause alias listed in the redirect map
 * (/clauses/redirects.json), show the link to the history it now belongs to and go there,
 * keeping the query and the fragment.
 */

/** The target of a path in the map (paths without the base), or undefined. */
export function redirectTarget(pathname: string, base: string, redirects: Record<string, string>): string | undefined {
  if (!pathname.startsWith(base)) return undefined;
  const path = `/${pathname.slice(base.length)}`.replace(/\/?$/, '/');
  const target = redirects[path];
  return target === undefined ? undefined : `${base}${target.slice(1)}`;
}

/** Read the map and follow it. */
export async function followRedirect(): Promise<void> {
  const note = document.getElementById('moved-note');
  const link = document.getElementById('moved-link');
  if (!note || !link || !/\/clauses\/[^/]+\/?$/.test(location.pathname)) return;
  try {
    const response = await fetch(note.dataset.map ?? '');
    if (!response.ok) return;
    const { redirects } = (await response.json()) as { redirects: Record<string, string> };
    const target = redirectTarget(location.pathname, note.dataset.base ?? '/', redirects);
    if (!target) return;
    link.setAttribute('href', `${target}${location.search}${location.hash}`);
    note.hidden = false;
    location.replace(`${target}${location.search}${location.hash}`);
  } catch {
    // Without the map the page stays a plain "not found", with its links.
  }
}
