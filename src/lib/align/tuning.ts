/** Tuning constants of the clause aligner (the phases that read them say why each has its value), in one place for the evaluation's sweeps. */

/** The tunable thresholds of the aligner. */
export type AlignTuning = { -readonly [K in keyof typeof ALIGN_TUNING]: number };

/** Tuning constants, exported so the evaluation can report them. */
export const ALIGN_TUNING = {
  /** Candidates kept per clause from the inverted index. */
  topK: 5,
  /** Postings budget per probe, so very frequent tokens never cost more than this. */
  probeBudget: 3000,
  /** Tokens found in more clauses than this are not used to find candidates. */
  maxPostings: 600,
  /** Widest backbone window (newer clauses) whose free clauses are all candidates of an older clause. */
  localWindow: 32,
  /** Minimum Dice for a pair that keeps the order (same backbone gap). */
  minInOrder: 0.35,
  /** Minimum Dice for a pair matched out of order (moved). */
  minMoved: 0.5,
  /** Ranking bonus of in-order pairs over moved ones. */
  orderBonus: 0.15,
  /** Ranking bonus, times the neighbours' Dice, of a pair whose diagonal neighbours resemble each other. */
  contextBonus: 0.15,
  /** Minimum Dice for a moved pair that is the clear mutual best or has a matching neighbour. */
  minSupported: 0.3,
  /** "Clear" mutual best: ahead of both runners-up by this much. */
  minMargin: 0.1,
  /** Minimum Dice inside a gap of at most two clauses a side (exact DP). */
  minGap: 0.25,
  /** Minimum Dice inside a larger gap, where chance resemblances are likelier. */
  minWideGap: 0.35,
  /** Minimum Dice of two whole unmatched passages (clause runs joined by pronouns) to pair them. */
  minPassage: 0.3,
  /** Inside paired passages, clauses beyond the best pair need this Dice. */
  minPassageClause: 0.15,
  /** Minimum Dice to extend a match along its diagonal (the next clauses on both sides). */
  minDiagonal: 0.25,
  /** Weight of a tag token (topic, formula) relative to a word of the same rarity. */
  tagWeight: 1,
  /** Minimum Dice of two leftover clauses that are each other's best among the unmatched. */
  minLeftover: 0.2,
  /** Minimum Dice of two whole unmatched paragraphs in the same backbone gap (minPassage without a shared tag) ... */
  minParagraph: 0.2,
  /** ... that share a tag (topic or formula) found on at most this share of all clauses. */
  maxParagraphTagShare: 0.05,
  /** Rounds of leftover pairing (each round sees what the previous one left). */
  leftoverRounds: 2,
  /** ... ahead of both runners-up by this much. */
  minLeftoverMargin: 0.02,
  /** ... and sharing at least this weight of tags (topics, formulas); weight = ln(1 + clauses / df). */
  minLeftoverTag: 4,
  /** Longest clause (in words) that pairs by its place alone, between two in-order neighbours (sandwich.ts). */
  sandwichMaxWords: 16,
  /** ... when the pairs on either side of it score at least this (sure of their place). */
  sandwichMinNeighbour: 0.5,
  /** Largest gap (older × newer clauses) solved by exact DP. */
  maxGapCells: 2500,
  /** A neighbour joins a split/merge when this share of its weight is in the other side. */
  minContainment: 0.5,
  /** ... and the union's Dice must beat the current one by this margin. */
  minGain: 0.04,
} as const;

