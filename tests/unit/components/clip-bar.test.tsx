// @vitest-environment happy-dom
// "Clip this page to": defaults to the topic open in the popup, keeps the reader's own pick, and its button looks
// and is disabled while a clip is under way.
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ClipBar, type Props } from '@/components/clip-bar';

const topics = [
  { id: 'ukraine', name: 'Ukraine' },
  { id: 'gaza', name: 'غزة' },
];

function mount(props: Partial<Props>): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  render(<ClipBar topics={topics} busy={false} message={null} onClip={vi.fn()} {...props} />, root);
  return root;
}

afterEach(() => {
  document.body.textContent = '';
});

describe('ClipBar', () => {
  it('clips to the open topic by default, else the first', () => {
    const onClip = vi.fn();
    const root = mount({ openTopicId: 'gaza', onClip });
    expect(root.querySelector('select')!.value).toBe('gaza');
    root.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    expect(onClip).toHaveBeenCalledWith('gaza');
    expect(mount({}).querySelector('select')!.value).toBe('ukraine');
  });

  it('names its select by a visible label and disables the button while busy', () => {
    const root = mount({ busy: true });
    const select = root.querySelector('select')!;
    expect(root.querySelector(`label[for="${select.id}"]`)?.textContent).toBe('Clip this page to');
    const button = root.querySelector('button')!;
    expect(button.disabled).toBe(true);
    expect(button.textContent).toBe('Clipping…');
  });
});
