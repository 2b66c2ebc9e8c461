// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { onLocationChange } from '@/lib/page/location-changes';

afterEach(() => vi.useRealTimers());

describe('onLocationChange', () => {
  it('without the Navigation API, notices a pushState within a second, once per change', () => {
    vi.useFakeTimers();
    const callback = vi.fn();
    expect('navigation' in window).toBe(false);
    const stop = onLocationChange(window, callback);
    history.pushState({}, '', '/story-2');
    vi.advanceTimersByTime(1000);
    vi.advanceTimersByTime(3000);
    expect(callback).toHaveBeenCalledTimes(1);
    history.pushState({}, '', '/story-3');
    stop();
    vi.advanceTimersByTime(3000);
    expect(callback).toHaveBeenCalledTimes(1);
  });

  it('with the Navigation API, checks the address after each same-document navigation', () => {
    const navigation = new EventTarget();
    let href = 'https://news.example/a';
    const win = {
      location: {
        get href() {
          return href;
        },
      },
      navigation,
    } as unknown as Window;
    const callback = vi.fn();
    const stop = onLocationChange(win, callback);
    navigation.dispatchEvent(new Event('navigatesuccess'));
    expect(callback).not.toHaveBeenCalled();
    href = 'https://news.example/b';
    navigation.dispatchEvent(new Event('navigatesuccess'));
    expect(callback).toHaveBeenCalledOnce();
    stop();
    href = 'https://news.example/c';
    navigation.dispatchEvent(new Event('navigatesuccess'));
    expect(callback).toHaveBeenCalledOnce();
  });
});
