/**
 * The statement rules applied where the paragraph reader does not look:
 * footnotes and headings get the raw-HTML and unsafe-URL checks of paragraphs,
 * a footnote may hold only paragraphs and lists (the renderer drops tables,
 * HTML and the rest, and content must not vanish without a word), and a
 * reference-style link (`[text][label]`), which the reader would flatten to
 * its text, is named so that the writer makes it inline.
 */
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { Reporter } from '../model/diagnostics.ts';

const allowedProtocols = /^(?:https?:|mailto:|#)/i;
const footnoteBlocks = new Set(['paragraph', 'list', 'listItem']);

/**
 * Report what footnotes, headings and reference links hold that the statement format does not allow.
 *
 * @param tree the parsed file.
 * @param report where problems go.
 */
export function checkBlocks(tree: Root, report: Reporter): void {
  const at = (node: { position?: { start: { line: number; column: number } } }) => [node.position?.start.line ?? 1, node.position?.start.column ?? 1] as const;
  for (const top of tree.children) {
    const where = top.type === 'footnoteDefinition' ? `footnote [^${top.label ?? top.identifier}]` : top.type === 'heading' ? 'heading' : undefined;
    if (where) {
      visit(top, (node) => {
        if (node.type === 'html' && !node.value.startsWith('</')) report(...at(node), 'raw-html', `raw HTML is not allowed in a ${where}: ${JSON.stringify(node.value.slice(0, 60))}`, 'Remove the HTML; write the text as Markdown (quotes in "…", emphasis with *…*).');
        if (node.type === 'link' && !allowedProtocols.test(node.url)) report(...at(node), 'unsafe-url', `link to ${JSON.stringify(node.url.slice(0, 60))} in a ${where} is not allowed`, 'Link only to http(s) or mailto addresses; the text of the link is kept.');
      });
    }
    if (top.type === 'footnoteDefinition') {
      for (const block of top.children) {
        if (!footnoteBlocks.has(block.type) && block.type !== 'html') report(...at(block), 'footnote-block', `a ${block.type} in footnote [^${top.label ?? top.identifier}] would not be shown`, 'A footnote holds text: paragraphs and lists. Write the content as sentences, or put it in the statement.');
      }
    }
  }
  visit(tree, (node) => {
    if (node.type === 'linkReference' || node.type === 'definition') {
      const text = node.type === 'definition' ? `[${node.label ?? node.identifier}]: ${node.url}` : `[${node.label ?? node.identifier}]`;
      report(...at(node), 'reference-link', `a reference-style link ${JSON.stringify(text.slice(0, 60))} is not supported (its link would be lost)`, 'Write the link inline, as [text](https://…), and remove the `[label]: url` line.');
    }
  });
}
