// Links that jump to a sentence inside an article: URL text fragments (`#:~:text=start,end`),
// which Chromium and Firefox scroll to and mark by themselves.

const EDGE_WORDS = 4;

/** The URL with a text fragment for `sentence`; long sentences are given by their first and last words. */
export function textFragmentUrl(url: string, sentence: string): string {
  const words = sentence.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean);
  if (!words.length) return url;
  const encode = (part: string) => encodeURIComponent(part).replace(/-/g, '%2D').replace(/,/g, '%2C');
  const directive =
    words.length <= EDGE_WORDS * 2
      ? encode(words.join(' '))
      : `${encode(words.slice(0, EDGE_WORDS).join(' '))},${encode(words.slice(-EDGE_WORDS).join(' '))}`;
  const base = url.split('#')[0];
  return `${base}#:~:text=${directive}`;
}
