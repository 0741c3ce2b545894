/**
 * Seeded perturbation of a clause list with known truth, to measure the
 * aligner where no human gold exists: reorder, reword, split, merge, drop
 * and add clauses at given rates, and record which clauses became which.
 */
import type { AlignKind, Clause } from '../model/types.ts';
import { segments } from '../lang/words.ts';

/** Rates in [0, 1], each applied per clause. */
export type PerturbRates = {
  reorder: number;
  reword: number;
  split: number;
  merge: number;
  drop: number;
  add: number;
};

/** One true correspondence: older clause ids → newer clause ids (empty on one side for drop/add). */
export type TruePair = { kind: AlignKind; from: string[]; to: string[] };

/** Output of perturb(): the newer clause list and the true pairs. */
export type Perturbed = { clauses: Clause[]; truth: TruePair[] };

/** Rates used by the evaluation unless told otherwise. */
export const DEFAULT_RATES: PerturbRates = { reorder: 0.15, reword: 0.2, split: 0.05, merge: 0.05, drop: 0.1, add: 0.1 };

/** mulberry32: small, fast, good enough for test data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Pairs read both ways; the aligner's stemmer does not know them, so a swap is a real change.
const SYNONYMS: [string, string][] = [
  ['support', 'back'], ['strengthen', 'enhance'], ['cooperation', 'collaboration'], ['agreed', 'decided'],
  ['important', 'significant'], ['promote', 'advance'], ['development', 'progress'], ['stressed', 'underlined'],
  ['reaffirmed', 'confirmed'], ['welcome', 'appreciate'], ['expand', 'broaden'], ['deepen', 'intensify'],
  ['efforts', 'endeavours'], ['countries', 'states'], ['noted', 'observed'], ['international', 'global'],
  ['sides', 'parties'], ['joint', 'common'], ['continue', 'keep'], ['further', 'additionally'],
  ['maintain', 'preserve'], ['security', 'safety'], ['peace', 'tranquillity'], ['oppose', 'reject'],
  ['firmly', 'resolutely'], ['relations', 'ties'], ['mutual', 'reciprocal'], ['ensure', 'guarantee'],
  ['region', 'area'], ['issues', 'matters'], ['framework', 'structure'], ['trade', 'commerce'],
  ['economic', 'financial'], ['dialogue', 'consultation'], ['stability', 'steadiness'], ['expressed', 'voiced'],
];
const SYN = new Map<string, string>([...SYNONYMS, ...SYNONYMS.map(([a, b]): [string, string] => [b, a])]);
const FILLERS = ['actively', 'fully', 'jointly', 'steadily', 'in particular', 'also', 'further', 'duly', 'firmly', 'consistently'];
const NEW_WORDS = (
  'maritime lunar satellite fisheries vaccine archive railway pipeline museum tariff drone glacier ' +
  'orchestra microchip hydrogen observatory wheat delta copper festival bandwidth corridor scholarship reactor'
).split(' ');

/** Reword a clause: synonym swaps, one inserted and one deleted word, at most. */
export function reword(text: string, rnd: () => number): string {
  const words = text.split(' ');
  let swaps = 0;
  for (let k = 0; k < words.length && swaps < 3; k++) {
    const bare = words[k]!.replace(/[^\p{L}]/gu, '').toLowerCase();
    const syn = SYN.get(bare);
    if (syn && rnd() < 0.7) {
      words[k] = words[k]!.toLowerCase().replace(bare, syn);
      swaps++;
    }
  }
  if (words.length > 4 && rnd() < 0.7) {
    const at = 1 + Math.floor(rnd() * (words.length - 2));
    words.splice(at, 0, FILLERS[Math.floor(rnd() * FILLERS.length)]!);
  }
  if (words.length > 6 && rnd() < 0.5) {
    const at = 1 + Math.floor(rnd() * (words.length - 2));
    if (/^\p{L}+$/u.test(words[at]!)) words.splice(at, 1);
  }
  const out = words.join(' ');
  return out === text ? `${text.replace(/[.;:]?$/, '')}, ${FILLERS[Math.floor(rnd() * FILLERS.length)]}.` : out;
}

// ---------------------------------------------------------------------------
// Chinese and Russian: the same operations on the words Intl.Segmenter finds, with
// synonyms, fillers and new clauses of each language (invented word lists).

/** What perturbing a text in one language needs. */
type LangKit = {
  synonyms: Map<string, string>;
  fillers: string[];
  /** What joins a word to the next (nothing in Chinese). */
  space: string;
  /** Where a clause may be cut in two. */
  cut: RegExp;
  /** Shortest piece a cut leaves, in characters. */
  minPiece: number;
  /** The full stop and the mark that joins two merged clauses. */
  stop: string;
  join: string;
  /** Nouns for new clauses unrelated to the statement, and the clause they go into. */
  newWords: string[];
  newClause: (pick: () => string) => string;
};

const both = (pairs: [string, string][]): Map<string, string> => new Map([...pairs, ...pairs.map(([a, b]): [string, string] => [b, a])]);

const KITS: Record<string, LangKit> = {
  zh: {
    synonyms: both([
      ['加强', '增强'], ['合作', '协作'], ['发展', '进步'], ['促进', '推动'], ['扩大', '拓展'], ['共同', '联合'], ['保持', '维持'],
      ['研究', '探讨'], ['保护', '保育'], ['开放', '开通'], ['相同', '一样'], ['统一', '一致'], ['设立', '建立'], ['管理', '治理'],
      ['检查', '查验'], ['学习', '进修'], ['相互', '彼此'], ['提供', '给予'], ['规定', '确定'], ['分享', '共享'], ['分担', '共担'],
      ['欢迎', '赞赏'], ['同意', '赞同'], ['争端', '纠纷'], ['会议', '会晤'], ['立即', '马上'], ['修建', '兴建'], ['费用', '开支'],
    ]),
    fillers: ['积极', '全面', '进一步', '切实', '稳步', '持续', '充分', '务实', '继续', '认真'],
    space: '',
    cut: /[，；]/g,
    minPiece: 5,
    stop: '。',
    join: '；',
    newWords: '海洋 卫星 渔业 疫苗 档案 管道 关税 无人机 冰川 乐团 芯片 氢能 天文台 小麦 三角洲 铜矿 节日 带宽 走廊 奖学金 反应堆 月球'.split(' '),
    newClause: (pick) => `双方将启动${pick()}和${pick()}计划，涵盖${pick()}、${pick()}和${pick()}交流。`,
  },
  ru: {
    synonyms: both([
      ['будут', 'станут'], ['совместная', 'общая'], ['совместное', 'общее'], ['совместный', 'общий'], ['совместно', 'сообща'],
      ['единой', 'общей'], ['одинаковые', 'равные'], ['строить', 'возводить'], ['построят', 'возведут'], ['изучат', 'исследуют'],
      ['установят', 'определят'], ['создадут', 'учредят'], ['развивать', 'поощрять'], ['договорились', 'условились'],
      ['приветствовали', 'одобрили'], ['управлять', 'распоряжаться'], ['делить', 'распределять'], ['публиковать', 'обнародовать'],
      ['держать', 'хранить'], ['ограничения', 'лимиты'], ['предел', 'лимит'], ['нормы', 'стандарты'], ['обмениваться', 'делиться'],
      ['стран', 'государств'], ['странами', 'государствами'], ['рынок', 'базар'], ['проверяться', 'контролироваться'], ['спор', 'разногласие'],
    ]),
    fillers: ['активно', 'всесторонне', 'неуклонно', 'также', 'далее', 'полностью', 'последовательно', 'твёрдо', 'в частности', 'впредь'],
    space: ' ',
    cut: /, |; | и /g,
    minPiece: 15,
    stop: '.',
    join: ', и ',
    newWords: (
      'спутников рыболовства вакцин архивов трубопроводов тарифов дронов ледников оркестров микрочипов водорода ' +
      'обсерваторий пшеницы меди фестивалей коридоров стипендий реакторов'
    ).split(' '),
    newClause: (pick) => `Стороны запустят программу ${pick()} и ${pick()}, охватывающую обмены в области ${pick()}, ${pick()} и ${pick()}.`,
  },
};

/** The perturbation kit of a language: Chinese and Russian have their own, any other language is perturbed as English. */
function kitOf(lang: string): LangKit | undefined {
  return KITS[new Intl.Locale(lang).language];
}

/** The languages with a kit of their own (besides English). */
export const PERTURBED_LANGUAGES: readonly string[] = Object.keys(KITS);

const upperFirst = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);

/**
 * Reword a clause in a language other than English: as reword() does, on the words the
 * platform's segmenter finds (synonym swaps, one inserted and one deleted word, at most).
 */
export function rewordIn(text: string, rnd: () => number, lang: string): string {
  const kit = kitOf(lang);
  if (!kit) return reword(text, rnd);
  const parts = segments(text, lang).map((s) => ({ text: s.text, word: s.word }));
  let swaps = 0;
  for (const part of parts) {
    if (swaps >= 3) break;
    if (!part.word) continue;
    const lower = part.text.toLowerCase();
    const syn = kit.synonyms.get(lower);
    if (syn && rnd() < 0.7) {
      part.text = part.text === lower ? syn : upperFirst(syn);
      swaps++;
    }
  }
  const wordAt = (): number[] => parts.flatMap((part, at) => (part.word && at > 0 ? [at] : []));
  if (wordAt().length > 4 && rnd() < 0.7) {
    const places = wordAt();
    const at = places[Math.floor(rnd() * places.length)]!;
    parts.splice(at, 0, { text: kit.fillers[Math.floor(rnd() * kit.fillers.length)]!, word: true }, ...(kit.space ? [{ text: kit.space, word: false }] : []));
  }
  if (wordAt().length > 6 && rnd() < 0.5) {
    const places = wordAt().slice(0, -1);
    const at = places[Math.floor(rnd() * places.length)]!;
    // The word and the space after it (else before it): what is left reads as one text.
    if (kit.space && parts[at + 1]?.text === kit.space) parts.splice(at, 2);
    else if (kit.space && parts[at - 1]?.text === kit.space) parts.splice(at - 1, 2);
    else parts.splice(at, 1);
  }
  const out = parts.map((part) => part.text).join('');
  if (out !== text) return out;
  const filler = kit.fillers[Math.floor(rnd() * kit.fillers.length)]!;
  return `${text.replace(/[.;:。；：]?$/u, '')}${kit.space ? ', ' : '，'}${filler}${kit.stop}`;
}

/** splitText() in a language: cut at a comma or semicolon (or " и ") near the middle. */
function splitIn(text: string, lang: string): [string, string] | undefined {
  const kit = kitOf(lang);
  if (!kit) return splitText(text);
  const cuts: { at: number; length: number }[] = [];
  for (const m of text.matchAll(kit.cut)) cuts.push({ at: m.index, length: m[0].length });
  const mid = text.length / 2;
  const good = cuts.filter((c) => c.at > kit.minPiece && c.at < text.length - kit.minPiece).sort((a, b) => Math.abs(a.at - mid) - Math.abs(b.at - mid));
  const cut = good[0];
  if (!cut) return undefined;
  const first = text.slice(0, cut.at).trimEnd() + kit.stop;
  const rest = text.slice(cut.at + cut.length).trim();
  return [first, upperFirst(rest)];
}

/** Two clauses merged into one, in a language. */
function mergeIn(a: string, b: string, lang: string): string {
  const kit = kitOf(lang);
  if (!kit) return `${a.replace(/[.;:]\s*$/, '')}, and ${b.charAt(0).toLowerCase()}${b.slice(1)}`;
  return `${a.replace(/[.;:。；：]\s*$/u, '')}${kit.join}${kit.space ? b.charAt(0).toLowerCase() + b.slice(1) : b}`;
}

/** syntheticClause() in a language. */
function syntheticIn(rnd: () => number, lang: string): string {
  const kit = kitOf(lang);
  if (!kit) return syntheticClause(rnd);
  return kit.newClause(() => kit.newWords[Math.floor(rnd() * kit.newWords.length)]!);
}

/** Cut a clause in two at a comma, semicolon or " and " near its middle; undefined when it has none. */
export function splitText(text: string): [string, string] | undefined {
  const cuts: number[] = [];
  for (const m of text.matchAll(/, |; | and /g)) cuts.push(m.index);
  const mid = text.length / 2;
  const good = cuts.filter((c) => c > 15 && c < text.length - 15).sort((a, b) => Math.abs(a - mid) - Math.abs(b - mid));
  const at = good[0];
  if (at === undefined) return undefined;
  const sep = text.slice(at).match(/^(, |; | and )/)![0];
  const first = text.slice(0, at).trimEnd() + '.';
  const rest = text.slice(at + sep.length).trim();
  return [first, rest.charAt(0).toUpperCase() + rest.slice(1)];
}

/** A synthetic new clause unrelated to the statement. */
export function syntheticClause(rnd: () => number): string {
  const pick = (): string => NEW_WORDS[Math.floor(rnd() * NEW_WORDS.length)]!;
  return `The two sides will launch a ${pick()} and ${pick()} programme covering ${pick()}, ${pick()} and ${pick()} exchanges.`;
}

type Work = { clause: Clause; from: string[]; kind: AlignKind };

/**
 * Perturb a clause list deterministically; ids of new clauses are `<prefix>-<n>` and carry no structure.
 * `lang`: the language of the clauses; Chinese and Russian are reworded, cut, merged and added to
 * in their own words (segmented by the platform), any other language as English.
 */
export function perturb(older: readonly Clause[], rates: PerturbRates, seed: number, prefix = 'p', lang = 'en'): Perturbed {
  // One random stream, drawn in this order: drop, merge, split and reword, reorder, add.
  const rnd = seededRandom(seed);
  const truth: TruePair[] = [];
  const work: Work[] = [];
  // Drop first so the other operations act on surviving clauses only.
  for (const c of older) {
    if (rnd() < rates.drop) truth.push({ kind: 'dropped', from: [c.id], to: [] });
    else work.push({ clause: c, from: [c.id], kind: 'same' });
  }
  const pieces = splitAndReword(mergePairs(work, rnd, rates.merge, lang), rnd, rates, lang);
  const moved = reorder(pieces, rnd, rates.reorder);
  const clauses = emit(pieces, moved, older[0], rnd, rates.add, prefix, truth, lang);
  return { clauses, truth };
}

// Merge consecutive pairs into one clause ("…, and …").
function mergePairs(work: Work[], rnd: () => number, rate: number, lang: string): Work[] {
  const merged: Work[] = [];
  for (let k = 0; k < work.length; k++) {
    const a = work[k]!;
    const b = work[k + 1];
    if (b && rnd() < rate) {
      const text = mergeIn(a.clause.text, b.clause.text, lang);
      merged.push({ clause: { ...a.clause, text }, from: [...a.from, ...b.from], kind: 'merged' });
      k++;
    } else merged.push(a);
  }
  return merged;
}

// Split, then reword (a split piece may be reworded too); each group holds the pieces of one clause.
function splitAndReword(work: Work[], rnd: () => number, rates: PerturbRates, lang: string): Work[][] {
  const pieces: Work[][] = [];
  for (const item of work) {
    const halves = item.kind === 'same' && rnd() < rates.split ? splitIn(item.clause.text, lang) : undefined;
    if (halves) {
      pieces.push(halves.map((text) => ({ clause: { ...item.clause, text }, from: item.from, kind: 'split' as AlignKind })));
    } else pieces.push([item]);
  }
  for (const group of pieces) {
    for (const item of group) {
      if (rnd() < rates.reword) {
        item.clause = { ...item.clause, text: rewordIn(item.clause.text, rnd, lang) };
        if (item.kind === 'same') item.kind = 'reworded';
      }
    }
  }
  return pieces;
}

// Move whole groups (a split stays together) to a random place at least 3 groups away; returns the moved groups.
function reorder(pieces: Work[][], rnd: () => number, rate: number): Set<Work[]> {
  const moved = new Set<Work[]>();
  for (const group of [...pieces]) {
    if (rnd() >= rate) continue;
    const from = pieces.indexOf(group);
    pieces.splice(from, 1);
    let to = Math.floor(rnd() * (pieces.length + 1));
    if (Math.abs(to - from) < 3) to = (to + Math.floor(pieces.length / 2)) % (pieces.length + 1);
    pieces.splice(to, 0, group);
    moved.add(group);
  }
  return moved;
}

// The newer clauses, with new synthetic clauses added between groups, and their true pairs (pushed to `truth`).
function emit(pieces: Work[][], moved: Set<Work[]>, first: Clause | undefined, rnd: () => number, rate: number, prefix: string, truth: TruePair[], lang: string): Clause[] {
  let counter = 0;
  const make = (template: Clause, text: string): Clause => ({
    ...template,
    id: `${prefix}-${++counter}`,
    statementId: `${template.statementId}~${prefix}`,
    text,
    html: text,
  });
  const flat: (Work | null)[] = [];
  for (const group of pieces) {
    if (rnd() < rate) flat.push(null);
    flat.push(...group);
  }
  const groupOf = new Map<Work, Work[]>();
  for (const group of pieces) for (const item of group) groupOf.set(item, group);
  const clauses: Clause[] = [];
  const byGroup = new Map<string, TruePair>();
  let template = first;
  for (const item of flat) {
    if (!item) {
      if (!template) continue;
      const c = make(template, syntheticIn(rnd, lang));
      clauses.push(c);
      truth.push({ kind: 'added', from: [], to: [c.id] });
      continue;
    }
    template = item.clause;
    const c = make(item.clause, item.clause.text);
    clauses.push(c);
    const key = item.from.join('|');
    const existing = byGroup.get(key);
    if (existing && item.kind === 'split') existing.to.push(c.id);
    else {
      const group = groupOf.get(item);
      const kind: AlignKind = item.kind === 'same' || item.kind === 'reworded' ? (group && moved.has(group) ? 'moved' : item.kind) : item.kind;
      const pair: TruePair = { kind, from: [...item.from], to: [c.id] };
      byGroup.set(key, pair);
      truth.push(pair);
    }
  }
  return clauses;
}

/** Links (older id → newer id) of pairs that are neither dropped nor added. */
export function linksOf(pairs: readonly { from: string[]; to: string[] }[]): Set<string> {
  const links = new Set<string>();
  for (const p of pairs) for (const f of p.from) for (const t of p.to) links.add(`${f}\u0000${t}`);
  return links;
}

// ---------------------------------------------------------------------------
// Synthetic statements for the benchmark and for tests without a corpus.

const SUBJECTS = ['The two sides', 'Both parties', 'The leaders', 'The two heads of state', 'The Parties', 'The ministers', 'Both countries'];
const VERBS = [
  'agreed to strengthen', 'reaffirmed their commitment to', 'stressed the importance of', 'welcome', 'will promote',
  'decided to expand', 'expressed support for', 'noted with satisfaction', 'will continue to deepen', 'firmly oppose',
  'underlined the need for', 'called for', 'will jointly advance', 'recognised the value of', 'pledged to maintain',
];
const ADJ_BASE = (
  'strategic comprehensive practical mutual international regional economic cultural scientific technological ' +
  'sustainable peaceful multilateral bilateral global maritime financial digital humanitarian energy agricultural ' +
  'industrial educational legal nuclear military political social environmental long-term balanced'
).split(' ');
const NOUN_BASE = (
  'cooperation partnership dialogue security stability development trade investment exchanges connectivity ' +
  'infrastructure governance sovereignty integrity consultation coordination framework mechanism initiative ' +
  'agreement treaty order relations interests efforts issues region peace prosperity growth innovation supply ' +
  'chains resilience climate health tourism youth media agencies institutions regulations standards markets'
).split(' ');

/** A seeded word list: real diplomatic words padded with pronounceable coinages. */
function vocabulary(rnd: () => number, size: number): string[] {
  const syll = ['ka', 'ro', 'mi', 'ten', 'sal', 'vor', 'dra', 'lin', 'pe', 'stu', 'gra', 'mon', 'tri', 'sel', 'an', 'ber', 'cor', 'dis', 'el', 'fen'];
  const ends = ['ation', 'ment', 'ity', 'ance', 'ism', 'ure', 'ship', 'ics', 'ery', 'ide'];
  const words = new Set<string>(NOUN_BASE);
  while (words.size < size) {
    const k = 2 + Math.floor(rnd() * 2);
    let w = '';
    for (let q = 0; q < k; q++) w += syll[Math.floor(rnd() * syll.length)];
    words.add(w + ends[Math.floor(rnd() * ends.length)]);
  }
  return [...words];
}

/** Zipf-like pick: index ~ size^u, so a few words are common and most are rare. */
function zipf(rnd: () => number, size: number): number {
  return Math.min(size - 1, Math.floor(Math.pow(size + 1, rnd()) - 1));
}

/** Generate `count` diplomatic-sounding clause texts (seeded; vocabulary of about 3,000 words). */
export function syntheticTexts(count: number, seed: number): string[] {
  const rnd = seededRandom(seed);
  const nouns = vocabulary(rnd, 3000);
  const noun = (): string => nouns[zipf(rnd, nouns.length)]!;
  const adj = (): string => ADJ_BASE[Math.floor(rnd() * ADJ_BASE.length)]!;
  const pick = <T>(l: readonly T[]): T => l[Math.floor(rnd() * l.length)]!;
  const phrase = (): string => `${adj()} ${noun()} in ${noun()} and ${noun()}`;
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    let s = `${pick(SUBJECTS)} ${pick(VERBS)} ${phrase()}`;
    if (rnd() < 0.7) s += `, and ${pick(VERBS).replace(/^will /, '')} ${phrase()}`;
    if (rnd() < 0.5) s += ` on the basis of ${adj()} ${noun()} and ${noun()}`;
    out.push(`${s}.`);
  }
  return out;
}

/** Synthetic clauses of one statement; ids are opaque (`<statementId>-<n>`). */
export function syntheticClauses(count: number, seed: number, statementId = 'synthetic'): Clause[] {
  return syntheticTexts(count, seed).map((text, k) => ({
    id: `${statementId}-${k + 1}`,
    statementId,
    sectionKey: `s${Math.floor(k / 40) + 1}`,
    paragraphKey: `p${Math.floor(k / 4) + 1}`,
    quotes: [],
    index: k % 4,
    text,
    html: text,
    footnotes: [],
    topics: [],
    formulas: [],
    position: { file: `${statementId}.md`, line: k + 1, column: 1 },
  }));
}
