import { describe, expect, it } from 'vitest';
import { topicFilterCss } from '../../src/view/filter-css.ts';

describe('topicFilterCss', () => {
  it('topicFilterCss(ids) writes one selector per topic that hides rows without it while its option is checked', () => {
    const css = topicFilterCss(['taiwan', 'south-china-sea']);
    expect(css).toContain(".compare:not(.js):has(#filter-topic option[value='taiwan']:checked) .row:not([data-topics~='taiwan'])");
    expect(css).toContain("option[value='south-china-sea']:checked) .row:not([data-topics~='south-china-sea'])");
    expect(css.trim().endsWith('{ display: none; }')).toBe(true);
  });

  it('topicFilterCss(ids) refuses an id that could break out of the selector', () => {
    expect(() => topicFilterCss(["x'] body"])).toThrow(/not a topic key/);
  });

  it('topicFilterCss([]) is empty', () => {
    expect(topicFilterCss([])).toBe('');
  });
});
