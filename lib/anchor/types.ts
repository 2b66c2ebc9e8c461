// Stored description of a highlight in W3C Web Annotation selector shapes, so exports stay standard.
// The position is fast when the page is unchanged, the quote survives edits, and the element path
// tells apart two copies of a passage whose surrounding text is the same (a pull quote above it).

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  /** The highlighted text as the reader saw it (script and style text left out). */
  exact: string;
  /** Up to 32 characters before `exact`, whitespace collapsed (compared whitespace-insensitively anyway). */
  prefix: string;
  /** Up to 32 characters after `exact`, whitespace collapsed. */
  suffix: string;
  /**
   * Beatwatch's own, never exported: how many places on the page the quote with its context could be taken for
   * when it was highlighted, itself included (1: unique; counted up to 9). Absent on older highlights.
   */
  copies?: number;
  /**
   * Beatwatch's own, never exported: how many places on the page the quote could be taken for were each where the
   * passage was (an exact quote with one side of its context intact, as after text put in beside it), itself
   * included, when it was highlighted (1-9, as copies). Absent on older highlights.
   */
  places?: number;
  /**
   * Beatwatch's own, never exported: how many characters (of the text with whitespace collapsed) from the passage to
   * the nearest other place on the page that re-attaching it at its old place could take for it, when it was
   * highlighted (counted up to MAX_NEAREST_COPY). Absent when there was none, and on older highlights.
   */
  nearestCopy?: number;
}

/** Offsets into the root's textContent, script and style text included, as the W3C selector counts them. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** The block element holding the passage, from the document root, refined by offsets into its textContent. */
export interface XPathSelector {
  type: 'XPathSelector';
  /** e.g. /html[1]/body[1]/main[1]/article[1]/p[5] */
  value: string;
  refinedBy: TextPositionSelector;
}

export type Selectors = [TextQuoteSelector, TextPositionSelector, XPathSelector?];
