/**
 * The shared half of `npm run import`: blocks read from a text, HTML or Word
 * file → a draft statement (front matter found or missing, numbered parts as
 * sections, paragraphs with generated keys, footnotes) → Markdown in the
 * content format, with a report of what was recognised and what to check.
 * Nothing is invented: a field that cannot be read stays missing and is
 * written as a marked TODO.
 */
import type { FootnoteDefinition, List, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown as toMarkdownText } from 'mdast-util-to-markdown';
import { Document, YAMLMap, type Scalar } from 'yaml';
import { formatDate, monthNames } from '../model/format.ts';
import { joinSlug, slugWords } from '../model/slug.ts';
import { keyPattern } from '../model/schema.ts';
import { normaliseInvisibleCounted } from '../content/invisible.ts';

/** A block of an imported document, in reading order. */
export type Block = {
  type: 'heading' | 'paragraph';
  /** Plain text; footnote references are `footnoteMark(label)` markers. */
  text: string;
  /** A heading's level as written (Markdown), kept in the output. */
  depth?: number;
  /** The block's inline markup (Markdown): emphasis, links and footnote references, written back as they were. */
  nodes?: PhrasingContent[];
  /** A list, kept as a list: one item stays one item. */
  list?: List;
  /** The line of the source file it starts on, when the reader knows it. */
  line?: number;
};

/** What a reader (text.ts, html.ts) extracts from a file. */
export type ImportSource = {
  /** The title, when the document marks one (an `<h1>`, or the first line of a text). */
  title?: string;
  blocks: Block[];
  footnotes: ImportFootnote[];
  /** The document's own address (`<link rel="canonical">`), when it gives one. */
  url?: string;
  /** What the reader left out, in plain words (navigation, footer, …). */
  stripped: string[];
  /** True when headings and lists are marked (Markdown): no part or title is guessed from short lines. */
  structured?: boolean;
  /** The line of the title, when the reader took it from a heading. */
  titleLine?: number;
  /** Invisible characters the reader already replaced in the raw text, by kind. */
  invisible?: Record<string, number>;
};

export type ImportFootnote = { label: string; text: string; nodes?: PhrasingContent[] };

/** Front matter fields the importer fills. */
export type ImportFields = {
  id?: string;
  title?: string;
  shortTitle?: string;
  date?: string;
  place?: string;
  series?: string;
  kind?: string;
  edition?: 'digest' | 'full';
  sourceLabel?: string;
  sourceUrl?: string;
  /** When the text was taken from `sourceUrl` (YYYY-MM-DD). */
  retrieved?: string;
};

/** The fields a statement needs, in front matter order (place is optional: written when known). */
export const requiredFields = ['title', 'shortTitle', 'date', 'place', 'series', 'kind', 'edition', 'sourceLabel', 'sourceUrl'] as const;
export type RequiredField = (typeof requiredFields)[number];

export type DraftParagraph = { key: string; text: string; numbered?: string; nodes?: PhrasingContent[]; list?: List; block?: Block };
export type DraftSection = { key: string; number?: string; heading: string; paragraphs: DraftParagraph[]; depth?: number; nodes?: PhrasingContent[] };

/** A statement as the importer understood it. */
export type Draft = {
  fields: ImportFields;
  /** Where each field came from (`--title`, `<h1>`, `date line "Moscow, 8 May 2025"`, …). */
  origins: Partial<Record<keyof ImportFields, string>>;
  /** Paragraphs before the first part (the preamble). */
  preamble: DraftParagraph[];
  sections: DraftSection[];
  footnotes: ImportFootnote[];
  /** Things to check by hand, in plain words. */
  checks: string[];
  stripped: string[];
  /** Where each line read for the front matter went, in plain words. */
  placements: string[];
  /** Invisible characters replaced, by kind (word joiner, soft hyphen, no-break space …). */
  invisible: Record<string, number>;
};

const markStart = '\uE000';
const markEnd = '\uE001';
const markPattern = /\uE000([^\uE001]*)\uE001/g;

const linkStart = '\uE002';
const linkMiddle = '\uE003';
const linkEnd = '\uE004';
const linkPattern = /\uE002([^\uE003]*)\uE003([^\uE004]*)\uE004/g;
// A footnote reference or a link, in the order they stand in block text.
const inlineMarkPattern = /\uE000([^\uE001]*)\uE001|\uE002([^\uE003]*)\uE003([^\uE004]*)\uE004/g;

/**
 * The marker of a link inside block text (HTML and Word readers): written back as a link,
 * so its target is kept and compared.
 *
 * @param text the link's words.
 * @param url its http(s) or mailto address.
 */
export function linkMark(text: string, url: string): string {
  return `${linkStart}${text.replace(/[\uE000-\uE004]/g, '')}${linkMiddle}${url}${linkEnd}`;
}

/**
 * The marker of a footnote reference inside block text.
 *
 * @param label footnote label.
 */
export function footnoteMark(label: string): string {
  return `${markStart}${label}${markEnd}`;
}

const months = monthNames.map((name) => name.toLowerCase());
const monthPattern = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?';
// The year may run into the next word ("Effective October 8, 2025Previous Version", where a link followed it).
const dayMonthYear = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${monthPattern}\\s*,?\\s+(\\d{4})(?!\\d)`, 'i');
const monthDayYear = new RegExp(`\\b${monthPattern}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s*,?\\s+(\\d{4})(?!\\d)`, 'i');
// Russian texts date the signature "8 мая 2025 года" (the month in the genitive).
const russianMonths = ['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря'];
const russianDate = new RegExp(`(?<![\\p{L}\\d])(\\d{1,2})\\s+(${russianMonths.join('|')})\\s+(\\d{4})(?:\\s*(?:года|г\\.))?`, 'iu');
// Chinese texts: "2025年5月8日于莫斯科" or "北京，2024年5月16日".
const chineseDate = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/u;
const isoDate = /\b(\d{4})-(\d{2})-(\d{2})\b/;
const placeWord = "\\p{Lu}[\\p{L}'’.-]*";
const placeName = `${placeWord}(?:[ -](?:${placeWord}|de|del|da|am|sur))*`;
const hanPlace = '\\p{Script=Han}{2,8}';

/** A date and place read from a line such as "Moscow, 8 May 2025" or "Done at Beijing on May 16, 2024". */
export type DateLine = { date?: string; place?: string };

/**
 * Read a date and place from a short line: "Moscow, 8 May 2025",
 * "Beijing, May 16, 2024", "8 May 2025, Moscow", "Done at Astana on 4 July 2024",
 * and the signature lines of Russian and Chinese texts: "Москва, 8 мая 2025 года",
 * "2025年5月8日于莫斯科", "北京，2024年5月16日".
 *
 * @param line one line of text.
 * @returns the ISO date and place found, or an empty object.
 */
export function readDateLine(line: string): DateLine {
  const text = line.replace(/\s+/g, ' ').trim();
  let date: string | undefined;
  let match: RegExpExecArray | null;
  if ((match = dayMonthYear.exec(text))) date = isoOf(Number(match[3]), monthIndex(match[2] ?? ''), Number(match[1]));
  else if ((match = monthDayYear.exec(text))) date = isoOf(Number(match[3]), monthIndex(match[1] ?? ''), Number(match[2]));
  else if ((match = russianDate.exec(text))) date = isoOf(Number(match[3]), russianMonths.indexOf((match[2] ?? '').toLowerCase()) + 1, Number(match[1]));
  else if ((match = chineseDate.exec(text))) date = isoOf(Number(match[1]), Number(match[2]), Number(match[3]));
  else if ((match = isoDate.exec(text))) date = isoOf(Number(match[1]), Number(match[2]), Number(match[3]));
  if (!date || !match) return {};
  const before = text.slice(0, match.index).replace(/[\s,，;；、–—-]+$/u, '');
  const after = text.slice(match.index + match[0].length).replace(/^[\s,，;；、–—-]+/u, '').replace(/[.。\s]+$/u, '');
  const place =
    new RegExp(`^(?:(?:[Dd]one|[Ss]igned|[Ii]ssued|[Aa]dopted)\\s+(?:at|in)\\s+)?(?:[Tt]he city of\\s+)?(${placeName})(?:\\s+(?:on|this))?$`, 'u').exec(before)?.[1] ??
    new RegExp(`^(?:于)?(${hanPlace})$`, 'u').exec(before)?.[1] ??
    (before === '' ? new RegExp(`^(?:in\\s+|于|в\\s+)?(${placeName}|${hanPlace})$`, 'u').exec(after)?.[1] : undefined);
  const result: DateLine = { date };
  if (place && !/^(?:done|signed|on|the|effective|updated|revised|last|dated|date|version|published|as of|since)$/i.test(place)) result.place = place;
  return result;
}

function monthIndex(name: string): number {
  const lower = name.toLowerCase().replace(/\.$/, '');
  return months.findIndex((month) => month.startsWith(lower.slice(0, 3))) + 1;
}

function isoOf(year: number, month: number, day: number): string | undefined {
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : undefined;
}

// A numbered part: "IV. Heading", "Part IV. Heading", "4. Heading", "IV Heading" (short, no final full stop).
const partPattern = /^(?:part\s+)?([IVXLC]{1,7}|\d{1,2})[.)]?\s+(\S.*)$/i;
// A numbered paragraph: "12. The Parties …".
const numberedParagraph = /^(\d{1,3})[.)]\s+(\S.*)$/;
const maxHeadingWords = 14;

/**
 * Understand the blocks of a document as a statement.
 *
 * @param source what a reader extracted.
 * @param given fields given on the command line; they win over what is read.
 * @returns the draft, with fields still missing left undefined.
 */
export function draftStatement(source: ImportSource, given?: ImportFields): Draft {
  const invisible = normaliseSource(source);
  const blocks = [...source.blocks];
  // Fields first: a title line leaves the body (the report says so); a date line stays in it.
  const { fields, origins, placements, dateBlock } = readFields(source, blocks, given ?? {});
  const { preamble, sections, numberedParagraphs } = readBody(blocks, source.structured === true);
  if (dateBlock) {
    const paragraph = [...preamble, ...sections.flatMap((section) => section.paragraphs)].find((candidate) => candidate.block === dateBlock);
    const heading = sections.find((section) => section.heading === stripMarks(dateBlock.text).replace(/\s+/g, ' ').trim());
    const where = paragraph ? `stays in the body as paragraph {#${paragraph.key}}` : heading ? `stays in the body as heading {#${heading.key}}` : 'stays in the body';
    placements.push(`${JSON.stringify(stripMarks(dateBlock.text).replace(/\s+/g, ' ').trim())}${dateBlock.line ? ` (line ${dateBlock.line})` : ''} → front matter date ${fields.date ?? ''}${origins.date === '--date' ? ' (overridden by --date)' : ''}; the line ${where}, so a change of it shows in the comparison.`);
  }
  const { footnotes, checks } = review(source, preamble, sections, numberedParagraphs);
  return { fields, origins, preamble, sections, footnotes, checks, stripped: source.stripped, placements, invisible };
}

/**
 * Replace invisible characters (word joiners, zero-width spaces, soft hyphens, byte order
 * marks) and make no-break spaces plain, in place, counting each kind once per occurrence in
 * what is written.
 *
 * @param source what a reader extracted.
 * @returns counts by kind.
 */
export function normaliseSource(source: ImportSource): Record<string, number> {
  const counts: Record<string, number> = { ...source.invisible };
  const clean = (text: string, counted: boolean): string => {
    const result = normaliseInvisibleCounted(text);
    if (counted) for (const [name, count] of Object.entries(result.counts)) counts[name] = (counts[name] ?? 0) + count;
    return result.text;
  };
  const cleanTree = (node: Parameters<typeof visit>[0]): void => {
    visit(node, (child) => {
      if ((child.type === 'text' || child.type === 'inlineCode') && 'value' in child && typeof child.value === 'string') child.value = clean(child.value, true);
    });
  };
  if (source.title) source.title = clean(source.title, true);
  for (const block of source.blocks) {
    const rich = block.nodes !== undefined || block.list !== undefined;
    block.text = clean(block.text, !rich);
    if (block.nodes) cleanTree({ type: 'paragraph', children: block.nodes } as Paragraph);
    if (block.list) cleanTree(block.list);
  }
  for (const footnote of source.footnotes) {
    footnote.text = clean(footnote.text, footnote.nodes === undefined);
    if (footnote.nodes) cleanTree({ type: 'paragraph', children: footnote.nodes } as Paragraph);
  }
  return counts;
}

// The front matter fields the blocks give (title, date and place lines, kind), then the given ones.
// A title line leaves the body (it is the page's title); a date line stays, so that its change shows.
function readFields(source: ImportSource, blocks: Block[], settings: ImportFields): { fields: ImportFields; origins: Draft['origins']; placements: string[]; dateBlock?: Block } {
  const fields: ImportFields = {};
  const origins: Draft['origins'] = {};
  const placements: string[] = [];
  let title = source.title?.trim();
  // A title given on the command line is the front matter's: the document's own title line is then
  // text like any other and stays in the body, so that a change of it shows in the comparison.
  const given = settings.title?.replace(/\s+/g, ' ').trim();
  const keepsLine = (line: string) => given !== undefined && given !== '' && line.replace(/\s+/g, ' ').trim() !== given;
  if (title) {
    origins.title = source.titleLine ? `the \`#\` heading on line ${source.titleLine}` : 'the document title';
    if (keepsLine(title)) {
      blocks.unshift({ type: 'paragraph', text: title, ...(source.titleLine ? { line: source.titleLine } : {}) });
      placements.push(`${JSON.stringify(title.replace(/\s+/g, ' '))}${source.titleLine ? ` (line ${source.titleLine})` : ''} → the document's title; --title gives the front matter title, so the line stays in the body as its first paragraph, and a change of it shows in the comparison.`);
    } else if (source.titleLine) placements.push(`${JSON.stringify(title)} (line ${source.titleLine}) → front matter title; it is the page's title, not a paragraph of the body (compare the titles at the head of the compare page).`);
  }
  // Without a marked title, the first block is the title when it is short and not a part.
  if (!title && !source.structured && blocks[0] && blocks[0].text.split(/\s+/).length <= 40 && !partPattern.test(blocks[0].text) && !readDateLine(blocks[0].text).date) {
    title = stripMarks(blocks[0].text).trim();
    origins.title = 'the first line';
    if (keepsLine(title)) placements.push(`${JSON.stringify(title.replace(/\s+/g, ' '))} (the first line) → the document's title; --title gives the front matter title, so the line stays in the body.`);
    else {
      blocks.shift();
      placements.push(`${JSON.stringify(title.replace(/\s+/g, ' '))} (the first line) → front matter title; it left the body.`);
    }
  }
  if (title) fields.title = title.replace(/\s+/g, ' ');

  let dateBlock: Block | undefined;
  // The date line sits near the top or at the very end ("Done at …", "Last updated: …").
  const candidates = [...blocks.keys()].filter((index) => index < 6 || index >= blocks.length - 3);
  for (const index of candidates) {
    const block = blocks[index];
    if (!block || block.text.split(/\s+/).length > 16) continue;
    const found = readDateLine(stripMarks(block.text));
    if (!found.date) continue;
    fields.date = found.date;
    origins.date = `date line ${JSON.stringify(stripMarks(block.text).trim())}`;
    if (found.place) {
      fields.place = found.place;
      origins.place = origins.date;
    }
    dateBlock = block;
    break;
  }
  if (!fields.date && fields.title) {
    const fromTitle = readDateLine(fields.title);
    if (fromTitle.date) {
      fields.date = fromTitle.date;
      origins.date = 'the title';
    }
  }
  const kind = kindOf(fields.title ?? '');
  if (kind) {
    fields.kind = kind;
    origins.kind = 'the title';
  }
  fields.edition = 'full';
  origins.edition = 'imported text (a full text unless you condensed it)';
  if (source.url) {
    fields.sourceUrl = source.url;
    origins.sourceUrl = 'the canonical link of the page';
  }
  for (const [name, value] of Object.entries(settings) as Array<[keyof ImportFields, string | undefined]>) {
    if (value === undefined || value === '') continue;
    (fields as Record<string, string>)[name] = value;
    origins[name] = `--${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
  }
  if (!fields.shortTitle) Object.assign(origins, shortTitleOf(fields));

  return { fields, origins, placements, ...(dateBlock ? { dateBlock } : {}) };
}

/**
 * Fill the short title from the place and year ("Moscow 2025"), or, for a document without a
 * place (a version of terms), from the date ("5 June 2025"), in place.
 *
 * @param fields the fields so far.
 * @returns the origin of the short title, when one was made.
 */
export function shortTitleOf(fields: ImportFields): Draft['origins'] {
  if (fields.shortTitle || !fields.date) return {};
  if (fields.place) {
    fields.shortTitle = `${fields.place} ${fields.date.slice(0, 4)}`;
    return { shortTitle: 'place and year' };
  }
  fields.shortTitle = formatDate(fields.date);
  return { shortTitle: 'the date' };
}

// Parts and paragraphs, with keys generated from their first words.
function readBody(blocks: Block[], structured: boolean): { preamble: DraftParagraph[]; sections: DraftSection[]; numberedParagraphs: number } {
  const used = new Set<string>();
  const preamble: DraftParagraph[] = [];
  const sections: DraftSection[] = [];
  let numberedParagraphs = 0;
  for (const block of blocks) {
    const text = block.text.replace(/\s+/g, ' ').trim();
    if (text === '') continue;
    // Marked structure (Markdown) is kept as written: a heading at its level, a list as a list, numbers in place.
    if (structured) {
      if (block.type === 'heading') {
        const heading = stripMarks(text);
        const section: DraftSection = { key: uniqueKey(slugOf(heading, 5) ?? 'part', used), heading, paragraphs: [], depth: Math.max(2, block.depth ?? 2) };
        if (block.nodes) section.nodes = block.nodes;
        sections.push(section);
      } else {
        const paragraph: DraftParagraph = { key: uniqueKey(slugOf(stripMarks(text), 4) ?? 'provision', used), text, block };
        if (block.nodes) paragraph.nodes = block.nodes;
        if (block.list) paragraph.list = block.list;
        (sections[sections.length - 1]?.paragraphs ?? preamble).push(paragraph);
      }
      continue;
    }
    const part = partPattern.exec(stripMarks(text));
    const words = text.split(' ').length;
    const looksLikeHeading = words <= maxHeadingWords && !/[.;:,]$/.test(stripMarks(text));
    if ((block.type === 'heading' && words <= 30) || (part && looksLikeHeading)) {
      const heading = stripMarks(part ? (part[2] ?? text) : text).trim();
      const section: DraftSection = { key: uniqueKey(slugOf(heading, 5) ?? 'part', used), heading, paragraphs: [] };
      if (part?.[1]) section.number = part[1].toUpperCase();
      sections.push(section);
      continue;
    }
    const numbered = numberedParagraph.exec(text);
    const body = numbered ? (numbered[2] ?? text) : text;
    if (numbered) numberedParagraphs++;
    const paragraph: DraftParagraph = { key: uniqueKey(slugOf(stripMarks(body), 4) ?? 'provision', used), text: body, block };
    if (numbered?.[1]) paragraph.numbered = numbered[1];
    (sections[sections.length - 1]?.paragraphs ?? preamble).push(paragraph);
  }

  return { preamble, sections, numberedParagraphs };
}

// The longest run of at least 5 paragraphs (3 words or more each) that repeats an earlier run in
// the same order, word for word: where it starts, how many, and where the first copy starts.
function repeatedRun(texts: readonly string[]): { from: number; count: number; of: number } | undefined {
  const normal = texts.map((text) => text.toLowerCase().replace(/\s+/g, ' ').trim());
  const firstAt = new Map<string, number>();
  let best: { from: number; count: number; of: number } | undefined;
  for (let k = 0; k < normal.length; k++) {
    const earlier = firstAt.get(normal[k]!);
    if (earlier === undefined) {
      if (normal[k]!.split(' ').length >= 3) firstAt.set(normal[k]!, k);
      continue;
    }
    // Only where a run starts: the paragraph before does not repeat the one before its copy.
    if (k > 0 && earlier > 0 && normal[k - 1] === normal[earlier - 1]) continue;
    let count = 0;
    while (k + count < normal.length && earlier + count < k && normal[k + count] === normal[earlier + count]) count++;
    if (count >= 5 && (!best || count > best.count)) best = { from: k, count, of: earlier };
  }
  return best;
}

// The footnotes the text references, and what a person should check by hand.
function review(source: ImportSource, preamble: DraftParagraph[], sections: DraftSection[], numberedParagraphs: number): { footnotes: ImportFootnote[]; checks: string[] } {
  const checks: string[] = [];
  const empty = sections.filter((section) => section.paragraphs.length === 0);
  if (empty.length > 0) checks.push(`${empty.length} heading(s) with no paragraph below: ${empty.map((s) => JSON.stringify(s.heading)).join(', ')} (a heading misread, or text lost?)`);
  if (numberedParagraphs > 0) checks.push(`${numberedParagraphs} paragraph number(s) were dropped ("12. The Parties …" → "The Parties …"); keys replace them.`);
  if (sections.length === 0) checks.push('no numbered parts or headings were found: every paragraph is in the preamble.');
  const referenced = new Set([...allText(preamble, sections).matchAll(markPattern)].map((match) => match[1]));
  const footnotes = source.footnotes.filter((footnote) => referenced.has(footnote.label));
  const unused = source.footnotes.length - footnotes.length;
  if (unused > 0) checks.push(`${unused} footnote(s) were never referenced in the text and were left out.`);
  for (const label of referenced) {
    if (label !== undefined && !source.footnotes.some((footnote) => footnote.label === label)) checks.push(`footnote reference [${label}] has no note text: write it or remove the reference.`);
  }
  const repeat = repeatedRun([...preamble, ...sections.flatMap((section) => section.paragraphs)].map((paragraph) => stripMarks(paragraph.text)));
  if (repeat) checks.push(`paragraphs ${repeat.from + 1}–${repeat.from + repeat.count} repeat paragraphs ${repeat.of + 1}–${repeat.of + repeat.count} word for word: does the source hold its text twice (a page saved with two copies)? Both are kept, and a comparison pairs copy with copy; remove one if it is not part of the document.`);
  const last = [...sections].reverse().find((section) => section.paragraphs.length > 0)?.paragraphs.at(-1) ?? preamble.at(-1);
  if (last && last.text.split(' ').length <= 12 && !/[.!?;»”"]$/.test(stripMarks(last.text))) checks.push(`the last paragraph is short (${JSON.stringify(stripMarks(last.text))}): a signature or closing line?`);
  checks.push('keys were generated from the first words of each paragraph: give a provision the key it has in the other statements of the series (`npm run keys -- <older.md> <this.md>` proposes them).');
  return { footnotes, checks };
}

function allText(preamble: DraftParagraph[], sections: DraftSection[]): string {
  return [...preamble, ...sections.flatMap((section) => section.paragraphs)].map((paragraph) => paragraph.text).join('\n');
}

function kindOf(title: string): string | undefined {
  if (/strategic stability/i.test(title)) return 'strategic-stability';
  if (/joint statement/i.test(title)) return 'joint-statement';
  if (/declaration/i.test(title)) return 'declaration';
  if (/communiqu[eé]/i.test(title)) return 'communique';
  if (/memorandum/i.test(title)) return 'memorandum';
  if (/treaty/i.test(title)) return 'treaty';
  if (/\bterms\b/i.test(title)) return 'terms';
  if (/\bpolicy\b/i.test(title)) return 'policy';
  return undefined;
}

const stopWords = new Set(['the', 'a', 'an', 'of', 'and', 'to', 'in', 'on', 'for', 'with', 'at', 'by', 'as', 'is', 'are', 'that', 'this', 'its', 'their', 'both', 'two', 'parties', 'party', 'sides', 'side', 'will', 'shall', 'they', 'it', 'also', 'further']);

/**
 * A key from the first content words of a text: lowercase ASCII letters,
 * digits and hyphens, starting with a letter.
 *
 * @param text the text.
 * @param words how many content words to keep.
 */
export function slugOf(text: string, words: number): string | undefined {
  const all = slugWords(text);
  const content = all.filter((word) => !stopWords.has(word));
  const chosen = (content.length > 0 ? content : all).slice(0, words);
  let slug = joinSlug(chosen, 40);
  if (slug === '') return undefined;
  if (!/^[a-z]/.test(slug)) slug = `p-${slug}`;
  return keyPattern.test(slug) ? slug : undefined;
}

function uniqueKey(base: string, used: Set<string>): string {
  let key = base;
  for (let suffix = 2; used.has(key); suffix++) key = `${base}-${suffix}`;
  used.add(key);
  return key;
}

function stripMarks(text: string): string {
  return text.replace(markPattern, '').replace(linkPattern, '$1');
}

/** The value written for a field that still needs a person. */
export const todo = 'TODO';

/**
 * The fields still missing from a draft.
 *
 * @param draft the draft.
 */
export function missingFields(draft: Draft): RequiredField[] {
  return requiredFields.filter((name) => name !== 'sourceLabel' && name !== 'place' && (draft.fields[name] === undefined || draft.fields[name] === ''));
}

/**
 * Write a draft as a statement file in the content format. Missing fields
 * are written as `TODO` with a `# needs review` comment, so the file fails the
 * content check until a person fills them.
 *
 * @param draft the draft.
 * @returns the Markdown text.
 */
export function toMarkdown(draft: Draft): string {
  return `---\n${frontMatter(draft.fields)}---\n\n${body(draft)}`;
}

// The front matter through the yaml Document API, so quoting and escaping are the library's.
function frontMatter(fields: ImportFields): string {
  // YAML 1.1 rules for quoting: a value such as `yes` or `2025-05-08` is quoted, so that
  // readers on either YAML version read every field as the string it is.
  const doc = new Document({}, { version: '1.1' });
  const field = (value: string | undefined, hint: string): Scalar => {
    const node = doc.createNode(value === undefined || value === '' ? todo : value);
    if (node.value === todo) node.comment = ` needs review: ${hint}`;
    return node;
  };
  doc.set('title', field(fields.title, 'the full title of the statement'));
  doc.set('shortTitle', field(fields.shortTitle?.slice(0, 40), 'a short label such as "Moscow 2025"'));
  doc.set('date', field(fields.date, 'the signing date as YYYY-MM-DD'));
  // Optional: a version of a document has no place of signature.
  if (fields.place) doc.set('place', field(fields.place, 'the city where it was signed'));
  doc.set('series', field(fields.series, 'the series id, e.g. china-russia'));
  doc.set('kind', field(fields.kind, 'a kind in kebab-case, e.g. joint-statement, declaration or terms (one of the series\' kinds when series.yaml declares them)'));
  doc.set('edition', field(fields.edition, 'full (the full text) or digest (condensed)'));
  const source = new YAMLMap<string, Scalar>();
  source.set('label', field(fields.sourceLabel ?? (fields.sourceUrl ? hostOf(fields.sourceUrl) : undefined), 'who published the text'));
  source.set('url', field(fields.sourceUrl, 'the address of the text'));
  if (fields.retrieved) source.set('retrieved', doc.createNode(fields.retrieved));
  doc.set('sources', doc.createNode([source]));
  return doc.toString({ lineWidth: 0 });
}

// The body through mdast-util-to-markdown with GFM, the syntax the content parser reads, so
// that text which looks like markup is escaped exactly where it would be read as markup.
function body(draft: Draft): string {
  const keyed = (children: PhrasingContent[], key: string): PhrasingContent[] => [...children, { type: 'text', value: ` {#${key}}` }];
  const paragraph = (item: DraftParagraph): Paragraph | List => (item.list ? keyedList(item.list, item.key) : { type: 'paragraph', children: keyed(item.nodes ?? phrasing(item.text), item.key) });
  const tree: Root = {
    type: 'root',
    children: [
      ...draft.preamble.map(paragraph),
      ...draft.sections.flatMap((section): RootContent[] => [
        { type: 'heading', depth: headingDepth(section.depth), children: keyed(section.nodes ?? phrasing(`${section.number ? `${section.number}. ` : ''}${section.heading}`), section.key) },
        ...section.paragraphs.map(paragraph),
      ]),
      ...draft.footnotes.map((footnote): FootnoteDefinition => {
        const children = footnote.nodes ?? phrasing(footnote.text);
        return { type: 'footnoteDefinition', identifier: footnote.label, label: footnote.label, children: [{ type: 'paragraph', children: children.length > 0 ? children : [{ type: 'text', value: todo }] }] };
      }),
    ],
  };
  return toMarkdownText(tree, {
    extensions: [gfmToMarkdown()],
    // Footnote definitions one a line, as editors write them.
    join: [(left, right) => (left.type === 'footnoteDefinition' && right.type === 'footnoteDefinition' ? 0 : undefined)],
  });
}

function headingDepth(depth: number | undefined): 2 | 3 | 4 | 5 | 6 {
  return Math.min(6, Math.max(2, depth ?? 2)) as 2 | 3 | 4 | 5 | 6;
}

// A list with the paragraph's key after its last item's text, where the parser reads it.
function keyedList(list: List, key: string): List {
  const copy = structuredClone(list);
  const item = copy.children[copy.children.length - 1];
  // The key goes on the last item's last paragraph; a trailing sub-list gets a paragraph for it.
  const last = item?.children[item.children.length - 1];
  if (item && last?.type === 'paragraph') last.children.push({ type: 'text', value: ` {#${key}}` });
  else if (item) item.children.push({ type: 'paragraph', children: [{ type: 'text', value: `{#${key}}` }] });
  return copy;
}

// Block text as phrasing: spacing collapsed, footnote markers as footnote references.
function phrasing(text: string): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  const clean = text.replace(/\s+/g, ' ').trim();
  let last = 0;
  for (const match of clean.matchAll(inlineMarkPattern)) {
    if (match.index > last) out.push({ type: 'text', value: clean.slice(last, match.index) });
    if (match[1] !== undefined) out.push({ type: 'footnoteReference', identifier: match[1], label: match[1] });
    else out.push({ type: 'link', url: match[3] ?? '', title: null, children: [{ type: 'text', value: match[2] ?? '' }] });
    last = match.index + match[0].length;
  }
  if (last < clean.length) out.push({ type: 'text', value: clean.slice(last) });
  return out;
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}

/** What an import recognised, for the report. */
export type ImportSummary = {
  fields: ImportFields;
  origins: Draft['origins'];
  missing: RequiredField[];
  parts: number;
  paragraphs: number;
  footnotes: number;
  stripped: string[];
  checks: string[];
  placements: string[];
  invisible: Record<string, number>;
};

/**
 * Summarise a draft for the report.
 *
 * @param draft the draft.
 */
export function summarise(draft: Draft): ImportSummary {
  return {
    fields: draft.fields,
    origins: draft.origins,
    missing: missingFields(draft),
    parts: draft.sections.length,
    paragraphs: draft.preamble.length + draft.sections.reduce((sum, section) => sum + section.paragraphs.length, 0),
    footnotes: draft.footnotes.length,
    stripped: draft.stripped,
    checks: draft.checks,
    placements: draft.placements,
    invisible: draft.invisible
  };
}

/**
 * The report of an import as text.
 *
 * @param summary what was recognised.
 * @param file the file written.
 */
export function formatSummary(summary: ImportSummary, file: string): string {
  const out = [`Wrote ${file}`, '', 'Recognised:'];
  const shown: Array<keyof ImportFields> = ['title', 'shortTitle', 'date', 'place', 'series', 'kind', 'edition', 'sourceUrl', 'retrieved'];
  for (const name of shown) {
    const value = summary.fields[name];
    if (value !== undefined && value !== '') out.push(`  ${name.padEnd(10)} ${value}${summary.origins[name] ? `   (from ${summary.origins[name]})` : ''}`);
  }
  out.push(`  parts      ${summary.parts}`, `  paragraphs ${summary.paragraphs}`, `  footnotes  ${summary.footnotes}`);
  if (summary.stripped.length > 0) out.push(`  stripped   ${summary.stripped.join('; ')}`);
  const invisible = Object.entries(summary.invisible).sort(([a], [b]) => a.localeCompare(b));
  out.push(`  invisible  ${invisible.length === 0 ? 'none' : `${invisible.map(([name, count]) => `${count} ${name}`).join(', ')}: removed (no-break spaces made plain spaces)`}`);
  if (summary.placements.length > 0) {
    out.push('', 'Lines read for the front matter:');
    for (const placement of summary.placements) out.push(`  - ${placement}`);
  }
  out.push('', 'Check by hand:');
  for (const name of summary.missing) out.push(`  - ${name}: not found; written as ${todo} (needs review)`);
  for (const check of summary.checks) out.push(`  - ${check}`);
  if (summary.missing.length > 0) out.push('', `NEEDS REVIEW: fill the ${summary.missing.length} ${todo} field(s) in ${file}; the build refuses the file until then.`);
  return out.join('\n');
}
