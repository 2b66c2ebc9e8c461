// @vitest-environment happy-dom
// The popup's fact line: the kind as a small label, the speaker, the "seen before" mark, and page text kept as text.
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FactItem } from '@/components/fact-item';
import type { Fact } from '@/lib/schema';

const fact: Fact = {
  text: '“People are a little more cautious,” InfoNation President Dan McDowell said.',
  start: 10,
  end: 86,
  score: 1,
  kind: 'quote',
  speaker: 'InfoNation President Dan McDowell',
};

function mount(props: Parameters<typeof FactItem>[0]): HTMLElement {
  const root = document.createElement('ul');
  document.body.append(root);
  render(<FactItem {...props} />, root);
  return root;
}

afterEach(() => {
  document.body.textContent = '';
});

describe('FactItem', () => {
  it('shows the kind, the sentence and the speaker, and opens the fact', () => {
    const onOpen = vi.fn();
    const root = mount({ fact, onOpen });
    expect(root.querySelector('.fact-kind')?.textContent).toBe('quote');
    expect(root.querySelector('.fact-text')?.textContent).toBe(fact.text);
    expect(root.querySelector('a'), 'the fact is plain text, not a link').toBeNull();
    expect(root.querySelector('.fact-speaker bdi')?.textContent).toBe('InfoNation President Dan McDowell');
    expect(root.querySelector('.fact-seen')).toBeNull();
    const open = root.querySelector<HTMLButtonElement>('button.open-at')!;
    expect(open.getAttribute('aria-label')).toBe('Open at this sentence');
    open.click();
    expect(onOpen).toHaveBeenCalledTimes(1);
  });

  it('marks a fact seen in an earlier article and names that article', () => {
    const root = mount({
      fact: { ...fact, kind: 'figure', speaker: undefined },
      seenIn: 'Sales fall',
      onOpen: vi.fn(),
    });
    expect(root.querySelector('li')?.className).toBe('fact seen');
    expect(root.querySelector('.fact-seen')?.getAttribute('title')).toBe('Already in “Sales fall”');
    expect(root.querySelector('.fact-speaker')).toBeNull();
  });

  it('marks a fact new to the reader, and a seen one only as seen', () => {
    const root = mount({ fact, isNew: true, onOpen: vi.fn() });
    expect(root.querySelector('li')?.className).toBe('fact new');
    expect(root.querySelector('.new-mark')?.textContent).toBe('New');
    document.body.textContent = '';
    const seen = mount({ fact, isNew: false, seenIn: 'Sales fall', onOpen: vi.fn() });
    expect(seen.querySelector('.new-mark')).toBeNull();
  });

  it('keeps markup in a speaker as text', () => {
    const root = mount({ fact: { ...fact, speaker: '<img src=x onerror=alert(1)>' }, onOpen: vi.fn() });
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('.fact-speaker bdi')?.textContent).toBe('<img src=x onerror=alert(1)>');
  });
});
