import type { TopicFactGroup } from '@/lib/digest/topic-facts';

/** Props of TopicFacts. */
export interface Props {
  groups: TopicFactGroup[];
  onOpenSource: (url: string, factText: string) => void;
}

/** A beat's key facts, each shown once however many articles reported it, with links to every source. */
export function TopicFacts({ groups, onOpenSource }: Props) {
  if (!groups.length) return null;
  return (
    <section class="topic-facts" aria-label="Key facts on this beat">
      <h2>Key facts</h2>
      <ul>
        {groups.map((group) => (
          <li key={`${group.sources[0].articleId}:${group.text}`} dir={group.dir} lang={group.lang}>
            <span>{group.text}</span>{' '}
            <span class="muted sources" dir="auto">
              {group.sources.length > 1 ? `(${group.sources.length} sources: ` : '('}
              {group.sources.map((source, i) => (
                <>
                  {i > 0 && ', '}
                  <a
                    href={source.url}
                    title={source.title}
                    onClick={(event) => {
                      event.preventDefault();
                      onOpenSource(source.url, group.text);
                    }}
                  >
                    {i + 1}
                  </a>
                </>
              ))}
              )
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
