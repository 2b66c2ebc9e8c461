import type { Fact, FactKind } from '@/lib/schema';
import { t, type MessageKey } from '@/lib/i18n/messages';

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
  /** Not shown to the reader before this look at the topic (neither mark when it is not known). */
  isNew?: boolean;
  onOpen: () => void;
}

const KIND_LABELS: Record<FactKind, MessageKey> = {
  quote: 'kindQuote',
  decision: 'kindDecision',
  figure: 'kindFigure',
  date: 'kindDate',
  statement: 'kindStatement',
};

/** One key fact as plain text, with its kind, speaker and sites, and one action: open the article at that sentence. */
export function FactItem({ fact, dir, lang, sites, seenIn, isNew, onOpen }: Props) {
  return (
    <li class={seenIn ? 'fact seen' : isNew ? 'fact new' : 'fact'} data-kind={fact.kind} dir={dir} lang={lang}>
      {isNew && !seenIn && <span class="new-mark">{t('newFact')}</span>}{' '}
      <span class="fact-kind">{t(KIND_LABELS[fact.kind])}</span>{' '}
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
        <span class="fact-seen" title={t('alreadyIn', seenIn)}>
          {' '}
          {t('seenBefore')}
        </span>
      )}{' '}
      <button type="button" class="icon-button open-at" onClick={onOpen} aria-label={t('openAtSentence')}>
        <span aria-hidden="true">↗</span>
      </button>
    </li>
  );
}
