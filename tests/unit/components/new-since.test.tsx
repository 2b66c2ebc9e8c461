// @vitest-environment happy-dom
// What is new since the reader last looked, as the views show it: a topic's new count (read out with its facts), and
// a topic's captures per day as a small chart read out in one sentence.
import { describe, expect, it, vi } from 'vitest';
import { ActivityChart } from '@/components/activity-chart';
import { BadgeSetting } from '@/components/badge-setting';
import { TopicList } from '@/components/topic-list';
import { click, show, textOf } from './render';

const DAY = 86_400_000;
const formatDate = (time: number) => new Date(time).toISOString().slice(0, 10);

describe('TopicList', () => {
  it('shows how many articles are new in a topic, and nothing where none is', () => {
    const root = show(
      <TopicList
        topics={[
          { id: 'a', name: 'Ukraine', count: 7, newArticles: 3, newFacts: 5 },
          { id: 'b', name: 'Energy', count: 2, newArticles: 0, newFacts: 0 },
        ]}
        onOpen={() => {}}
      />,
    );
    const [ukraine, energy] = root.querySelectorAll('.topic-row');
    expect(textOf(ukraine.querySelector('.new-count'))).toBe('3 new');
    expect(ukraine.querySelector('.new-count')?.getAttribute('aria-label')).toBe(
      'New since you last looked — articles: 3, facts: 5',
    );
    expect(energy.querySelector('.new-count')).toBeNull();
  });
});

describe('ActivityChart', () => {
  it('draws one bar per day, as tall as its count against the busiest, and reads out the busiest day', () => {
    const captures = Array.from({ length: 30 }, (_, i) => (i === 27 ? 4 : i === 29 ? 2 : 0));
    const root = show(<ActivityChart captures={captures} lastDay={20_000} formatDate={formatDate} />);
    const svg = root.querySelector('svg.activity-chart')!;
    const bars = [...svg.querySelectorAll('rect.bar')];
    expect(bars).toHaveLength(30);
    expect(bars.map((b) => Number(b.getAttribute('data-count')))).toEqual(captures);
    const heights = bars.map((b) => Number(b.getAttribute('height')));
    expect(heights[27]).toBeCloseTo(2 * heights[29]);
    expect(heights[0]).toBe(0);
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe(
      `Articles captured per day over the last 30 days: 6 in all; the busiest day was ${formatDate((20_000 - 2) * DAY)}, with 4.`,
    );
    expect(textOf(bars[27].querySelector('title'))).toBe(`${formatDate((20_000 - 2) * DAY)}: 4 articles`);
  });

  it('says so when nothing was captured', () => {
    const root = show(<ActivityChart captures={new Array(30).fill(0)} lastDay={20_000} formatDate={formatDate} />);
    expect(root.querySelector('svg')?.getAttribute('aria-label')).toBe('No articles captured in the last 30 days.');
    expect([...root.querySelectorAll('rect.bar')].every((b) => b.getAttribute('height') === '0')).toBe(true);
  });
});

describe('BadgeSetting', () => {
  it('offers the two badges, the chosen one checked', () => {
    const onChange = vi.fn();
    const root = show(<BadgeSetting mode="tab" onChange={onChange} />);
    const [tab, all] = [...root.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    expect(tab.checked).toBe(true);
    expect(textOf(root.querySelector('legend'))).toBe('Toolbar badge');
    click(all);
    expect(onChange).toHaveBeenCalledWith('new');
  });
});
