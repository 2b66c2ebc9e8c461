// Sizes shared by the page side and the schemas that check them in the background. No zod here: page scripts
// import this.

/** Characters of an article's text that are stored (and that the extractor sends). */
export const MAX_TEXT_CHARS = 400_000;
