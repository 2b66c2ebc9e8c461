// Every size limit and id pattern Beatwatch checks, once: the zod schemas at the boundary, the editors' input
// fields and the page scripts' hand-written readers all take them from here, so they cannot drift apart.
// No zod and no imports: page scripts import this.

/** Characters of an article's text that are stored (and that the extractor sends). */
export const MAX_TEXT_CHARS = 400_000;
/** An address (an article's, a page's, an image's). */
export const MAX_URL_CHARS = 4096;
/** An article's title, byline, site name, language tag and excerpt. */
export const MAX_TITLE_CHARS = 1000;
export const MAX_BYLINE_CHARS = 500;
export const MAX_SITE_NAME_CHARS = 300;
export const MAX_LANG_CHARS = 35;
export const MAX_EXCERPT_CHARS = 1000;
/** Publication years the extractor believes: a page's year 10000 or year −1 is a typo or a trap, not a date. */
export const PUBLISHED_YEARS = { min: 1900, max: 2100 } as const;

/** A capture's id, shared by its retries (letters, digits, `_` and `-`). */
export const CAPTURE_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;
/** How many capture ids an article remembers: far more than a page retries at once. */
export const MAX_CAPTURE_IDS = 16;

/** A topic's name, as typed in the editor. */
export const MAX_TOPIC_NAME_CHARS = 80;
/** A topic's query: longer ones are refused by the parser with an explanation (split it into several topics). */
export const MAX_QUERY_CHARS = 500;
/** Topics a reader can follow (and a topics file can hold). */
export const MAX_TOPICS = 1000;
/** A topic's own minimum number of mentions, when it sets one. */
export const MIN_MENTIONS_RANGE = { min: 1, max: 20 } as const;

/** Topic ids: lowercase letters, digits and dashes (a slug of the name plus a random suffix). */
export const MAX_TOPIC_ID_CHARS = 64;
export const TOPIC_ID_PATTERN = /^[a-z0-9-]{1,64}$/;
/** Article ids: the first 16 bytes of the canonical URL's SHA-256, in hex. */
export const ARTICLE_ID_PATTERN = /^[0-9a-f]{32}$/;
/** Highlight ids: `h-` and a random UUID. */
export const HIGHLIGHT_ID_PATTERN = /^h-[0-9a-z-]{8,64}$/;

/** A reader's note on a highlight. */
export const MAX_NOTE_CHARS = 5000;
/** The quoted text of one highlight. */
export const MAX_QUOTE_CHARS = 5000;
/** The context stored on either side of a quote. */
export const MAX_QUOTE_CONTEXT_CHARS = 200;
/** A highlight's copies on its page (places its quote and context could be taken for) are counted up to this. */
export const MAX_QUOTE_COPIES = 9;
/** How far (characters) to a highlight's nearest other copy is counted: past this, only that it is far away matters. */
export const MAX_NEAREST_COPY = 1_000_000;
/** Highlights one page can report as (not) placed in one message. */
export const MAX_HIGHLIGHTS_PER_PAGE = 5000;

/** The body terms stored with an article for story grouping, and the length of one term. */
export const MAX_STORY_TERMS = 800;
export const MAX_STORY_TERM_CHARS = 64;
