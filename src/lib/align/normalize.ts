/**
 * Text normalisation for clause similarity: tokens that ignore case,
 * punctuation, function words and inflection, with tracked diplomatic
 * formulas collapsed to one token each so a formula weighs as a unit.
 */
import { stemmer } from 'stemmer';
import type { Formula } from '../model/types.ts';
import { hasStemmer, normalWord, RU_STOP_WORDS, stemRussian, ZH_STOP_WORDS } from '../lang/normal.ts';
import { originalPatterns } from '../lang/patterns.ts';
import { scriptOf, words } from '../lang/words.ts';

/** Prefix of the single token that stands for a whole formula match. */
export const FORMULA_TOKEN_PREFIX = '§';

// Negations ("not", "no", "nor", "never", "against") are deliberately kept:
// in diplomatic text they carry the meaning of the clause.
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again all also am an and any are as at be because been before being ' +
    'below between both but by can could did do does doing down during each few for from ' +
    'further had has have having he her here hers herself him himself his how i if in into is ' +
    'it its itself just me more most my myself of off on once only or other our ours ourselves ' +
    'out over own same she should so some such than that the their theirs them themselves then ' +
    'there these they this those through to too under until up very was we were what when where ' +
    'which while who whom why will with would you your yours yourself yourselves s t shall may ' +
    'might must upon within without whose thereof therein hereby'
  ).split(' '),
);

/** A function word of any of the languages: English, Russian or Chinese. */
export function isStopWord(lowercase: string): boolean {
  return STOP_WORDS.has(lowercase) || RU_STOP_WORDS.has(lowercase) || ZH_STOP_WORDS.has(lowercase);
}

// The `§<id>` tokens markFormulas() writes: cut out before segmentation, which would split them.
const FORMULA_TOKEN_RE = /(§[\p{L}\p{N}_-]+)/u;

const compiledCache = new WeakMap<readonly Formula[], { id: string; res: RegExp[] }[]>();

function compileFormulas(formulas: readonly Formula[]): { id: string; res: RegExp[] }[] {
  let compiled = compiledCache.get(formulas);
  if (!compiled) {
    compiled = formulas.map((f) => ({
      id: f.id,
      // An invalid pattern is a content problem reported elsewhere; here it must not crash the aligner.
      // The Chinese and Russian originals mark the formula in original-language texts.
      res: [...f.patterns, ...originalPatterns(f)].flatMap((p) => {
        try {
          return [new RegExp(p, 'giu')];
        } catch {
          return [];
        }
      }),
    }));
    compiledCache.set(formulas, compiled);
  }
  return compiled;
}

/** Replace every formula match by ` §<id> ` so tokenisation keeps it whole. */
export function markFormulas(text: string, formulas: readonly Formula[] = []): string {
  let out = text;
  for (const { id, res } of compileFormulas(formulas)) {
    for (const re of res) {
      re.lastIndex = 0;
      out = out.replace(re, (m) => (m.length === 0 ? m : ` ${FORMULA_TOKEN_PREFIX}${id} `));
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Equivalences of diplomatic prose: names and their acronyms, demonyms and
// their countries, British and American spelling, and near-synonyms that
// joint statements use interchangeably. Each maps to one canonical word
// before stemming, so both wordings give the same token.

/** Multi-word names → one word. Matched case-insensitively, longest first. */
const PHRASES: [RegExp, string][] = (
  [
    ['north atlantic treaty organi[sz]ation|north atlantic alliance', 'nato'],
    ['united states of america|united states', 'usa'],
    ["democratic people[’']?s republic of korea|north korea", 'dprk'],
    ["people[’']?s republic of china", 'china'],
    ['united nations security council|un security council', 'unsc'],
    ['united nations', 'un'],
    ['shanghai cooperation organi[sz]ation', 'sco'],
    ['collective security treaty organi[sz]ation', 'csto'],
    ['commonwealth of independent states', 'cis'],
    ['eurasian economic union', 'eaeu'],
    ['belt and road initiative|belt and road', 'bri'],
    ['world trade organi[sz]ation', 'wto'],
    ['association of south[- ]?east asian nations', 'asean'],
    ['treaty on the non[- ]?proliferation of nuclear weapons|non[- ]?proliferation treaty', 'npt'],
    ['artificial intelligence', 'ai'],
    ['both sides|the two sides|the two countries|the two states|both countries', 'parties'],
  ] as [string, string][]
).map(([re, to]) => [new RegExp(`\\b(?:${re})\\b`, 'giu'), ` ${to} `]);

/** Acronyms that are ordinary words in lower case: replaced only when written in capitals. */
const ACRONYMS: [RegExp, string][] = [
  [/\bU\.?S\.?A?\b/g, ' usa '],
  [/\bU\.?N\.?\b/g, ' un '],
];

/** Single words → canonical word (before stemming). */
const EQUIVALENT = new Map<string, string>(
  (
    [
      // demonyms and places
      ['chinese', 'china'], ['russian', 'russia'], ['asian', 'asia'], ['european', 'europe'], ['african', 'africa'],
      ['american', 'america'], ['korean', 'korea'], ['ukrainian', 'ukraine'], ['japanese', 'japan'], ['soviet', 'ussr'],
      ['arctic', 'arctic'], ['mongolian', 'mongolia'], ['indian', 'india'],
      // stance verbs
      ['reject', 'oppose'], ['rejects', 'oppose'], ['rejected', 'oppose'], ['rejecting', 'oppose'], ['condemn', 'oppose'],
      ['condemns', 'oppose'], ['condemned', 'oppose'], ['denounce', 'oppose'], ['denounces', 'oppose'], ['object', 'oppose'],
      ['opposition', 'oppose'],
      ['back', 'support'], ['backs', 'support'], ['backed', 'support'], ['endorse', 'support'], ['endorses', 'support'],
      ['endorsed', 'support'], ['favour', 'support'], ['favours', 'support'],
      ['inalienable', 'integral'], ['indivisible', 'indivisible'],
      ['enhance', 'strengthen'], ['enhances', 'strengthen'], ['enhanced', 'strengthen'], ['enhancing', 'strengthen'],
      ['reinforce', 'strengthen'], ['bolster', 'strengthen'],
      ['intensify', 'deepen'], ['intensifying', 'deepen'], ['intensified', 'deepen'],
      ['broaden', 'expand'], ['broadening', 'expand'], ['widen', 'expand'],
      ['collaboration', 'cooperation'], ['cooperate', 'cooperation'], ['cooperating', 'cooperation'],
      ['worried', 'concerned'], ['alarmed', 'concerned'], ['concern', 'concerned'], ['concerns', 'concerned'],
      ['sides', 'parties'], ['side', 'parties'], ['party', 'parties'],
      ['underline', 'stress'], ['underlined', 'stress'], ['underlines', 'stress'], ['emphasise', 'stress'], ['emphasize', 'stress'],
      ['emphasised', 'stress'], ['emphasized', 'stress'], ['stressed', 'stress'],
      // British and American spelling
      ['defence', 'defense'], ['centre', 'center'], ['programme', 'program'], ['programmes', 'program'],
    ] as [string, string][]
  ),
);

/** British -ise/-isation and -our spellings → American, so both stem alike. */
function americanise(w: string): string {
  if (w.length >= 6) {
    const m = /^(.{3,})is(e|es|ed|ing|ation|ations|er|ers)$/.exec(w);
    if (m) return `${m[1]}iz${m[2]}`;
  }
  const o = /^(.{3,})our(s|ed|ing|able|ly|hood|hoods|ite|ites)?$/.exec(w);
  if (o) return `${o[1]}or${o[2] ?? ''}`;
  return w;
}

/** Apply the equivalence table to a text (phrases and capitalised acronyms). */
export function canonicalPhrases(text: string): string {
  let out = text;
  for (const [re, to] of ACRONYMS) out = out.replace(re, to);
  for (const [re, to] of PHRASES) out = out.replace(re, to);
  return out;
}

/** The canonical form of one lowercase word (equivalences, then spelling). */
export function canonicalWord(w: string): string {
  return EQUIVALENT.get(w) ?? americanise(w);
}

/**
 * Similarity tokens of a clause: lowercased, stemmed, stop words out, formulas as `§<id>`, equivalents merged.
 * Words come from the platform's word segmentation, so Chinese (no spaces) gives its words; each word
 * follows the rules of its script (Snowball for Cyrillic, function words of its language), since one
 * clause may quote a name in another language.
 *
 * @param lang BCP 47 tag of the text, for the segmenter, and for the stemmer of a language that shares
 * the Latin script (fr, de, es …).
 */
export function normalize(text: string, formulas: readonly Formula[] = [], lang = 'en'): string[] {
  const marked = canonicalPhrases(markFormulas(markAddresses(text.normalize('NFKC')), formulas)).toLowerCase();
  const tokens: string[] = [];
  // split() with a capturing group: formula tokens at the odd places, text between them at the even.
  marked.split(FORMULA_TOKEN_RE).forEach((piece, at) => {
    if (at % 2 === 1) {
      tokens.push(piece);
      return;
    }
    const stemmed = hasStemmer(lang);
    for (const w of words(piece, lang)) {
      const script = scriptOf(w);
      if (stemmed && script === 'other') {
        // French, German, Spanish …: the Snowball stemmer and function words of the text's language.
        const token = normalWord(w, lang);
        if (token) tokens.push(token);
      } else if (script === 'cyrillic') {
        if (!RU_STOP_WORDS.has(w)) tokens.push(stemRussian(w));
      } else if (script === 'han') {
        if (!ZH_STOP_WORDS.has(w)) tokens.push(w);
      } else if (!STOP_WORDS.has(w)) tokens.push(stem(canonicalWord(w)));
    }
  });
  return tokens;
}

/**
 * A link's address in a clause's text (` <https://…>`, as the content parser writes a link's
 * target) as one token, like a formula: an address is one term, not the words of its path, so
 * two sentences are not alike because both link to pages of one site (`policies google com terms
 * hl en gb …`), and a changed address is one token changed.
 */
function markAddresses(text: string): string {
  return text.replace(/<((?:https?|mailto):[^<>\s]+)>/giu, (_, url: string) => ` ${FORMULA_TOKEN_PREFIX}link-${addressHash(url)} `);
}

// FNV-1a of an address, in base 36: a token of letters and digits.
function addressHash(url: string): string {
  let hash = 0x811c9dc5;
  for (let k = 0; k < url.length; k++) hash = Math.imul(hash ^ url.charCodeAt(k), 0x01000193) >>> 0;
  return hash.toString(36);
}

const tokenCache = new WeakMap<readonly Formula[], Map<string, readonly string[]>>();
const tokenCacheLimit = 200_000;
const noFormulas: readonly Formula[] = [];

/**
 * normalize(), remembered per formula lexicon: a statement compared with many others
 * is normalised once, not once per pair. The cache is dropped when it grows past
 * 200,000 texts, so a long evaluation run stays bounded.
 */
export function normalizeOnce(text: string, formulas: readonly Formula[] = noFormulas, lang = 'en'): readonly string[] {
  let byText = tokenCache.get(formulas);
  if (!byText || byText.size > tokenCacheLimit) tokenCache.set(formulas, (byText = new Map()));
  const key = `${lang}\u0000${text}`;
  let tokens = byText.get(key);
  if (!tokens) byText.set(key, (tokens = normalize(text, formulas, lang)));
  return tokens;
}

/** Key for exact comparison: case, punctuation and spacing do not count. */
export function normalizedText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’'`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

// Porter stemmer (M. F. Porter, 1980) from the `stemmer` package; it gives the hand-written
// one's output on every word of the corpus. Words are cached: a corpus repeats its words.
const stemCache = new Map<string, string>();
const ENGLISH_ALPHABET = /^[a-z]+$/;

/** Porter stem of a lowercase word (words under 3 letters and non-ASCII words unchanged). */
export function stem(word: string): string {
  if (word.length < 3 || !ENGLISH_ALPHABET.test(word)) return word;
  const cached = stemCache.get(word);
  if (cached !== undefined) return cached;
  const stemmed = stemmer(word);
  if (stemCache.size > 200_000) stemCache.clear();
  stemCache.set(word, stemmed);
  return stemmed;
}
