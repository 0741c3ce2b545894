/**
 * The data model of Summit Diff: plain, serialisable data passed between the
 * phases parse → segment → tag → align → diff → graph → report.
 */

/** A place in a content file (1-based line and column). */
export type Position = { file: string; line: number; column: number };

/**
 * A documented omission: a source says the statement leaves out (all or part
 * of) the provision `key` of an earlier statement. Without one, a digest's
 * silence only means "not documented".
 */
export type Omission = {
  /** The key of the provision in the earlier statements, or a clause id (`<key>.<n>`) for one sentence of it. */
  key: string;
  /** What is missing, in the project's words. */
  note: string;
  /** The label of the footnote (in the same file) that documents it. */
  source: string;
  position: Position;
};

/**
 * A documented change or addition: a source says the provision `key` of this
 * statement changed against earlier statements, or is new in it.
 */
export type DocumentedNote = Omission;

/**
 * An entry of the source registry (`sources.yaml`): one cited page, and the
 * rendering of the statement its verbatim quotes follow. Footnote labels cite
 * registry ids.
 */
export type RegistrySource = {
  id: string;
  label: string;
  title?: string;
  url: string;
  date?: string;
  kind: 'official-text' | 'official-translation' | 'wire' | 'unofficial-translation' | 'report' | 'analysis' | 'note';
  lang: string;
  /**
   * The rendering its quotes follow (`kremlin-en`, `xinhua-en`, `zh` …). Two
   * quotes are comparable evidence only when their witnesses follow the same
   * rendering; undefined when the source is only paraphrased.
   */
  follows?: string;
  statements: string[];
  position: Position;
};

/**
 * A verbatim quote inside a clause: `start`/`end` delimit the quoted words
 * (without the quotation marks) in the clause's `text`; `cites` are the
 * footnote labels cited after it in its paragraph, in order (the first that
 * is not an editorial note is its witness).
 */
export type Quote = { text: string; start: number; end: number; cites: string[] };

/** A problem found in content: data, never an exception. */
export type Diagnostic = {
  file: string;
  line: number;
  column: number;
  /** Stable rule id, e.g. `front-matter-unknown-field`. */
  rule: string;
  /** What is wrong, quoting the actual value. */
  message: string;
  /** What to do about it. */
  hint: string;
  severity: 'error' | 'warning';
};

/** A cited source of a statement as a whole. */
export type SourceRef = { label: string; url: string; /** When the text was taken from `url` (YYYY-MM-DD). */ retrieved?: string };

/** Front matter of a statement file, validated. */
export type StatementMeta = {
  id: string;
  title: string;
  shortTitle: string;
  /** ISO date, YYYY-MM-DD. */
  date: string;
  /** Where it was signed; empty when the front matter gives none (a version of a document). */
  place: string;
  series: string;
  kind: string;
  edition: 'digest' | 'full';
  /**
   * Language of the text (BCP 47). As parsed, what the front matter says; loadCorpus fills in the
   * series' `lang`, else `en`, so a loaded statement always has one.
   */
  lang?: string;
  /** What part of the statement the file covers, in plain words (digests). */
  coverage?: string;
  /** What cited sources say the statement leaves out of earlier ones (documented omissions). */
  omissions?: Omission[];
  /** Provisions of this statement that a cited source says changed against earlier statements. */
  changes?: DocumentedNote[];
  /** Provisions of this statement that a cited source says are new. */
  additions?: DocumentedNote[];
  /** True when the file holds the whole statement (a full edition is complete unless it says otherwise). */
  complete: boolean;
  sources: SourceRef[];
};

/** A footnote definition (GFM), rendered to sanitised HTML. */
export type Footnote = {
  label: string;
  html: string;
  text: string;
  position: Position;
  /** Ids of the reference markers pointing here, in reading order (for back links). */
  refs: string[];
};

/** One sentence-level unit of a statement. */
export type Clause = {
  /** `<paragraphKey>.<n>`, n counted from 1 within the paragraph. */
  id: string;
  statementId: string;
  sectionKey: string;
  paragraphKey: string;
  /** 0-based position within the paragraph. */
  index: number;
  /** Plain text, footnote markers removed. */
  text: string;
  /** Sanitised HTML of the clause (inline markup and footnote references). */
  html: string;
  /** Footnote labels referenced from this clause. */
  footnotes: string[];
  /** Topic ids (filled by the tag phase). */
  topics: string[];
  /** Formula ids (filled by the tag phase). */
  formulas: string[];
  /** Verbatim quotes in the clause, with the footnotes cited after each. */
  quotes: Quote[];
  position: Position;
  /**
   * `heading` for a section heading shown as a clause (a compare page's heading row, the
   * heading pass of the aligner); undefined for the statement's own clauses.
   */
  role?: 'heading';
};

export type Paragraph = {
  key: string;
  /** False when the key was generated because the file gave none. */
  explicitKey: boolean;
  clauses: Clause[];
  position: Position;
};

export type Section = {
  key: string;
  /** The part number as printed, e.g. `IV`, when the heading has one. */
  number?: string;
  heading: string;
  /**
   * Whether a source shows this part and what is in it (`documented`, with the
   * footnote label in `placementSource`) or the editors grouped it (`inferred`).
   * A move between parts is claimed only between documented placements.
   */
  placement: 'documented' | 'inferred';
  placementSource?: string;
  /** True when a source shows the whole part, so that a provision missing from it is missing from the statement. */
  complete: boolean;
  paragraphs: Paragraph[];
  position: Position;
  /**
   * The heading's level as written: 2 for `##`, 3 for `###` … (2 when absent, and for the
   * preamble). Sections stay one list in reading order; a sub-section is not flattened to the
   * top level, it knows its level and its parent.
   */
  level?: number;
  /** The key of the nearest section before it with a lower level (undefined at the top level). */
  parent?: string;
  /**
   * The heading text as written, its part number included ("IV. Regional issues"): what the
   * compare page diffs. Undefined for the preamble, whose heading no text wrote.
   */
  headingText?: string;
};

export type Statement = StatementMeta & {
  /** Path of the source file relative to the content folder. */
  file: string;
  sections: Section[];
  footnotes: Footnote[];
};

/** A tracked diplomatic formula (content/formulas.yaml). */
export type Formula = {
  id: string;
  label: string;
  topic: string;
  /** Regular-expression sources, matched case-insensitively. */
  patterns: string[];
  zh?: string;
  ru?: string;
  note?: string;
  /** How much analysts weigh the formula, 1 (default) to 3; ranks headline changes. */
  salience?: number;
};

/** A topic of the taxonomy (content/topics.yaml). */
export type Topic = {
  id: string;
  label: string;
  description: string;
  /** Regular-expression sources, matched case-insensitively. */
  cues: string[];
};

export type AlignKind = 'same' | 'reworded' | 'moved' | 'split' | 'merged' | 'dropped' | 'added';

/** One aligned unit between an older and a newer statement. */
export type AlignedPair = {
  kind: AlignKind;
  /** Clause ids in the older statement (empty for `added`). */
  from: string[];
  /** Clause ids in the newer statement (empty for `dropped`). */
  to: string[];
  /** Similarity in [0, 1]; 1 for `same`, 0 for `dropped` and `added`. */
  score: number;
  /** True when an editor's correction (alignments.yaml) forced, cut or reshaped this pair. */
  edited?: boolean;
};

export type Alignment = { older: string; newer: string; pairs: AlignedPair[] };

/** A word-level change inside an aligned pair. */
export type DiffPart = { op: 'equal' | 'insert' | 'delete'; text: string };
export type WordDiff = { parts: DiffPart[]; /** True when the bounded diff gave up and reports a whole replacement. */ replaced: boolean };

/** A clause node of the graph; `node` is `<statementId>/<clauseId>`, unique in a corpus. */
export type GraphNode = Clause & { node: string };

/** An alignment edge between two clause nodes of consecutive statements. */
export type GraphEdge = { from: string; to: string; kind: AlignKind; score: number };

/** One provision through the years: a chain of nodes, oldest first. */
export type Lineage = { id: string; nodes: string[] };

/** The clause graph of one series. */
export type ClauseGraph = {
  series: string;
  /** Statement ids in date order. */
  statements: string[];
  nodes: GraphNode[];
  edges: GraphEdge[];
  lineages: Lineage[];
};

/** A headline change between two statements, in plain words, ranked by weight. */
export type Headline = {
  text: string;
  weight: number;
  /** The anchor of the compare-page row that shows it. */
  anchor: string;
  formula?: string;
  topic?: string;
  /** The evidence behind it (evidence.ts's basis, or `kept` for a formula's continuity). */
  basis: string;
  /** The footnote label of the source that documents it, when one does. */
  source?: string;
};

/** Findings for one pair of statements. */
export type PairReport = {
  older: string;
  newer: string;
  /** Rows by evidence class (kept, changed, dropped, added, moved-to, undocumented). */
  counts: Record<'kept' | 'changed' | 'dropped' | 'added' | 'moved-to' | 'undocumented', number>;
  /** Rows whose move between parts is claimed (both placements documented). */
  moved: number;
  /** The aligner's own pairs by kind, before evidence is weighed. */
  alignerCounts: Record<AlignKind, number>;
  formulas: {
    /** Gone from the newer statement, and the evidence says so. */
    dropped: string[];
    /** New in the newer statement, and the evidence says so. */
    introduced: string[];
    kept: string[];
    /** Gone from the newer statement into one signed the same day. */
    movedTo: string[];
    /** Not documented in the newer statement (no evidence that it was dropped). */
    undocumentedNewer: string[];
    /** Not documented in the older statement (no evidence that it is new). */
    undocumentedOlder: string[];
  };
  /** The compare-page row that is the evidence of each formula dropped or introduced. */
  formulaAnchors: Record<string, string>;
  topics: Array<{ topic: string; dropped: number; added: number; changed: number }>;
  headlines: Headline[];
};
