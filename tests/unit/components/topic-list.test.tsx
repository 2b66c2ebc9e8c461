// @vitest-environment happy-dom
// The topics: one button per topic; ↑/↓, Home and End move focus between them (ArrowList).
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TopicList } from '@/components/topic-list';

const topics = [
  { id: 'a', name: 'Ukraine', count: 3 },
  { id: 'b', name: 'غزة', count: 0 },
  { id: 'c', name: 'Energy', count: 12 },
];

afterEach(() => {
  document.body.textContent = '';
});

const key = (target: Element, name: string) =>
  target.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true }));

describe('TopicList', () => {
  it('moves focus with the arrow keys, Home and End, and opens a topic', () => {
    const onOpen = vi.fn();
    const root = document.createElement('div');
    document.body.append(root);
    render(<TopicList topics={topics} onOpen={onOpen} />, root);
    const rows = [...root.querySelectorAll<HTMLButtonElement>('.topic-row')];
    rows[0].focus();
    key(rows[0], 'ArrowDown');
    expect(document.activeElement).toBe(rows[1]);
    key(rows[1], 'ArrowDown');
    key(rows[2], 'ArrowDown');
    expect(document.activeElement, 'stays on the last').toBe(rows[2]);
    key(rows[2], 'Home');
    expect(document.activeElement).toBe(rows[0]);
    key(rows[0], 'End');
    expect(document.activeElement).toBe(rows[2]);
    key(rows[2], 'ArrowUp');
    expect(document.activeElement).toBe(rows[1]);
    rows[1].click();
    expect(onOpen).toHaveBeenCalledWith('b');
    expect(rows[2].querySelector('.count')?.getAttribute('aria-label')).toBe('12 articles');
  });
});
