// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { createHighlightButton } from '@/lib/page/highlight-button';

function selectAll(el: Element) {
  const range = document.createRange();
  range.selectNodeContents(el);
  getSelection()!.removeAllRanges();
  getSelection()!.addRange(range);
}

describe('createHighlightButton', () => {
  it('appears for a selection, highlights on press, and stays away for that selection', () => {
    document.body.replaceChildren();
    const p = document.createElement('p');
    p.textContent = 'وافقتا على تبادل جثث 6 آلاف جندي';
    document.body.append(p);
    const onPress = vi.fn();
    const control = createHighlightButton(document, onPress);
    const button = () => document.querySelector('beatwatch-highlight-button')!.shadowRoot!.querySelector('button')!;

    control.update();
    expect(document.querySelector('beatwatch-highlight-button')).toBeNull();
    selectAll(p);
    control.update();
    expect(button().hidden).toBe(false);
    button().click();
    expect(onPress).toHaveBeenCalledOnce();
    control.update();
    expect(button().hidden).toBe(true);

    getSelection()!.removeAllRanges();
    control.update();
    selectAll(p);
    control.update();
    expect(button().hidden).toBe(false);
    control.remove();
    expect(document.querySelector('beatwatch-highlight-button')).toBeNull();
  });
});
