/**
 * Read a document saved as Markdown (CommonMark and GFM, through remark):
 * headings keep their level (a `#` title becomes the title, `###` stays
 * `###`), each list stays a list (one item one item, never merged into one
 * paragraph), emphasis and links stay markup, footnotes stay footnotes.
 * What the statement format cannot hold (images, raw HTML, tables, code
 * blocks, quotations) is turned into text or left out, and the report says
 * which and how many: nothing is dropped without a word.
 */
import type { Definition, FootnoteDefinition, List, ListItem, Nodes, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { footnoteMark, type Block, type ImportFootnote, type ImportSource } from './draft.ts';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']);
const allowedProtocols = /^(?:https?:|mailto:)/i;

/**
 * Read Markdown.
 *
 * @param markdown the file's text.
 * @returns blocks (headings with their level, paragraphs and lists with their inline markup), the title and footnotes.
 */
export function readMarkdown(markdown: string): ImportSource {
  const tree = processor.parse(markdown) as Root;
  const notes = new Map<string, number>();
  const note = (what: string): void => {
    notes.set(what, (notes.get(what) ?? 0) + 1);
  };
  const definitions = new Map<string, Definition>();
  for (const node of tree.children) if (node.type === 'definition') definitions.set(node.identifier, node);
  const inline = (nodes: PhrasingContent[]): PhrasingContent[] => cleanPhrasing(nodes, definitions, note);

  const blocks: Block[] = [];
  const footnotes: ImportFootnote[] = [];
  const visit = (node: RootContent): void => {
    const line = node.position?.start.line;
    const at = line === undefined ? {} : { line };
    switch (node.type) {
      case 'heading': {
        const nodes = inline(node.children);
        const text = plainText(nodes);
        if (text.trim()) blocks.push({ type: 'heading', depth: node.depth, text, nodes, ...at });
        break;
      }
      case 'paragraph': {
        const nodes = inline(node.children);
        const text = plainText(nodes);
        if (text.trim()) blocks.push({ type: 'paragraph', text, nodes, ...at });
        break;
      }
      case 'list': {
        const list = cleanList(node, inline, note);
        if (list.children.length > 0) blocks.push({ type: 'paragraph', text: listText(list), list, ...at });
        break;
      }
      case 'blockquote':
        note('block quotation(s) read as plain paragraphs');
        for (const child of node.children) visit(child);
        break;
      case 'table':
        note('table(s) turned into one paragraph a row, cells separated by semicolons');
        for (const row of node.children) {
          const cells = row.children.map((cell) => inline(cell.children)).filter((cell) => plainText(cell).trim() !== '');
          const nodes = cells.flatMap((cell, index): PhrasingContent[] => (index === 0 ? cell : [{ type: 'text', value: '; ' }, ...cell]));
          if (nodes.length > 0) blocks.push({ type: 'paragraph', text: plainText(nodes), nodes, ...at });
        }
        break;
      case 'code': {
        note('code block(s) kept as plain paragraphs');
        for (const piece of node.value.split(/\n\s*\n/)) {
          const value = piece.replace(/\s+/g, ' ').trim();
          if (value) blocks.push({ type: 'paragraph', text: value, nodes: [{ type: 'text', value }], ...at });
        }
        break;
      }
      case 'html': {
        const value = htmlText(node.value);
        note(value ? 'raw HTML block(s): tags removed, text kept' : 'raw HTML block(s) without text');
        if (value) blocks.push({ type: 'paragraph', text: value, nodes: [{ type: 'text', value }], ...at });
        break;
      }
      case 'footnoteDefinition':
        footnotes.push(readFootnote(node, inline));
        break;
      case 'yaml':
        note('the source file\'s own front matter');
        break;
      case 'thematicBreak':
      case 'definition':
        break;
      default:
        // toml front matter and any other block: its text, with a note.
        note(`${node.type} block(s) read as text`);
        if (toString(node).trim()) blocks.push({ type: 'paragraph', text: toString(node).trim(), nodes: [{ type: 'text', value: toString(node).trim() }], ...at });
    }
  };
  for (const node of tree.children) visit(node);

  // A first `#` heading is the title; further `#` headings are parts, so every heading moves one level down.
  const source: ImportSource = { blocks, footnotes, stripped: [], structured: true };
  const first = blocks[0];
  if (first?.type === 'heading' && first.depth === 1) {
    blocks.shift();
    source.title = first.text.replace(/\s+/g, ' ').trim();
    source.titleLine = first.line;
  }
  if (blocks.some((block) => block.type === 'heading' && block.depth === 1)) {
    for (const block of blocks) if (block.type === 'heading' && block.depth !== undefined) block.depth = Math.min(6, block.depth + 1);
    note('the document uses `#` for its parts: every heading moved one level down (`#` → `##`, `##` → `###` …)');
  }
  source.stripped = [...notes].map(([what, times]) => (times > 1 ? `${what} (${times})` : what));
  return source;
}

// Inline content the statement format holds: text, emphasis, strong, strikethrough, code,
// breaks, http(s)/mailto links, footnote references. Reference links are resolved; images,
// in-page links and raw HTML leave their text (and a note).
function cleanPhrasing(nodes: PhrasingContent[], definitions: ReadonlyMap<string, Definition>, note: (what: string) => void): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
      case 'break':
      case 'footnoteReference':
        out.push(node.type === 'footnoteReference' ? { type: 'footnoteReference', identifier: node.label ?? node.identifier, label: node.label ?? node.identifier } : node);
        break;
      case 'emphasis':
      case 'strong':
      case 'delete':
        out.push({ type: node.type, children: cleanPhrasing(node.children, definitions, note) } as PhrasingContent);
        break;
      case 'link':
      case 'linkReference': {
        const url = node.type === 'link' ? node.url : definitions.get(node.identifier)?.url;
        const title = node.type === 'link' ? node.title : definitions.get(node.identifier)?.title;
        const children = cleanPhrasing(node.children, definitions, note);
        if (url !== undefined && allowedProtocols.test(url)) {
          if (node.type === 'linkReference') note('reference-style link(s) written inline');
          out.push({ type: 'link', url, title: title ?? null, children });
        } else {
          note(url === undefined ? 'reference link(s) without a definition: text kept' : url.startsWith('#') ? 'in-page link(s): text kept, target left out' : 'link(s) to other than http(s) or mailto: text kept, target left out');
          out.push(...children);
        }
        break;
      }
      case 'image':
      case 'imageReference':
        note(node.alt ? 'image(s): left out, their alternative text kept in brackets' : 'image(s) without alternative text: left out');
        if (node.alt) out.push({ type: 'text', value: `[${node.alt}]` });
        break;
      case 'html': {
        if (/^<br\s*\/?>$/i.test(node.value.trim())) out.push({ type: 'break' });
        else note('inline HTML tag(s): removed, the text between them kept');
        break;
      }
      default:
        out.push({ type: 'text', value: toString(node) });
    }
  }
  return out;
}

// A list as the format holds it: items of paragraphs and nested lists; any other block in an
// item becomes a paragraph of its text.
function cleanList(list: List, inline: (nodes: PhrasingContent[]) => PhrasingContent[], note: (what: string) => void): List {
  const items: ListItem[] = [];
  for (const item of list.children) {
    const children: Array<Paragraph | List> = [];
    for (const child of item.children) {
      if (child.type === 'paragraph') {
        const nodes = inline(child.children);
        if (plainText(nodes).trim()) children.push({ type: 'paragraph', children: nodes });
      } else if (child.type === 'list') {
        const nested = cleanList(child, inline, note);
        if (nested.children.length > 0) children.push(nested);
      } else {
        const value = child.type === 'html' ? htmlText(child.value) : toString(child).replace(/\s+/g, ' ').trim();
        note(`${child.type} block(s) inside list items kept as plain text`);
        if (value) children.push({ type: 'paragraph', children: [{ type: 'text', value }] });
      }
    }
    if (children.length > 0) items.push({ type: 'listItem', spread: false, checked: item.checked ?? null, children });
  }
  return { type: 'list', ordered: list.ordered ?? false, start: list.start ?? null, spread: false, children: items };
}

function readFootnote(node: FootnoteDefinition, inline: (nodes: PhrasingContent[]) => PhrasingContent[]): ImportFootnote {
  const nodes = node.children.flatMap((child, index): PhrasingContent[] => {
    const content: PhrasingContent[] = child.type === 'paragraph' ? inline(child.children) : [{ type: 'text', value: toString(child) }];
    return index === 0 ? content : [{ type: 'text', value: ' ' }, ...content];
  });
  return { label: node.label ?? node.identifier, text: plainText(nodes), nodes };
}

/**
 * Plain text of inline content, as the importer reads it for dates, titles and keys:
 * link words without their targets, footnote references as markers.
 *
 * @param nodes inline content.
 */
export function plainText(nodes: readonly PhrasingContent[]): string {
  return nodes
    .map((node): string => {
      if (node.type === 'text' || node.type === 'inlineCode') return node.value;
      if (node.type === 'break') return ' ';
      if (node.type === 'footnoteReference') return footnoteMark(node.label ?? node.identifier);
      if ('children' in node) return plainText(node.children as PhrasingContent[]);
      return toString(node as Nodes);
    })
    .join('');
}

// The items of a list (nested ones too), a blank line apart, as block text.
function listText(list: List): string {
  return list.children
    .flatMap((item) => item.children.map((child) => (child.type === 'paragraph' ? plainText(child.children) : child.type === 'list' ? listText(child) : '')))
    .filter((text) => text.trim() !== '')
    .join('\n\n');
}

function htmlText(html: string): string {
  return html.replace(/<!--[\s\S]*?-->/g, ' ').replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
}
