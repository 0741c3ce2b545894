/** Reading and checking a content folder: statements (parse, segment, render) and the YAML files beside them. */
export * from './concordance.ts';
export * from './content-rules.ts';
export * from './corrections.ts';
export * from './invisible.ts';
export * from './lexicon.ts';
export * from './moved.ts';
export * from './omissions.ts';
export * from './parse.ts';
export * from './placeholders.ts';
export * from './remark-keys.ts';
export * from './render.ts';
export * from './segment.ts';
export * from './series.ts';
export * from './text-checks.ts';
export * from './yaml-list.ts';
