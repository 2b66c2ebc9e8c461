// Stored description of a highlight, W3C Web Annotation selector shapes so exports stay standard.
// Both selectors are kept: the position is fast when the page is unchanged, the quote survives edits.

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  /** Up to 32 characters before `exact`, whitespace collapsed (compared whitespace-insensitively anyway). */
  prefix: string;
  /** Up to 32 characters after `exact`, whitespace collapsed. */
  suffix: string;
}

/** Offsets into `textOf(root)`: the root's text without script/style/noscript/template contents. */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export type Selectors = [TextQuoteSelector, TextPositionSelector];
