import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sendToBackground, sendToTab } from '@/lib/messaging/extension-senders';

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
});
