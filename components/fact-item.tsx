import type { Fact } from '@/lib/schema';

/** Props of FactItem. */
export interface Props {
  fact: Fact;
  onOpen: (fact: Fact) => void;
}

/** One key fact; activating it opens the article at that sentence. */
export function FactItem({ fact, onOpen }: Props) {
  return (
    <li class="fact">
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
    </li>
  );
}
