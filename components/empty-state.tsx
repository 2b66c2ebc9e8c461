import type { ComponentChildren } from 'preact';

/** Props of EmptyState: a message with an optional way forward. */
export interface Props {
  title: string;
  children?: ComponentChildren;
}

/** What a view shows when there is nothing in it yet. */
export function EmptyState({ title, children }: Props) {
  return (
    <div class="empty" role="status" tabIndex={-1}>
      <p>
        <strong>{title}</strong>
      </p>
      {children}
    </div>
  );
}
