import type { Fact, FactKind } from '@/lib/schema';

/** Props of FactItem. */
export interface Props {
  fact: Fact;
  /** The title of an earlier article of the beat that already reported this fact, if any. */
  seenIn?: string;
  onOpen: (fact: Fact) => void;
}

const KIND_LABELS: Record<FactKind, string> = {
  quote: 'quote',
  decision: 'decision',
  figure: 'figure',
  date: 'date',
  statement: 'statement',
};

/** One key fact with its kind and speaker; activating it opens the article at that sentence. */
export function FactItem({ fact, seenIn, onOpen }: Props) {
  return (
    <li class={seenIn ? 'fact seen' : 'fact'} data-kind={fact.kind}>
      <span class="fact-kind" dir="ltr">
        {KIND_LABELS[fact.kind]}
      </span>{' '}
      <a
        href="#"
        dir="auto"
        onClick={(event) => {
          event.preventDefault();
          onOpen(fact);
        }}
      >
        {fact.text}
      </a>
      {fact.speaker && (
        <span class="fact-speaker">
          {' — '}
          <bdi>{fact.speaker}</bdi>
        </span>
      )}
      {seenIn && (
        <span class="fact-seen" dir="ltr" title={`Already in “${seenIn}”`}>
          {' '}
          seen before
        </span>
      )}
    </li>
  );
}
