import { describe, expect, it, vi } from 'vitest';
import {
  AnsweredError,
  isRefused,
  receiveWith,
  Refusal,
  RefusedError,
  unwrapReply,
  wrap,
} from '@/lib/messaging/envelope';
import { classifySender, createReceiver, envelope, type Handlers } from '@/lib/messaging/protocol';

const EXT_ID = 'abc';
const ORIGIN = 'chrome-extension://abc/';
const identify = (sender: { id?: string; url?: string; tab?: { id?: number } }) =>
  classifySender(sender, EXT_ID, ORIGIN);
const fromPopup = { id: EXT_ID, url: `${ORIGIN}popup.html` };
const fromPage = { id: EXT_ID, url: 'https://news.example/a', tab: { id: 4 } };

function receiver() {
  const handlers = {
    'capture:save': vi.fn(async () => ({ articleId: 'x', created: true, tabTopicCount: 1 })),
    'tab:clip': vi.fn(async () => ({ articleId: 'x', title: 't' })),
    'digest:get': vi.fn(async () => []),
    'article:delete': vi.fn(async () => null),
    'article:restore': vi.fn(async () => ({ restored: true as const })),
    'page:activate': vi.fn(async () => ({ injected: true as const })),
  } satisfies Partial<Handlers<'background'>>;
  return { handlers, receive: createReceiver('background', handlers, identify) };
}

const article = {
  url: 'https://news.example/a',
  pageUrl: 'https://news.example/a',
  title: 'T',
  dir: 'ltr' as const,
  excerpt: 'e',
  text: 'body',
};

describe('classifySender', () => {
  it('tells extension pages, page scripts and strangers apart', () => {
    expect(identify(fromPopup)).toBe('extension-page');
    expect(identify({ ...fromPopup, tab: { id: 3 } })).toBe('extension-page');
    expect(identify(fromPage)).toBe('page');
    expect(identify({ id: 'other', url: 'https://evil.example', tab: { id: 1 } })).toBeNull();
    expect(identify({ id: EXT_ID })).toBeNull();
  });
});

describe('createReceiver', () => {
  it('passes a valid message from the right sender to its handler, with the tab id', async () => {
    const { handlers, receive } = receiver();
    const reply = await receive(
      envelope('capture:save', { article, matches: [{ topicId: 't', score: 1, mentions: 1, hits: [] }] }),
      fromPage,
    );
    expect(reply).toEqual({ ok: true, result: { articleId: 'x', created: true, tabTopicCount: 1 } });
    expect(handlers['capture:save']).toHaveBeenCalledWith(expect.objectContaining({ article }), {
      tabId: 4,
      url: fromPage.url,
    });
  });

  it('refuses a message from the wrong direction', async () => {
    const { handlers, receive } = receiver();
    const reply = await receive(envelope('capture:save', { article, matches: [] }), fromPopup);
    expect(reply).toEqual({ ok: false, error: '"capture:save" is not accepted from this sender', refused: true });
    expect(await receive(envelope('digest:get', {}), fromPage)).toMatchObject({ ok: false, refused: true });
    expect(handlers['capture:save']).not.toHaveBeenCalled();
    expect(handlers['digest:get']).not.toHaveBeenCalled();
  });

  it('refuses malformed envelopes, unknown types and bad payloads without calling handlers', async () => {
    const { handlers, receive } = receiver();
    expect(await receive('hello', fromPopup)).toEqual({ ok: false, error: 'not a Beatwatch message', refused: true });
    expect(await receive({ beatwatch: 1, type: 'toString', payload: {} }, fromPopup)).toMatchObject({
      ok: false,
      error: expect.stringContaining('unknown message'),
      refused: true,
    });
    expect(await receive({ beatwatch: 1, type: 'page:extract-main', payload: {} }, fromPopup)).toMatchObject({
      ok: false,
    });
    const bad = await receive(
      envelope('capture:save', { article: { ...article, url: 'javascript:alert(1)' }, matches: [] }),
      fromPage,
    );
    // A payload the schema refuses will be refused however often it is sent: the reply says so.
    expect(bad).toMatchObject({
      ok: false,
      error: expect.stringContaining('invalid "capture:save" payload'),
      refused: true,
    });
    expect(await receive(envelope('digest:get', { extra: 1 } as never), fromPopup)).toMatchObject({
      ok: false,
      refused: true,
    });
    expect(Object.values(handlers).every((h) => h.mock.calls.length === 0)).toBe(true);
  });

  it('turns a handler error into an error reply that may be retried', async () => {
    const { handlers, receive } = receiver();
    handlers['digest:get'].mockRejectedValueOnce(new Error('db closed'));
    expect(await receive(envelope('digest:get', {}), fromPopup)).toEqual({ ok: false, error: 'db closed' });
  });

  it("turns a handler's refusal into a refused reply", async () => {
    const { handlers, receive } = receiver();
    handlers['capture:save'].mockRejectedValueOnce(new Refusal('capture refused: another site'));
    expect(await receive(envelope('capture:save', { article, matches: [] }), fromPage)).toEqual({
      ok: false,
      error: 'capture refused: another site',
      refused: true,
    });
  });
});

describe('unwrapReply', () => {
  it('returns the result or throws the error', () => {
    expect(unwrapReply({ ok: true, result: 3 })).toBe(3);
    expect(() => unwrapReply({ ok: false, error: 'nope' })).toThrow('nope');
    expect(() => unwrapReply(undefined)).toThrow(/no valid answer/);
  });

  it("carries the reader problem a handler's error had, as sent, for the sender to check", async () => {
    const problem = { code: 'partOrder', details: [3, 2] };
    const receive = receiveWith(() => ({ accepts: () => true, read: (payload) => ({ ok: true, value: payload }) }), {
      failing: () => {
        throw Object.assign(new Error('Part 3 of the backup arrived instead of part 2.'), { problem });
      },
      plain: () => {
        throw new Error('QuotaExceededError');
      },
    });
    const failing = await receive(wrap('failing', {}), {});
    expect(failing).toEqual({ ok: false, error: 'Part 3 of the backup arrived instead of part 2.', problem });
    expect(await receive(wrap('plain', {}), {})).toEqual({ ok: false, error: 'QuotaExceededError' });
    let thrown: unknown;
    try {
      unwrapReply(failing);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(AnsweredError);
    expect((thrown as AnsweredError).problem).toEqual(problem);
  });

  it('throws a RefusedError for a refused reply only', () => {
    const caught = (reply: unknown) => {
      try {
        unwrapReply(reply);
      } catch (error) {
        return error;
      }
      throw new Error('no error');
    };
    const refused = caught({ ok: false, error: 'capture refused', refused: true });
    expect(refused).toBeInstanceOf(RefusedError);
    expect(refused).toMatchObject({ message: 'capture refused' });
    expect(isRefused(refused)).toBe(true);
    expect(isRefused(caught({ ok: false, error: 'QuotaExceededError' }))).toBe(false);
    // Only a literal true counts: a reply that merely says something truthy is treated as a failure that may pass.
    expect(isRefused(caught({ ok: false, error: 'x', refused: 'yes' }))).toBe(false);
    expect(isRefused(caught(undefined))).toBe(false);
    expect(isRefused(new Error('The message port closed before a response was received.'))).toBe(false);
  });
});
