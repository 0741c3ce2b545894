/**
 * Parse a statement file (Markdown with YAML front matter) into the
 * `Statement` model: metadata, sections, paragraphs with keys, footnotes and
 * sentence-level clauses with source positions. Problems are returned as
 * diagnostics, never thrown.
 */
import { joinSlug, slugWords } from '../model/slug.ts';
import type {
  FootnoteDefinition,
  Heading,
  List,
  Paragraph as MdastParagraph,
  PhrasingContent,
  Root,
  RootContent
} from 'mdast';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import { toString } from 'mdast-util-to-string';
import { LineCounter, parseDocument } from 'yaml';
import type { Clause, Diagnostic, Footnote, Omission, Paragraph, Position, Quote, Section, Statement, StatementMeta } from '../model/types.ts';
import { frontMatterFields, frontMatterSchema, keyPattern } from '../model/schema.ts';
import { remarkKeys, type KeyData } from './remark-keys.ts';
import { segment } from './segment.ts';
import { renderHtml, renderInlineHtml } from './render.ts';
import { hash } from '../model/hash.ts';
import { checkText, firstOddCharacter } from './text-checks.ts';
import { checkStructureLimits, parseStoppingRules } from './limits.ts';
import { yamlToData } from './safe-yaml.ts';
import { checkBlocks } from './block-checks.ts';
import { normaliseInvisible } from './invisible.ts';
import { placeholderDiagnostics } from './placeholders.ts';
import type { Reporter, Source } from '../model/diagnostics.ts';

export type { Reporter, Source };

/** Settings of `parseStatement`. */
export type ParseOptions = {
  /** Today as YYYY-MM-DD: statements dated later are rejected. */
  today?: string;
};

/** What `parseStatement` returns: the statement when it could be built, and every problem found. */
export type ParseResult = { statement?: Statement; diagnostics: Diagnostic[] };

const emptyOptions: ParseOptions = {};
const allowedProtocols = /^(?:https?:|mailto:|#)/i;

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']).use(remarkKeys);

/**
 * Parse one statement file.
 *
 * @param source path (relative to the content folder, used in messages) and text.
 * @param options settings.
 * @returns the statement (unless front matter or structure is unusable) and diagnostics.
 */
export function parseStatement(source: Source, options?: ParseOptions): ParseResult {
  const settings = options ?? emptyOptions;
  const state = createState(source);
  checkText(source, state.report);
  checkStructureLimits(source, state.report);
  // Parsing an oversized or too deep file would take minutes or overflow the stack, and bury the one message that matters.
  if (state.diagnostics.some((diagnostic) => parseStoppingRules.has(diagnostic.rule))) return { diagnostics: state.diagnostics };

  const tree = processor.runSync(processor.parse(source.text)) as Root;
  checkBlocks(tree, state.report);
  const meta = readFrontMatter(tree, state, settings.today ?? new Date().toISOString().slice(0, 10));
  const footnotes = readFootnotes(tree, state);
  const sections = readSections(tree, state, footnotes);

  const paragraphCount = sections.reduce((sum, section) => sum + section.paragraphs.length, 0);
  if (paragraphCount === 0) {
    state.report(1, 1, 'statement-empty', 'the statement has no paragraphs', 'Add at least one paragraph of text below the front matter, each ending with a key such as {#relations-nature}.');
  }
  applySectionNotes(sections, meta, state);
  checkOmissionSources(meta, footnotes, state);
  checkFootnoteUse(state, footnotes);
  if (!meta) return { diagnostics: state.diagnostics };

  stampFile(sections, footnotes, source.path);
  const statementId = state.id;
  const statement: Statement = {
    id: statementId,
    ...meta,
    file: source.path,
    sections,
    footnotes: orderFootnotes(footnotes, state.footnoteOrder, state.footnoteRefs, source.path)
  };
  return { statement, diagnostics: state.diagnostics };
}

/** The statement id of a content file: its file name without `.md`. */
export function statementIdOf(path: string): string {
  const name = path.split('/').pop() ?? path;
  return name.replace(/\.md$/i, '');
}

type State = {
  file: string;
  id: string;
  diagnostics: Diagnostic[];
  report: Reporter;
  usedKeys: Map<string, number>;
  footnoteOrder: string[];
  referenced: Set<string>;
  /** Ids of the reference markers of each footnote, in order. */
  footnoteRefs: Map<string, string[]>;
  /** The front matter's `sections` entries, applied once the sections are read. */
  sectionNotes: Array<{ key: string; placement: 'documented' | 'inferred'; source?: string; complete?: boolean; position: Position }>;
};


function createState(source: Source): State {
  const diagnostics: Diagnostic[] = [];
  return {
    file: source.path,
    id: statementIdOf(source.path),
    diagnostics,
    report(line, column, rule, message, hint, severity = 'error') {
      diagnostics.push({ file: source.path, line, column, rule, message, hint, severity });
    },
    usedKeys: new Map(),
    footnoteOrder: [],
    referenced: new Set(),
    footnoteRefs: new Map(),
    sectionNotes: []
  };
}

function readFrontMatter(tree: Root, state: State, today: string): Omit<Statement, 'id' | 'file' | 'sections' | 'footnotes'> | undefined {
  const first = tree.children[0];
  if (!first || first.type !== 'yaml') {
    state.report(1, 1, 'front-matter-missing', 'the file does not start with YAML front matter', 'Start the file with a block between two lines of `---` holding title, shortTitle, date, place, series, kind, edition and sources.');
    return undefined;
  }
  // The YAML body starts on the line after the opening `---`.
  const offsetLine = (first.position?.start.line ?? 1) + 1;
  const lineCounter = new LineCounter();
  const document = parseDocument(first.value, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    for (const error of document.errors) {
      const place = lineCounter.linePos(error.pos[0]);
      state.report(offsetLine + place.line - 1, place.col, 'front-matter-malformed', `the front matter is not valid YAML: ${error.message.split('\n')[0]}`, 'Fix the YAML syntax: one `field: value` a line, lists indented under their field.');
    }
    return undefined;
  }
  const read = yamlToData(document);
  if (!read.ok) {
    const place = lineCounter.linePos(read.offset);
    state.report(offsetLine + place.line - 1, place.col, 'yaml-aliases', read.message, read.hint);
    return undefined;
  }
  const data: unknown = read.data;
  // Importer placeholders (TODO) first: a field that still says TODO is reported once, as such.
  const placeholders = placeholderDiagnostics(document, (offset) => {
    const place = lineCounter.linePos(offset);
    return { line: offsetLine + place.line - 1, column: place.col };
  });
  for (const found of placeholders) state.report(found.line, found.column, 'placeholder-todo', found.message, found.hint);
  const result = frontMatterSchema.safeParse(data ?? {});
  if (!result.success) {
    for (const issue of result.error.issues) {
      const path = issue.path.map(String);
      if (placeholders.some((found) => found.path === path.join('.'))) continue;
      const node = path.length > 0 ? document.getIn(path, true) : undefined;
      // A missing part of an entry is reported at the entry that lacks it.
      const holder = node === undefined ? path.slice(0, -1).map((_, at, all) => document.getIn(path.slice(0, all.length - at), true)).find(isNodeWithRange) : undefined;
      let field = path[0] ?? '';
      let range = isNodeWithRange(node) ? node.range : holder && path.length > 1 ? holder.range : undefined;
      let message = `front matter field \`${path.join('.') || '(root)'}\`: ${issue.message}`;
      let rule = 'front-matter-invalid';
      let hint = field in frontMatterFields ? `Give \`${field}\` ${frontMatterFields[field]}.` : 'See the content format in the README.';
      if (issue.code === 'unrecognized_keys') {
        rule = 'front-matter-unknown-field';
        const key = issue.keys[0] ?? '';
        field = key;
        const pair = findPair(document, key);
        range = pair;
        message = `unknown front matter field \`${key}\``;
        hint = `Remove \`${key}\` or rename it to one of: ${Object.keys(frontMatterFields).join(', ')}.`;
      } else if (issue.code === 'invalid_type' && node === undefined) {
        rule = 'front-matter-missing-field';
        message = `front matter field \`${field}\` is missing`;
      } else if (field === 'date') {
        rule = 'front-matter-bad-date';
        message = `front matter date ${JSON.stringify(document.get('date'))} is not a date: ${issue.message}`;
      }
      const place = range ? lineCounter.linePos(range[0]) : { line: 0, col: 1 };
      state.report(range ? offsetLine + place.line - 1 : first.position?.start.line ?? 1, place.col, rule, message, hint);
    }
    return undefined;
  }
  if (placeholders.length > 0) return undefined;
  const meta = result.data;
  if (meta.date > today) {
    const node = document.get('date', true);
    const place = isNodeWithRange(node) ? lineCounter.linePos(node.range[0]) : { line: 1, col: 1 };
    state.report(offsetLine + place.line - 1, place.col, 'date-in-future', `the statement is dated ${meta.date}, after today (${today})`, 'Check the date: a statement is encoded once it has been signed.');
  }
  const { coverage, omissions, changes, additions, complete, sections, ...rest } = meta;
  const positionOf = (path: Array<string | number>): Position => {
    const node = document.getIn(path, true);
    const place = isNodeWithRange(node) ? lineCounter.linePos(node.range[0]) : { line: 1, col: 1 };
    return { file: state.file, line: offsetLine + place.line - 1, column: place.col };
  };
  const place = (field: 'omissions' | 'changes' | 'additions', list: Array<Omit<Omission, 'position'>> | undefined): Partial<Record<typeof field, Omission[]>> =>
    list?.length ? { [field]: list.map((entry, at) => ({ ...entry, position: positionOf([field, at]) })) } : {};
  state.sectionNotes = (sections ?? []).map((entry, at) => ({ ...entry, position: positionOf(['sections', at]) }));
  return {
    ...rest,
    place: rest.place ?? '',
    // A full text holds the whole statement unless it says otherwise; a digest never does unless it says so.
    complete: complete ?? rest.edition === 'full',
    ...(coverage === undefined ? {} : { coverage }),
    ...place('omissions', omissions),
    ...place('changes', changes),
    ...place('additions', additions)
  };
}

/**
 * Give each section its placement and coverage from the front matter's `sections`: a full
 * text's parts are documented and complete by default, a digest's inferred and partial.
 */
function applySectionNotes(sections: Section[], meta: { edition: string } | undefined, state: State): void {
  const full = meta?.edition === 'full';
  const byKey = new Map(sections.map((section) => [section.key, section]));
  for (const section of sections) {
    section.placement = full ? 'documented' : 'inferred';
    section.complete = full;
  }
  for (const note of state.sectionNotes) {
    const section = byKey.get(note.key);
    if (!section) {
      state.report(note.position.line, note.position.column, 'section-note-unknown', `\`sections\` names \`${note.key}\`, which is not a section of this file`, `Use the {#key} of a \`##\` heading of this file (one of: ${[...byKey.keys()].slice(0, 8).join(', ')}).`);
      continue;
    }
    section.placement = note.placement;
    if (note.source !== undefined) section.placementSource = note.source;
    section.complete = note.complete ?? full;
  }
}

/**
 * Each omission, change, addition and documented placement must cite a footnote of the
 * file; citing one counts as using it.
 */
function checkOmissionSources(meta: Pick<StatementMeta, 'omissions' | 'changes' | 'additions'> | undefined, footnotes: Map<string, FootnoteDraft>, state: State): void {
  const cited = [
    ...(meta?.omissions ?? []).map((entry) => ({ what: `omission of \`${entry.key}\``, source: entry.source, position: entry.position })),
    ...(meta?.changes ?? []).map((entry) => ({ what: `change of \`${entry.key}\``, source: entry.source, position: entry.position })),
    ...(meta?.additions ?? []).map((entry) => ({ what: `addition of \`${entry.key}\``, source: entry.source, position: entry.position })),
    ...state.sectionNotes.flatMap((entry) => (entry.source === undefined ? [] : [{ what: `placement of section \`${entry.key}\``, source: entry.source, position: entry.position }]))
  ];
  for (const entry of cited) {
    const label = entry.source.toLowerCase();
    if (!footnotes.has(label)) {
      const labels = [...footnotes.values()].map((draft) => draft.node.label ?? draft.label);
      state.report(entry.position.line, entry.position.column, 'omission-source-unknown', `${entry.what} cites [^${entry.source}], which this file does not define`, labels.length ? `Set \`source\` to the label of the footnote that documents it (one of: ${labels.slice(0, 8).join(', ')}), or add that footnote.` : 'Add a footnote definition such as [^label]: Source, date, <https://…>. and name its label in `source`.');
      continue;
    }
    state.referenced.add(label);
    if (!state.footnoteOrder.includes(label)) state.footnoteOrder.push(label);
  }
}

function isNodeWithRange(node: unknown): node is { range: [number, number, number] } {
  return typeof node === 'object' && node !== null && 'range' in node && Array.isArray((node as { range: unknown }).range);
}

function findPair(document: ReturnType<typeof parseDocument>, key: string): [number, number, number] | undefined {
  const contents = document.contents as { items?: Array<{ key?: unknown }> } | null;
  for (const item of contents?.items ?? []) {
    const itemKey = item.key as { value?: unknown; range?: [number, number, number] } | undefined;
    if (itemKey?.value === key && itemKey.range) return itemKey.range;
  }
  return undefined;
}

type FootnoteDraft = { label: string; node: FootnoteDefinition };

function readFootnotes(tree: Root, state: State): Map<string, FootnoteDraft> {
  const footnotes = new Map<string, FootnoteDraft>();
  for (const node of tree.children) {
    if (node.type !== 'footnoteDefinition') continue;
    const label = node.identifier;
    if (footnotes.has(label)) {
      const place = start(node);
      state.report(place.line, place.column, 'footnote-duplicate', `footnote [^${node.label ?? label}] is defined twice`, 'Keep one definition per footnote label.');
      continue;
    }
    footnotes.set(label, { label, node });
  }
  return footnotes;
}

function readSections(tree: Root, state: State, footnotes: Map<string, FootnoteDraft>): Section[] {
  const sections: Section[] = [];
  let current: Section | undefined;
  for (const node of tree.children) {
    switch (node.type) {
      case 'yaml':
      case 'footnoteDefinition':
      case 'definition':
      case 'thematicBreak':
        break;
      case 'heading': {
        if (node.depth === 1) {
          const place = start(node);
          state.report(place.line, place.column, 'heading-level', 'a level-1 heading (`#`) in the body', 'The title comes from the front matter; use `##` for the statement\'s parts.');
          break;
        }
        current = createSection(node, state);
        // A sub-section keeps its level and knows the section it belongs to.
        const parent = sections.findLast((section) => (section.level ?? 2) < node.depth);
        if (parent) current.parent = parent.key;
        sections.push(current);
        break;
      }
      case 'paragraph':
      case 'list': {
        if (!current) {
          current = { key: 'preamble', heading: 'Preamble', placement: 'inferred', complete: false, paragraphs: [], position: start(node) };
          sections.push(current);
        }
        const paragraph = createParagraph(node, state, current.key, footnotes);
        if (paragraph) current.paragraphs.push(paragraph);
        break;
      }
      case 'html': {
        const place = start(node);
        state.report(place.line, place.column, 'raw-html', `raw HTML is not allowed: ${JSON.stringify(node.value.slice(0, 60))}`, 'Remove the HTML; write the text as Markdown (quotes in "…", emphasis with *…*).');
        break;
      }
      default: {
        const place = start(node);
        state.report(place.line, place.column, 'unsupported-block', `a ${node.type} block is not part of the statement format`, 'Use `##` headings for parts and plain paragraphs (or lists) for provisions.');
      }
    }
  }
  for (const section of sections) {
    // A part whose sub-sections hold its provisions (`## Terms` then `### Fees`) is not empty.
    if (section.paragraphs.length === 0 && !sections.some((other) => other.parent === section.key)) {
      state.report(section.position.line, section.position.column, 'section-empty', `section "${section.heading}" has no paragraphs`, 'Add the section\'s provisions below its heading, or remove the heading.');
    }
  }
  return sections;
}

function createSection(node: Heading, state: State): Section {
  const position = start(node);
  const data = node.data as KeyData | undefined;
  reportKeyProblems(data, state, position);
  const text = toString(node).trim();
  const numbered = /^([IVXLC]+|\d+)\.\s+(.*)$/.exec(text);
  const heading = numbered?.[2] ?? text;
  const key = claimKey(data?.key ?? slug(heading) ?? 'section', state, position, data?.key !== undefined);
  // Placement and coverage come from the front matter (applySectionNotes).
  const section: Section = { key, heading, placement: 'inferred', complete: false, paragraphs: [], position, level: node.depth, headingText: text };
  if (numbered?.[1]) section.number = numbered[1];
  return section;
}

function createParagraph(node: MdastParagraph | List, state: State, sectionKey: string, footnotes: Map<string, FootnoteDraft>): Paragraph | undefined {
  const position = start(node);
  const keyHolder = node.type === 'list' ? lastParagraphOf(node) : node;
  const data = keyHolder?.data as KeyData | undefined;
  reportKeyProblems(data, state, position);
  const blocks = node.type === 'list' ? listParagraphs(node) : [node];
  const leadIns: number[] = [];
  const runs = blocks.flatMap((block, index) => {
    const blockRuns = flatten(block.children, [], state, footnotes);
    leadIns.push(leadInLength(blockRuns));
    // Keep list items apart: each item ends a clause.
    return index < blocks.length - 1 ? [...blockRuns, { type: 'text' as const, value: '\n\n', marks: [], position: start(block) }] : blockRuns;
  });
  const text = runs.map((run) => (run.type === 'text' ? run.value : '')).join('');
  if (text.trim().length === 0) return undefined;

  let key = data?.key;
  if (key === undefined) {
    // Link targets stay out of the hash, so that generated ids (permalinks) do not change with them.
    const words = runs.map((run) => (run.type === 'text' && !run.marks.some((mark) => mark.type === 'target') ? run.value : '')).join('');
    key = `p-${hash(words.replace(/\s+/g, ' ').trim())}`;
    state.report(position.line, position.column, 'paragraph-key-missing', `paragraph has no key; using the generated id \`${key}\``, 'End the paragraph with a key such as {#relations-nature}, the same key the provision has in other statements, so its permalink and alignment stay stable.', 'warning');
    key = claimKey(key, state, position, false);
  } else {
    key = claimKey(key, state, position, true);
  }
  const spans = node.type === 'list' ? blocksToSpans(text, leadIns) : segment(text, { leadIn: leadIns[0] ?? 0 });
  const clauses = spans.map((span, index) => buildClause(runs, span, index, { key, sectionKey, statementId: state.id, file: state.file }, state));
  bindQuotes(clauses, text, runs);
  return { key, explicitKey: data?.key !== undefined, clauses, position };
}

/** A verbatim quote: straight or curly double quotation marks around words. */
const quotePattern = /"([^"\n]+)"|“([^”\n]+)”/g;

/**
 * Find the quotes of each clause and the footnotes cited after each in its paragraph
 * (the first that is not an editorial note is the quote's witness). Quotes are found in
 * the paragraph's text, where footnote markers have places, and in each clause's
 * normalised text, in the same order.
 */
function bindQuotes(clauses: Clause[], paragraphText: string, runs: Run[]): void {
  const markers: Array<{ offset: number; label: string }> = [];
  let offset = 0;
  for (const run of runs) {
    if (run.type === 'footnote') markers.push({ offset, label: run.label });
    else offset += run.value.length;
  }
  const citesAfter = [...paragraphText.matchAll(quotePattern)].map((match) => {
    const end = match.index + match[0].length;
    return markers.filter((marker) => marker.offset >= end).map((marker) => marker.label);
  });
  let next = 0;
  for (const clause of clauses) {
    clause.quotes = [...clause.text.matchAll(quotePattern)].map((match): Quote => {
      const words = match[1] ?? match[2] ?? '';
      return { text: words, start: match.index + 1, end: match.index + 1 + words.length, cites: citesAfter[next++] ?? clause.footnotes };
    });
  }
}

// The paragraphs of a list's items, nested sub-lists included (they used to vanish from the page and the CSV).
function listParagraphs(list: List): MdastParagraph[] {
  return list.children.flatMap((item) => item.children.flatMap((child) => (child.type === 'paragraph' ? [child] : child.type === 'list' ? listParagraphs(child) : [])));
}

function lastParagraphOf(list: List): MdastParagraph | undefined {
  const item = list.children[list.children.length - 1];
  const last = item?.children[item.children.length - 1];
  return last?.type === 'paragraph' ? last : undefined;
}

// List items are separated by blank lines in the flattened text; each item is segmented on its own.
function blocksToSpans(text: string, leadIns: readonly number[]): Array<{ start: number; end: number }> {
  const spans: Array<{ start: number; end: number }> = [];
  let offset = 0;
  for (const [at, block] of text.split('\n\n').entries()) {
    for (const span of segment(block, { leadIn: leadIns[at] ?? 0 })) spans.push({ start: span.start + offset, end: span.end + offset });
    offset += block.length + 2;
  }
  return spans;
}

// How many characters of a block its opening bold or italic run covers (`**Termination.** We…`), 0 when it opens with plain text.
function leadInLength(runs: readonly Run[]): number {
  let length = 0;
  let marked = false;
  for (const run of runs) {
    if (run.type === 'footnote') continue;
    if (run.marks.some((mark) => mark.type === 'strong' || mark.type === 'emphasis')) marked = true;
    else if (marked || run.value.trim() !== '') return marked ? length : 0;
    length += run.value.length;
  }
  // The whole block is bold: no lead-in, a line of its own.
  return 0;
}

function reportKeyProblems(data: KeyData | undefined, state: State, position: Position): void {
  if (data?.badKey !== undefined) {
    state.report(position.line, position.column, 'key-invalid', `key {#${data.badKey}} is not a valid key${firstOddCharacter(data.badKey) ? ` (it contains ${firstOddCharacter(data.badKey)})` : ''}`, 'Write keys in lowercase letters, digits and hyphens, starting with a letter, e.g. {#taiwan-one-china}.');
  }
}

function claimKey(key: string, state: State, position: Position, explicit: boolean): string {
  const firstLine = state.usedKeys.get(key);
  if (firstLine === undefined) {
    state.usedKeys.set(key, position.line);
    return key;
  }
  if (explicit) {
    state.report(position.line, position.column, 'duplicate-key', `key {#${key}} is used twice (first on line ${firstLine})`, 'Give each paragraph and section of a statement its own key; the same provision in another statement keeps the same key.');
  }
  let suffix = 2;
  while (state.usedKeys.has(`${key}-${suffix}`)) suffix++;
  const unique = `${key}-${suffix}`;
  state.usedKeys.set(unique, position.line);
  return unique;
}

type Mark = { type: 'emphasis' | 'strong' | 'delete' | 'inlineCode' | 'target' } | { type: 'link'; url: string; title: string | null };

/**
 * What a link adds to the compared text: ` <url>` after its words, unless the words already
 * are the address (an autolink) or the link points inside the page.
 */
function linkTarget(url: string, inner: Run[]): string | undefined {
  if (url.startsWith('#')) return undefined;
  const words = inner.map((run) => (run.type === 'text' ? run.value : '')).join('').trim();
  const bare = url.replace(/^mailto:/i, '');
  if (words === url || words === bare || `${words}/` === url) return undefined;
  return ` <${url}>`;
}
type Run =
  | { type: 'text'; value: string; marks: Mark[]; position: Position }
  | { type: 'footnote'; label: string; marks: Mark[]; position: Position };

// Flatten phrasing content into text runs with their marks, in document order.
function flatten(nodes: PhrasingContent[], marks: Mark[], state: State, footnotes: Map<string, FootnoteDraft>): Run[] {
  const runs: Run[] = [];
  for (const node of nodes) {
    const position = start(node);
    switch (node.type) {
      case 'text': {
        // micromark leaves a reference to an undefined footnote as plain text.
        const dangling = /\[\^([^\]\s]+)\]/.exec(node.value);
        if (dangling) {
          const place = advance(position, node.value.slice(0, dangling.index));
          state.report(place.line, place.column, 'footnote-undefined', `footnote reference [^${dangling[1]}] has no definition`, `Add a line \`[^${dangling[1]}]: source, date, <url>.\` at the end of the file, or fix the label.`);
        }
        runs.push({ type: 'text', value: node.value, marks, position });
        break;
      }
      case 'inlineCode':
        runs.push({ type: 'text', value: node.value, marks: [...marks, { type: 'inlineCode' }], position });
        break;
      case 'break':
        runs.push({ type: 'text', value: ' ', marks, position });
        break;
      case 'emphasis':
      case 'strong':
      case 'delete':
        runs.push(...flatten(node.children, [...marks, { type: node.type }], state, footnotes));
        break;
      case 'link': {
        if (!allowedProtocols.test(node.url)) {
          state.report(position.line, position.column, 'unsafe-url', `link to ${JSON.stringify(node.url.slice(0, 60))} is not allowed`, 'Link only to http(s) or mailto addresses; the text of the link is kept.');
          runs.push(...flatten(node.children, marks, state, footnotes));
        } else {
          const inner = flatten(node.children, [...marks, { type: 'link', url: node.url, title: node.title ?? null }], state, footnotes);
          runs.push(...inner);
          // The target is part of the compared text (a changed address is a changed word), not of the page's HTML.
          const target = linkTarget(node.url, inner);
          if (target) runs.push({ type: 'text', value: target, marks: [{ type: 'target' }], position: start(node) });
        }
        break;
      }
      case 'footnoteReference': {
        state.referenced.add(node.identifier);
        if (!footnotes.has(node.identifier)) {
          state.report(position.line, position.column, 'footnote-undefined', `footnote reference [^${node.label ?? node.identifier}] has no definition`, `Add a line \`[^${node.label ?? node.identifier}]: source, date, <url>.\` at the end of the file, or fix the label.`);
        } else {
          if (!state.footnoteOrder.includes(node.identifier)) state.footnoteOrder.push(node.identifier);
          runs.push({ type: 'footnote', label: node.identifier, marks, position });
        }
        break;
      }
      case 'html':
        // One message per element: the closing tag of a reported element adds nothing.
        if (node.value.startsWith('</')) break;
        state.report(position.line, position.column, 'raw-html', `raw HTML is not allowed: ${JSON.stringify(node.value.slice(0, 60))}`, 'Remove the HTML; write the text as Markdown (quotes in "…", emphasis with *…*).');
        break;
      case 'image':
      case 'imageReference':
        state.report(position.line, position.column, 'unsupported-inline', 'images are not part of the statement format', 'Remove the image; describe it in words if it matters.');
        break;
      default:
        runs.push({ type: 'text', value: toString(node), marks, position });
    }
  }
  return runs;
}

type ClauseContext = { key: string; sectionKey: string; statementId: string; file: string };

function buildClause(runs: Run[], span: { start: number; end: number }, index: number, context: ClauseContext, state: State): Clause {
  const nodes: PhrasingContent[] = [];
  const labels: string[] = [];
  let offset = 0;
  let text = '';
  let position: Position | undefined;
  for (const run of runs) {
    if (run.type === 'footnote') {
      // A footnote marker belongs to the clause whose text it follows.
      if ((offset > span.start && offset <= span.end) || (offset === 0 && span.start === 0)) {
        labels.push(run.label);
        nodes.push(footnoteMarker(run.label, state));
      }
      continue;
    }
    const runStart = offset;
    const runEnd = offset + run.value.length;
    offset = runEnd;
    const from = Math.max(span.start, runStart);
    const to = Math.min(span.end, runEnd);
    if (from >= to) continue;
    const piece = run.value.slice(from - runStart, to - runStart);
    position ??= advance(run.position, run.value.slice(0, from - runStart));
    text += piece;
    if (run.marks.some((mark) => mark.type === 'target')) continue;
    nodes.push(wrap({ type: 'text', value: piece }, run.marks));
  }
  const id = `${context.key}.${index + 1}`;
  return {
    id,
    statementId: context.statementId,
    sectionKey: context.sectionKey,
    paragraphKey: context.key,
    index,
    text: normaliseInvisible(text).replace(/\s+/g, ' ').trim(),
    html: renderInlineHtml(nodes),
    footnotes: labels,
    topics: [],
    formulas: [],
    quotes: [],
    position: position ?? { file: context.file, line: 1, column: 1 }
  };
}

function footnoteMarker(label: string, state: State): PhrasingContent {
  const number = state.footnoteOrder.indexOf(label) + 1;
  const refs = state.footnoteRefs.get(label) ?? [];
  const id = `fnref-${label}-${refs.length + 1}`;
  refs.push(id);
  state.footnoteRefs.set(label, refs);
  const link: PhrasingContent = {
    type: 'link',
    url: `#fn-${label}`,
    title: null,
    children: [{ type: 'text', value: String(number) }],
    data: { hProperties: { className: ['fnref'], ariaDescribedBy: ['footnotes-label'], id } }
  };
  // mdast has no superscript; hName makes remark-rehype emit <sup>.
  return { type: 'emphasis', children: [link], data: { hName: 'sup' } };
}

function wrap(node: PhrasingContent, marks: Mark[]): PhrasingContent {
  let result = node;
  for (let index = marks.length - 1; index >= 0; index--) {
    const mark = marks[index];
    if (!mark) continue;
    if (mark.type === 'link') result = { type: 'link', url: mark.url, title: mark.title, children: [result] };
    else if (mark.type === 'target') continue;
    else if (mark.type === 'inlineCode') result = { type: 'inlineCode', value: result.type === 'text' ? result.value : toString(result) };
    else result = { type: mark.type, children: [result] } as PhrasingContent;
  }
  return result;
}

// The position `consumed` characters after `position`.
function advance(position: Position, consumed: string): Position {
  const lines = consumed.split('\n');
  if (lines.length === 1) return { ...position, column: position.column + consumed.length };
  return { ...position, line: position.line + lines.length - 1, column: (lines[lines.length - 1] ?? '').length + 1 };
}

function checkFootnoteUse(state: State, footnotes: Map<string, FootnoteDraft>): void {
  for (const [label, draft] of footnotes) {
    if (!state.referenced.has(label)) {
      const place = start(draft.node);
      state.report(place.line, place.column, 'footnote-unused', `footnote [^${draft.node.label ?? label}] is never referenced`, 'Cite it from the paragraph it documents, or remove it.', 'warning');
    }
  }
}

function orderFootnotes(footnotes: Map<string, FootnoteDraft>, order: string[], refs: Map<string, string[]>, file: string): Footnote[] {
  const result: Footnote[] = [];
  for (const label of order) {
    const draft = footnotes.get(label);
    if (!draft) continue;
    const blocks = draft.node.children as RootContent[];
    result.push({ label, html: renderHtml(blocks), text: toString(draft.node).trim(), position: { ...start(draft.node), file }, refs: refs.get(label) ?? [] });
  }
  return result;
}

// Positions are collected without the file name; stamp it once at the end.
function stampFile(sections: Section[], footnotes: Map<string, FootnoteDraft>, file: string): void {
  void footnotes;
  for (const section of sections) {
    section.position.file = file;
    for (const paragraph of section.paragraphs) {
      paragraph.position.file = file;
      for (const clause of paragraph.clauses) clause.position.file = file;
    }
  }
}

function start(node: { position?: { start: { line: number; column: number } } | undefined }): Position {
  return { file: '', line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
}

// A section key from its heading: every word, so that two headings rarely collide.
function slug(text: string): string | undefined {
  const value = joinSlug(slugWords(text), 48);
  return value && keyPattern.test(value) ? value : value ? `s-${value}` : undefined;
}
