/**
 * Render mdast phrasing content to sanitised HTML (remark-rehype, then
 * rehype-sanitize): whatever a statement contains, the HTML cannot run script.
 */
import type { PhrasingContent, Root as MdastRoot, RootContent } from 'mdast';
import type { Root as HastRoot } from 'hast';
import { unified } from 'unified';
import remarkRehype from 'remark-rehype';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';

/** The sanitize schema: GitHub's, without id clobbering, with our footnote markup. */
export const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  clobberPrefix: '',
  clobber: [],
  tagNames: ['a', 'em', 'strong', 'del', 'code', 'sup', 'br', 'p', 'span'],
  attributes: {
    a: ['href', 'title', 'id', ['className', 'fnref'], 'ariaDescribedBy'],
    sup: [],
    span: [['className', 'quote']],
    '*': []
  },
  protocols: { href: ['http', 'https', 'mailto'] },
  strip: ['script', 'style']
};

const processor = unified()
  .use(remarkRehype, { allowDangerousHtml: false })
  .use(rehypeSanitize, sanitizeSchema)
  .use(rehypeStringify);

/**
 * Render mdast block content to sanitised HTML.
 *
 * @param nodes block content (paragraphs).
 * @returns an HTML string safe to insert into a page.
 */
export function renderHtml(nodes: RootContent[]): string {
  const root: MdastRoot = { type: 'root', children: nodes };
  const hast = processor.runSync(root) as HastRoot;
  return processor.stringify(hast).trim();
}

/**
 * Render mdast phrasing content to sanitised inline HTML (no wrapping element).
 *
 * @param nodes phrasing content.
 * @returns an HTML string safe to insert inside an inline element.
 */
export function renderInlineHtml(nodes: PhrasingContent[]): string {
  const root: MdastRoot = { type: 'root', children: [{ type: 'paragraph', children: nodes }] };
  const hast = processor.runSync(root) as HastRoot;
  const paragraph = hast.children.find((child) => child.type === 'element');
  const inner: HastRoot = { type: 'root', children: paragraph && paragraph.type === 'element' ? paragraph.children : [] };
  return processor.stringify(inner);
}
