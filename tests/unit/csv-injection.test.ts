import { describe, expect, it } from 'vitest';
import { parseStatement } from '../../src/lib/content/parse.ts';
import { csvField, toClausesCsv } from '../../src/lib/export/open-data.ts';

const head = '---\ntitle: T\nshortTitle: T\ndate: 2020-01-01\nplace: P\nseries: test\nkind: joint-statement\nedition: full\nsources:\n  - label: S\n    url: https://example.org/\n---\n\n';

describe('clauses.csv against spreadsheet formula injection', () => {
  it('prefixes a single quote to cells that begin with = + - @ tab or CR, and leaves others alone', () => {
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-1')).toBe("'-1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tx')).toBe("'\tx");
    expect(csvField('\rx')).toBe(`"'\rx"`);
    expect(csvField('=HYPERLINK("https://evil.example","x")')).toBe(`"'=HYPERLINK(""https://evil.example"",""x"")"`);
    expect(csvField('The Parties met.')).toBe('The Parties met.');
    expect(csvField('a=b, c')).toBe('"a=b, c"');
  });

  it('writes a statement whose clauses start with formulas as quoted text', () => {
    const { statement } = parseStatement({ path: 'statements/t-2020.md', text: `${head}=HYPERLINK("https://evil.example","click") {#a}\n\n@SUM(1+1) was noted. {#b}\n` });
    expect(statement).toBeDefined();
    const lines = toClausesCsv([statement!]).split('\r\n');
    expect(lines[1]).toBe(`t-2020,2020-01-01,preamble,a,a.1,"'=HYPERLINK(""https://evil.example"",""click"")",,`);
    expect(lines[2]).toBe("t-2020,2020-01-01,preamble,b,b.1,'@SUM(1+1) was noted.,,");
  });
});
