import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { pageCharacters, unicodeRange, withInlineStyle } from '../../scripts/script-font.ts';

const page = (policy: string) => `<!DOCTYPE html><html><head><meta http-equiv="content-security-policy" content="${policy}"><link rel="stylesheet" href="/_astro/a.css"></head><body><p>中文</p></body></html>`;
const css = "@font-face{font-family:'X'}";
const hash = `'sha256-${createHash('sha256').update(css).digest('base64')}'`;

describe('script font helpers', () => {
  it('add the inline style to the head and its hash to style-src', () => {
    const html = withInlineStyle(page("default-src 'self'; style-src 'self' 'sha256-abc=';"), css);
    expect(html).toContain(`content="default-src 'self'; style-src 'self' 'sha256-abc=' ${hash};"`);
    expect(html).toContain(`<style>${css}</style></head>`);
  });

  it('give a policy without style-src one that allows the site and the style', () => {
    const html = withInlineStyle(page("default-src 'self';img-src 'self'"), css);
    expect(html).toContain(`content="default-src 'self';img-src 'self'; style-src 'self' ${hash};"`);
  });

  it('read the characters of the body only, not of scripts, styles, comments or the head', () => {
    const html = `<html><head><title>标题</title></head><body><p>中&#x6587;&#1044;</p><script>"脚本"</script><style>/*样*/</style><!--注--><input placeholder="搜"></body></html>`;
    expect(pageCharacters(html)).toEqual(['Д', '中', '搜', '文'].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!));
  });

  it('write runs of code points as ranges', () => {
    expect(unicodeRange(['b', 'a', 'c', 'e', 'a'])).toBe('U+61-63, U+65');
  });
});
