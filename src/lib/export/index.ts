/** Everything the site publishes besides pages: open data, TEI, the feed, citations and search records. */
export * from './cite.ts';
export * from './feed.ts';
export * from './open-data.ts';
export * from './search-records.ts';
export * from './tei.ts';
