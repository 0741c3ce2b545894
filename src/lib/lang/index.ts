/** Languages: words from the platform's segmentation, Russian and Chinese normalisation, and formula originals as patterns. */
export * from './highlight.ts';
export * from './normal.ts';
export * from './patterns.ts';
export * from './versions.ts';
export * from './words.ts';
