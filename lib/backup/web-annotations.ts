// The reader's highlights as W3C Web Annotations (JSON-LD), the format Hypothesis and other annotation tools read:
// one AnnotationCollection whose single page holds an Annotation per highlight, aimed at the page it was made on by
// the same TextQuoteSelector and TextPositionSelector Beatwatch stores, with the note as its body.
import type { HighlightRecord } from '../schema';

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** The media type the Web Annotation Protocol names for annotations in JSON-LD. */
export const ANNOTATION_MEDIA_TYPE = `application/ld+json;profile="${ANNOTATION_CONTEXT}"`;

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix?: string;
  suffix?: string;
}

export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export interface WebAnnotation {
  '@context': typeof ANNOTATION_CONTEXT;
  id: string;
  type: 'Annotation';
  motivation: 'highlighting' | 'commenting';
  created: string;
  modified: string;
  body?: { type: 'TextualBody'; value: string; format: 'text/plain'; purpose: 'commenting' };
  target: {
    type: 'SpecificResource';
    source: string;
    selector: (TextQuoteSelector | TextPositionSelector)[];
  };
}

export interface AnnotationCollection {
  '@context': typeof ANNOTATION_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  generated: string;
  generator: { id: string; type: 'Software'; name: string };
  first: {
    id: string;
    type: 'AnnotationPage';
    startIndex: 0;
    items: Omit<WebAnnotation, '@context'>[];
  };
}

/** Ids are IRIs; without a server of its own, Beatwatch names its annotations by URN. */
const urn = (...parts: string[]) => `urn:beatwatch:${parts.map(encodeURIComponent).join(':')}`;

/**
 * One highlight as an Annotation. Positions stored before they counted script and style text
 * (`legacyPositions`) are not the W3C's positions, so only the quote selector goes out for those.
 */
export function webAnnotation(highlight: HighlightRecord): WebAnnotation {
  const [quote, position] = highlight.selectors;
  const selector: (TextQuoteSelector | TextPositionSelector)[] = [
    {
      type: 'TextQuoteSelector',
      exact: quote.exact,
      ...(quote.prefix && { prefix: quote.prefix }),
      ...(quote.suffix && { suffix: quote.suffix }),
    },
  ];
  if (!highlight.legacyPositions)
    selector.push({ type: 'TextPositionSelector', start: position.start, end: position.end });
  const note = highlight.note.trim();
  return {
    '@context': ANNOTATION_CONTEXT,
    id: urn('highlight', highlight.id),
    type: 'Annotation',
    motivation: note ? 'commenting' : 'highlighting',
    created: new Date(highlight.createdAt).toISOString(),
    modified: new Date(highlight.updatedAt).toISOString(),
    ...(note && { body: { type: 'TextualBody', value: highlight.note, format: 'text/plain', purpose: 'commenting' } }),
    target: { type: 'SpecificResource', source: highlight.pageUrl, selector },
  };
}

/** Every highlight in one collection, oldest first (the order they were made in). */
export function annotationCollection(highlights: HighlightRecord[], now: Date): AnnotationCollection {
  const id = urn('annotations', now.toISOString());
  const items = [...highlights]
    .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))
    .map((h) => {
      const { '@context': _context, ...annotation } = webAnnotation(h);
      return annotation;
    });
  return {
    '@context': ANNOTATION_CONTEXT,
    id,
    type: 'AnnotationCollection',
    label: 'Beatwatch highlights and notes',
    total: items.length,
    generated: now.toISOString(),
    generator: { id: 'urn:beatwatch', type: 'Software', name: 'Beatwatch' },
    first: { id: `${id}:page:1`, type: 'AnnotationPage', startIndex: 0, items },
  };
}

/** `beatwatch-annotations-2026-12-01.jsonld`, by the reader's local date. */
export function annotationsFileName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `beatwatch-annotations-${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}.jsonld`;
}
