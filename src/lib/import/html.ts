/**
 * Read a statement saved as HTML, as official sites publish them (and as
 * mammoth renders a Word file): pick the main content, strip navigation,
 * headers, footers, scripts and share bars, take the `<h1>` as the title,
 * turn headings and paragraphs into blocks and footnote links into footnotes.
 * hast-util-from-html builds the tree as a browser would.
 */
import type { Properties, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { find as findProperty, html as htmlSchema } from 'property-information';
import { footnoteMark, linkMark, type Block, type ImportFootnote, type ImportSource } from './draft.ts';

/** A node of the parsed HTML. */
export type HtmlNode = HtmlElement | { type: 'text'; value: string };
export type HtmlElement = { type: 'element'; name: string; attrs: Record<string, string>; children: HtmlNode[]; parent?: HtmlElement };

const blockElements = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul'
]);
const noiseElements = new Set(['script', 'style', 'noscript', 'template', 'nav', 'aside', 'form', 'button', 'iframe', 'svg', 'select', 'footer', 'img', 'figure', 'video', 'audio', 'canvas', 'object']);
const noiseRoles = new Set(['navigation', 'banner', 'contentinfo', 'search', 'complementary', 'menu', 'menubar', 'toolbar']);
const noiseClass = /(?:^|[\s_-])(?:nav|navbar|navigation|menu|breadcrumbs?|footer|share|sharing|social|cookies?|skip|pagination|pager|related|print|toolbar|sidebar|banner|masthead|subscribe)(?:$|[\s_-])/i;
const footnoteArea = /(?:^|[\s_-])(?:footnotes?|endnotes?|notes)(?:$|[\s_-])/i;

/**
 * Parse HTML into a tree, as a browser does (hast-util-from-html, on parse5): implied end
 * tags, every named character reference, raw text in scripts and styles.
 *
 * @param html the document.
 * @returns the root element (`#root`).
 */
export function parseHtml(html: string): HtmlElement {
  const root: HtmlElement = { type: 'element', name: '#root', attrs: {}, children: [] };
  root.children = convert(fromHtml(html).children, root);
  return root;
}

// hast nodes to our elements: tag names and attribute names as written in HTML, comments and doctypes dropped.
function convert(nodes: RootContent[], parent: HtmlElement): HtmlNode[] {
  return nodes.flatMap((node): HtmlNode[] => {
    if (node.type === 'text') return [{ type: 'text', value: node.value }];
    if (node.type !== 'element') return [];
    const element: HtmlElement = { type: 'element', name: node.tagName, attrs: attributes(node.properties), children: [], parent };
    // A <template>'s content is a fragment of its own in hast; it is noise here anyway.
    element.children = convert(node.children, element);
    return [element];
  });
}

function attributes(properties: Properties): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const [property, value] of Object.entries(properties)) {
    if (value === undefined || value === null || value === false) continue;
    const info = findProperty(htmlSchema, property);
    attrs[info.attribute] = value === true ? '' : Array.isArray(value) ? value.join(info.commaSeparated ? ',' : ' ') : String(value);
  }
  return attrs;
}

/**
 * Read an HTML statement page.
 *
 * @param html the page.
 * @returns blocks, title, footnotes and canonical address for `draftStatement`.
 */
export function readHtml(html: string): ImportSource {
  const document = parseHtml(html);
  const stripped = new Map<string, number>();
  const count = (what: string): void => {
    stripped.set(what, (stripped.get(what) ?? 0) + 1);
  };
  const body = find(document, (element) => element.name === 'body') ?? document;
  const canonical =
    find(document, (element) => element.name === 'link' && /\bcanonical\b/i.test(element.attrs.rel ?? ''))?.attrs.href ??
    find(document, (element) => element.name === 'meta' && element.attrs.property === 'og:url')?.attrs.content;
  const root =
    find(body, (element) => element.name === 'main' || element.attrs.role === 'main') ??
    largest(findAll(body, (element) => element.name === 'article')) ??
    body;
  if (root !== body) count('everything outside the main content (site header, menus, footer)');
  strip(root, count);

  const h1 = find(root, (element) => element.name === 'h1') ?? find(body, (element) => element.name === 'h1' && !inside(element, (a) => a.name === 'nav'));
  const pageTitle = find(document, (element) => element.name === 'title');
  const title = h1 ? inlineText(h1, new Map(), false, true).trim() : undefined;

  const notes = readFootnotes(root);
  const blocks: Block[] = [];
  collectBlocks(root, h1, notes.references, blocks);
  const source: ImportSource = {
    blocks,
    footnotes: notes.footnotes,
    stripped: [...stripped].map(([what, times]) => (times > 1 ? `${what} (${times})` : what))
  };
  const fallbackTitle = pageTitle ? textOf(pageTitle).trim() : '';
  if (title) source.title = title;
  else if (fallbackTitle) source.title = fallbackTitle;
  if (canonical && /^https?:\/\//i.test(canonical)) source.url = canonical;
  return source;
}

function strip(element: HtmlElement, count: (what: string) => void): void {
  element.children = element.children.filter((child) => {
    if (child.type !== 'element') return true;
    const label = `${child.attrs.class ?? ''} ${child.attrs.id ?? ''}`;
    let noise: string | undefined;
    if (noiseElements.has(child.name)) noise = `<${child.name}>`;
    else if (child.name === 'header' && !find(child, (element) => element.name === 'h1')) noise = '<header>';
    else if (child.attrs.role && noiseRoles.has(child.attrs.role)) noise = `role=${child.attrs.role}`;
    else if (noiseClass.test(label) && !footnoteArea.test(label)) noise = `.${label.trim().split(/\s+/)[0]}`;
    else if (child.attrs.hidden !== undefined || child.attrs['aria-hidden'] === 'true') noise = 'hidden element';
    if (noise && !['img', 'script', 'style', 'noscript', 'template', 'svg'].includes(child.name)) count(noise);
    if (noise) return false;
    strip(child, count);
    return true;
  });
}

type Notes = { footnotes: ImportFootnote[]; references: Map<HtmlElement, string> };

// A footnote reference is a same-page link inside <sup>, or one whose text is a bare number;
// its target holds the note. Notes are numbered in order of first reference.
function readFootnotes(root: HtmlElement): Notes {
  const byId = new Map<string, HtmlElement>();
  for (const element of findAll(root, (candidate) => candidate.attrs.id !== undefined || (candidate.name === 'a' && candidate.attrs.name !== undefined))) {
    byId.set(element.attrs.id ?? element.attrs.name ?? '', element);
  }
  const references = new Map<HtmlElement, string>();
  const footnotes: ImportFootnote[] = [];
  const labelOf = new Map<HtmlElement, string>();
  const noteElements = new Set<HtmlElement>();
  for (const link of findAll(root, (element) => element.name === 'a' && (element.attrs.href ?? '').startsWith('#'))) {
    const target = byId.get(decodeURIComponent((link.attrs.href ?? '').slice(1)));
    const text = textOf(link).trim();
    const looksLikeReference = inside(link, (element) => element.name === 'sup') || /^\[?\d{1,3}\]?$/.test(text) || /footnote|fnref|noteref/i.test(`${link.attrs.class ?? ''} ${link.attrs.id ?? ''}`);
    if (!target || !looksLikeReference || inside(link, (element) => noteElements.has(element))) continue;
    const note = noteBlock(target);
    if (inside(link, (element) => element === note)) continue;
    let label = labelOf.get(note);
    if (!label) {
      label = String(footnotes.length + 1);
      labelOf.set(note, label);
      noteElements.add(note);
      footnotes.push({ label, text: '' });
    }
    references.set(link, label);
  }
  for (const [note, label] of labelOf) {
    const footnote = footnotes.find((item) => item.label === label);
    if (footnote) footnote.text = inlineText(note, new Map(), true).replace(/^\s*\[?\d{1,3}\]?[.)]?\s+/, '').replace(/\s*[↑↩^]\s*$/u, '').trim();
    detach(note);
  }
  // An emptied footnotes list or section goes too.
  for (const area of findAll(root, (element) => footnoteArea.test(`${element.attrs.class ?? ''} ${element.attrs.id ?? ''}`))) {
    if (textOf(area).trim() === '' || /^(?:foot|end)?notes:?$/i.test(textOf(area).trim())) detach(area);
  }
  return { footnotes, references };
}

// The element holding a note: the target itself, or its enclosing list item or paragraph.
function noteBlock(target: HtmlElement): HtmlElement {
  if (blockElements.has(target.name)) return target;
  let current: HtmlElement | undefined = target;
  while (current && !blockElements.has(current.name)) current = current.parent;
  return current ?? target;
}

function detach(element: HtmlElement): void {
  const parent = element.parent;
  if (!parent) return;
  parent.children = parent.children.filter((child) => child !== element);
  // Drop an <ol>/<ul> left without items.
  if ((parent.name === 'ol' || parent.name === 'ul') && !parent.children.some((child) => child.type === 'element')) detach(parent);
}

// Depth-first in document order: a block with block children is a container; its
// loose inline runs become paragraphs of their own.
function collectBlocks(element: HtmlElement, title: HtmlElement | undefined, references: Map<HtmlElement, string>, blocks: Block[]): void {
  if (element === title) return;
  const hasBlockChild = element.children.some((child) => child.type === 'element' && blockElements.has(child.name));
  if (!hasBlockChild) {
    if (element.name === 'hr') return;
    const text = inlineText(element, references);
    const heading = /^h[1-6]$/.test(element.name) || (element.name !== 'li' && isEmphasisOnly(element));
    for (const piece of text.split(/\n\s*\n/)) {
      const clean = piece.replace(/\s+/g, ' ').trim();
      if (clean) blocks.push({ type: heading ? 'heading' : 'paragraph', text: clean });
    }
    return;
  }
  let run: HtmlElement = { type: 'element', name: 'span', attrs: {}, children: [] };
  const flush = (): void => {
    const text = inlineText(run, references).replace(/\s+/g, ' ').trim();
    if (text) blocks.push({ type: 'paragraph', text });
    run = { type: 'element', name: 'span', attrs: {}, children: [] };
  };
  for (const child of element.children) {
    if (child.type === 'element' && blockElements.has(child.name)) {
      flush();
      collectBlocks(child, title, references, blocks);
    } else run.children.push(child);
  }
  flush();
}

function isEmphasisOnly(element: HtmlElement): boolean {
  const meaningful = element.children.filter((child) => child.type === 'element' || child.value.trim() !== '');
  return meaningful.length === 1 && meaningful[0]?.type === 'element' && ['strong', 'b'].includes(meaningful[0].name) && textOf(element).split(/\s+/).length <= 14;
}

// The text of inline content: <br> is a line break, footnote links become markers.
function inlineText(element: HtmlElement, references: Map<HtmlElement, string>, dropBackLinks = false, keepText = false): string {
  let out = '';
  for (const child of element.children) {
    if (child.type === 'text') out += child.value;
    else if (child.name === 'br') out += '\n';
    else if (references.has(child)) out += footnoteMark(references.get(child) ?? '');
    else if (dropBackLinks && child.name === 'a' && (child.attrs.href ?? '').startsWith('#')) continue;
    else if (child.name === 'a' && /^(?:https?:|mailto:)/i.test(child.attrs.href ?? '') && !keepText) {
      // A link keeps its target (written back as a link, so a changed address shows), unless its words are the address.
      const words = inlineText(child, references, dropBackLinks, keepText);
      const href = child.attrs.href ?? '';
      out += words.trim() && words.trim() !== href && words.trim() !== href.replace(/^mailto:/i, '') ? linkMark(words, href) : words;
    }
    else out += (blockElements.has(child.name) ? ' ' : '') + inlineText(child, references, dropBackLinks, keepText);
  }
  return out.replace(/[ \t\r\f]+/g, ' ').replace(/ ?\n ?/g, '\n');
}

/** The text content of an element. */
function textOf(node: HtmlNode): string {
  return node.type === 'text' ? node.value : node.children.map(textOf).join('');
}

function find(element: HtmlElement, test: (element: HtmlElement) => boolean): HtmlElement | undefined {
  for (const child of element.children) {
    if (child.type !== 'element') continue;
    if (test(child)) return child;
    const found = find(child, test);
    if (found) return found;
  }
  return undefined;
}

function findAll(element: HtmlElement, test: (element: HtmlElement) => boolean, out: HtmlElement[] = []): HtmlElement[] {
  for (const child of element.children) {
    if (child.type !== 'element') continue;
    if (test(child)) out.push(child);
    findAll(child, test, out);
  }
  return out;
}

function inside(element: HtmlElement, test: (element: HtmlElement) => boolean): boolean {
  for (let current = element.parent; current; current = current.parent) if (test(current)) return true;
  return false;
}

function largest(elements: HtmlElement[]): HtmlElement | undefined {
  return elements.sort((a, b) => textOf(b).length - textOf(a).length)[0];
}
