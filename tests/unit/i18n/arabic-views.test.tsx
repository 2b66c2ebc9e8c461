// @vitest-environment happy-dom
// Every view rendered under the Arabic locale, with Arabic data, shows no English: a word written into a view instead
// of going through browser.i18n fails here. The only Latin words allowed are the ones the Arabic messages themselves
// use (brand and format names, query operators in examples) and the data the test hands the view.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, type ComponentChild } from 'preact';
import { fakeBrowser } from 'wxt/testing';
import arabic from '../../../public/_locales/ar/messages.json';
import { ActivityChart } from '@/components/activity-chart';
import { AliasSuggestions } from '@/components/alias-suggestions';
import { BadgeSetting } from '@/components/badge-setting';
import { ClipBar } from '@/components/clip-bar';
import { EmptyState } from '@/components/empty-state';
import { FactItem } from '@/components/fact-item';
import { HighlightList } from '@/components/highlight-list';
import { ListLinks } from '@/components/list-links';
import { LoadMore } from '@/components/load-more';
import { QueryTester } from '@/components/query-tester';
import { SearchField } from '@/components/search-field';
import { SearchResults } from '@/components/search-results';
import { StoryCard } from '@/components/story-card';
import { TopicDeleteDialog } from '@/components/topic-delete-dialog';
import { TopicForm } from '@/components/topic-form';
import { TopicList } from '@/components/topic-list';
import { TopicTable } from '@/components/topic-table';
import { TopicTester } from '@/components/topic-tester';
import { UndoToast } from '@/components/undo-toast';
import { UnsavedCaptures } from '@/components/unsaved-captures';
import { YourData, type Props as YourDataProps } from '@/components/your-data';
import type { ArticleSummary } from '@/lib/db/articles';
import type { HighlightListItem } from '@/lib/db/highlights';
import { factNovelty, seenFacts } from '@/lib/digest/topic-facts';
import { topicStories } from '@/lib/digest/topic-stories';
import { formatDate, t, tCount } from '@/lib/i18n/messages';
import type { Reason } from '@/lib/topics/capture-rule';
import { show } from '../components/render';

const messages: Record<string, { message: string }> = arabic;

function arabicMessage(key: string, substitutions?: string | string[]): string {
  if (key === '@@bidi_dir') return 'rtl';
  const subs = typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []);
  return (messages[key]?.message ?? '').replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
}

// Installed before any message is read, so numbers and dates are written in Arabic from the first one.
const installArabic = () => {
  fakeBrowser.i18n.getMessage = arabicMessage;
  fakeBrowser.i18n.getUILanguage = () => 'ar';
};
installArabic();
beforeEach(installArabic);
afterEach(() => render(null, document.body));

/** Latin words the Arabic messages use on purpose: names of brands and formats, query operators in examples. */
const ALLOWED = new Set(
  Object.entries(messages)
    .filter(([key]) => key !== 'uiLocale' && key !== 'uiDirection')
    .flatMap(([, { message }]) => message.match(/[A-Za-z]+/g) ?? []),
);

/** Every Latin word the reader sees or hears in `root` (text, labels, titles, placeholders) that is not allowed. */
function englishIn(root: Element, data: string[] = []): string[] {
  const said: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) said.push(node.textContent ?? '');
  for (const el of root.querySelectorAll('*'))
    for (const name of ['aria-label', 'title', 'placeholder', 'alt'])
      if (el.hasAttribute(name)) said.push(el.getAttribute(name)!);
  let text = said.join('\n');
  for (const value of data) text = text.split(value).join(' ');
  return (text.match(/[A-Za-z]+/g) ?? []).filter((word) => !ALLOWED.has(word));
}

function expectArabic(view: ComponentChild, data: string[] = []) {
  const root = show(view);
  expect(root.querySelectorAll('*').length, 'the view rendered something').toBeGreaterThan(0);
  expect(englishIn(root, data)).toEqual([]);
  return root;
}

const HOUR = 3_600_000;
const T0 = Date.parse('2026-03-02T08:00:00Z');
const article = (id: string, extra: Partial<ArticleSummary> = {}): ArticleSummary => ({
  id: id.repeat(32).slice(0, 32),
  url: `https://${id}.example/ar/1`,
  title: 'استئناف محادثات إسطنبول بين روسيا وأوكرانيا',
  siteName: 'الشرق الأوسط',
  publishedAt: new Date(T0).toISOString(),
  lang: 'ar',
  dir: 'rtl',
  excerpt: 'استؤنفت في إسطنبول المحادثات بين روسيا وأوكرانيا برعاية تركية.',
  facts: [
    { text: 'قال مسؤول إن ستة آلاف جندي سيعودون.', start: 0, end: 10, score: 1, kind: 'quote', speaker: 'مسؤول' },
    { text: 'ارتفع التضخم إلى ٩٪ في أيار.', start: 20, end: 30, score: 0.8, kind: 'figure' },
    { text: 'تقرر عقد جولة ثانية الأسبوع المقبل.', start: 40, end: 50, score: 0.7, kind: 'decision' },
    { text: 'وصل الوفدان صباح الإثنين.', start: 60, end: 70, score: 0.6, kind: 'date' },
  ],
  firstSeenAt: T0,
  clippedTo: ['ukraine'],
  highlights: [
    { id: `h-${id}1234567890`, text: 'ستة آلاف جندي', note: 'رقم مهم', placed: true, createdAt: T0 },
    { id: `h-${id}0987654321`, text: 'جولة ثانية', note: '', placed: false, createdAt: T0 },
  ],
  ...extra,
});

const yourData = (extra: Partial<YourDataProps>): YourDataProps => ({
  busy: null,
  message: null,
  pending: null,
  onBackup: vi.fn(),
  onChooseBackup: vi.fn(),
  onConfirmRestore: vi.fn(),
  onCancelRestore: vi.fn(),
  onExportMarkdown: vi.fn(),
  onExportAnnotations: vi.fn(),
  durability: null,
  storageUse: null,
  ...extra,
});

describe('views under the Arabic locale', () => {
  it('catches English: a view with a word written into it fails the check', () => {
    const root = show(
      <p>
        {t('dataHeading')} <button aria-label="Restore summary">{t('restore')}</button>
      </p>,
    );
    expect(englishIn(root)).toEqual(['Restore', 'summary']);
  });

  it('Your data: every state of the section', () => {
    const fileName = 'beatwatch-backup-2026-03-02.json';
    const counts = { total: 12, new: 3, present: 9, updated: 2 };
    for (const durability of [null, 'persistent', 'best-effort', 'unknown'] as const)
      expectArabic(<YourData {...yourData({ durability })} />);
    expectArabic(<YourData {...yourData({ busy: t('backingUp'), durability: 'persistent' })} />);
    for (const storageUse of [{ used: 3_400_000 }, { used: 3_400_000, quota: 2_000_000_000 }])
      expectArabic(<YourData {...yourData({ storageUse, durability: 'persistent' })} />);
    expectArabic(
      <YourData
        {...yourData({
          pending: { fileName, summary: { topics: counts, articles: counts, highlights: counts } },
          message: { kind: 'ok', text: t('restoreCheck') },
        })}
      />,
      [fileName],
    );
    const restored = t(
      'restored',
      tCount('topicCount', 1),
      tCount('articleCount', 40),
      tCount('highlightCount', 0),
      '2',
    );
    expectArabic(<YourData {...yourData({ message: { kind: 'ok', text: restored } })} />);
    expectArabic(<YourData {...yourData({ message: { kind: 'ok', text: tCount('markdownExported', 7) } })} />);
    const backedUp = t(
      'backedUp',
      tCount('topicCount', 2),
      tCount('articleCount', 1),
      tCount('highlightCount', 5),
      '3',
    );
    expectArabic(<YourData {...yourData({ message: { kind: 'ok', text: backedUp } })} />);
  });

  it('the popup: topics, stories with facts and highlights, lists, clip bar, search, undo', () => {
    expectArabic(
      <TopicList
        topics={[
          { id: 'ukraine', name: 'أوكرانيا', count: 12, newArticles: 3, newFacts: 5 },
          { id: 'energy', name: 'الطاقة', count: 1 },
        ]}
        onOpen={vi.fn()}
      />,
    );
    // The reader saw report b at T0; report a came after with one fact of its own: facts seen before and new.
    const later = article('a', {
      firstSeenAt: T0 + HOUR,
      publishedAt: new Date(T0 + HOUR).toISOString(),
      siteName: 'الجزيرة',
    });
    later.facts = [
      ...later.facts,
      { text: 'سيزور المبعوث جنيف في ١٤ آذار.', start: 80, end: 90, score: 0.9, kind: 'date' },
    ];
    const beat = [later, article('b')];
    const stories = topicStories(beat);
    expect(stories).toHaveLength(1);
    const card = expectArabic(
      <StoryCard
        story={stories[0]}
        formatDate={formatDate}
        onOpen={vi.fn()}
        onOpenFact={vi.fn()}
        onDelete={vi.fn()}
        onNotAbout={vi.fn()}
        onSaveNote={vi.fn()}
        onDeleteHighlight={vi.fn()}
        onConfirmHighlight={vi.fn()}
        newSince={T0}
        factNovelty={stories[0].facts.map((fact) => factNovelty(fact, seenFacts(beat, T0)))}
      />,
    );
    expect(card.querySelector('.more-facts'), 'all the states of a card were shown').not.toBeNull();
    expect(card.querySelector('.fact.seen .fact-seen')).not.toBeNull();
    expect(card.querySelector('.fact.new .new-mark')).not.toBeNull();
    expectArabic(
      <ul>
        <FactItem
          fact={{ text: 'ارتفع التضخم إلى ٩٪.', kind: 'figure' }}
          sites={['الجزيرة', 'الشرق الأوسط']}
          seenIn="محادثات إسطنبول"
          onOpen={vi.fn()}
        />
      </ul>,
    );
    expectArabic(<ListLinks highlights={4} noTopic={2} onOpenHighlights={vi.fn()} onOpenNoTopic={vi.fn()} />);
    expectArabic(<LoadMore loading={false} onMore={vi.fn()} />);
    expectArabic(<LoadMore loading={true} onMore={vi.fn()} />);
    expectArabic(<SearchField value="" onInput={vi.fn()} />);
    for (const message of [null, { kind: 'ok' as const, text: t('clipped', 'أوكرانيا') }])
      expectArabic(
        <ClipBar
          topics={[
            { id: 'ukraine', name: 'أوكرانيا' },
            { id: 'energy', name: 'الطاقة' },
          ]}
          openTopicId="ukraine"
          busy={false}
          message={message}
          onClip={vi.fn()}
        />,
      );
    expectArabic(<UndoToast text={t('deletedArticle', 'محادثات إسطنبول')} onUndo={vi.fn()} onDismiss={vi.fn()} />);
    expectArabic(<EmptyState title={t('noTopicsYet')}>{t('noTopicsHelp')}</EmptyState>);
    const error = 'QuotaExceededError: the quota has been exceeded';
    expectArabic(
      <UnsavedCaptures
        failed={[{ title: 'محادثات إسطنبول', url: 'https://a.example/1', error, failedAt: T0 }]}
        busy={false}
        result={null}
        onRetry={vi.fn()}
      />,
      [error],
    );
    expectArabic(<UnsavedCaptures failed={[]} busy={false} result={{ saved: 2, failed: 1 }} onRetry={vi.fn()} />);
    const highlight: HighlightListItem = {
      ...article('a').highlights[0],
      pageUrl: 'https://a.example/ar/1',
      article: {
        id: 'a'.repeat(32),
        title: 'محادثات إسطنبول',
        url: 'https://a.example/ar/1',
        dir: 'rtl',
        topicIds: [],
      },
    };
    expectArabic(
      <HighlightList
        items={[highlight, { ...highlight, id: 'h-x1234567890', placed: false, article: undefined }]}
        topicNames={new Map([['ukraine', 'أوكرانيا']])}
        onOpen={vi.fn()}
        onSaveNote={vi.fn()}
        onDelete={vi.fn()}
        onConfirm={vi.fn()}
      />,
      [highlight.pageUrl],
    );
    const hit = {
      kind: 'article' as const,
      id: 'a'.repeat(32),
      title: 'محادثات إسطنبول',
      url: 'https://a.example/ar/1',
      dir: 'rtl' as const,
      field: 'text' as const,
      snippet: { before: 'استؤنفت في ', match: 'إسطنبول', after: ' المحادثات' },
    };
    expectArabic(
      <SearchResults
        result={{
          query: 'إسطنبول',
          total: 3,
          more: true,
          groups: [
            { topicId: 'ukraine', name: 'أوكرانيا', hits: [hit, { ...hit, kind: 'highlight', field: 'note' }] },
            { topicId: null, name: '', hits: [{ ...hit, field: 'title' }] },
          ],
        }}
        onOpen={vi.fn()}
        onMore={vi.fn()}
      />,
    );
  });

  it('the options page: badge, topics, their editor and tester, the delete dialog', () => {
    expectArabic(<BadgeSetting mode="tab" onChange={vi.fn()} />);
    const captures = Array.from({ length: 30 }, (_, i) => i % 4);
    expectArabic(<ActivityChart captures={captures} lastDay={20_000} formatDate={formatDate} />);
    const query = 'أوكرانيا OR Ukraine';
    expectArabic(
      <TopicTable
        topics={[{ id: 'ukraine', name: 'أوكرانيا', query, createdAt: T0 }]}
        onEdit={vi.fn()}
        onDelete={vi.fn()}
      />,
      [query],
    );
    expectArabic(
      <TopicForm
        initial={{ name: 'أوكرانيا', query }}
        submitLabel={t('save')}
        validateQuery={() => null}
        aliasesFor={() => []}
        onSubmit={vi.fn()}
        onCancel={vi.fn()}
      />,
      [query],
    );
    expectArabic(<AliasSuggestions aliases={['كييف', 'Украина']} onAdd={vi.fn()} />);
    for (const articles of [null, 0, 40])
      expectArabic(
        <TopicDeleteDialog
          topicName="أوكرانيا"
          articles={articles}
          onDeleteArticles={vi.fn()}
          onKeepArticles={vi.fn()}
          onCancel={vi.fn()}
        />,
      );
    expectArabic(
      <TopicTester
        query={query}
        tabs={[{ id: 1, title: 'محادثات إسطنبول' }]}
        loadTabArticle={vi.fn()}
        test={vi.fn()}
        notAbout={[
          {
            id: 'a'.repeat(32),
            url: 'https://a.example/ar/1',
            title: 'محادثات إسطنبول',
            hits: [{ field: 'text', term: 'أوكرانيا', text: 'الأوكراني' }],
          },
        ]}
      />,
      [query],
    );
    const reasons: Reason[] = [
      'title',
      'lead',
      'paragraphs',
      'min-mentions',
      'lead-or-passages',
      'passing',
      'asides-only',
    ];
    for (const reason of reasons)
      for (const captured of [true, false])
        expectArabic(
          <QueryTester
            title="محادثات إسطنبول"
            text="استؤنفت المحادثات بين روسيا وأوكرانيا."
            hits={[{ field: 'text', start: 29, end: 37, term: 'أوكرانيا' }]}
            captured={captured}
            reason={reason}
            dir="rtl"
          />,
        );
  });
});
