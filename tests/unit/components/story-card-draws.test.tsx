// @vitest-environment happy-dom
// The popup's story cards as the popup derives them (StoryList, seenFacts, StoryFactNovelty): a change to one story
// draws again only the cards whose own inputs changed, counted through Preact's render hook.
import { options, render, type VNode } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoryCard } from '@/components/story-card';
import type { ArticleSummary } from '@/lib/db/articles';
import { StoryList } from '@/lib/digest/story-list';
import { seenFacts, StoryFactNovelty } from '@/lib/digest/topic-facts';
import { bridgeA, bridgeB, metro, others, T0 } from '../digest/story-fixtures';

const HOUR = 3_600_000;
const noop = () => {};
const formatDate = (time: number) => new Date(time).toISOString().slice(0, 10);

// Preact calls `options.__r` (its mangled `_render`) before it runs a component: the draws of each card, by story id.
type RenderHooks = { __r?: (vnode: VNode) => void };
const hooks = options as unknown as RenderHooks;
let draws = new Map<string, number>();
let previousHook: RenderHooks['__r'];
beforeEach(() => {
  previousHook = hooks.__r;
  hooks.__r = (vnode) => {
    previousHook?.(vnode);
    const type = vnode.type as { name?: string };
    if (typeof vnode.type !== 'function' || type.name !== 'StoryCard') return;
    const { story } = vnode.props as unknown as { story: { id: string } };
    draws.set(story.id, (draws.get(story.id) ?? 0) + 1);
  };
});
afterEach(() => {
  hooks.__r = previousHook;
  document.body.textContent = '';
});

/** Where the bridge card says its traffic fact was seen. */
const trafficSeenIn = (root: HTMLElement) =>
  [...root.querySelectorAll('[data-story-id="wire-a"] .facts > li')]
    .find((li) => li.textContent.includes('150,000 cars'))
    ?.querySelector('.fact-seen')
    ?.getAttribute('title');

/** The popup's derivation and list of cards, with handlers that keep their identity (as the popup's useStable). */
function digest(newSince: number) {
  const list = new StoryList();
  const novelty = new StoryFactNovelty();
  const root = document.createElement('ul');
  document.body.append(root);
  return (items: ArticleSummary[]) => {
    const stories = list.stories(items);
    const marks = novelty.of(stories, seenFacts(items, newSince));
    draws = new Map();
    render(
      <>
        {stories.map((story) => (
          <StoryCard
            key={story.id}
            story={story}
            formatDate={formatDate}
            onOpen={noop}
            onOpenFact={noop}
            onDelete={noop}
            onSaveNote={noop}
            onDeleteHighlight={noop}
            onConfirmHighlight={noop}
            newSince={newSince}
            factNovelty={marks.get(story.id)}
          />
        ))}
      </>,
      root,
    );
    return { root, stories, drawn: Object.fromEntries(draws) };
  };
}

describe('the popup story cards, memoized with the facts new since the last look', () => {
  // The Valley Post reported the bridge's traffic first: the bridge story's fact was seen there.
  const traffic = bridgeA.facts[1];
  const metroFirst = { ...metro, firstSeenAt: T0 - HOUR, facts: [traffic] };
  const laterB = { ...bridgeB, firstSeenAt: T0 + 2 * HOUR };
  const beat = [bridgeA, laterB, metroFirst, ...others.slice(1)];

  it('draws every card once, then only the card of the story a note changed', () => {
    const show = digest(T0 + HOUR);
    const first = show(beat);
    expect(first.stories.map((s) => s.id).sort()).toEqual(['filler-1', 'filler-2', 'other', 'wire-a']);
    expect(first.drawn).toEqual({ 'wire-a': 1, other: 1, 'filler-1': 1, 'filler-2': 1 });
    expect(trafficSeenIn(first.root)).toBe(`Already in “${metro.title}”`);
    // The same list again (a re-render of the popup around it): no card drawn.
    expect(show([...beat]).drawn).toEqual({});
    // A note on the bridge story's highlight: a new article object in that story only.
    const noted = { ...bridgeA, highlights: [{ ...bridgeA.highlights[0], note: 'checked' }] };
    const afterNote = show([noted, laterB, metroFirst, ...others.slice(1)]);
    expect(afterNote.drawn).toEqual({ 'wire-a': 1 });
    expect(afterNote.root.querySelector('[data-story-id="wire-a"] .highlights')?.textContent).toContain('checked');
  });

  it('on a delete, draws only the cards whose facts read differently since', () => {
    const show = digest(T0 + HOUR);
    show(beat);
    // A filler deleted: no other card's facts change, so none is drawn.
    expect(show([bridgeA, laterB, metroFirst, others[1]]).drawn).toEqual({});
    // The Valley Post deleted: the bridge's traffic fact is now seen in the Harbour Gazette, so that card is drawn.
    const afterDelete = show([bridgeA, laterB, others[1]]);
    expect(afterDelete.drawn).toEqual({ 'wire-a': 1 });
    expect(trafficSeenIn(afterDelete.root)).toBe(`Already in “${bridgeA.title}”`);
  });
});
