import { describe, expect, it } from 'vitest';
import { smartQuotes, smartQuotesHtml, curlParts } from '../../src/view/typography.ts';

describe('smartQuotes()', () => {
  it('opens and closes double and single quotes, nested', () => {
    expect(smartQuotes(`friendship "has no limits" and there are "no 'forbidden' areas of cooperation".`)).toBe('friendship “has no limits” and there are “no ‘forbidden’ areas of cooperation”.');
  });

  it('makes apostrophes of quotes inside and after words', () => {
    expect(smartQuotes(`the world's anti-fascist memorial facilities, the States' bases, in the '90s`)).toBe('the world’s anti-fascist memorial facilities, the States’ bases, in the ’90s');
  });

  it('closes a quote after a closing single quote and opens after a bracket or dash', () => {
    expect(smartQuotes(`"under the pretext of strengthening 'extended deterrence'".`)).toBe('“under the pretext of strengthening ‘extended deterrence’”.');
    expect(smartQuotes(`("double containment")—"no alliance"`)).toBe('(“double containment”)—“no alliance”');
  });

  it('leaves curly quotes and text without quotes as they are', () => {
    expect(smartQuotes('“already” ‘curly’')).toBe('“already” ‘curly’');
  });
});

describe('smartQuotesHtml()', () => {
  it('curls text across tags, never inside a tag or <code>', () => {
    expect(smartQuotesHtml(`They oppose <em>"cancel culture"</em> <a href="#fn-1" class="fnref">1</a> and <code>"raw"</code>.`)).toBe(
      'They oppose <em>“cancel culture”</em> <a href="#fn-1" class="fnref">1</a> and <code>"raw"</code>.'
    );
  });

  it('curls quotes written as entities and keeps other entities', () => {
    expect(smartQuotesHtml('&quot;peace &amp; stability&quot; in the People&#39;s Republic')).toBe('“peace &amp; stability” in the People’s Republic');
  });
});

describe('curlParts', () => {
  it('curls quotes across diff parts as one text, each part keeping its length', () => {
    const parts = curlParts([
      { op: 'equal', text: 'They seek "genuine ' },
      { op: 'delete', text: 'multipolarity' },
      { op: 'insert', text: 'multilateralism' },
      { op: 'equal', text: '" and it\'s' }
    ]);
    expect(parts.map((part) => part.text)).toEqual(['They seek “genuine ', 'multipolarity', 'multilateralism', '” and it’s']);
    expect(parts.map((part) => part.op)).toEqual(['equal', 'delete', 'insert', 'equal']);
  });
});
