/**
 * Propose paragraph keys for a newer statement from its alignment with an
 * older one: a newer paragraph whose clauses align to an older paragraph is
 * offered that paragraph's key. Proposals are data for a person to review
 * (a Markdown report); `applyKeys` rewrites only the clean ones.
 */
import { segments } from '../lang/words.ts';
import type { AlignedPair, AlignKind, Statement } from '../model/types.ts';

/** Why a proposal needs a person; flagged proposals are never applied. */
export type KeyFlag =
  /** No clause of the paragraph aligns to the older statement: a new provision. */
  | 'unmatched'
  /** The best match is weak. */
  | 'low-score'
  /** Its clauses align to several older paragraphs. */
  | 'split-vote'
  /** Another newer paragraph claims the same older key with a better score. */
  | 'conflict'
  /** The proposed key is already used in the newer statement and stays there. */
  | 'taken';

/** A proposal for one paragraph of the newer statement. */
export type KeyProposal = {
  section: string;
  current: string;
  /** False when the newer file gives no key (a generated `p-…` id). */
  explicit: boolean;
  /** The older paragraph's key, when any clause aligns. */
  proposed?: string;
  /** Aligned weight to the proposed paragraph over the larger clause count of the two, in [0, 1]. */
  score: number;
  kinds: AlignKind[];
  flags: KeyFlag[];
  newerText: string;
  olderText?: string;
};

/** Settings of `proposeKeys`. */
export type ProposeOptions = {
  /** Below this score a proposal is flagged `low-score` (default 0.5). */
  minScore?: number;
  /** A runner-up older paragraph with at least this share of the votes flags `split-vote` (default 0.3). */
  minRunnerUp?: number;
};

const emptyOptions: ProposeOptions = {};

/**
 * Propose keys for the paragraphs of `newer`.
 *
 * @param older the statement whose keys are the reference.
 * @param newer the statement to key.
 * @param pairs `align(clausesOf(older), clausesOf(newer))`.
 * @param options thresholds.
 * @returns one proposal per newer paragraph, in reading order.
 */
export function proposeKeys(older: Statement, newer: Statement, pairs: AlignedPair[], options?: ProposeOptions): KeyProposal[] {
  const settings = options ?? emptyOptions;
  const minScore = settings.minScore ?? 0.5;
  const minRunnerUp = settings.minRunnerUp ?? 0.3;
  const olderParagraph = new Map<string, { key: string; size: number; text: string }>();
  for (const section of older.sections) {
    for (const paragraph of section.paragraphs) {
      const entry = { key: paragraph.key, size: paragraph.clauses.length, text: paragraph.clauses.map((clause) => clause.text).join(' ') };
      for (const clause of paragraph.clauses) olderParagraph.set(clause.id, entry);
    }
  }
  const pairOf = new Map<string, AlignedPair>();
  for (const pair of pairs) for (const id of pair.to) pairOf.set(id, pair);

  const proposals: KeyProposal[] = [];
  for (const section of newer.sections) {
    for (const paragraph of section.paragraphs) {
      const votes = new Map<string, number>();
      const kinds = new Set<AlignKind>();
      for (const clause of paragraph.clauses) {
        const pair = pairOf.get(clause.id);
        if (!pair) continue;
        kinds.add(pair.kind);
        for (const id of pair.from) {
          const target = olderParagraph.get(id);
          if (target) votes.set(target.key, (votes.get(target.key) ?? 0) + pair.score / pair.from.length);
        }
      }
      const proposal: KeyProposal = {
        section: section.key,
        current: paragraph.key,
        explicit: paragraph.explicitKey,
        score: 0,
        kinds: [...kinds],
        flags: [],
        newerText: paragraph.clauses.map((clause) => clause.text).join(' ')
      };
      const ranked = [...votes].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
      const best = ranked[0];
      if (!best) proposal.flags.push('unmatched');
      else {
        const target = [...olderParagraph.values()].find((entry) => entry.key === best[0]);
        proposal.proposed = best[0];
        proposal.olderText = target?.text ?? '';
        proposal.score = round(Math.min(1, best[1] / Math.max(paragraph.clauses.length, target?.size ?? 1)));
        if (proposal.score < minScore) proposal.flags.push('low-score');
        const total = ranked.reduce((sum, [, weight]) => sum + weight, 0);
        if ((ranked[1]?.[1] ?? 0) >= minRunnerUp * total) proposal.flags.push('split-vote');
      }
      proposals.push(proposal);
    }
  }
  flagConflicts(proposals);
  flagTaken(proposals, new Set(newer.sections.map((section) => section.key)));
  return proposals;
}

// One older key, one newer paragraph: the best score keeps it (ties: the earlier paragraph).
function flagConflicts(proposals: KeyProposal[]): void {
  const winner = new Map<string, KeyProposal>();
  for (const proposal of proposals) {
    if (!proposal.proposed) continue;
    const current = winner.get(proposal.proposed);
    if (!current || proposal.score > current.score) winner.set(proposal.proposed, proposal);
  }
  for (const proposal of proposals) {
    if (proposal.proposed && winner.get(proposal.proposed) !== proposal) proposal.flags.push('conflict');
  }
}

// A rename must not collide with a section key or with a paragraph key that stays.
function flagTaken(proposals: KeyProposal[], sectionKeys: Set<string>): void {
  for (let changed = true; changed; ) {
    changed = false;
    const final = new Map<string, number>();
    for (const proposal of proposals) {
      const key = finalKey(proposal);
      final.set(key, (final.get(key) ?? 0) + 1);
    }
    for (const proposal of proposals) {
      if (!renames(proposal)) continue;
      const key = finalKey(proposal);
      if (sectionKeys.has(key) || (final.get(key) ?? 0) > 1) {
        proposal.flags.push('taken');
        changed = true;
      }
    }
  }
}

/** True when the proposal is clean and changes the key. */
export function renames(proposal: KeyProposal): proposal is KeyProposal & { proposed: string } {
  return proposal.proposed !== undefined && proposal.flags.length === 0 && proposal.proposed !== proposal.current;
}

function finalKey(proposal: KeyProposal): string {
  return renames(proposal) ? proposal.proposed : proposal.current;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * The proposals as a Markdown report for review.
 *
 * @param proposals from `proposeKeys`.
 * @param older id of the older statement.
 * @param newer id of the newer statement.
 */
export function formatProposals(proposals: KeyProposal[], older: string, newer: string): string {
  const renamed = proposals.filter(renames).length;
  const flagged = proposals.filter((proposal) => actionOf(proposal) === 'review').length;
  const kept = proposals.length - renamed - flagged;
  const lines = [
    `# Key proposals for ${newer} from ${older}`,
    '',
    `${proposals.length} paragraphs: ${renamed} to rename, ${kept} already carry the proposed key, ${flagged} to review (never applied).`,
    'Flags: unmatched (a new provision: keep or choose a key), low-score (weak match), split-vote (clauses match several older paragraphs),',
    'conflict (another paragraph claims the key with a better score), taken (the key is used elsewhere in the newer file).',
    '',
    '| # | action | current key | proposed key | score | flags | newer opening | older opening |',
    '| --: | --- | --- | --- | --: | --- | --- | --- |'
  ];
  proposals.forEach((proposal, index) => {
    const action = actionOf(proposal);
    const cells = [
      String(index + 1),
      action,
      `${proposal.current}${proposal.explicit ? '' : ' (generated)'}`,
      proposal.proposed ?? '',
      proposal.proposed ? proposal.score.toFixed(2) : '',
      proposal.flags.join(', '),
      opening(proposal.newerText),
      opening(proposal.olderText ?? '')
    ];
    lines.push(`| ${cells.map(cell).join(' | ')} |`);
  });
  return `${lines.join('\n')}\n`;
}

// A paragraph that already carries the proposed key is kept, even on a weak match.
function actionOf(proposal: KeyProposal): 'rename' | 'keep' | 'review' {
  if (renames(proposal)) return 'rename';
  if (proposal.proposed === proposal.current && !proposal.flags.includes('conflict')) return 'keep';
  return proposal.flags.length > 0 ? 'review' : 'keep';
}

// The first twelve words by the platform's segmentation: a Chinese paragraph has no spaces, so
// counting pieces between spaces would print it whole.
function opening(text: string): string {
  let count = 0;
  for (const segment of segments(text)) {
    if (segment.word && ++count > 12) return `${text.slice(0, segment.index).replace(/\s+/g, ' ').trim()} …`;
  }
  return text.replace(/\s+/g, ' ').trim();
}

function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|');
}

/**
 * Rewrite the keys of the clean proposals in the newer statement's file.
 * Explicit keys `{#old}` are replaced where they end a line; a paragraph
 * without a key gets ` {#new}` at the end of its last line.
 *
 * @param text the newer statement's file.
 * @param newer the newer statement, parsed from `text`.
 * @param proposals from `proposeKeys`.
 * @returns the new text and the number of keys written.
 */
export function applyKeys(text: string, newer: Statement, proposals: KeyProposal[]): { text: string; renamed: number } {
  const lines = text.split('\n');
  const paragraphs = new Map(newer.sections.flatMap((section) => section.paragraphs.map((paragraph) => [paragraph.key, paragraph] as const)));
  const placeholders: Array<[string, string]> = [];
  for (const proposal of proposals.filter(renames)) {
    const placeholder = `\u0000${placeholders.length}\u0000`;
    placeholders.push([placeholder, proposal.proposed]);
    const paragraph = paragraphs.get(proposal.current);
    if (!paragraph) continue;
    let line = paragraph.position.line - 1;
    if (proposal.explicit) {
      const marker = new RegExp(`\\{#${proposal.current}\\}(\\s*)$`);
      while (line < lines.length && !marker.test(lines[line] ?? '')) line++;
      if (line < lines.length) lines[line] = (lines[line] ?? '').replace(marker, `{#${placeholder}}$1`);
    } else {
      while (line + 1 < lines.length && (lines[line + 1] ?? '').trim() !== '') line++;
      lines[line] = `${(lines[line] ?? '').trimEnd()} {#${placeholder}}`;
    }
  }
  let result = lines.join('\n');
  for (const [placeholder, key] of placeholders) result = result.replace(placeholder, key);
  return { text: result, renamed: placeholders.length };
}
