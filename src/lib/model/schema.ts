/**
 * The front matter schema of a statement file (zod), shared by the parser and
 * the content collection.
 */
import { z } from 'zod';

/** A key: what follows `{#` in a heading or paragraph. */
export const keyPattern = /^[a-z][a-z0-9-]*$/;

/** Front matter of a statement; unknown fields are rejected. */
export const frontMatterSchema = z.strictObject({
  title: z.string().trim().min(1),
  shortTitle: z.string().trim().min(1).max(40),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD').refine(isRealDate, 'not a calendar date'),
  place: z.string().trim().min(1),
  series: z.string().regex(keyPattern, 'expected lowercase letters, digits and hyphens'),
  kind: z.enum(['joint-statement', 'strategic-stability', 'declaration', 'communique', 'treaty', 'memorandum']),
  edition: z.enum(['digest', 'full']),
  coverage: z.string().trim().min(1).optional(),
  omissions: z
    .array(
      z.strictObject({
        key: z.string().regex(/^[a-z][a-z0-9-]*(\.[1-9][0-9]*)?$/, 'expected the key of a provision of an earlier statement, or a clause id such as korean-peninsula.3'),
        note: z.string().trim().min(1),
        source: z.string().trim().min(1)
      })
    )
    .optional(),
  sources: z
    .array(z.strictObject({ label: z.string().trim().min(1), url: z.url({ protocol: /^https?$/ }) }))
    .min(1)
});

/** The validated front matter. */
export type FrontMatter = z.infer<typeof frontMatterSchema>;

/** Fields and what each one takes, for hints. */
export const frontMatterFields: Record<string, string> = {
  title: 'the full title of the statement',
  shortTitle: 'a short label such as "Moscow 2023" (at most 40 characters)',
  date: 'the signing date as YYYY-MM-DD',
  place: 'the city where it was signed',
  series: 'the series id, e.g. china-russia',
  kind: 'one of joint-statement, strategic-stability, declaration, communique, treaty, memorandum',
  edition: 'digest (condensed, own words) or full (the full text)',
  coverage: 'for a digest: what part of the statement the file covers',
  omissions: 'a list of { key, note, source }: provisions of an earlier statement that a cited source says this one leaves out (key: the provision\'s key, or a clause id such as korean-peninsula.3 for one sentence of it; note: what is missing, in your words; source: the label of a footnote of this file)',
  sources: 'a list of { label, url } for the statement as a whole'
};

function isRealDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
