import { describe, expect, it } from 'vitest';
import { parseHtml, readHtml } from '../../src/lib/import/html.ts';

const page = (body: string): string => `<!doctype html><html><head><title>t</title></head><body><main>${body}</main></body></html>`;
const texts = (html: string): string[] => readHtml(page(html)).blocks.map((block) => block.text);

// Cases the former hand-written tokenizer got wrong.
describe('readHtml reads HTML as a browser does', () => {
  it('decodes named character references by their case: &Eacute; is É, &eacute; é', () => {
    expect(texts('<p>&Eacute;lys&eacute;e</p>')).toEqual(['Élysée']);
  });
  it('decodes every named reference, &euro; and &times; included', () => {
    expect(texts('<p>5 &euro; &times; 3</p>')).toEqual(['5 € × 3']);
  });
  it('closes a paragraph at the next <p> even inside an unclosed inline element', () => {
    expect(texts('<p>a <b>b<p>c')).toEqual(['a b', 'c']);
  });
  it('keeps attributes as written: class, rel and aria-hidden', () => {
    const root = parseHtml('<link rel="canonical" href="https://x.example/a"><div class="a b" aria-hidden="true" hidden>z</div>');
    const elements = (node: typeof root): (typeof root)[] => node.children.flatMap((child) => (child.type === 'element' ? [child, ...elements(child)] : []));
    const all = elements(root);
    expect(all.find((element) => element.name === 'link')?.attrs).toEqual({ rel: 'canonical', href: 'https://x.example/a' });
    expect(all.find((element) => element.name === 'div')?.attrs).toEqual({ class: 'a b', 'aria-hidden': 'true', hidden: '' });
  });
});
