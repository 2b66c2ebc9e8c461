import type { ComponentChildren } from 'preact';

/** Props of ArrowList. */
export interface Props {
  class?: string;
  label: string;
  children: ComponentChildren;
}

const KEYS: Record<string, 'next' | 'previous' | 'first' | 'last'> = {
  ArrowDown: 'next',
  ArrowUp: 'previous',
  Home: 'first',
  End: 'last',
};

/**
 * A list whose items' main controls (marked `data-nav-item`, one per row marked `data-nav-row`) the arrow keys move between, so the reader skims with
 * ↑/↓ and opens with Enter instead of tabbing through every control of every item.
 */
export function ArrowList({ class: className, label, children }: Props) {
  return (
    <ul
      class={className}
      aria-label={label}
      onKeyDown={(event) => {
        const move = KEYS[event.key];
        const target = event.target as HTMLElement;
        if (!move || target.closest('input, textarea, select')) return;
        const items = [...event.currentTarget.querySelectorAll<HTMLElement>('[data-nav-item]')];
        if (!items.length) return;
        const row = target.closest('[data-nav-row]');
        const current = row ? items.findIndex((item) => item.closest('[data-nav-row]') === row) : -1;
        const index =
          move === 'first'
            ? 0
            : move === 'last'
              ? items.length - 1
              : current < 0
                ? 0
                : Math.min(items.length - 1, Math.max(0, current + (move === 'next' ? 1 : -1)));
        event.preventDefault();
        items[index].focus();
      }}
    >
      {children}
    </ul>
  );
}
