import { describe, expect, it, vi } from 'vitest';
import { envelope } from '@/lib/messaging/protocol';
import { createPageReceiver, listenToBackground } from '@/lib/messaging/page-receiver';

const EXT_ID = 'abc';
const isBackground = (sender: { id?: string; tab?: { id?: number } }) => sender.id === EXT_ID && !sender.tab;
const fromBackground = { id: EXT_ID };

function receiver() {
  const handlers = {
    'page:mark-facts': vi.fn(async ({ on }: { on: boolean }) => ({ marked: on ? 3 : 0 })),
    'page:highlight-selection': vi.fn(async () => ({ added: true })),
  };
  return { handlers, receive: createPageReceiver(handlers, isBackground) };
}

describe('createPageReceiver', () => {
  it('passes a message from the background to its handler', async () => {
    const { handlers, receive } = receiver();
    expect(await receive(envelope('page:mark-facts', { on: true }), fromBackground)).toEqual({
      ok: true,
      result: { marked: 3 },
    });
    expect(await receive(envelope('page:highlight-selection', {}), fromBackground)).toEqual({
      ok: true,
      result: { added: true },
    });
    expect(handlers['page:mark-facts']).toHaveBeenCalledWith({ on: true }, expect.anything());
  });

  it('refuses other senders, malformed envelopes, background-bound types and bad payloads without calling handlers', async () => {
    const { handlers, receive } = receiver();
    expect(await receive(envelope('page:mark-facts', { on: true }), { id: EXT_ID, tab: { id: 2 } })).toEqual({
      ok: false,
      error: '"page:mark-facts" is not accepted from this sender',
      refused: true,
    });
    expect(await receive(envelope('page:mark-facts', { on: true }), { id: 'other' })).toMatchObject({ ok: false });
    expect(await receive('hello', fromBackground)).toEqual({
      ok: false,
      error: 'not a Beatwatch message',
      refused: true,
    });
    expect(
      await receive({ beatwatch: 1, type: 'page:mark-facts', payload: { on: true }, extra: 1 }, fromBackground),
    ).toMatchObject({ ok: false });
    expect(await receive({ beatwatch: 1, type: 'toString', payload: {} }, fromBackground)).toMatchObject({
      ok: false,
      error: expect.stringContaining('unknown message'),
    });
    expect(await receive(envelope('digest:get', {}), fromBackground)).toMatchObject({
      ok: false,
      error: expect.stringContaining('unknown message'),
    });
    for (const payload of [{ on: 'yes' }, {}, { on: true, more: 1 }, null, [true]]) {
      expect(await receive({ beatwatch: 1, type: 'page:mark-facts', payload }, fromBackground)).toEqual({
        ok: false,
        error: 'invalid "page:mark-facts" payload',
        refused: true,
      });
    }
    expect(
      await receive({ beatwatch: 1, type: 'page:highlight-selection', payload: { x: 1 } }, fromBackground),
    ).toMatchObject({ ok: false });
    expect(Object.values(handlers).every((h) => h.mock.calls.length === 0)).toBe(true);
  });

  it('stays silent on a page message it has no handler for, so another script in the page can answer', () => {
    const { receive } = receiver();
    expect(receive(envelope('page:extract-main', {}), fromBackground)).toBeUndefined();
  });

  it('turns a handler error into an error reply', async () => {
    const { handlers, receive } = receiver();
    handlers['page:highlight-selection'].mockRejectedValueOnce(new Error('no selection'));
    expect(await receive(envelope('page:highlight-selection', {}), fromBackground)).toEqual({
      ok: false,
      error: 'no selection',
    });
  });
});

describe('listenToBackground', () => {
  it("answers the background only, through the runtime's onMessage", async () => {
    let listener: ((message: unknown, sender: { id?: string; tab?: { id?: number } }) => unknown) | undefined;
    const runtime = { id: EXT_ID, onMessage: { addListener: (l: typeof listener) => (listener = l) } };
    const markFacts = vi.fn(async ({ on }: { on: boolean }) => ({ marked: on ? 2 : 0 }));
    listenToBackground(runtime, { 'page:mark-facts': markFacts });
    expect(await listener!(envelope('page:mark-facts', { on: true }), fromBackground)).toEqual({
      ok: true,
      result: { marked: 2 },
    });
    expect(await listener!(envelope('page:mark-facts', { on: true }), { id: EXT_ID, tab: { id: 4 } })).toMatchObject({
      ok: false,
    });
    expect(await listener!(envelope('page:mark-facts', { on: true }), { id: 'someone-else' })).toMatchObject({
      ok: false,
    });
    expect(markFacts).toHaveBeenCalledTimes(1);
  });
});
