/**
 * Link integrity of a built site, as pure functions over its HTML files:
 * every internal link and #fragment must resolve; external links that are
 * not https are listed.
 */
import { normaliseBase, withoutBase } from '../src/lib/model/href.ts';

/** A built page: its URL path (e.g. `/statements/x/`) and its HTML. */
export type BuiltPage = { path: string; html: string };

/** A link that does not resolve. */
export type BrokenLink = { page: string; href: string; reason: string };

/** What `checkLinks` finds. */
export type LinkReport = { checked: number; broken: BrokenLink[]; insecure: Array<{ page: string; href: string }> };

/**
 * Check every `href` and `src` of every page against the site.
 *
 * @param pages the HTML pages of the site.
 * @param files URL paths of every other file of the site (data, images, scripts).
 * @param base the path the site is served under (`/`, `/summit-diff/`): page and file
 *   paths are relative to it, links must lie within it.
 */
export function checkLinks(pages: BuiltPage[], files: Set<string>, base = '/'): LinkReport {
  const prefix = normaliseBase(base);
  const idsByPage = new Map(pages.map((page) => [page.path, idsOf(page.html)]));
  const broken: BrokenLink[] = [];
  const insecure: Array<{ page: string; href: string }> = [];
  let checked = 0;
  for (const page of pages) {
    for (const href of linksOf(page.html)) {
      checked++;
      if (/^(?:mailto:|data:)/i.test(href)) continue;
      if (/^http:\/\//i.test(href)) {
        insecure.push({ page: page.path, href });
        continue;
      }
      if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('//')) continue;
      const url = new URL(href, `http://site${prefix.slice(0, -1)}${page.path}`);
      const target = withoutBase(prefix, url.pathname);
      if (target === undefined) {
        broken.push({ page: page.path, href, reason: `outside the base path ${prefix}` });
        continue;
      }
      const targetIds = idsByPage.get(target) ?? idsByPage.get(target.endsWith('/') ? target : `${target}/`);
      if (!targetIds && !files.has(decodeURIComponent(target))) {
        broken.push({ page: page.path, href, reason: 'no such page or file' });
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment && targetIds && !targetIds.has(fragment)) {
        broken.push({ page: page.path, href, reason: `no element with id "${fragment}"` });
      }
    }
  }
  return { checked, broken, insecure };
}

/** The ids of a page's elements. */
export function idsOf(html: string): Set<string> {
  const ids = new Set<string>();
  for (const match of html.matchAll(/\sid=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)) ids.add(decodeEntities(match[1] ?? match[2] ?? match[3] ?? ''));
  return ids;
}

/** The href and src values of a page, without those of <link rel=canonical|alternate> and meta tags. */
export function linksOf(html: string): string[] {
  const links: string[] = [];
  for (const match of html.matchAll(/<(a|link|script|img|use|image|iframe|form)\b([^>]*)>/gi)) {
    const tag = (match[1] ?? '').toLowerCase();
    const attributes = match[2] ?? '';
    if (tag === 'link' && /rel=["']?(?:canonical|alternate)/i.test(attributes)) continue;
    const attribute = tag === 'form' ? 'action' : tag === 'use' || tag === 'image' ? '(?:xlink:)?href' : tag === 'a' || tag === 'link' ? 'href' : 'src';
    const value = new RegExp(`\\s${attribute}=(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(attributes);
    const href = value ? decodeEntities(value[1] ?? value[2] ?? value[3] ?? '') : '';
    if (href) links.push(href);
  }
  return links;
}

function decodeEntities(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, decimal: string) => String.fromCodePoint(Number(decimal)))
    .replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

/** Every href, src and action value of a page, on any element (canonical and alternate links too). */
export function addressesOf(html: string): string[] {
  const values: string[] = [];
  for (const [tag] of html.matchAll(/<[a-z][a-z0-9-]*\b[^>]*>/gi)) {
    for (const match of tag.matchAll(/\s(?:xlink:)?(?:href|src|action)=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)) values.push(decodeEntities(match[1] ?? match[2] ?? match[3] ?? ''));
  }
  return values;
}

/**
 * The root-relative addresses of a page (`/x`, not `//host/x`) that lie outside the base path:
 * on a site served under `/summit-diff/`, each of them leaves the site.
 */
export function outsideBase(html: string, base: string): string[] {
  const prefix = normaliseBase(base);
  return addressesOf(html).filter((value) => value.startsWith('/') && !value.startsWith('//') && !value.startsWith(prefix));
}
