/**
 * Scoring a compare page against the raw texts of its two versions, as
 * `git diff --word-diff` sees them (scripts/eval-fulltext.ts runs it on real
 * documents).
 *
 * The truth: a word diff of the raw versions. Git's default tokens (runs of
 * non-space characters) are compared whole, as git compares them, each read as
 * its words: runs of letters and digits, lower-cased, so that markup and
 * punctuation around a word (`**Opt` → `### Opt`, `Fees` → `Fees,`) are no
 * change of it; inside a run of changed tokens, words on both sides are kept
 * (`legally-required` → `legally required`), changes slide together over equal
 * words as git slides them (compacted()),
 * and a link target's words (`[terms](https://a.example/x)` → `…/y`) count
 * like any other. Every run of removed and added words between kept ones is
 * one change (a hunk of git's word diff, without its markup-only hunks). HTML
 * tags (`<br>`) are markup too, and a link whose words are its own address
 * (`[a@b.example](mailto:a@b.example)`) counts that address once, as a reader
 * sees it. A change is filed under links when a token of it holds a link, under
 * headings when it is on a heading line (ATX or setext).
 *
 * The page: each row's older and newer text, with the words it marks (inside
 * `<del>`/`<ins>`, or the whole text of a dropped or added row). Each row text is
 * placed in its raw version (at a start most of its three-word runs agree on,
 * then word by word), so a marked word is a word of the raw text. Where a text
 * stands more than once, the newer texts take the starts that keep the page's
 * order, and an older text the start nearest to where the word diff puts its
 * row's newer text (see placements()).
 *
 * Counted: changed words found (marked where git changes them), missed, and
 * falsely shown (marked but unchanged in git); changes shown right (all their
 * words marked, in one row) and visible (all marked, in any rows); rows
 * paired right (older and newer side share a word git keeps in place); false
 * change rows (shown as changed, dropped or added, or carrying marks, where git
 * changes none of their words).
 */
import { diffArrays } from 'diff';
import { fromHtml } from 'hast-util-from-html';
import type { Element, Nodes } from 'hast';

/** One segment of a cell's text, marked when the page shows it as deleted or inserted. */
export type CellPart = { text: string; marked: boolean };

/** A row of a compare page, as read from its HTML. */
export type PageRow = {
  id: string;
  /** The row's kind on the page (`kept`, `changed`, `added`, `dropped`, …). */
  kind: string;
  older: CellPart[];
  newer: CellPart[];
};

/** What kind of text a change touches, for the visibility target. */
export type ChangeKind = 'link' | 'heading' | 'text';

/** One change of the raw diff with text in it. */
export type TruthChange = {
  kind: ChangeKind;
  /** Positions (in the version's words) of the words removed and added. */
  removed: number[];
  added: number[];
  /** The change as git's word diff prints it, shortened: `[-old-]{+new+}`. */
  label: string;
};

/** The raw diff of two versions, in words. */
export type Truth = {
  olderWords: string[];
  newerWords: string[];
  /** Per word of each version: whether the diff changes it. */
  olderChanged: boolean[];
  newerChanged: boolean[];
  /** Per older word: the newer word it stays as, or -1. */
  olderToNewer: number[];
  changes: TruthChange[];
};

/**
 * How to score. `previous`: as the scorer before did (each row at its tied start nearest after the
 * row before it; the diff's changes where the diff left them, not slid together as git slides
 * them; a page word the raw text's markup cuts in two left whole), so a report can print the
 * old figure beside the new.
 */
export type ScoreOptions = { previous?: boolean };

/** Figures of one compare page. */
export type PairScore = {
  words: { found: number; missed: number; falselyShown: number };
  changes: { total: number; shownRight: number; visible: number; byKind: Record<ChangeKind, { total: number; visible: number }> };
  rows: { total: number; paired: number; pairedRight: number; falseChange: number; unplaced: number; emptyMarks: number };
  /** The changes not shown right, for the report, with the ids of the rows their words are in. */
  notShown: { label: string; visible: boolean; rows: string[] }[];
  /** Ids of the false change rows. */
  falseRows: string[];
};

const wordPattern = /[\p{L}\p{N}]+/gu;

/** Words as this evaluation counts them: runs of letters and digits, lower-cased (markup and invisible characters are not words). */
export function wordsOf(text: string): string[] {
  return (text.match(wordPattern) ?? []).map(normalWord);
}

function normalWord(word: string): string {
  return word.normalize('NFC').toLowerCase();
}

type Token = { text: string; line: number; heading: boolean };

// Tokens as git's default word regex splits them (runs of non-space), with their line and whether the line is a heading.
function tokensOf(text: string): Token[] {
  const lines = text.split(/\r?\n/);
  const tokens: Token[] = [];
  lines.forEach((line, at) => {
    const next = lines[at + 1] ?? '';
    const heading = /^\s{0,3}#{1,6}\s/.test(line) || (line.trim() !== '' && /^\s{0,3}(?:=+|-+)\s*$/.test(next)) || /^\s{0,3}(?:=+|-+)\s*$/.test(line);
    for (const match of markupFree(line).matchAll(/\S+/g)) tokens.push({ text: match[0], line: at, heading });
  });
  return tokens;
}

// HTML tags (`<br>`, `</sup>`) are markup: their names are no words. Autolinks (`<https://…>`) are not tags.
const htmlTag = /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>/gi;
// A link whose words are its address (`[a@b.example](mailto:a@b.example)`, `[https://x](https://x)`)
// is one address written twice for Markdown's sake: a reader sees it once.
const addressLink = /\[([^[\]\s]+)\]\(((?:mailto:)?)([^()\s]+)\)/gi;

// A line without the markup a reader never sees as words.
function markupFree(line: string): string {
  return line.replace(htmlTag, ' ').replace(addressLink, (whole, text: string, mailto: string, url: string) => {
    const plain = text.replace(/\\(.)/g, '$1');
    // As the page decides (content/parse.ts, linkTarget): the words are the address, with or without `mailto:` or a final `/`.
    const target = `${mailto}${url}`;
    return plain === target || plain === url || `${plain}/` === target ? `[${text}]()` : whole;
  });
}

/**
 * The raw diff of two versions: a word diff (see the module comment), each run
 * of removed and added words between kept ones being one change.
 *
 * @param older the older version's raw text.
 * @param newer the newer version's raw text.
 */
export function truthOf(older: string, newer: string, options: ScoreOptions = {}): Truth {
  const a = tokensOf(older);
  const b = tokensOf(newer);
  // Each word with the token it comes from.
  const wordsWithTokens = (tokens: Token[]) => tokens.flatMap((token, at) => wordsOf(token.text).map((word) => ({ word, token: at })));
  const aw = wordsWithTokens(a);
  const bw = wordsWithTokens(b);
  const olderWords = aw.map((entry) => entry.word);
  const newerWords = bw.map((entry) => entry.word);
  const olderChanged = olderWords.map(() => false);
  const newerChanged = newerWords.map(() => false);
  const olderToNewer = olderWords.map(() => -1);
  const changes: TruthChange[] = [];
  let removed: number[] = [];
  let added: number[] = [];
  const flush = () => {
    if (removed.length === 0 && added.length === 0) return;
    for (const p of removed) olderChanged[p] = true;
    for (const p of added) newerChanged[p] = true;
    const oldTokens = [...new Set(removed.map((p) => aw[p]!.token))].map((t) => a[t]!);
    const newTokens = [...new Set(added.map((p) => bw[p]!.token))].map((t) => b[t]!);
    const all = [...oldTokens, ...newTokens];
    const kind: ChangeKind = all.some((token) => /\]\(|https?:|<[a-z]+:|www\./i.test(token.text)) ? 'link' : all.some((token) => token.heading) ? 'heading' : 'text';
    const short = (tokens: Token[]) => {
      const text = tokens.map((token) => token.text).join(' ');
      return text.length > 60 ? `${text.slice(0, 57)}…` : text;
    };
    changes.push({ kind, removed, added, label: `${oldTokens.length > 0 ? `[-${short(oldTokens)}-]` : ''}${newTokens.length > 0 ? `{+${short(newTokens)}+}` : ''}` });
    removed = [];
    added = [];
  };
  // Git compares tokens, never part of one: "What’s" is one token, so its "what" is not the "what"
  // of an inserted sentence. Each token that holds words is one unit (its words, joined), so markup
  // around a word is no change of it; inside a run of changed tokens (a hunk), words equal on both
  // sides ("legally-required" → "legally required") are kept, and the hunk's other words are the change.
  const unitsOf = (entries: { word: string; token: number }[]) => {
    const units: { key: string; from: number; count: number }[] = [];
    entries.forEach((entry, at) => {
      const last = units[units.length - 1];
      if (last && entries[last.from]!.token === entry.token) {
        last.key += ` ${entry.word}`;
        last.count++;
      } else units.push({ key: entry.word, from: at, count: 1 });
    });
    return units;
  };
  const au = unitsOf(aw);
  const bu = unitsOf(bw);
  const positions = (unit: { from: number; count: number }) => Array.from({ length: unit.count }, (_, k) => unit.from + k);
  let hunkOld: number[] = [];
  let hunkNew: number[] = [];
  const closeHunk = () => {
    let x = 0;
    let y = 0;
    for (const part of diffArrays(hunkOld.map((p) => olderWords[p]!), hunkNew.map((p) => newerWords[p]!))) {
      const n = part.value.length;
      if (part.removed) for (let k = 0; k < n; k++) removed.push(hunkOld[x++]!);
      else if (part.added) for (let k = 0; k < n; k++) added.push(hunkNew[y++]!);
      else for (let k = 0; k < n; k++) olderToNewer[hunkOld[x++]!] = hunkNew[y++]!;
    }
    hunkOld = [];
    hunkNew = [];
    flush();
  };
  let i = 0;
  let j = 0;
  const parts = diffArrays(au.map((unit) => unit.key), bu.map((unit) => unit.key));
  for (const part of options.previous ? parts : compacted(parts)) {
    const n = part.value.length;
    if (part.removed) {
      for (let k = 0; k < n; k++) hunkOld.push(...positions(au[i + k]!));
      i += n;
    } else if (part.added) {
      for (let k = 0; k < n; k++) hunkNew.push(...positions(bu[j + k]!));
      j += n;
    } else {
      closeHunk();
      for (let k = 0; k < n; k++) positions(au[i + k]!).forEach((p, m) => (olderToNewer[p] = bu[j + k]!.from + m));
      i += n;
      j += n;
    }
  }
  closeHunk();
  return { olderWords, newerWords, olderChanged, newerChanged, olderToNewer, changes };
}

type Part = { value: string[]; added?: boolean; removed?: boolean };

/**
 * A diff's changes slid together as git's diff slides them (xdiff's change compaction): a run of
 * removed (or added) units that can move up or down over equal units until it meets the next
 * run does so, and the two are one change. Of two equally short diffs, git's word diff shows
 * "…of interest to you;{+ To+}" as "…of interest{+ to you;+} To": the unchanged "To create" line
 * keeps its "To", and one insertion is one change, not two cut by a borrowed "to".
 */
function compacted(parts: readonly Part[]): Part[] {
  const a: string[] = [];
  const b: string[] = [];
  const aChanged: boolean[] = [];
  const bChanged: boolean[] = [];
  for (const part of parts) {
    for (const value of part.value) {
      if (!part.added) {
        a.push(value);
        aChanged.push(Boolean(part.removed));
      }
      if (!part.removed) {
        b.push(value);
        bChanged.push(Boolean(part.added));
      }
    }
  }
  slide(a, aChanged);
  slide(b, bChanged);
  // The edit script again: unchanged units pair in order (sliding kept their sequence).
  const out: Part[] = [];
  const push = (value: string, kind: 'removed' | 'added' | 'kept') => {
    const last = out[out.length - 1];
    const same = last && (kind === 'removed' ? last.removed : kind === 'added' ? last.added : !last.removed && !last.added);
    if (same) last.value.push(value);
    else out.push(kind === 'kept' ? { value: [value] } : { value: [value], [kind]: true });
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && aChanged[i]) push(a[i++]!, 'removed');
    else if (j < b.length && bChanged[j]) push(b[j++]!, 'added');
    else {
      push(b[j]!, 'kept');
      i++;
      j++;
    }
  }
  return out;
}

// Slide a run of changed units over equal units only where that joins it to the next run up or
// down: git's word diff slides its changes together so, and elsewhere the diff's own place stands.
function slide(keys: readonly string[], changed: boolean[]): void {
  let joined = true;
  while (joined) {
    joined = false;
    let start = 0;
    while (start < keys.length) {
      if (!changed[start]) {
        start++;
        continue;
      }
      let end = start;
      while (end < keys.length && changed[end]) end++;
      // Up: while the unit before the run equals its last, the run can start one earlier.
      let up = 0;
      while (start - up > 0 && !changed[start - up - 1] && keys[start - up - 1] === keys[end - up - 1]) {
        up++;
        if (start - up > 0 && changed[start - up - 1]) break;
      }
      if (up > 0 && start - up > 0 && changed[start - up - 1]) {
        for (let k = 0; k < up; k++) {
          changed[start - k - 1] = true;
          changed[end - k - 1] = false;
        }
        joined = true;
        break;
      }
      // Down: while the unit after the run equals its first.
      let down = 0;
      while (end + down < keys.length && !changed[end + down] && keys[end + down] === keys[start + down]) {
        down++;
        if (end + down < keys.length && changed[end + down]) break;
      }
      if (down > 0 && end + down < keys.length && changed[end + down]) {
        for (let k = 0; k < down; k++) {
          changed[start + k] = false;
          changed[end + k] = true;
        }
        joined = true;
        break;
      }
      start = end;
    }
  }
}

/**
 * The rows of a compare page: each `.row` with its kind and the text of its two
 * cells, marked inside `<del>`/`<ins>`; text for screen readers only
 * (`.visually-hidden`) is left out. Rows that only point to where a clause moved
 * (`moved-away`) are skipped: the clause has its own row there.
 *
 * @param html the compare page.
 */
export function pageRowsOf(html: string): PageRow[] {
  const tree = fromHtml(html);
  const rows: PageRow[] = [];
  const classes = (node: Element): string[] => {
    const value: unknown = node.properties.className;
    return Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(/\s+/) : [];
  };
  const find = (node: Nodes, test: (element: Element) => boolean, out: Element[] = [], inside = false): Element[] => {
    if (node.type === 'element' && test(node)) {
      out.push(node);
      if (!inside) return out;
    }
    if ('children' in node) for (const child of node.children) find(child, test, out, inside);
    return out;
  };
  const cellParts = (cell: Element | undefined): CellPart[] => {
    if (!cell) return [];
    const text = find(cell, (element) => element.tagName === 'p' && classes(element).includes('text'))[0];
    if (!text) return [];
    const parts: CellPart[] = [];
    const walk = (node: Nodes, marked: boolean) => {
      if (node.type === 'text') parts.push({ text: node.value, marked });
      else if (node.type === 'element') {
        if (classes(node).includes('visually-hidden')) return;
        const mark = marked || node.tagName === 'del' || node.tagName === 'ins';
        for (const child of node.children) walk(child, mark);
      }
    };
    walk(text, false);
    return parts;
  };
  for (const row of find(tree, (element) => element.tagName === 'div' && classes(element).includes('row'))) {
    const kind = String(row.properties.dataKind ?? classes(row).find((name) => name.startsWith('kind-'))?.slice(5) ?? '');
    if (kind === 'moved-away') continue;
    const cells = find(row, (element) => element.tagName === 'div' && classes(element).includes('cell'));
    const older = cells.find((cell) => classes(cell).includes('older'));
    const newer = cells.find((cell) => classes(cell).includes('newer'));
    const olderParts = cellParts(older);
    const newerParts = cellParts(newer);
    // A dropped row's older text and an added row's newer text are shown as changed, whole.
    rows.push({
      id: String(row.properties.id ?? ''),
      kind,
      older: kind === 'dropped' ? olderParts.map((part) => ({ ...part, marked: true })) : olderParts,
      newer: kind === 'added' ? newerParts.map((part) => ({ ...part, marked: true })) : newerParts
    });
  }
  return rows;
}

type Placed = { positions: number[]; marked: boolean[]; emptyMarks: number };

// A cell's words with their marks, and how many marks hold no word (an invisible character marked).
function cellWords(parts: readonly CellPart[]): { words: string[]; marked: boolean[]; emptyMarks: number } {
  const words: string[] = [];
  const marked: boolean[] = [];
  let emptyMarks = 0;
  // Adjacent parts can split one word ("co<ins>operate</ins>"): join them before counting words.
  let text = '';
  const flags: boolean[] = [];
  for (const part of parts) {
    if (part.marked && wordsOf(part.text).length === 0 && part.text.length > 0 && !/^\s+$/.test(part.text)) emptyMarks++;
    text += part.text;
    for (let k = 0; k < part.text.length; k++) flags.push(part.marked);
  }
  for (const match of text.matchAll(wordPattern)) {
    words.push(normalWord(match[0]));
    const from = match.index;
    let any = false;
    for (let k = from; k < from + match[0].length; k++) if (flags[k]) any = true;
    marked.push(any);
  }
  return { words, marked, emptyMarks };
}

/**
 * A page word the raw text does not hold, made of two words it does, as those two: the source's
 * `2025[Previous Version](…)` reads "2025Previous Version" on the page as on the source's own
 * site, while the raw text's markup cuts it in two words.
 */
function joinedWordsSplit(cell: { words: string[]; marked: boolean[] }, vocabulary: ReadonlySet<string>): { words: string[]; marked: boolean[] } {
  const words: string[] = [];
  const marked: boolean[] = [];
  cell.words.forEach((word, k) => {
    let parts = [word];
    if (!vocabulary.has(word)) {
      for (let cut = 1; cut < word.length; cut++) {
        if (vocabulary.has(word.slice(0, cut)) && vocabulary.has(word.slice(cut))) {
          parts = [word.slice(0, cut), word.slice(cut)];
          break;
        }
      }
    }
    for (const part of parts) {
      words.push(part);
      marked.push(cell.marked[k]!);
    }
  });
  return { words, marked };
}

/**
 * The starts a row's words could have in a version's words: those most of the row's three-word
 * runs agree on (exact runs for rows shorter than three words). Runs found more than 50 times
 * say little where a row has others; a row that has no other still uses them.
 */
function startsOf(words: readonly string[], grams: Map<string, number[]>): number[] {
  if (words.length === 0) return [];
  const votes = new Map<number, number>();
  const n = Math.min(3, words.length);
  for (const most of [50, Infinity]) {
    for (let k = 0; k + n <= words.length; k++) {
      const starts = grams.get(words.slice(k, k + n).join(' ')) ?? [];
      if (starts.length > most) continue;
      for (const start of starts) votes.set(start - k, (votes.get(start - k) ?? 0) + 1);
    }
    if (votes.size > 0) break;
  }
  const best = Math.max(0, ...votes.values());
  return [...votes].filter(([, count]) => count === best).map(([start]) => start).sort((a, b) => a - b);
}

// Rows with more tied starts than this are placed after the others, at the first start after the row before them.
const mostTies = 64;

/**
 * One start a row, among its tied starts, for all the rows of one side at once: the choice whose
 * steps from row to row cost least, a step forward costing its length and a step back its length
 * plus the document's. Rows come in reading order, so where a text stands twice (a document
 * that holds its text twice, a sentence repeated) each row goes to the copy that keeps the
 * page's order, not to whichever copy comes first after the row before it.
 */
function chooseStarts(rows: readonly (readonly string[])[], doc: readonly string[], grams: Map<string, number[]>): (number | undefined)[] {
  const candidates = rows.map((words) => startsOf(words, grams));
  const chosen: (number | undefined)[] = rows.map(() => undefined);
  const cost = (from: number, to: number) => (to >= from ? to - from : from - to + doc.length);
  // Viterbi over the rows with a few tied starts; `ends` is where each row's candidate ends.
  const chain = rows.map((_, at) => at).filter((at) => candidates[at]!.length > 0 && candidates[at]!.length <= mostTies);
  const totals: number[][] = [];
  const back: number[][] = [];
  chain.forEach((at, k) => {
    const here = candidates[at]!;
    if (k === 0) {
      totals.push(here.map((start) => cost(0, start)));
      back.push(here.map(() => -1));
      return;
    }
    const before = candidates[chain[k - 1]!]!;
    const length = rows[chain[k - 1]!]!.length;
    const row: number[] = [];
    const from: number[] = [];
    for (const start of here) {
      let best = Infinity;
      let bestAt = 0;
      before.forEach((previous, m) => {
        const total = totals[k - 1]![m]! + cost(previous + length, start);
        if (total < best) {
          best = total;
          bestAt = m;
        }
      });
      row.push(best);
      from.push(bestAt);
    }
    totals.push(row);
    back.push(from);
  });
  if (chain.length > 0) {
    let m = totals[chain.length - 1]!.indexOf(Math.min(...totals[chain.length - 1]!));
    for (let k = chain.length - 1; k >= 0; k--) {
      chosen[chain[k]!] = candidates[chain[k]!]![m];
      m = back[k]![m]!;
    }
  }
  // The rest: the first start at or after the row before them, else the nearest before it.
  let cursor = 0;
  rows.forEach((words, at) => {
    chosen[at] ??= nearest(candidates[at]!, cursor, doc.length);
    if (chosen[at] !== undefined) cursor = chosen[at]! + words.length;
  });
  return chosen;
}

// Of tied starts, the first at or after the cursor, else the nearest before it.
function nearest(starts: readonly number[], cursor: number, length: number): number | undefined {
  const distance = (start: number) => (start >= cursor ? start - cursor : cursor - start + length);
  return starts.length === 0 ? undefined : starts.reduce((best, start) => (distance(start) < distance(best) ? start : best));
}

/**
 * The start of each row's two texts. The newer texts come in the page's order, so they are
 * chosen together (chooseStarts). An older text goes to the tied start nearest to where the
 * word diff puts the row's newer text (or, for a row without one, the end of the newer text
 * before it) in the older version: where a document holds its text twice, the second copy's
 * rows stay in the second copy, and a row the page shows moved up is placed where it was, not
 * in a later copy that happens to come after the row before it.
 */
function placements(olderRows: readonly (readonly string[])[], newerRows: readonly (readonly string[])[], truth: Truth, grams: { older: Map<string, number[]>; newer: Map<string, number[]> }): { older: (number | undefined)[]; newer: (number | undefined)[] } {
  const newer = chooseStarts(newerRows, truth.newerWords, grams.newer);
  const newerToOlder = truth.newerWords.map(() => -1);
  truth.olderToNewer.forEach((q, p) => {
    if (q >= 0) newerToOlder[q] = p;
  });
  // The older word the diff keeps nearest to a newer word (searching outward a few hundred words).
  const olderNear = (q: number): number | undefined => {
    for (let d = 0; d < 400; d++) {
      for (const at of [q + d, q - d]) if (at >= 0 && at < newerToOlder.length && newerToOlder[at]! >= 0) return newerToOlder[at]! - (at - q);
    }
    return undefined;
  };
  const fallback = chooseStarts(olderRows, truth.olderWords, grams.older);
  let newerEnd = 0;
  const older = olderRows.map((words, at) => {
    const start = newer[at];
    const anchor = olderNear(start ?? newerEnd);
    if (start !== undefined) newerEnd = start + newerRows[at]!.length;
    const candidates = startsOf(words, grams.older);
    if (anchor === undefined || candidates.length === 0) return fallback[at];
    return candidates.reduce((best, candidate) => (Math.abs(candidate - anchor) < Math.abs(best - anchor) ? candidate : best));
  });
  return { older, newer };
}

/**
 * Place a row's words in a version's words from the start chosen for it (chooseStarts), word by
 * word with a diff, so a word the page adds or changes is left unplaced (-1).
 */
function place(words: readonly string[], doc: readonly string[], best: number | undefined): number[] {
  if (words.length === 0) return [];
  if (best === undefined) return words.map(() => -1);
  // From the start found (not before it: a word repeated just before would be taken instead).
  const from = Math.max(0, best);
  const to = Math.min(doc.length, best + words.length + 5 + Math.ceil(words.length / 4));
  const window = doc.slice(from, to);
  const positions: number[] = [];
  let x = from;
  for (const part of diffArrays(words as string[], window)) {
    const count = part.value.length;
    if (part.added) x += count;
    else if (part.removed) for (let k = 0; k < count; k++) positions.push(-1);
    else {
      for (let k = 0; k < count; k++) positions.push(x + k);
      x += count;
    }
  }
  return positions;
}

function gramsOf(doc: readonly string[], n: number, into: Map<string, number[]>): void {
  for (let k = 0; k + n <= doc.length; k++) {
    const key = doc.slice(k, k + n).join(' ');
    const list = into.get(key);
    if (list) list.push(k);
    else into.set(key, [k]);
  }
}

/**
 * Score one compare page against the raw diff of its two versions.
 *
 * @param truth the raw diff (truthOf()).
 * @param rows the page's rows (pageRowsOf()).
 */
export function scorePair(truth: Truth, rows: readonly PageRow[], options: ScoreOptions = {}): PairScore {
  const grams = { older: new Map<string, number[]>(), newer: new Map<string, number[]>() };
  for (const n of [1, 2, 3]) {
    gramsOf(truth.olderWords, n, grams.older);
    gramsOf(truth.newerWords, n, grams.newer);
  }
  const markedOlder = new Set<number>();
  const markedNewer = new Set<number>();
  let unplacedMarks = 0;
  let unplaced = 0;
  let emptyMarks = 0;
  let paired = 0;
  let pairedRight = 0;
  const falseRows: string[] = [];
  const rowOfOlder = new Map<number, number>();
  const rowOfNewer = new Map<number, number>();
  const cells = { older: rows.map((row) => cellWords(row.older)), newer: rows.map((row) => cellWords(row.newer)) };
  if (!options.previous) {
    const vocabulary = { older: new Set(truth.olderWords), newer: new Set(truth.newerWords) };
    for (const side of ['older', 'newer'] as const) cells[side] = cells[side].map((cell) => ({ ...cell, ...joinedWordsSplit(cell, vocabulary[side]) }));
  }
  const starts = options.previous ? undefined : placements(cells.older.map((cell) => cell.words), cells.newer.map((cell) => cell.words), truth, grams);
  const cursor = { older: 0, newer: 0 };
  rows.forEach((row, index) => {
    const sides = (['older', 'newer'] as const).map((side) => {
      const cell = cells[side][index]!;
      const doc = side === 'older' ? truth.olderWords : truth.newerWords;
      // The previous scorer: each row at its tied start nearest after the row before it.
      const start = starts ? starts[side][index] : nearest(startsOf(cell.words, grams[side]), cursor[side], doc.length);
      const positions = place(cell.words, doc, start);
      const last = positions.filter((p) => p >= 0).at(-1);
      if (last !== undefined) cursor[side] = last + 1;
      emptyMarks += cell.emptyMarks;
      return { ...cell, positions } satisfies Placed & { words: string[] };
    });
    const [older, newer] = sides as [Placed & { words: string[] }, Placed & { words: string[] }];
    if ([...older.positions, ...newer.positions].some((p) => p < 0) && older.words.length + newer.words.length > 0) unplaced++;
    const record = (side: Placed, marks: Set<number>, rowOf: Map<number, number>) => {
      side.positions.forEach((p, k) => {
        if (p >= 0) rowOf.set(p, index);
        if (!side.marked[k]) return;
        if (p >= 0) marks.add(p);
        else unplacedMarks++;
      });
    };
    record(older, markedOlder, rowOfOlder);
    record(newer, markedNewer, rowOfNewer);
    // Shown as a change: by its kind, or by any mark (an invisible character marked in a row labelled Same counts).
    const showsChange = ['changed', 'reworded', 'added', 'dropped', 'split', 'merged'].includes(row.kind) || older.marked.some(Boolean) || newer.marked.some(Boolean) || sides.some((side) => side.emptyMarks > 0);
    const changedIn = (side: Placed, flags: boolean[]) => side.positions.some((p) => p >= 0 && flags[p]);
    const placedAll = [...older.positions, ...newer.positions].every((p) => p >= 0);
    if (showsChange && placedAll && !changedIn(older, truth.olderChanged) && !changedIn(newer, truth.newerChanged)) falseRows.push(row.id);
    if (older.words.length > 0 && newer.words.length > 0) {
      paired++;
      const span = new Set(newer.positions.filter((p) => p >= 0));
      const shared = older.positions.some((p) => p >= 0 && span.has(truth.olderToNewer[p]!));
      const bothNew = older.positions.every((p) => p >= 0 && truth.olderChanged[p]) && newer.positions.every((p) => p >= 0 && truth.newerChanged[p]);
      if (shared || bothNew) pairedRight++;
    }
  });
  let found = 0;
  let missed = 0;
  truth.olderChanged.forEach((changed, p) => {
    if (changed && markedOlder.has(p)) found++;
    else if (changed) missed++;
  });
  truth.newerChanged.forEach((changed, p) => {
    if (changed && markedNewer.has(p)) found++;
    else if (changed) missed++;
  });
  const falselyShown = [...markedOlder].filter((p) => !truth.olderChanged[p]).length + [...markedNewer].filter((p) => !truth.newerChanged[p]).length + unplacedMarks;
  const byKind: PairScore['changes']['byKind'] = { link: { total: 0, visible: 0 }, heading: { total: 0, visible: 0 }, text: { total: 0, visible: 0 } };
  let shownRight = 0;
  let visibleCount = 0;
  const notShown: PairScore['notShown'] = [];
  for (const change of truth.changes) {
    const visible = change.removed.every((p) => markedOlder.has(p)) && change.added.every((p) => markedNewer.has(p));
    const rowsOf = new Set([...change.removed.map((p) => rowOfOlder.get(p) ?? -1), ...change.added.map((p) => rowOfNewer.get(p) ?? -1)]);
    const right = visible && rowsOf.size === 1 && !rowsOf.has(-1);
    byKind[change.kind].total++;
    if (visible) {
      byKind[change.kind].visible++;
      visibleCount++;
    }
    if (right) shownRight++;
    else notShown.push({ label: change.label, visible, rows: [...rowsOf].map((at) => (at < 0 ? '(no row)' : rows[at]!.id)) });
  }
  return {
    words: { found, missed, falselyShown },
    changes: { total: truth.changes.length, shownRight, visible: visibleCount, byKind },
    rows: { total: rows.length, paired, pairedRight, falseChange: falseRows.length, unplaced, emptyMarks },
    notShown,
    falseRows
  };
}

/** Precision and recall of the changed words (1 when there is nothing to find or nothing shown). */
export function precisionRecall(words: PairScore['words']): { precision: number; recall: number } {
  const shown = words.found + words.falselyShown;
  const truth = words.found + words.missed;
  return { precision: shown === 0 ? 1 : words.found / shown, recall: truth === 0 ? 1 : words.found / truth };
}

/** Sum of several pages' scores. */
export function addScores(scores: readonly PairScore[]): PairScore {
  const total: PairScore = {
    words: { found: 0, missed: 0, falselyShown: 0 },
    changes: { total: 0, shownRight: 0, visible: 0, byKind: { link: { total: 0, visible: 0 }, heading: { total: 0, visible: 0 }, text: { total: 0, visible: 0 } } },
    rows: { total: 0, paired: 0, pairedRight: 0, falseChange: 0, unplaced: 0, emptyMarks: 0 },
    notShown: [],
    falseRows: []
  };
  for (const score of scores) {
    for (const key of ['found', 'missed', 'falselyShown'] as const) total.words[key] += score.words[key];
    for (const key of ['total', 'shownRight', 'visible'] as const) total.changes[key] += score.changes[key];
    for (const kind of ['link', 'heading', 'text'] as const) {
      total.changes.byKind[kind].total += score.changes.byKind[kind].total;
      total.changes.byKind[kind].visible += score.changes.byKind[kind].visible;
    }
    for (const key of ['total', 'paired', 'pairedRight', 'falseChange', 'unplaced', 'emptyMarks'] as const) total.rows[key] += score.rows[key];
    total.notShown.push(...score.notShown);
    total.falseRows.push(...score.falseRows);
  }
  return total;
}

/** The issue's targets, each with whether it is met. */
export function targetsOf(score: PairScore): { name: string; value: string; pass: boolean }[] {
  const { total, shownRight, visible } = score.changes;
  const share = total === 0 ? 1 : shownRight / total;
  return [
    { name: 'changes shown right ≥ 95%', value: `${(share * 100).toFixed(1)}% (${shownRight} of ${total})`, pass: share >= 0.95 },
    { name: 'false change rows = 0', value: String(score.rows.falseChange), pass: score.rows.falseChange === 0 },
    { name: 'every text change visible (links and headings included)', value: `${visible} of ${total}`, pass: visible === total }
  ];
}
