import { describe, expect, it } from 'vitest';
import { needsReDoSCheck, redosProblem } from '../../src/lib/content/regex-safety.ts';
import { patternProblem } from '../../src/lib/content/lexicon.ts';

describe('redosProblem(pattern)', () => {
  it('refuses patterns that backtrack exponentially', () => {
    for (const pattern of ['(\\w+\\s?)+$', '(a+)+b', '(x|x)*y', '^(a|aa)+$', '([a-z]+)*@']) {
      expect(redosProblem(pattern), pattern).toMatch(/exponential time/);
      expect(patternProblem(pattern), pattern).toMatch(/exponential time/);
    }
  });

  it('accepts the shapes the corpus uses, and a safe repeated group', () => {
    for (const pattern of ['no limits', 'fuel\\w* (?:to )?the (?:conflict|fire)', '(?:\\w+ ){0,3}(?:on|under) the pretext', '\\w+(?:\\s\\w+)*']) {
      expect(redosProblem(pattern), pattern).toBeUndefined();
    }
  });

  it('sends only repeated groups and backreferences to the checker', () => {
    expect(needsReDoSCheck('shar\\w* (?:of )?nuclear')).toBe(false);
    expect(needsReDoSCheck('(?:a b)+')).toBe(true);
    expect(needsReDoSCheck('(a)\\1')).toBe(true);
  });
});
