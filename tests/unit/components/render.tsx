// Renders a Preact view into happy-dom's document and flushes its updates, so a test reads what the reader sees.
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';

export function show(view: ComponentChild): HTMLElement {
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  void act(() => render(view, root));
  return root;
}

/** The element's text as the reader reads it: whitespace collapsed. */
export const textOf = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

export function click(el: Element | null | undefined): void {
  if (!el) throw new Error('nothing to click');
  void act(() => (el as HTMLElement).click());
}

export function type(el: Element | null | undefined, value: string): void {
  const input = el as HTMLInputElement | HTMLTextAreaElement | null;
  if (!input) throw new Error('nothing to type into');
  void act(() => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export function submit(form: Element | null | undefined): void {
  if (!form) throw new Error('no form');
  void act(() => void form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
}

export function button(root: Element, label: string): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].find(
    (b) => textOf(b) === label || b.getAttribute('aria-label') === label,
  );
  if (!found) throw new Error(`no button "${label}"`);
  return found;
}
