/**
 * A reader's own text as a statement the analysis can compare (compare your own
 * text, src/client/compare-yours.ts): plain text or Markdown → blocks (the
 * importer's text reader, text.ts, plus Markdown headings, emphasis, links and
 * `{#key}` paragraph keys) → sections and paragraphs → clauses by the content
 * segmenter (segment.ts), as the build splits statements. Pure and text-only: no
 * markup of the input is ever kept, so nothing in it can run in a page.
 */
import type { Clause, Paragraph, Section, Statement } from '../model/types.ts';
import { segment } from '../content/segment.ts';
import type { Block, ImportSource } from './draft.ts';
import { readText } from './text.ts';

const frontMatter = /^\uFEFF?---\r?\n[\s\S]*?\r?\n---\r?\n/;
const markdownHeading = /^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const keySuffix = /\s*\{#([a-z][a-z0-9-]*)\}\s*$/;
const footnoteMarker = /\uE000[^\uE001]*\uE001/g;

/** Markdown inline syntax reduced to its words: links, images, emphasis, code, list and quote markers. */
function plainInline(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[\s(])[*_](\S(?:.*?\S)?)[*_](?=[\s).,;:!?]|$)/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1');
}

/**
 * Read pasted or dropped text, plain or Markdown.
 *
 * @param text the text.
 * @returns blocks and footnotes, as the importer's readers give them.
 */
export function readOwnText(text: string): ImportSource {
  const lines = text.replace(frontMatter, '').replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  const footnotes: ImportSource['footnotes'] = [];
  let chunk: string[] = [];
  const flush = () => {
    if (chunk.some((line) => line.trim() !== '')) {
      const read = readText(chunk.map((line) => plainInline(line.replace(/^\s{0,3}(?:[-*+]|>)\s+/, ''))).join('\n'));
      blocks.push(...read.blocks);
      footnotes.push(...read.footnotes);
    }
    chunk = [];
  };
  for (const line of lines) {
    const heading = markdownHeading.exec(line);
    if (heading) {
      flush();
      blocks.push({ type: 'heading', text: plainInline(heading[2] ?? '') });
    } else chunk.push(line);
  }
  flush();
  return { blocks, footnotes, stripped: [] };
}

/** Front matter of the reader's statement. */
export type OwnMeta = { id: string; title: string; shortTitle: string; date: string; lang: string; series: string; complete: boolean };

const partNumber = /^(?:part\s+)?([IVXLC]{1,7}|\d{1,2})[.)]\s+(.+)$/i;

/**
 * The statement a reader's blocks make: a heading opens a section (its number,
 * such as `IV.`, kept apart), every paragraph is split into clauses; a paragraph
 * ending with `{#key}` keeps that key, the others are numbered `p1`, `p2` ….
 *
 * @param source blocks of the text.
 * @param meta what the reader said of it.
 */
export function ownStatement(source: ImportSource, meta: OwnMeta): Statement {
  const file = 'your text';
  const sections: Section[] = [];
  const used = new Set<string>();
  const unique = (key: string) => {
    let candidate = key;
    for (let n = 2; used.has(candidate); n++) candidate = `${key}-${n}`;
    used.add(candidate);
    return candidate;
  };
  let line = 0;
  let paragraphs = 0;
  const open = (heading: string, number?: string): Section => {
    const section: Section = { key: unique(`part-${sections.length + 1}`), heading, placement: 'documented', complete: meta.complete, paragraphs: [], position: { file, line, column: 1 }, ...(number ? { number } : {}) };
    sections.push(section);
    return section;
  };
  let current: Section | undefined;
  for (const block of source.blocks) {
    line++;
    const text = block.text.replace(footnoteMarker, '').replace(/\s+/g, ' ').trim();
    if (!text) continue;
    // A numbered part line ("IV. Culture") stands alone as a paragraph of the text reader: a heading too.
    const partLine = partNumber.test(text) && !/[.;:,]$/.test(text) && text.split(' ').length <= 14;
    if (block.type === 'heading' || partLine) {
      const numbered = partNumber.exec(text);
      current = open(numbered?.[2] ?? text, numbered?.[1]);
      continue;
    }
    current ??= open('Preamble');
    const keyed = keySuffix.exec(text);
    const body = keyed ? text.slice(0, keyed.index) : text;
    paragraphs++;
    const key = unique(keyed?.[1] ?? `p${paragraphs}`);
    const clauses: Clause[] = segment(body).map((span, index) => ({
      id: `${key}.${index + 1}`,
      statementId: meta.id,
      sectionKey: current!.key,
      paragraphKey: key,
      index,
      text: body.slice(span.start, span.end),
      html: '',
      footnotes: [],
      topics: [],
      formulas: [],
      quotes: [],
      position: { file, line, column: 1 }
    }));
    const paragraph: Paragraph = { key, explicitKey: keyed !== null, clauses, position: { file, line, column: 1 } };
    current.paragraphs.push(paragraph);
  }
  return {
    id: meta.id,
    title: meta.title,
    shortTitle: meta.shortTitle,
    date: meta.date,
    place: '',
    series: meta.series,
    kind: 'statement',
    edition: 'full',
    lang: meta.lang,
    complete: meta.complete,
    sources: [],
    file,
    sections: sections.filter((section) => section.paragraphs.length > 0),
    footnotes: []
  };
}
