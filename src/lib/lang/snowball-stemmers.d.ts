// The package ships JavaScript only; this is the part of its interface the aligner uses.
declare module 'snowball-stemmers' {
  export type Stemmer = { stem(word: string): string };
  export function newStemmer(algorithm: string): Stemmer;
  export function algorithms(): string[];
  const factory: { newStemmer: typeof newStemmer; algorithms: typeof algorithms };
  export default factory;
}
