// Every message of the protocol, under fast-check (issue 17 item 7): arbitrary junk is refused without throwing and
// reaches no handler; every valid payload round-trips (through JSON, as over the message channel) to its handler
// unchanged. Valid payloads are generated from each schema itself, so a new message is covered the day it is added.
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';
import { createPageReceiver } from '@/lib/messaging/page-receiver';
import { classifySender, createReceiver, envelope, protocol, type MessageType } from '@/lib/messaging/protocol';
import { httpUrlSchema } from '@/lib/schema';

const EXT_ID = 'abc';
const ORIGIN = 'chrome-extension://abc/';
const SENDERS = {
  page: { id: EXT_ID, url: 'https://news.example/a', tab: { id: 4 } },
  'extension-page': { id: EXT_ID, url: `${ORIGIN}popup.html` },
  background: { id: EXT_ID },
} as const;

interface CheckDef {
  check: string;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
  pattern?: RegExp;
  format?: string;
}
interface Def {
  type: string;
  format?: string;
  checks?: { _zod: { def: CheckDef } }[];
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  items?: z.ZodType[];
  entries?: Record<string, string>;
  values?: unknown[];
}
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** A fast-check arbitrary of values the schema should accept, read from its zod definition. */
function valid(schema: z.ZodType): fc.Arbitrary<unknown> {
  if (schema === httpUrlSchema) return fc.webUrl({ withQueryParameters: true, withFragments: true });
  const def = defOf(schema);
  const checks = (def.checks ?? []).map((c) => c._zod.def);
  const bound = (name: string, key: 'minimum' | 'maximum') => checks.find((c) => c.check === name)?.[key];
  switch (def.type) {
    case 'string': {
      if (def.format === 'datetime')
        return fc
          .date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
          .map((d) => d.toISOString());
      if (def.format === 'uuid') return fc.uuid();
      const min = bound('min_length', 'minimum') ?? 0;
      const max = Math.min(bound('max_length', 'maximum') ?? 200, 200);
      const pattern = checks.find((c) => c.check === 'string_format')?.pattern;
      const text = pattern ? fc.stringMatching(pattern) : fc.string({ minLength: min, maxLength: max });
      return text.filter((s) => s.length >= min && s.length <= max && s.trim().length >= min);
    }
    case 'number': {
      const integer = checks.some((c) => c.check === 'number_format');
      const above = checks.find((c) => c.check === 'greater_than');
      const below = checks.find((c) => c.check === 'less_than');
      if (integer) {
        const min = above ? (above.value ?? 0) + (above.inclusive ? 0 : 1) : -1e6;
        const max = below ? (below.value ?? 0) - (below.inclusive ? 0 : 1) : 1e9;
        return fc.integer({ min, max });
      }
      return fc.double({ noNaN: true, noDefaultInfinity: true, min: above?.value ?? -1e9, max: below?.value ?? 1e9 });
    }
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries!));
    case 'literal':
      return fc.constantFrom(...def.values!);
    case 'union':
      return fc.oneof(...def.options!.map(valid));
    case 'optional':
      return fc.option(valid(def.innerType!), { nil: undefined });
    case 'array':
      return fc.array(valid(def.element!), {
        minLength: bound('min_length', 'minimum') ?? 0,
        maxLength: Math.min(bound('max_length', 'maximum') ?? 3, 3),
      });
    case 'tuple': {
      // A trailing optional element is left out, not sent as undefined: JSON would make that a refused null.
      const items = def.items!;
      const optional = items.findIndex((item) => defOf(item).type === 'optional');
      const head = optional < 0 ? items : items.slice(0, optional);
      const tail = optional < 0 ? [] : items.slice(optional).map((item) => valid(defOf(item).innerType!));
      return fc
        .tuple(fc.tuple(...head.map(valid)), fc.tuple(...tail.map((t) => fc.option(t, { nil: undefined }))))
        .map(([first, rest]) => {
          const present = rest.findIndex((v) => v === undefined);
          return [...first, ...(present < 0 ? rest : rest.slice(0, present))];
        });
    }
    case 'object': {
      const shape = def.shape!;
      const required = Object.keys(shape).filter((key) => defOf(shape[key]).type !== 'optional');
      const fields = Object.fromEntries(
        Object.entries(shape).map(([key, field]) => [
          key,
          defOf(field).type === 'optional' ? valid(defOf(field).innerType!) : valid(field),
        ]),
      );
      return fc.record(fields, { requiredKeys: required });
    }
    default:
      throw new Error(`no arbitrary for a zod ${def.type}: teach valid() this type`);
  }
}

/** What crosses the message channel: structured data, no undefined, no functions. */
const overTheWire = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;

/** Junk of every shape, and valid payloads with one field replaced by junk or one field added. */
function junkFor(schema: z.ZodType): fc.Arbitrary<unknown> {
  const anything = fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true });
  const broken = fc.tuple(valid(schema), fc.string({ maxLength: 12 }), anything).map(([payload, key, value]) => {
    if (typeof payload !== 'object' || payload === null) return value;
    const keys = Object.keys(payload);
    const target = keys.length && key.length % 2 === 0 ? keys[key.length % keys.length] : key;
    return { ...payload, [target]: value };
  });
  return fc.oneof(anything, broken, fc.constantFrom(null, undefined, 0, '', [], 'x'.repeat(10_000)));
}

const types = Object.keys(protocol) as MessageType[];

describe('every message schema (property)', () => {
  for (const type of types) {
    const spec = protocol[type];
    describe(type, () => {
      it('round-trips every valid payload to its handler unchanged', async () => {
        const handler = vi.fn(async () => null);
        const receive =
          spec.to === 'background'
            ? createReceiver('background', { [type]: handler }, (s) => classifySender(s, EXT_ID, ORIGIN))
            : createPageReceiver({ [type]: handler }, (s) => s.id === EXT_ID && !s.tab);
        await fc.assert(
          fc.asyncProperty(valid(spec.payload), async (payload) => {
            const parsed = spec.payload.safeParse(overTheWire(payload));
            expect(parsed.error).toBeUndefined();
            // Parsing what was parsed changes nothing: what a handler stores reads back the same.
            expect(spec.payload.parse(overTheWire(parsed.data))).toEqual(parsed.data);
            handler.mockClear();
            const reply = await receive(overTheWire(envelope(type, payload as never)), SENDERS[spec.from]);
            expect(reply).toEqual({ ok: true, result: null });
            expect(handler).toHaveBeenCalledTimes(1);
            expect(handler.mock.calls[0]).toContainEqual(parsed.data);
          }),
          { numRuns: 40 },
        );
      });

      it('refuses junk without throwing; a handler sees only what the schema accepts', async () => {
        const handler = vi.fn(async () => null);
        const receive =
          spec.to === 'background'
            ? createReceiver('background', { [type]: handler }, (s) => classifySender(s, EXT_ID, ORIGIN))
            : createPageReceiver({ [type]: handler }, (s) => s.id === EXT_ID && !s.tab);
        await fc.assert(
          fc.asyncProperty(junkFor(spec.payload), async (junk) => {
            const accepted = spec.payload.safeParse(junk).success;
            if (typeof junk !== 'object' || junk === null || Array.isArray(junk)) expect(accepted).toBe(false);
            handler.mockClear();
            const reply = await receive({ beatwatch: 1, type, payload: junk }, SENDERS[spec.from]);
            // The page's hand-written readers agree with the background's schema.
            expect(reply?.ok).toBe(accepted);
            expect(handler).toHaveBeenCalledTimes(accepted ? 1 : 0);
          }),
          { numRuns: 60 },
        );
      });
    });
  }
});
