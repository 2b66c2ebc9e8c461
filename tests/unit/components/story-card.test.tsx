// @vitest-environment happy-dom
// A story of the digest: newest headline, sites by name, each fact once with one "open at this sentence" action,
// the top three facts then all on request, the reader's highlights, one line per report with its Delete.
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { StoryCard, type Props } from '@/components/story-card';
import { factNovelty, seenFacts } from '@/lib/digest/topic-facts';
import { topicStories, type TopicStory } from '@/lib/digest/topic-stories';
import { bridgeA, bridgeB, others, summary, T0 } from '../digest/story-fixtures';

function mount(overrides: Partial<Props> = {}): HTMLElement {
  const story = topicStories([bridgeA, bridgeB, ...others]).find((s) => s.id === 'wire-a');
  const root = document.createElement('ul');
  document.body.append(root);
  render(
    <StoryCard
      story={story!}
      formatDate={(time) => new Date(time).toISOString().slice(0, 10)}
      onOpen={vi.fn()}
      onOpenFact={vi.fn()}
      onDelete={vi.fn()}
      onSaveNote={vi.fn()}
      onDeleteHighlight={vi.fn()}
      onConfirmHighlight={vi.fn()}
      {...overrides}
    />,
    root,
  );
  return root;
}

const texts = (root: HTMLElement, selector: string) =>
  [...root.querySelectorAll(selector)].map((element) => element.textContent);

afterEach(() => {
  document.body.textContent = '';
});

describe('StoryCard', () => {
  it('shows the newest headline, the sites by name and the newest date', () => {
    const onOpen = vi.fn();
    const root = mount({ onOpen });
    expect(texts(root, '.story-headline')).toEqual([bridgeB.title]);
    expect(texts(root, '.sites bdi')).toEqual(['wire-b.example', 'Harbour Gazette']);
    expect(root.querySelector('.meta time')?.textContent).toBe('2026-03-02');
    expect(root.querySelector('.meta')?.textContent).toContain('2 reports');
    root.querySelector<HTMLAnchorElement>('.story-headline')!.click();
    expect(onOpen).toHaveBeenCalledWith(bridgeB.url);
  });

  it('shows each fact once as plain text with both sites, three at first and all on request', async () => {
    const onOpenFact = vi.fn();
    const root = mount({ onOpenFact });
    const facts = texts(root, '.facts .fact-text');
    expect(facts).toHaveLength(3);
    expect(facts.filter((text) => text.includes('4.5 metres'))).toHaveLength(1);
    expect(root.querySelectorAll('.facts a')).toHaveLength(0);
    expect(texts(root, '.facts li:first-child .fact-sites bdi')).toEqual(['wire-b.example', 'Harbour Gazette']);
    root.querySelector<HTMLButtonElement>('.facts li:first-child button.open-at')!.click();
    expect(onOpenFact).toHaveBeenCalledWith(bridgeB.url, expect.stringContaining('4.5 metres'));

    const more = root.querySelector<HTMLButtonElement>('button.more-facts')!;
    expect(more.textContent).toBe('All 4 facts');
    expect(more.getAttribute('aria-expanded')).toBe('false');
    more.click();
    await new Promise((resolve) => setTimeout(resolve));
    expect(root.querySelectorAll('.facts li')).toHaveLength(4);
    expect(texts(root, '.fact-speaker bdi')).toEqual(['the mayor']);
  });

  it('lists the highlights and one line per report, each deleting its own article', () => {
    const onDelete = vi.fn();
    const root = mount({ onDelete });
    expect(texts(root, '.highlights blockquote')).toEqual(['cracks in a pillar']);
    const reports = [...root.querySelectorAll<HTMLElement>('.reports .article-card')];
    expect(reports.map((r) => r.dataset.articleId)).toEqual(['wire-b', 'wire-a']);
    reports[1].querySelector<HTMLButtonElement>('button')!.click();
    expect(onDelete).toHaveBeenCalledWith('wire-a');
  });

  it('gives each report line its own "Not about this beat", a button in tab order, only where there is a topic', () => {
    const onNotAbout = vi.fn();
    const root = mount({ onNotAbout });
    const buttons = [...root.querySelectorAll<HTMLButtonElement>('.reports .article-card button')].filter(
      (button) => button.textContent === 'Not about this beat',
    );
    expect(buttons.map((button) => button.getAttribute('aria-label'))).toEqual([
      `“${bridgeB.title}” is not about this beat`,
      `“${bridgeA.title}” is not about this beat`,
    ]);
    expect(buttons.every((button) => button.tabIndex === 0)).toBe(true);
    buttons[1].click();
    expect(onNotAbout).toHaveBeenCalledWith('wire-a');
    expect(texts(mount(), '.reports button')).not.toContain('Not about this beat');
  });

  it('is drawn again only when its story or a handler changes, not when the list around it re-renders', () => {
    const stories = topicStories([bridgeA, bridgeB, ...others]);
    const story = stories.find((s) => s.id === 'wire-a')!;
    const formatDate = vi.fn((time: number) => new Date(time).toISOString().slice(0, 10));
    const handlers = {
      onOpen: vi.fn(),
      onOpenFact: vi.fn(),
      onDelete: vi.fn(),
      onSaveNote: vi.fn(),
      onDeleteHighlight: vi.fn(),
      onConfirmHighlight: vi.fn(),
    };
    const root = document.createElement('ul');
    document.body.append(root);
    const draw = (shown: typeof story, onDelete = handlers.onDelete) =>
      render(<StoryCard story={shown} formatDate={formatDate} {...handlers} onDelete={onDelete} />, root);
    draw(story);
    const drawn = formatDate.mock.calls.length;
    expect(drawn).toBeGreaterThan(0);
    draw(story);
    expect(formatDate.mock.calls.length).toBe(drawn);
    // A new story object (a note on one of its highlights) draws it again, and so does a new handler.
    const noted = topicStories([{ ...bridgeA, highlights: [] }, { ...bridgeB, highlights: [] }, ...others]).find(
      (s) => s.id === 'wire-a',
    )!;
    draw(noted);
    expect(formatDate.mock.calls.length).toBe(2 * drawn);
    expect(root.querySelectorAll('.highlights blockquote')).toHaveLength(0);
    draw(noted, vi.fn());
    expect(formatDate.mock.calls.length).toBe(3 * drawn);
  });

  it('lays an Arabic story out right to left, keeps page text as text, and shows the lead when there are no facts', () => {
    const arabic = summary('ar', {
      title: '<img src=x onerror=alert(1)> عنوان',
      excerpt: 'مقدمة الخبر',
      dir: 'rtl',
      lang: 'ar',
    });
    const root = document.createElement('ul');
    document.body.append(root);
    render(
      <StoryCard
        story={topicStories([arabic])[0]}
        formatDate={() => ''}
        onOpen={vi.fn()}
        onOpenFact={vi.fn()}
        onDelete={vi.fn()}
        onSaveNote={vi.fn()}
        onDeleteHighlight={vi.fn()}
        onConfirmHighlight={vi.fn()}
      />,
      root,
    );
    const story = root.querySelector('.story')!;
    expect(story.getAttribute('dir')).toBe('rtl');
    expect(story.getAttribute('lang')).toBe('ar');
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('.excerpt')?.textContent).toBe('مقدمة الخبر');
  });
});

describe('StoryCard facts new since the last look', () => {
  const HOUR = 3_600_000;
  // The reader saw the Harbour Gazette report at T0; the wire-b report came after, with one fact of its own.
  const later = {
    ...bridgeB,
    firstSeenAt: T0 + 2 * HOUR,
    facts: [
      ...bridgeB.facts,
      {
        text: 'Trains will cross the river on the rail deck only.',
        start: 2,
        end: 3,
        score: 0.5,
        kind: 'decision' as const,
      },
    ],
  };
  const noveltyOf = (story: TopicStory, seenAt: number) => {
    const seen = seenFacts([bridgeA, later, ...others], seenAt);
    return story.facts.map((fact) => factNovelty(fact, seen));
  };
  const mountSeen = (seenAt: number) => {
    const story = topicStories([bridgeA, later, ...others]).find((s) => s.id === 'wire-a')!;
    const root = document.createElement('ul');
    document.body.append(root);
    render(
      <StoryCard
        story={story}
        formatDate={() => ''}
        onOpen={vi.fn()}
        onOpenFact={vi.fn()}
        onDelete={vi.fn()}
        onSaveNote={vi.fn()}
        onDeleteHighlight={vi.fn()}
        onConfirmHighlight={vi.fn()}
        newSince={seenAt}
        factNovelty={noveltyOf(story, seenAt)}
      />,
      root,
    );
    root.querySelector<HTMLButtonElement>('.more-facts')!.click();
    return root;
  };
  const factsBy = (root: HTMLElement) =>
    Object.fromEntries(
      [...root.querySelectorAll('.facts > li')].map((li) => [
        li.querySelector('.fact-text')!.textContent.slice(0, 24),
        li.className,
      ]),
    );

  it("marks the facts shown before as seen, naming where, and the new report's own fact as new", async () => {
    const root = mountSeen(T0 + HOUR);
    await Promise.resolve();
    expect(factsBy(root)).toEqual({
      'Engineers found cracks 4': 'fact seen',
      'Trains will cross the ri': 'fact new',
      'The bridge carries 150,0': 'fact seen',
      '“We will not reopen it u': 'fact seen',
      'Ferries will run every t': 'fact seen',
    });
    const repeated = root.querySelector('.facts > li.seen .fact-seen');
    expect(repeated?.textContent?.trim()).toBe('seen before');
    expect(repeated?.getAttribute('title')).toBe(`Already in “${bridgeA.title}”`);
    expect(texts(root, '.facts > li.new .new-mark')).toEqual(['New']);
    expect(root.querySelector('.facts > li')?.className, 'the new fact leads').toBe('fact new');
    expect(root.querySelectorAll('.facts > li.seen .new-mark')).toHaveLength(0);
  });

  it('shows the new fact among the top three, before those seen, though fewer sites report it', async () => {
    const story = topicStories([bridgeA, later, ...others]).find((s) => s.id === 'wire-a')!;
    expect(story.facts.findIndex((f) => f.text.startsWith('Trains'))).toBeGreaterThanOrEqual(3);
    const root = document.createElement('ul');
    document.body.append(root);
    render(
      <StoryCard
        story={story}
        formatDate={() => ''}
        onOpen={vi.fn()}
        onOpenFact={vi.fn()}
        onDelete={vi.fn()}
        onSaveNote={vi.fn()}
        onDeleteHighlight={vi.fn()}
        onConfirmHighlight={vi.fn()}
        newSince={T0 + HOUR}
        factNovelty={noveltyOf(story, T0 + HOUR)}
      />,
      root,
    );
    const shown = texts(root, '.facts .fact-text');
    expect(shown).toHaveLength(3);
    expect(shown[0]).toMatch(/^Trains will cross/);
  });

  it('marks every fact new on a first look, and none either way when the last look is not known', async () => {
    const first = mountSeen(0);
    await Promise.resolve();
    expect(Object.values(factsBy(first)).every((c) => c === 'fact new')).toBe(true);
    document.body.textContent = '';
    const unknown = mount();
    expect(unknown.querySelectorAll('.facts .new-mark, .facts .fact-seen')).toHaveLength(0);
  });
});
