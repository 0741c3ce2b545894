/**
 * Clause segmentation: split the plain text of a paragraph into sentence-level
 * clauses, with rules for what diplomatic prose throws at a sentence splitter.
 */

/** A clause as a half-open range of offsets into the paragraph text. */
export type Span = { start: number; end: number };

// Abbreviations that end in a full stop without ending the sentence.
const abbreviations = new Set([
  'u.s', 'u.k', 'u.n', 'e.u', 'u.s.s.r', 'p.r.c', 'd.p.r.k', 'no', 'nos', 'art', 'arts', 'para', 'paras',
  'e.g', 'i.e', 'etc', 'cf', 'vs', 'viz', 'al', 'mr', 'mrs', 'ms', 'dr', 'st', 'jr', 'sr', 'gen', 'col',
  'approx', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'vol',
  'p', 'pp', 'ch', 'sec', 'fig', 'op', 'inc', 'ltd', 'co', 'corp', 'dept', 'govt', 'int', 'intl'
]);

// An enumeration marker at the start of an item: (a) a) (1) 1) 1. (iv) iv)
const enumerationMarker = /^(?:\(\s*(?:[a-z]|\d{1,3}|[ivxlc]{1,6})\s*\)|(?:[a-z]|\d{1,3}|[ivxlc]{1,6})\)|\d{1,3}\.)\s/i;

// A semicolon splits a sentence only when both sides are long enough to stand alone.
const minWordsAroundSemicolon = 6;

const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

// A label sentence has at most this many words ("(a) License.", "Governing Law.").
const maxLabelWords = 3;
// A bold or italic lead-in longer than this is a sentence of its own, not a label.
const maxLeadInWords = 12;

/** Settings of `segment`. */
export type SegmentOptions = {
  /**
   * Length of the leading strong or emphasis run of the text (`**Termination.** We may…`),
   * 0 or undefined when the text does not open with one.
   */
  leadIn?: number;
};

/**
 * Split `text` into clauses: sentences (Intl.Segmenter, then rejoined where a
 * full stop belongs to an abbreviation, an initial, a number or a quotation),
 * then top-level semicolon series and inline enumerations `(a) …; (b) …`.
 *
 * @param text plain text of one paragraph.
 * @returns spans in order, trimmed, never empty, covering every non-space character.
 */
export function segment(text: string, options: SegmentOptions = {}): Span[] {
  const sentences = joinLabel(text, joinFalseBreaks(text, sentenceBreaks(text)), options.leadIn ?? 0);
  const spans: Span[] = [];
  for (const sentence of sentences) {
    for (const part of splitSeries(text, sentence)) {
      const trimmed = trim(text, part);
      if (trimmed.end > trimmed.start) spans.push(trimmed);
    }
  }
  return spans;
}

/**
 * A label opening a paragraph or list item joins the sentence after it, so that the
 * provision keeps one clause and its first row reads "Termination. We may end…" rather than
 * a row of its own for "Termination." A label is the first sentence when either:
 *
 * - it lies inside the text's leading bold or italic run (`leadIn`) of at most 12 words
 *   (`**Opt out.** You may…`), or
 * - it has at most 3 words and is a list label (`(a) License.`, `2. Fees.`, `1.1. Term.`),
 *   two or three words in title case (`Governing Law.`), or one capitalised word of five
 *   letters or more (`Assignment.`). "The Parties met." has a lowercase word, and "One." is
 *   short, so both stay sentences.
 */
function joinLabel(text: string, sentences: Span[], leadIn: number): Span[] {
  const leadEnd = text.slice(0, leadIn).trimEnd().length;
  const within = (span: Span) => leadIn > 0 && text.slice(0, span.end).trimEnd().length <= leadEnd;
  // A lead-in the segmenter cut in two ("**1.1. Customer Infrastructure.**") is one label first.
  let count = 1;
  while (count < sentences.length && within(sentences[count - 1]!) && within(sentences[count]!)) count++;
  const first = { start: sentences[0]?.start ?? 0, end: sentences[count - 1]?.end ?? 0 };
  const next = sentences[count];
  if (!next) return sentences;
  const body = text.slice(first.start, first.end).trim();
  const inLeadIn = within(first) && words(body) <= maxLeadInWords;
  if (!inLeadIn && !isLabel(body)) return sentences;
  return [{ start: first.start, end: next.end }, ...sentences.slice(count + 1)];
}

function isLabel(sentence: string): boolean {
  const tokens = sentence.split(/\s+/).filter((word) => /[\p{L}\d]/u.test(word));
  if (tokens.length === 0 || tokens.length > maxLabelWords) return false;
  if (enumerationMarker.test(`${sentence} `) || /^(?:§|\d{1,3}(?:\.\d{1,3})+\.?\s)/.test(sentence)) return true;
  // One capitalised word of five letters or more ("Assignment.", "Waivers."), not "One." or "Yes.".
  if (tokens.length === 1) return /^\p{Lu}\p{Ll}{4,}[.:]$/u.test(tokens[0]!);
  return tokens.every((word) => /^[\p{Lu}\d(]/u.test(word));
}

function sentenceBreaks(text: string): Span[] {
  const spans: Span[] = [];
  for (const piece of sentenceSegmenter.segment(text)) {
    spans.push({ start: piece.index, end: piece.index + piece.segment.length });
  }
  return spans;
}

// Rejoin a sentence with the next one when its end is not a real sentence end.
function joinFalseBreaks(text: string, spans: Span[]): Span[] {
  const joined: Span[] = [];
  for (const span of spans) {
    const previous = joined[joined.length - 1];
    if (previous && !endsSentence(text, previous, span)) {
      previous.end = span.end;
    } else {
      joined.push({ ...span });
    }
  }
  return joined;
}

function endsSentence(text: string, span: Span, next: Span): boolean {
  const body = text.slice(span.start, span.end).trimEnd();
  const following = text.slice(next.start, next.end).trimStart();
  if (body.length === 0) return false;
  // Inside a quotation or parenthesis that is still open, the sentence goes on.
  if (openQuote(body) || depth(body) > 0) return false;
  // A bare enumeration marker ("1." or "(a)") belongs to what follows.
  if (/^(?:\(?\s*(?:[a-z]|\d{1,3}|[ivxlc]{1,6})\s*[).])$/i.test(body.trim())) return false;
  // So does a section number of several levels ("1.1." or "2.3.4").
  if (/^\d{1,3}(?:\.\d{1,3})+\.?$/.test(body.trim())) return false;
  const lastWord = /([\p{L}.]+)\.["'”’)]*$/u.exec(body);
  if (lastWord) {
    const word = (lastWord[1] ?? '').toLowerCase();
    if (abbreviations.has(word)) {
      // "U.S." can end a sentence; it does when a capitalised sentence start follows a closing quote or the text ends.
      return false;
    }
    // A single capital initial ("J. Smith").
    if (/^\p{Lu}$/u.test(lastWord[1] ?? '')) return false;
  }
  // A following lowercase start or number continuing the sentence means the break was false.
  if (/^[\p{Ll}(\d]/u.test(following) && !enumerationMarker.test(following)) return false;
  return true;
}

// True when the text leaves a double quotation open.
function openQuote(text: string): boolean {
  const straight = (text.match(/"/g) ?? []).length;
  const open = (text.match(/“/g) ?? []).length;
  const close = (text.match(/”/g) ?? []).length;
  return straight % 2 === 1 || open > close;
}

function depth(text: string): number {
  let level = 0;
  for (const char of text) {
    if (char === '(' || char === '[') level++;
    else if ((char === ')' || char === ']') && level > 0) level--;
  }
  return level;
}

// Split one sentence at top-level semicolons and before inline enumeration markers.
function splitSeries(text: string, span: Span): Span[] {
  const cuts: number[] = [];
  let inQuote = false;
  let level = 0;
  for (let offset = span.start; offset < span.end; offset++) {
    const char = text[offset];
    if (char === '"') inQuote = !inQuote;
    else if (char === '“') inQuote = true;
    else if (char === '”') inQuote = false;
    else if (char === '(' || char === '[') level++;
    else if ((char === ')' || char === ']') && level > 0) level--;
    else if (char === ';' && !inQuote && level === 0) cuts.push(offset + 1);
  }
  if (cuts.length === 0) return [span];
  const pieces: Span[] = [];
  let start = span.start;
  for (const cut of cuts) {
    pieces.push({ start, end: cut });
    start = cut;
  }
  pieces.push({ start, end: span.end });
  // Keep a cut only where both sides stand alone, or where an enumeration marker starts the next item.
  const merged: Span[] = [];
  for (const piece of pieces) {
    const previous = merged[merged.length - 1];
    const pieceText = text.slice(piece.start, piece.end).trim();
    if (
      previous &&
      !enumerationMarker.test(pieceText) &&
      (words(text.slice(previous.start, previous.end)) < minWordsAroundSemicolon ||
        words(pieceText) < minWordsAroundSemicolon)
    ) {
      previous.end = piece.end;
    } else {
      merged.push({ ...piece });
    }
  }
  return merged;
}

function words(text: string): number {
  return text.split(/\s+/).filter((word) => /[\p{L}\d]/u.test(word)).length;
}

function trim(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  return { start, end };
}
