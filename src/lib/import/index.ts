/** Turning other formats into statements, and proposing keys for a new statement. */
export * from './ask.ts';
export * from './draft.ts';
export * from './html.ts';
export * from './keys-propose.ts';
export * from './text.ts';
export * from './markdown.ts';
export * from './read.ts';
