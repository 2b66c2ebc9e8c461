// The highlights export checked against the W3C Web Annotation Data Model (Recommendation, 23 February 2017): every
// MUST of the classes it uses, and the SHOULDs it claims to follow, written here as zod schemas from the model's text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  ANNOTATION_CONTEXT,
  annotationCollection,
  annotationsFileName,
  webAnnotation,
} from '@/lib/backup/web-annotations';
import { highlightIdSchema, type HighlightRecord } from '@/lib/schema';
import { highlight } from './records';

/** §1.2: an IRI (RFC 3987): a scheme, a colon, and no characters that IRIs exclude. */
const iri = z.string().regex(/^[a-z][a-z0-9+.-]*:[^\s<>"{}|\\^`]+$/i, 'an IRI');
/** §3.3.5: "the datetime MUST be expressed in the xsd:dateTime format, and SHOULD have a timezone ... Z". */
const dateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/, 'an xsd:dateTime in UTC');
/** §3.3.5 Motivation and Purpose: the model's own motivations. */
const motivation = z.enum([
  'assessing',
  'bookmarking',
  'classifying',
  'commenting',
  'describing',
  'editing',
  'highlighting',
  'identifying',
  'linking',
  'moderating',
  'questioning',
  'replying',
  'tagging',
]);
/** §3.1: the context MUST be http://www.w3.org/ns/anno.jsonld (alone, or first of several). */
const context = z.union([z.literal(ANNOTATION_CONTEXT), z.tuple([z.literal(ANNOTATION_CONTEXT)]).rest(z.unknown())]);

/** §4.2.4 Text Quote Selector: type and exact MUST, prefix and suffix MAY (at most one each). */
const textQuoteSelector = z
  .object({
    type: z.literal('TextQuoteSelector'),
    exact: z.string().min(1),
    prefix: z.string().optional(),
    suffix: z.string().optional(),
  })
  .strict();
/** §4.2.5 Text Position Selector: type, start and end MUST, non-negative integers, start before end. */
const textPositionSelector = z
  .object({ type: z.literal('TextPositionSelector'), start: z.number().int().min(0), end: z.number().int().min(0) })
  .strict()
  .refine((s) => s.start <= s.end, 'start after end');
/** §3.2.4 Embedded Textual Body: value MUST; type SHOULD be TextualBody; format and purpose MAY. */
const textualBody = z
  .object({
    type: z.literal('TextualBody'),
    value: z.string(),
    format: z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/),
    purpose: motivation,
  })
  .strict();
/** §4.1 Specific Resource: source MUST (exactly one IRI); selector MAY. */
const specificResource = z
  .object({
    type: z.literal('SpecificResource'),
    source: iri,
    selector: z.array(z.union([textQuoteSelector, textPositionSelector])).min(1),
  })
  .strict();
/** §3.1 Annotations: id MUST (one IRI), type MUST include Annotation, target MUST (one or more); body MAY. */
const annotationFields = {
  id: iri,
  type: z.literal('Annotation'),
  motivation,
  created: dateTime,
  modified: dateTime,
  body: textualBody.optional(),
  target: specificResource,
};
const annotation = z.object({ '@context': context, ...annotationFields }).strict();
/** §5.1 Annotation Collection and §5.2 Annotation Page: id and type MUST; items MUST on a page; total, first SHOULD. */
const collection = z
  .object({
    '@context': context,
    id: iri,
    type: z.literal('AnnotationCollection'),
    label: z.string().min(1),
    total: z.number().int().min(0),
    generated: dateTime,
    generator: z.object({ id: iri, type: z.literal('Software'), name: z.string() }).strict(),
    first: z
      .object({
        id: iri,
        type: z.literal('AnnotationPage'),
        startIndex: z.number().int().min(0),
        items: z.array(z.object(annotationFields).strict()),
      })
      .strict(),
  })
  .strict()
  .refine((c) => c.total === c.first.items.length, 'total is not the number of items');

const NOW = new Date('2026-12-01T03:00:00Z');

/** Highlights with any text the schemas allow: scripts, bidi overrides, quotes, emoji, Arabic. */
const anyHighlight = fc
  .record({
    id: fc.stringMatching(/^h-[0-9a-z-]{8,20}$/),
    exact: fc.string({ minLength: 1, maxLength: 40, unit: 'binary' }),
    prefix: fc.string({ maxLength: 20, unit: 'binary' }),
    note: fc.string({ maxLength: 60, unit: 'binary' }),
    start: fc.nat(100_000),
    // Beatwatch's own count of a quote's copies on its page: never exported (the selector schema above is strict).
    copies: fc.option(fc.integer({ min: 1, max: 9 }), { nil: undefined }),
    // And how far its nearest copy was: never exported either.
    nearestCopy: fc.option(fc.integer({ min: 1, max: 1_000_000 }), { nil: undefined }),
    legacy: fc.boolean(),
    createdAt: fc.integer({ min: 0, max: 4_000_000_000_000 }),
  })
  .map((h): HighlightRecord => ({
    ...highlight(),
    id: highlightIdSchema.parse(h.id),
    selectors: [
      {
        type: 'TextQuoteSelector',
        exact: h.exact,
        prefix: h.prefix,
        suffix: '',
        ...(h.copies && { copies: h.copies }),
        ...(h.nearestCopy && { nearestCopy: h.nearestCopy }),
      },
      { type: 'TextPositionSelector', start: h.start, end: h.start + h.exact.length },
    ],
    note: h.note,
    ...(h.legacy && { legacyPositions: true as const }),
    createdAt: h.createdAt,
    updatedAt: h.createdAt + 1000,
  }));

describe('highlights as W3C Web Annotations', () => {
  it('makes a collection the model accepts, whatever the highlights hold, and keeps their text exactly', () => {
    fc.assert(
      fc.property(fc.uniqueArray(anyHighlight, { selector: (h) => h.id, maxLength: 12 }), (highlights) => {
        const text = JSON.stringify(annotationCollection(highlights, NOW));
        const parsed: unknown = JSON.parse(text);
        const result = collection.safeParse(parsed);
        expect(result.error?.issues ?? []).toEqual([]);
        const items = (parsed as z.infer<typeof collection>).first.items;
        expect(items.map((a) => a.id).sort()).toEqual(highlights.map((h) => `urn:beatwatch:highlight:${h.id}`).sort());
        for (const h of highlights) {
          const a = items.find((item) => item.id.endsWith(`:${h.id}`))!;
          expect(a.target.selector[0]).toMatchObject({ exact: h.selectors[0].exact });
          expect(a.body?.value ?? '').toBe(h.note.trim() ? h.note : '');
          expect(a.target.selector).toHaveLength(h.legacyPositions ? 1 : 2);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('turns a highlight with a note into a commenting annotation on its page', () => {
    const one = webAnnotation(highlight());
    expect(annotation.safeParse(one).success).toBe(true);
    expect(one).toEqual({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'urn:beatwatch:highlight:h-11111111-2222-3333-4444-555555555555',
      type: 'Annotation',
      motivation: 'commenting',
      created: '2023-11-14T22:18:20.000Z',
      modified: '2023-11-14T22:18:20.000Z',
      body: { type: 'TextualBody', value: 'ملاحظة: check the NATO line', format: 'text/plain', purpose: 'commenting' },
      target: {
        type: 'SpecificResource',
        source: 'https://ar.example/news/1',
        selector: [
          { type: 'TextQuoteSelector', exact: 'NATO تدعم أوكرانيا', prefix: 'قال الوزير إن ', suffix: '.' },
          { type: 'TextPositionSelector', start: 14, end: 32 },
        ],
      },
    });
    const bare = webAnnotation(highlight({ note: ' ' }));
    expect(bare.motivation).toBe('highlighting');
    expect(bare).not.toHaveProperty('body');
  });

  it('is an empty collection without highlights, in a dated .jsonld file', () => {
    const empty = annotationCollection([], NOW);
    expect(collection.safeParse(empty).success).toBe(true);
    expect(empty.total).toBe(0);
    expect(annotationsFileName(new Date(2026, 11, 1, 12))).toBe('beatwatch-annotations-2026-12-01.jsonld');
  });
});
