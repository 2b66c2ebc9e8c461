// The names the highlighter paints under (CSS Custom Highlight API) and the styles the background inserts for them
// into a page, in one place so the two cannot disagree.

export const HIGHLIGHT_NAME = 'beatwatch-highlight';
export const FACT_NAME = 'beatwatch-fact';

export const HIGHLIGHT_CSS =
  `::highlight(${HIGHLIGHT_NAME}){background-color:rgba(255,210,63,.55);color:inherit}` +
  `::highlight(${FACT_NAME}){background-color:rgba(90,170,255,.35);color:inherit}`;
