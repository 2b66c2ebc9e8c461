import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sendToBackground, sendToTab } from '@/lib/messaging/extension-senders';
import { isUnanswered } from '@/lib/messaging/envelope';

beforeEach(() => fakeBrowser.reset());

describe('typed senders', () => {
  it('wrap the payload in the protocol envelope and unwrap the reply', async () => {
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ ok: true, result: [] });
    await expect(sendToBackground('digest:get', {})).resolves.toEqual([]);
    expect(send).toHaveBeenCalledWith({ beatwatch: 1, type: 'digest:get', payload: {} });
  });

  it('turn an error reply into a rejected promise with its message', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: false, error: 'no article' });
    await expect(sendToTab(3, 'page:extract-main', {})).rejects.toThrow('no article');
  });

  it('tell a missing answer (a stopped worker) from an error the background answered with', async () => {
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    send.mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'));
    const missing = await sendToBackground('digest:get', {}).catch((error: unknown) => error);
    expect(isUnanswered(missing)).toBe(true);
    expect((missing as Error).message).toBe('Could not establish connection. Receiving end does not exist.');

    send.mockResolvedValueOnce({ ok: false, error: 'QuotaExceededError' });
    const answered = await sendToBackground('digest:get', {}).catch((error: unknown) => error);
    expect(isUnanswered(answered)).toBe(false);
    expect((answered as Error).message).toBe('QuotaExceededError');

    // A script whose extension was reloaded can never be answered: not worth the longer retries.
    send.mockRejectedValueOnce(new Error('Extension context invalidated.'));
    const orphaned = await sendToBackground('digest:get', {}).catch((error: unknown) => error);
    expect(isUnanswered(orphaned)).toBe(false);
    expect((orphaned as Error).message).toBe('Extension context invalidated.');
  });
});
