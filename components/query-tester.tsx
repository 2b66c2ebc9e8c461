import type { Hit } from '@/lib/schema';
import type { Reason } from '@/lib/topics/capture-rule';
import { t, tCount, type MessageKey } from '@/lib/i18n/messages';

/** Props of QueryTester. */
export interface Props {
  title: string;
  text: string;
  /** null: no test run yet. */
  hits: Hit[] | null;
  /** Whether the topic's real rule would capture this article, and why (or why not); no reason without a hit. */
  captured: boolean;
  reason: Reason | null;
  dir: 'ltr' | 'rtl' | 'auto';
}

/** A test text with the query's hits marked, built from text nodes (never markup from the text). */
export function QueryTester({ title, text, hits, captured, reason, dir }: Props) {
  if (hits === null) return null;
  return (
    <div class="query-test" dir={dir}>
      <p role="status" class={hits.length ? '' : 'muted'}>
        {hits.length ? `${tCount('hits', hits.length)} ` : t('noMatch')}
        {hits.length > 0 && reason && <span class={captured ? '' : 'muted'}>{whyCaptured(captured, reason)}</span>}
      </p>
      {title && (
        <p class="test-title">
          <strong>
            {marked(
              title,
              hits.filter((h) => h.field === 'title'),
            )}
          </strong>
        </p>
      )}
      <div class="test-text">
        {marked(
          text,
          hits.filter((h) => h.field === 'text'),
        )}
      </div>
    </div>
  );
}

const WHY: Record<Reason, MessageKey> = {
  title: 'whyTitle',
  lead: 'whyLead',
  paragraphs: 'whyParagraphs',
  'lead-or-passages': 'whyLeadOrPassages',
  'min-mentions': 'whyMinMentions',
  passing: 'whyPassing',
  'asides-only': 'whyAsidesOnly',
};

/** Why the topic's rule captures the article or not, in the reader's words. */
export function whyCaptured(captured: boolean, reason: Reason): string {
  return reason === 'min-mentions' && !captured ? t('whyFewMentions') : t(WHY[reason]);
}

function marked(text: string, hits: Hit[]) {
  const parts: (string | preact.JSX.Element)[] = [];
  let at = 0;
  for (const hit of [...hits].sort((a, b) => a.start - b.start)) {
    if (hit.start < at) continue;
    parts.push(text.slice(at, hit.start));
    // The query's own word as a tooltip: a word found in another form or language (الكويت for Kuwait) says which.
    parts.push(
      <mark key={hit.start} title={hit.term}>
        {text.slice(hit.start, hit.end)}
      </mark>,
    );
    at = hit.end;
  }
  parts.push(text.slice(at));
  return parts;
}
