import type { Fact, FactKind } from '@/lib/schema';

/** Props of FactItem. */
export interface Props {
  fact: Pick<Fact, 'text' | 'kind' | 'speaker'>;
  /** The fact's own direction and language when they differ from the list's (a story mixes sites and languages). */
  dir?: 'ltr' | 'rtl';
  lang?: string;
  /** The sites that reported the fact, when there are several. */
  sites?: string[];
  /** The title of an earlier article of the beat that already reported this fact, if any. */
  seenIn?: string;
  onOpen: () => void;
}

const KIND_LABELS: Record<FactKind, string> = {
  quote: 'quote',
  decision: 'decision',
  figure: 'figure',
  date: 'date',
  statement: 'statement',
};

/** One key fact as plain text, with its kind, speaker and sites, and one action: open the article at that sentence. */
export function FactItem({ fact, dir, lang, sites, seenIn, onOpen }: Props) {
  return (
    <li class={seenIn ? 'fact seen' : 'fact'} data-kind={fact.kind} dir={dir} lang={lang}>
      <span class="fact-kind">{KIND_LABELS[fact.kind]}</span>{' '}
      <span class="fact-text" dir="auto">
        {fact.text}
      </span>
      {fact.speaker && (
        <span class="fact-speaker">
          {' — '}
          <bdi>{fact.speaker}</bdi>
        </span>
      )}
      {sites && sites.length > 1 && (
        <span class="fact-sites">
          {' · '}
          {sites.map((site, i) => (
            <>
              {i > 0 && ', '}
              <bdi>{site}</bdi>
            </>
          ))}
        </span>
      )}
      {seenIn && (
        <span class="fact-seen" title={`Already in “${seenIn}”`}>
          {' '}
          seen before
        </span>
      )}{' '}
      <button type="button" class="icon-button open-at" onClick={onOpen} aria-label="Open at this sentence">
        <span aria-hidden="true">↗</span>
      </button>
    </li>
  );
}
