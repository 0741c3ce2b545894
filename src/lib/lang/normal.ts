/**
 * Normalisation of words for clause similarity, per language: function
 * words to drop and a stem to compare, as normalize.ts does for English (Russian, Chinese,
 * and the other languages the Snowball stemmers cover).
 */
import snowball from 'snowball-stemmers';

// Negations (не, ни, нет, против; 不, 未, 没有, 反对, 非) are kept, as in English: in a joint
// statement they carry the meaning of the clause.
export const RU_STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'и в во с со к ко о об обо от ото по на за из изо у до для при про через над под перед между ' +
    'а но или либо да же ли бы то что чтобы как так также тоже это этот эта эти этого этой этих этим ' +
    'тот та те того той тех том тем его ее её их им ими ему ей он она оно они мы нас нам нами вы вас ' +
    'вам свой своя свое своё свои своих своим своей своего который которая которое которые которых ' +
    'которым которой которого все всё весь вся всех всем всего всей был была было были быть будет ' +
    'будут является являются есть уже еще ещё только даже именно а также'
  ).split(' '),
);

// Chinese function words: particles, conjunctions, prepositions and demonstratives that any
// sentence carries. Each is one word of the segmenter's dictionary.
export const ZH_STOP_WORDS: ReadonlySet<string> = new Set(
  ('的 地 得 了 着 过 和 与 及 以及 并 并且 而 而且 或 或者 在 于 对 对于 将 把 被 为 为了 以 从 向 到 由 ' +
    '之 其 该 此 这 那 这些 那些 各 所 也 都 又 就 是 等 上 中 下').split(' '),
);

const russian = snowball.newStemmer('russian');
const ruStemCache = new Map<string, string>();

/**
 * Snowball stem of a lowercase Russian word, with ё read as е (the two are written
 * interchangeably) and stress accents dropped (teaching editions mark them; only the acute and
 * grave, since й and ё carry marks of their own).
 */
export function stemRussian(word: string): string {
  const cached = ruStemCache.get(word);
  if (cached !== undefined) return cached;
  const folded = word.normalize('NFD').replace(/[\u0300\u0301]/g, '').normalize('NFC').replace(/ё/g, 'е');
  const stem = russian.stem(folded);
  if (ruStemCache.size > 200_000) ruStemCache.clear();
  ruStemCache.set(word, stem);
  return stem;
}

// ---------------------------------------------------------------------------
// Other languages: the Snowball stemmers of the same package, chosen by the text's
// language (Latin-script languages share a script, so the script cannot choose), and
// function words where a short list covers them. Negations are kept, as in English.

/** Snowball algorithm of each language subtag the package covers (English keeps Porter, Russian its own path above). */
const SNOWBALL: Readonly<Record<string, string>> = {
  ar: 'arabic', hy: 'armenian', eu: 'basque', ca: 'catalan', cs: 'czech', da: 'danish', nl: 'dutch', fi: 'finnish',
  fr: 'french', de: 'german', hu: 'hungarian', it: 'italian', ga: 'irish', nb: 'norwegian', nn: 'norwegian', no: 'norwegian',
  pt: 'portuguese', ro: 'romanian', es: 'spanish', sl: 'slovene', sv: 'swedish', ta: 'tamil', tr: 'turkish',
};

const wordSet = (list: string): ReadonlySet<string> => new Set(list.split(' '));

/** Function words of the languages where a short list covers them. */
export const STOP_WORDS_BY_LANG: Readonly<Record<string, ReadonlySet<string>>> = {
  fr: wordSet(
    'le la les l un une des du de d à au aux et ou mais donc car que qu qui dont où ce cet cette ces son sa ses leur leurs ' +
      'il elle ils elles on nous vous se s en y dans par pour sur avec sans sous entre vers est sont être a ont avoir été aussi très',
  ),
  de: wordSet(
    'der die das den dem des ein eine einer eines einem einen und oder aber denn dass zu zum zur im in am an auf aus bei mit ' +
      'nach von vom für über unter durch um sie er es wir ihr ihre ihrer ihren ihrem sein seine seiner seinen ist sind war wird werden auch sich',
  ),
  es: wordSet(
    'el la los las lo un una unos unas de del a al y e o u pero que quien cuyo donde este esta estos estas ese esa su sus ' +
      'se en por para con sin sobre entre hacia es son ser ha han fue también muy',
  ),
  it: wordSet(
    'il lo la i gli le un uno una di del della dei degli delle a al alla ai agli alle e ed o ma che chi cui dove questo questa ' +
      'questi queste suo sua suoi sue loro si in nel nella nei per con su sul sulla tra fra è sono essere ha hanno anche molto',
  ),
  pt: wordSet(
    'o a os as um uma uns umas de do da dos das em no na nos nas ao aos à às e ou mas que quem cujo onde este esta estes estas ' +
      'esse essa seu sua seus suas se por pelo pela para com sem sobre entre é são ser foi também muito',
  ),
};

const stemmers = new Map<string, { stem(word: string): string }>();
const stemCaches = new Map<string, Map<string, string>>();

/** The language subtag of a BCP 47 tag (`pt-BR` → `pt`), lowercase. */
function languageOf(lang: string): string {
  try {
    return new Intl.Locale(lang).language;
  } catch {
    return lang.toLowerCase();
  }
}

/** Whether words of `lang` are stemmed here (a Snowball stemmer other than English's and Russian's). */
export function hasStemmer(lang: string): boolean {
  return SNOWBALL[languageOf(lang)] !== undefined;
}

/**
 * The Snowball stem of a lowercase word of `lang`, or the word when the package has no
 * stemmer for the language.
 */
export function stemIn(word: string, lang: string): string {
  const language = languageOf(lang);
  const algorithm = SNOWBALL[language];
  if (!algorithm) return word;
  let stemmer = stemmers.get(algorithm);
  let cache = stemCaches.get(algorithm);
  if (!stemmer || !cache) {
    stemmer = snowball.newStemmer(algorithm);
    cache = new Map();
    stemmers.set(algorithm, stemmer);
    stemCaches.set(algorithm, cache);
  }
  const cached = cache.get(word);
  if (cached !== undefined) return cached;
  const stem = stemmer.stem(word);
  if (cache.size > 200_000) cache.clear();
  cache.set(word, stem);
  return stem;
}

/**
 * The similarity token of a lowercase word of a language with a stemmer here: undefined
 * for a function word of the language, else its stem.
 */
export function normalWord(word: string, lang: string): string | undefined {
  if (STOP_WORDS_BY_LANG[languageOf(lang)]?.has(word)) return undefined;
  return stemIn(word, lang);
}
