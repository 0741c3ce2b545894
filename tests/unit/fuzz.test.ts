import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseStatement } from '../../src/lib/content/parse.ts';
import { readLexicon } from '../../src/lib/content/lexicon.ts';
import { readSeries } from '../../src/lib/content/series.ts';
import { fuzzRuns, mutatedStatement, mutatedYaml, validStatement } from '../fuzz/statements.ts';

// Every input ends in a statement or in diagnostics with a place: never an exception.
describe('fuzz: hostile statements and YAML', () => {
  it('the unmutated statement parses cleanly (the generators start from valid input)', () => {
    expect(parseStatement({ path: 'statements/t.md', text: validStatement }, { today: '2026-01-01' }).diagnostics).toEqual([]);
  });

  it('parseStatement never throws, and every problem has a place', () => {
    fc.assert(
      fc.property(mutatedStatement, (text) => {
        const result = parseStatement({ path: 'statements/t.md', text }, { today: '2026-01-01' });
        for (const diagnostic of result.diagnostics) {
          expect(diagnostic.line).toBeGreaterThan(0);
          expect(diagnostic.column).toBeGreaterThan(0);
        }
        expect(result.statement !== undefined || result.diagnostics.some((d) => d.severity === 'error')).toBe(true);
      }),
      { numRuns: fuzzRuns }
    );
  });

  it('YAML readers never throw', () => {
    fc.assert(
      fc.property(mutatedYaml, (text) => {
        readLexicon({ path: 'formulas.yaml', text }, undefined);
        readSeries({ path: 'series.yaml', text }, []);
      }),
      { numRuns: fuzzRuns }
    );
  });
});
