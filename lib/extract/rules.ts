// The extractor's clean-up rules by name, all on. Each must pay for itself on both corpora: `npm run
// bench:extract-rules` turns them off one at a time and writes what each costs or gains (tests/bench/results/).
export const CLEAN_RULES = {
  /** The page's own block widened to the headline (and lead) standing above it, outside. */
  headlineAbove: true,
  /** Blocks named like furniture (share, related, newsletter…) with little prose of their own. */
  furniture: true,
  /** A header wrapper (`article-header`) that holds a paragraph of prose (the standfirst) is kept. */
  headerLeads: true,
  /** Figures around pictures and their captions. */
  figures: true,
  /** Lines that repeat the headline. */
  titleLines: true,
  /** Short lines that are mostly link text ("Read also: …"). */
  linkLines: true,
  /** Photo credits (an agency's only in its capitals: "REUTERS/…", not "ePA/ePF"). */
  creditLines: true,
  /** Date and byline lines before the first paragraph of prose. */
  leadingMeta: true,
  /** Calls to action and credits after the last paragraph of prose. */
  closingLines: true,
  /** A library result that is a run of teaser cards is no article. */
  teaserLists: true,
  /** Soft hyphens (U+00AD, hyphenation hints shown only at a line break) are not part of the text read. */
  softHyphens: true,
};

export type CleanRule = keyof typeof CLEAN_RULES;
