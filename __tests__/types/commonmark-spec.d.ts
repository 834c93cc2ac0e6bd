/** commonmark-spec ships no types: the spec's text, and its examples as the package's index.js reads them. */
declare module 'commonmark-spec' {
  export interface SpecExample {
    markdown: string;
    html: string;
    section: string;
    number: number;
  }
  export const tests: SpecExample[];
  export const text: string;
}
