/** From aligned statements to findings: tagging, word diffs, the clause graph, indexes and the per-pair report. */
export * from './diff.ts';
export * from './graph.ts';
export * from './indexes.ts';
export * from './report.ts';
export * from './tag.ts';
export * from './page-report.ts';
