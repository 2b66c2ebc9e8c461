import { formatNumber, t, tCount } from '@/lib/i18n/messages';

/** Props of ActivityChart. */
export interface Props {
  /** Captures per day, oldest first, the last one today. */
  captures: number[];
  /** Today, in days since 1970-01-01 (UTC). */
  lastDay: number;
  /** Formats a time (ms) as a date in the UI's language. */
  formatDate: (time: number) => string;
}

const DAY_MS = 86_400_000;
const WIDTH = 300;
const HEIGHT = 36;
const GAP = 2;

/**
 * A topic's captures per day as a small bar chart (SVG, drawn here: a few rectangles need no chart library). Read out
 * as one sentence; each bar says its day and count on hover.
 */
export function ActivityChart({ captures, lastDay, formatDate }: Props) {
  const total = captures.reduce((sum, n) => sum + n, 0);
  const most = Math.max(0, ...captures);
  const firstDay = lastDay - captures.length + 1;
  const busiest = captures.indexOf(most);
  const bar = WIDTH / captures.length;
  const label =
    total === 0
      ? t('activityNone', formatNumber(captures.length))
      : t(
          'activitySummary',
          formatNumber(captures.length),
          formatNumber(total),
          formatDate((firstDay + busiest) * DAY_MS),
          formatNumber(most),
        );
  return (
    <figure class="activity">
      <svg
        class="activity-chart"
        role="img"
        aria-label={label}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        preserveAspectRatio="none"
        data-total={total}
      >
        <line class="baseline" x1={0} y1={HEIGHT - 0.5} x2={WIDTH} y2={HEIGHT - 0.5} />
        {captures.map((count, i) => {
          const height = most === 0 ? 0 : Math.max(count > 0 ? 2 : 0, (count / most) * (HEIGHT - 2));
          return (
            <rect
              key={i}
              class="bar"
              data-day={firstDay + i}
              data-count={count}
              x={i * bar + GAP / 2}
              y={HEIGHT - 1 - height}
              width={Math.max(1, bar - GAP)}
              height={height}
            >
              <title>{`${formatDate((firstDay + i) * DAY_MS)}: ${tCount('articleCount', count)}`}</title>
            </rect>
          );
        })}
      </svg>
      <figcaption class="muted">{t('activityCaption', formatNumber(captures.length))}</figcaption>
    </figure>
  );
}
