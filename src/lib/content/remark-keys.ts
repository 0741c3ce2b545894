/**
 * remark plugin: read a trailing `{#key}` from headings and paragraphs, strip
 * it from the text, and store it as `node.data.key`.
 */
import type { Root, Heading, Paragraph, Text } from 'mdast';
import { visit } from 'unist-util-visit';
import { keyPattern } from '../model/schema.ts';

/** What the plugin stores on a node: a valid `key`, or the text of a malformed one. */
export type KeyData = { key?: string; badKey?: string };

const trailingKey = /\s*\{#([^}\s]*)\}\s*$/;

/** Attach trailing `{#key}` markers of headings and paragraphs to their nodes. */
export function remarkKeys() {
  return (tree: Root): void => {
    visit(tree, (node) => {
      if (node.type === 'heading' || node.type === 'paragraph') takeKey(node);
    });
  };
}

function takeKey(node: Heading | Paragraph): void {
  const last = node.children[node.children.length - 1];
  if (!last || last.type !== 'text') return;
  const match = trailingKey.exec(last.value);
  if (!match) return;
  const value = match[1] ?? '';
  const text = last as Text;
  text.value = text.value.slice(0, match.index);
  if (text.value.length === 0) node.children.pop();
  const data = (node.data ??= {}) as KeyData;
  if (keyPattern.test(value)) data.key = value;
  else data.badKey = value;
}
