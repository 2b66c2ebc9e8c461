import type { Hit } from '@/lib/schema';
import { t, tCount } from '@/lib/i18n/messages';

/** Props of QueryTester. */
export interface Props {
  title: string;
  text: string;
  /** null: no test run yet. */
  hits: Hit[] | null;
  /** Whether the topic's real rule (title/lead, or enough mentions) would capture this article. */
  captured: boolean;
  dir: 'ltr' | 'rtl' | 'auto';
}

/** A test text with the query's hits marked, built from text nodes (never markup from the text). */
export function QueryTester({ title, text, hits, captured, dir }: Props) {
  if (hits === null) return null;
  return (
    <div class="query-test" dir={dir}>
      <p role="status" class={hits.length ? '' : 'muted'}>
        {hits.length ? `${tCount('hits', hits.length)} ` : t('noMatch')}
        {hits.length > 0 && (captured ? t('wouldCapture') : t('notCaptured'))}
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

function marked(text: string, hits: Hit[]) {
  const parts: (string | preact.JSX.Element)[] = [];
  let at = 0;
  for (const hit of [...hits].sort((a, b) => a.start - b.start)) {
    if (hit.start < at) continue;
    parts.push(text.slice(at, hit.start));
    parts.push(<mark key={hit.start}>{text.slice(hit.start, hit.end)}</mark>);
    at = hit.end;
  }
  parts.push(text.slice(at));
  return parts;
}
