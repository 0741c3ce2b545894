/**
 * Normalisation of Russian and Chinese words for clause similarity: function
 * words to drop and a stem to compare, as normalize.ts does for English.
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
