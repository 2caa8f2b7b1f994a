// @orama ships its CommonJS builds behind package "exports", which the
// "node" module resolution cannot see; these are their public signatures.
declare module '@orama/stemmers/danish' {
  export function stemmer(word: string): string;
}
declare module '@orama/stopwords/danish' {
  export const stopwords: string[];
}
declare module '@orama/stopwords/english' {
  export const stopwords: string[];
}
