/**
 * Curly quotes for what the pages show, SmartyPants-style: straight double and
 * single quotes become “ ” ‘ ’ by what stands before them. Applied only when
 * rendering; the clause `text` the analysis reads keeps its straight quotes.
 */

// Before an opening quote: start of text, space, an opening bracket, a dash or slash, or another opening quote.
const OPENS_AFTER = /[\s([{\u2014\u2013\-/\u201c\u2018]/u;

/**
 * One character's replacement.
 *
 * @param quote `"` or `'`.
 * @param before the character before it ('' at the start).
 * @param after the character after it ('' at the end).
 */
function curl(quote: '"' | "'", before: string, after: string): string {
  const opens = before === '' || OPENS_AFTER.test(before);
  if (quote === '"') return opens && after !== '' && !/\s/u.test(after) ? '\u201c' : '\u201d';
  // An apostrophe in a word (don't, world's) or after one (the States'); an elided decade ('90s) too.
  if (!opens) return '\u2019';
  if (/\d/u.test(after) && /^\d/u.test(after)) return '\u2019';
  return after === '' || /\s/u.test(after) ? '\u2019' : '\u2018';
}

/** Curl the straight quotes of plain text. */
export function smartQuotes(text: string): string {
  let out = '';
  for (let k = 0; k < text.length; k++) {
    const char = text[k]!;
    out += char === '"' || char === "'" ? curl(char, out.slice(-1), text[k + 1] ?? '') : char;
  }
  return out;
}

const ENTITY: Record<string, '"' | "'"> = { '&quot;': '"', '&#34;': '"', '&#x22;': '"', '&#39;': "'", '&#x27;': "'", '&apos;': "'" };
const TOKEN_RE = /<[^>]*>|&(?:quot|apos|#34|#x22|#39|#x27);|&[#\w]+;|["']|[^<&"']+/giu;

/**
 * Curl the quotes in the text of an HTML fragment (as the content pipeline
 * renders a clause: phrasing elements only), never inside a tag or a <code>
 * element. Quotes written as entities are curled too. The context runs across
 * tags, so `<em>"no limits"</em>` opens and closes as it should.
 */
export function smartQuotesHtml(html: string): string {
  let out = '';
  let before = '';
  let inCode = 0;
  const tokens = html.match(TOKEN_RE) ?? [];
  for (let k = 0; k < tokens.length; k++) {
    const token = tokens[k]!;
    if (token.startsWith('<')) {
      if (/^<code\b/i.test(token)) inCode++;
      else if (/^<\/code>/i.test(token)) inCode = Math.max(0, inCode - 1);
      out += token;
      continue;
    }
    const quote = token === '"' || token === "'" ? token : ENTITY[token.toLowerCase()];
    if (!quote || inCode > 0) {
      out += token;
      if (!token.startsWith('&')) before = token.slice(-1);
      else before = token === '&nbsp;' || token === '&#xa0;' ? ' ' : 'x';
      continue;
    }
    // The next visible character: skip tags.
    let after = '';
    for (let n = k + 1; n < tokens.length && after === ''; n++) {
      const next = tokens[n]!;
      if (next.startsWith('<')) continue;
      after = next.startsWith('&') ? (ENTITY[next.toLowerCase()] ?? 'x') : next[0]!;
    }
    const curly = curl(quote, before, after);
    out += curly;
    before = curly;
  }
  return out;
}

/**
 * Curl the quotes of word-diff parts across the parts, as one text: smartQuotes
 * maps one character to one, so each part keeps its length and its place. The
 * build's DiffText component and the browser's renderer both show parts this way.
 */
export function curlParts<Part extends { op: string; text: string }>(parts: readonly Part[]): Part[] {
  const curled = smartQuotes(parts.map((part) => part.text).join(''));
  let at = 0;
  return parts.map((part) => {
    const text = curled.slice(at, at + part.text.length);
    at += part.text.length;
    return { ...part, text };
  });
}
