import { describe, expect, it } from 'vitest';
import type { PhrasingContent } from 'mdast';
import { renderHtml, renderInlineHtml } from '../../src/lib/content/render.ts';

// Nodes the parser would never make from a statement, built by hand so that these tests reach
// the sanitizer itself: it is the last line if a later parser change lets such a node through.
describe('render sanitises whatever the tree holds', () => {
  it('drops a link to a javascript: address but keeps its text', () => {
    const html = renderInlineHtml([{ type: 'link', url: 'javascript:alert(1)', children: [{ type: 'text', value: 'click' }] }]);
    expect(html).toBe('<a>click</a>');
  });
  it('keeps an https link', () => {
    expect(renderInlineHtml([{ type: 'link', url: 'https://example.org/', children: [{ type: 'text', value: 'x' }] }])).toBe('<a href="https://example.org/">x</a>');
  });
  it('removes a script element and its content, and event handler attributes', () => {
    const script: PhrasingContent = { type: 'emphasis', data: { hName: 'script' }, children: [{ type: 'text', value: 'alert(1)' }] };
    const handler: PhrasingContent = { type: 'emphasis', data: { hProperties: { onClick: 'alert(1)', style: 'color:red' } }, children: [{ type: 'text', value: 'word' }] };
    expect(renderInlineHtml([script, handler])).toBe('<em>word</em>');
  });
  it('drops images and raw HTML', () => {
    expect(renderHtml([{ type: 'paragraph', children: [{ type: 'image', url: 'https://example.org/a.png', alt: 'a' }, { type: 'html', value: '<b>raw</b>' }, { type: 'text', value: 'text' }] }])).toBe('<p>text</p>');
  });
});
