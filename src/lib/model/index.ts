/** The data model: types, schemas, diagnostics and small shared formatters. */
export * from './diagnostics.ts';
export * from './format.ts';
export * from './hash.ts';
export * from './schema.ts';
export * from './statement.ts';
export * from './slug.ts';
export * from './types.ts';
export * from './xml.ts';
