// The part of highlight.js 11 that highlight.ts uses (see highlight-grammars.js).
export interface HighlightResult {
  value: string;
}
export interface Highlighter {
  getLanguage(name: string): unknown;
  highlight(code: string, options: { language: string; ignoreIllegals: boolean }): HighlightResult;
  highlightAuto(code: string, languageSubset?: string[]): HighlightResult;
}
/** The grammars registered, by name. */
export const GRAMMARS: Readonly<Record<string, unknown>>;
export const highlighter: Highlighter;
