// @vitest-environment happy-dom
// The popup's and options page's pure views, rendered with props: what the reader sees and what each control reports.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { AliasSuggestions } from '@/components/alias-suggestions';
import { ClipBar } from '@/components/clip-bar';
import { EmptyState } from '@/components/empty-state';
import { HighlightQuote } from '@/components/highlight-quote';
import { QueryTester } from '@/components/query-tester';
import { StoryCard } from '@/components/story-card';
import { TopicForm } from '@/components/topic-form';
import { TopicList } from '@/components/topic-list';
import { TopicTable } from '@/components/topic-table';
import { TopicTester } from '@/components/topic-tester';
import { UndoToast } from '@/components/undo-toast';
import type { ArticleSummary, HighlightSummary } from '@/lib/db/articles';
import { topicStories } from '@/lib/digest/topic-stories';
import type { Fact } from '@/lib/schema';
import { button, click, show, submit, textOf, type } from './render';

afterEach(() => render(null, document.body));

const fact = (text: string, start: number): Fact => ({
  text,
  start,
  end: start + text.length,
  score: 1,
  kind: 'statement',
});
const highlight = (extra: Partial<HighlightSummary> = {}): HighlightSummary => ({
  id: 'h-1234567890',
  text: 'ستة آلاف جندي',
  note: '',
  placed: true,
  createdAt: 1,
  ...extra,
});
const article = (extra: Partial<ArticleSummary> = {}): ArticleSummary => ({
  id: 'a'.repeat(32),
  url: 'https://aawsat.example/ar/5121',
  title: 'محادثات إسطنبول',
  siteName: 'الشرق الأوسط',
  publishedAt: '2025-05-16T10:00:00.000Z',
  lang: 'ar',
  dir: 'rtl',
  excerpt: 'بدأت في إسطنبول محادثات بين روسيا وأوكرانيا.',
  facts: [fact('قال مسؤول إن ستة آلاف جندي سيعودون.', 10)],
  firstSeenAt: 1,
  clippedTo: [],
  highlights: [],
  ...extra,
});

describe('EmptyState', () => {
  it('shows its title and what it is given', () => {
    const root = show(
      <EmptyState title="No topics yet">
        <p>Add one.</p>
      </EmptyState>,
    );
    expect(root.querySelector('[role="status"] strong')?.textContent).toBe('No topics yet');
    expect(textOf(root.querySelector('p:not(:first-child)'))).toBe('Add one.');
  });
});

function showCard(extra: Partial<ArticleSummary>) {
  const handlers = {
    onOpen: vi.fn(),
    onOpenFact: vi.fn(),
    onDelete: vi.fn(),
    onNotAbout: vi.fn(),
    onSaveNote: vi.fn(),
    onDeleteHighlight: vi.fn(),
    onConfirmHighlight: vi.fn(),
  };
  const [story] = topicStories([article(extra)]);
  return { root: show(<StoryCard story={story} formatDate={() => '16 May 2025'} {...handlers} />), ...handlers };
}

describe('StoryCard of one article', () => {
  it('shows an Arabic article right to left, with its site, facts and actions', () => {
    const { root, onOpen, onOpenFact, onDelete, onNotAbout } = showCard({});
    const card = root.querySelector('li.story')!;
    expect(card.getAttribute('dir')).toBe('rtl');
    expect(card.getAttribute('lang')).toBe('ar');
    expect(textOf(card.querySelector('h3'))).toBe('محادثات إسطنبول');
    expect(textOf(card.querySelector('.meta'))).toContain('الشرق الأوسط');
    expect(textOf(card.querySelector('.facts .fact-text'))).toBe('قال مسؤول إن ستة آلاف جندي سيعودون.');
    expect(textOf(card.querySelector('.facts .fact-kind'))).toBe('statement');
    click(card.querySelector('h3 a'));
    expect(onOpen).toHaveBeenCalledWith('https://aawsat.example/ar/5121');
    click(button(root, 'Open at this sentence'));
    expect(onOpenFact).toHaveBeenCalledWith('https://aawsat.example/ar/5121', 'قال مسؤول إن ستة آلاف جندي سيعودون.');
    click(button(root, 'Delete “محادثات إسطنبول”'));
    expect(onDelete).toHaveBeenCalledWith('a'.repeat(32));
    click(button(root, '“محادثات إسطنبول” is not about this beat'));
    expect(onNotAbout).toHaveBeenCalledWith('a'.repeat(32));
    expect(card.querySelector('.highlights')).toBeNull();
  });

  it('falls back to the host for a missing title and site, and says when it was clipped', () => {
    const { root } = showCard({
      title: '',
      siteName: undefined,
      facts: [],
      clippedTo: ['t'],
      highlights: [highlight()],
    });
    expect(textOf(root.querySelector('h3'))).toBe('aawsat.example');
    expect(textOf(root.querySelector('.meta'))).toBe('aawsat.example · 16 May 2025');
    expect(textOf(root.querySelector('.reports'))).toContain('clipped');
    expect(root.querySelector('.facts')).toBeNull();
    expect(textOf(root.querySelector('.highlights blockquote'))).toBe('ستة آلاف جندي');
  });

  it('shows page text as text, never as markup', () => {
    const { root } = showCard({ title: '<img src=x onerror=alert(1)>', excerpt: '<b>bold</b>', facts: [] });
    expect(root.querySelector('img, b')).toBeNull();
    expect(textOf(root.querySelector('h3'))).toBe('<img src=x onerror=alert(1)>');
    expect(textOf(root.querySelector('.excerpt'))).toBe('<b>bold</b>');
  });
});

describe('HighlightQuote', () => {
  it('says when the last visit could not place the highlight', () => {
    const root = show(
      <HighlightQuote
        highlight={highlight({ placed: false })}
        onSaveNote={vi.fn()}
        onDelete={vi.fn()}
        onConfirm={vi.fn()}
      />,
    );
    expect(textOf(root)).toContain('Not found on the page at the last visit.');
    expect(root.querySelector('li')?.className).toBe('highlight unplaced');
  });

  it('offers where an unplaced highlight may be now, and reports the reader confirming it', () => {
    const onConfirm = vi.fn();
    const maybeHere = { prefix: 'وافقتا على ', text: 'تبادل جثث ستة آلاف', suffix: ' جندي' };
    const root = show(
      <HighlightQuote
        highlight={highlight({ placed: false, maybeHere })}
        onSaveNote={vi.fn()}
        onDelete={vi.fn()}
        onConfirm={onConfirm}
      />,
    );
    expect(textOf(root.querySelector('.maybe-here mark'))).toBe('تبادل جثث ستة آلاف');
    click(button(root, 'Yes, attach it here'));
    expect(onConfirm).toHaveBeenCalledWith(highlight().id);
  });

  it('shows what a placed highlight reads now when the site changed its words', () => {
    const root = show(
      <HighlightQuote
        highlight={highlight({ changedTo: 'ستة آلاف جندي' })}
        onSaveNote={vi.fn()}
        onDelete={vi.fn()}
        onConfirm={vi.fn()}
      />,
    );
    expect(textOf(root.querySelector('.changed-note blockquote'))).toBe('ستة آلاف جندي');
    expect(root.querySelector('li')?.className).toBe('highlight');
  });

  it('edits the note and reports it trimmed, and deletes', () => {
    const onSaveNote = vi.fn();
    const onDelete = vi.fn();
    const root = show(
      <HighlightQuote
        highlight={highlight({ note: 'old' })}
        onSaveNote={onSaveNote}
        onDelete={onDelete}
        onConfirm={vi.fn()}
      />,
    );
    expect(textOf(root.querySelector('.note'))).toBe('old');
    click(button(root, 'Edit note'));
    type(root.querySelector('textarea'), '  مهم  ');
    submit(root.querySelector('form'));
    expect(onSaveNote).toHaveBeenCalledWith('h-1234567890', 'مهم');
    expect(root.querySelector('textarea')).toBeNull();
    click(button(root, 'Delete highlight'));
    expect(onDelete).toHaveBeenCalledWith('h-1234567890');
  });
});

describe('TopicList and TopicTable', () => {
  it('lists topics with their counts and opens one', () => {
    const onOpen = vi.fn();
    const root = show(<TopicList topics={[{ id: 'u', name: 'أوكرانيا', count: 3 }]} onOpen={onOpen} />);
    expect(textOf(root.querySelector('.topic-row'))).toBe('أوكرانيا3');
    expect(root.querySelector('.count')?.getAttribute('aria-label')).toBe('3 articles');
    click(root.querySelector('.topic-row'));
    expect(onOpen).toHaveBeenCalledWith('u');
  });

  it('shows each topic with its query, to edit or delete', () => {
    const onEdit = vi.fn();
    const onDelete = vi.fn();
    const topic = { id: 'u', name: 'Ukraine talks', query: 'Ukraine OR أوكرانيا', createdAt: 1 };
    const root = show(<TopicTable topics={[topic]} onEdit={onEdit} onDelete={onDelete} />);
    expect(textOf(root.querySelector('tbody code'))).toBe('Ukraine OR أوكرانيا');
    click(button(root, 'Edit Ukraine talks'));
    click(button(root, 'Delete Ukraine talks'));
    expect(onEdit).toHaveBeenCalledWith('u');
    expect(onDelete).toHaveBeenCalledWith('u');
  });
});

describe('UndoToast, AliasSuggestions and ClipBar', () => {
  it('offers the way back after a delete', () => {
    const onUndo = vi.fn();
    const onDismiss = vi.fn();
    const root = show(<UndoToast text="Deleted the highlight." onUndo={onUndo} onDismiss={onDismiss} />);
    expect(textOf(root.querySelector('[role="status"] span'))).toBe('Deleted the highlight.');
    click(button(root, 'Undo'));
    click(button(root, 'Dismiss'));
    expect(onUndo).toHaveBeenCalledOnce();
    expect(onDismiss).toHaveBeenCalledOnce();
  });

  it('adds a suggested name only when the reader clicks it', () => {
    const onAdd = vi.fn();
    expect(show(<AliasSuggestions aliases={[]} onAdd={onAdd} />).childNodes).toHaveLength(0);
    const root = show(<AliasSuggestions aliases={['أوكرانيا', 'Украина']} onAdd={onAdd} />);
    expect(onAdd).not.toHaveBeenCalled();
    click([...root.querySelectorAll('button')].find((b) => textOf(b).includes('Украина')));
    expect(onAdd).toHaveBeenCalledWith('Украина');
  });

  it('clips to the chosen topic and shows the outcome', () => {
    const onClip = vi.fn();
    const topics = [
      { id: 'a', name: 'Alpha' },
      { id: 'b', name: 'Beta' },
    ];
    const root = show(
      <ClipBar topics={topics} busy={false} message={{ kind: 'error', text: 'No article text.' }} onClip={onClip} />,
    );
    const select = root.querySelector('select')!;
    void act(() => {
      select.value = 'b';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    submit(root.querySelector('form'));
    expect(onClip).toHaveBeenCalledWith('b');
    expect(textOf(root.querySelector('[role="status"]'))).toBe('No article text.');
    expect(root.querySelector('[role="status"]')?.className).toBe('error');
  });
});

describe('QueryTester and TopicTester', () => {
  it('marks the hits in the test text, as text', () => {
    const text = 'Talks on <Ukraine> resumed in Istanbul.';
    const start = text.indexOf('Ukraine');
    const root = show(
      <QueryTester
        title=""
        text={text}
        hits={[{ field: 'text', start, end: start + 7, term: 'ukraine' }]}
        captured={false}
        reason="passing"
        dir="ltr"
      />,
    );
    expect([...root.querySelectorAll('mark')].map(textOf)).toEqual(['Ukraine']);
    expect(textOf(root.querySelector('.test-text'))).toBe(text);
    // Each mark names the query's word it stands for (a country's name in the article's language: Kuwait → الكويت).
    expect(root.querySelector('mark')?.getAttribute('title')).toBe('ukraine');
    expect(textOf(root.querySelector('[role="status"]'))).toBe(
      '1 hit. Not captured: a passing mention only — not in the title or the lead, and in too few paragraphs.',
    );
  });

  it('says why a query captures or not, whatever decided', () => {
    const status = (captured: boolean, reason: 'title' | 'asides-only' | 'min-mentions') =>
      textOf(
        show(
          <QueryTester
            title=""
            text="Kyiv"
            hits={[{ field: 'text', start: 0, end: 4, term: 'kyiv' }]}
            captured={captured}
            reason={reason}
            dir="ltr"
          />,
        ).querySelector('[role="status"]'),
      );
    expect(status(true, 'title')).toBe('1 hit. Captured: the topic is named in the title.');
    expect(status(false, 'asides-only')).toMatch(/^1 hit\. Not captured: named only in a dateline/);
    expect(status(true, 'min-mentions')).toBe('1 hit. Captured: as many mentions as the topic asks for.');
    expect(status(false, 'min-mentions')).toBe('1 hit. Not captured: fewer mentions than the topic asks for.');
  });

  it('tests the draft query on pasted text', () => {
    const test = vi.fn(() => ({ hits: [], captured: false, reason: null }));
    const root = show(<TopicTester query="ukraine" tabs={[]} loadTabArticle={vi.fn()} test={test} />);
    type(root.querySelector('textarea'), 'Nothing about it here.');
    expect(test).toHaveBeenLastCalledWith('ukraine', { title: '', text: 'Nothing about it here.', dir: 'auto' });
    expect(textOf(root.querySelector('.query-test [role="status"]'))).toBe('No match.');
  });

  it('lists the articles the reader took out of the topic, titles as text, with what had matched', () => {
    const notAbout = [
      {
        id: 'a'.repeat(32),
        url: 'https://n.example/a',
        title: '<b>Grain</b> deal',
        hits: [
          { field: 'text' as const, term: 'ukraine', text: 'Ukrainian' },
          { field: 'text' as const, term: 'ukraine', text: 'Ukrainian' },
        ],
      },
    ];
    const root = show(
      <TopicTester query="ukraine" tabs={[]} loadTabArticle={vi.fn()} test={vi.fn()} notAbout={notAbout} />,
    );
    const list = root.querySelector('ul[aria-label="Articles taken out of this topic"]');
    expect(list?.querySelector('b')).toBeNull();
    expect(textOf(list).replace(/[\u2068\u2069]/g, '')).toBe('<b>Grain</b> deal — matched ukraine (“Ukrainian”)');
    expect(list?.querySelector('a')?.getAttribute('href')).toBe('https://n.example/a');
  });
});

describe('TopicForm', () => {
  const props = {
    initial: { name: '', query: '' },
    submitLabel: 'Add topic',
    validateQuery: (query: string) => (query.includes('"') ? { message: 'Close the quote.', position: 3 } : null),
    aliasesFor: () => [],
  };

  it('explains an invalid query where it is wrong and will not save it', () => {
    const onSubmit = vi.fn();
    const root = show(<TopicForm {...props} onSubmit={onSubmit} />);
    type(root.querySelector('input[name="name"]'), 'Talks');
    type(root.querySelector('input[name="query"]'), 'ab "c');
    expect(textOf(root.querySelector('[role="alert"]'))).toBe('At character 4: Close the quote.');
    expect(root.querySelector('input[name="query"]')?.getAttribute('aria-invalid')).toBe('true');
    submit(root.querySelector('form'));
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('saves a valid topic trimmed', () => {
    const onSubmit = vi.fn();
    const root = show(<TopicForm {...props} onSubmit={onSubmit} />);
    type(root.querySelector('input[name="name"]'), '  Talks ');
    type(root.querySelector('input[name="query"]'), ' ukraine ');
    submit(root.querySelector('form'));
    expect(onSubmit).toHaveBeenCalledWith({ name: 'Talks', query: 'ukraine' });
  });
});
