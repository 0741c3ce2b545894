/**
 * The front matter schema of a statement file (zod), shared by the parser and
 * the content collection.
 */
import { z } from 'zod';

/** A key: what follows `{#` in a heading or paragraph. */
export const keyPattern = /^[a-z][a-z0-9-]*$/;

/**
 * A BCP 47 tag whose language the platform knows (`zh`, `ru`, `en`, `zh-Hans` …): the
 * segmenter, hyphenation and screen readers follow it, so a typo must not pass.
 */
export function isLanguageTag(value: string): boolean {
  try {
    const [canonical] = Intl.getCanonicalLocales(value);
    return canonical !== undefined && new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' }).of(new Intl.Locale(canonical).language) !== undefined;
  } catch {
    return false;
  }
}

/** A `lang` field: a known BCP 47 language tag. */
export const langSchema = z.string().trim().refine(isLanguageTag, 'expected a BCP 47 language tag of a known language, such as zh, ru or en');

/** The language of a statement that neither it nor its series names. */
export const DEFAULT_LANG = 'en';

/** Front matter of a statement; unknown fields are rejected. */
export const frontMatterSchema = z.strictObject({
  title: z.string().trim().min(1),
  shortTitle: z.string().trim().min(1).max(40),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD').refine(isRealDate, 'not a calendar date'),
  // Optional: a version of a document has no place of signature.
  place: z.string().trim().min(1).optional(),
  series: z.string().regex(keyPattern, 'expected lowercase letters, digits and hyphens'),
  // Any kebab-case kind; a series that declares its kinds in series.yaml accepts only those (series.ts).
  kind: z.string().regex(keyPattern, 'expected a kind in lowercase letters, digits and hyphens, such as joint-statement or terms'),
  edition: z.enum(['digest', 'full']),
  lang: langSchema.optional(),
  coverage: z.string().trim().min(1).optional(),
  omissions: documentedList('expected the key of a provision of an earlier statement, or a clause id such as korean-peninsula.3'),
  changes: documentedList('expected the key of a provision of this statement, or a clause id such as korean-peninsula.3'),
  additions: documentedList('expected the key of a provision of this statement, or a clause id such as korean-peninsula.3'),
  complete: z.boolean().optional(),
  sections: z
    .array(
      z
        .strictObject({
          key: z.string().regex(keyPattern, 'expected the {#key} of a section of this file'),
          placement: z.enum(['documented', 'inferred']),
          source: z.string().trim().min(1).optional(),
          complete: z.boolean().optional()
        })
        .refine((entry) => entry.placement !== 'documented' || entry.source !== undefined, { message: 'a documented placement needs `source`: the footnote label of the source that shows the part', path: ['source'] })
    )
    .optional(),
  sources: z
    .array(
      z.strictObject({
        label: z.string().trim().min(1),
        url: z.url({ protocol: /^https?$/ }),
        // When a full text's copy was taken from that address (the page may change later).
        retrieved: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD').refine(isRealDate, 'not a calendar date').optional()
      })
    )
    .min(1)
});

function documentedList(keyMessage: string) {
  return z
    .array(
      z.strictObject({
        key: z.string().regex(/^[a-z][a-z0-9-]*(\.[1-9][0-9]*)?$/, keyMessage),
        note: z.string().trim().min(1),
        source: z.string().trim().min(1)
      })
    )
    .optional();
}

/** The validated front matter. */
export type FrontMatter = z.infer<typeof frontMatterSchema>;

/** Fields and what each one takes, for hints. */
export const frontMatterFields: Record<string, string> = {
  title: 'the full title of the statement',
  shortTitle: 'a short label such as "Moscow 2023" (at most 40 characters)',
  date: 'the signing date as YYYY-MM-DD',
  place: 'the city where it was signed (optional)',
  series: 'the series id, e.g. china-russia (an id of series.yaml when the folder has one)',
  kind: 'a kind in kebab-case, such as joint-statement, declaration or terms (one of the series\' `kinds` when series.yaml declares them)',
  edition: 'digest (condensed, own words) or full (the full text)',
  lang: 'the language of the text as a BCP 47 tag (zh, ru, en …); default: the series\' `lang` in series.yaml, else en',
  coverage: 'for a digest: what part of the statement the file covers',
  omissions: 'a list of { key, note, source }: provisions of an earlier statement that a cited source says this one leaves out (key: the provision\'s key, or a clause id such as korean-peninsula.3 for one sentence of it; note: what is missing, in your words; source: the label of a footnote of this file)',
  changes: 'a list of { key, note, source }: provisions of this statement that a cited source says changed against earlier statements (source: a footnote label of this file)',
  additions: 'a list of { key, note, source }: provisions of this statement that a cited source says are new',
  complete: 'true when the file holds the whole statement (default: false for a digest, true for a full text)',
  sections: 'a list of { key, placement, source, complete } per section: placement documented (a source shows the part; give its footnote label as source) or inferred (the editors grouped it); complete: true when a source shows the whole part',
  sources: 'a list of { label, url, retrieved } for the statement as a whole: for a full text, where its text was taken from (retrieved: the date, optional)'
};

/** The value the importer writes for a field it could not read. */
export const placeholder = 'TODO';

/** True when a front matter value is (or starts with) the importer's placeholder. */
export function isPlaceholder(value: unknown): boolean {
  return typeof value === 'string' && /^\s*TODO\b/.test(value);
}

function isRealDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
