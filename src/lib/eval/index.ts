/** Measuring the aligner: scoring against the keys and the concordance, and perturbed corpora with known truth. */
export * from './evaluate.ts';
export * from './perturb.ts';
export * from './diff-quality.ts';
export * from './search-quality.ts';
export * from './fulltext-score.ts';
