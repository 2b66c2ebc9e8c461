// Types of corpus-texts.mjs, for the TypeScript benchmarks that read the shared corpora through it.
export interface CorpusText {
  ref: string;
  lang: string | null;
  url?: string;
  title: string;
  text: string;
  hash: string;
}

export const CORPUS_DIR: string;
export function textHash(text: string): string;
export function corpusTexts(
  corpora?: ('news-ar' | 'dev' | 'snip')[],
  wanted?: ReadonlySet<string>,
): Generator<CorpusText>;
