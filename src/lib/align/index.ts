/** Aligning the clauses of two statements. */
export * from './align.ts';
export * from './display-order.ts';
export * from './normalize.ts';
export * from './order.ts';
export * from './terms.ts';
export * from './tuning.ts';
