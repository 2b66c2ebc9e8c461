// @vitest-environment happy-dom
// One minimal page per way highlights used to land on the wrong words (issue #18), and the
// standard position counting that exports rely on.
import { describe, expect, it } from 'vitest';
import { anchorMany, type AnchorItem } from '../../../lib/anchor/anchor';
import { describeRange } from '../../../lib/anchor/describe';
import { textOffsetsOfRange } from '../../../lib/anchor/text-range';
import type { Selectors } from '../../../lib/anchor/types';
import { el, mount, selectBetween, textNodes } from './dom';

function storeHighlight(root: Element, from: string, to: string): AnchorItem {
  return { id: 'h', selectors: describeRange(root, selectBetween(root, from, to))! };
}

const placedText = (root: Element, item: AnchorItem) => anchorMany(root, [item]).placed[0]?.range.toString() ?? null;

function article(...paragraphs: string[]) {
  return el('article', el('h1', 'WeWork files for listing'), el('div', ...paragraphs.map((p) => el('p', p))));
}

describe('a deleted passage is listed as not found, never placed elsewhere', () => {
  it('a short quote: the headline holds the same word, but its context disagrees', () => {
    const root = mount(
      article('The office company WeWork said on Tuesday it would list its shares.', 'Analysts were split.'),
    );
    const item = storeHighlight(root, 'WeWork said', 'WeWork');
    const p = root.querySelectorAll('p')[0];
    p.textContent = 'The office company said on Tuesday it would list its shares.';
    expect(anchorMany(root, [item]).placed).toEqual([]);
  });

  it('a longer quote: a near-match in unrelated text is rejected', () => {
    const root = mount(
      article(
        '“The president will sign the bill on Friday,” an aide said after the meeting.',
        'Elsewhere in the capital.The president of the football club resigned after the defeat.',
      ),
    );
    const item = storeHighlight(root, '“The president', 'on Friday');
    root.querySelectorAll('p')[0].remove();
    expect(anchorMany(root, [item]).placed).toEqual([]);
  });

  it('an Arabic quote: a near-match one letter away in another sentence is rejected', () => {
    const root = mount(
      el('p', 'ونما سوق التمويل الإسلامي بسرعة خلال العقد الماضي في دول الخليج.'),
      el('p', 'وتنظم هيئات دراسات التمويل الإسلامي مؤتمرا سنويا للباحثين في الرياض.'),
    );
    const item = storeHighlight(root, 'سوق التمويل', 'الإسلامي');
    root.firstElementChild!.remove();
    expect(anchorMany(root, [item]).placed).toEqual([]);
  });
});

describe('a deleted short passage whose words recur nearby with one side of their context', () => {
  it('is not placed on the repeat when that side agrees only roughly (another bond, the same words)', () => {
    const root = mount(
      el('p', 'A Dayton man, charged with visiting a common nuisance, held in jail in lieu of $268,500 bond.'),
      el('p', 'A second man, charged with possession of drug paraphernalia, held in jail in lieu of $516,000 bond.'),
    );
    const first = root.querySelectorAll('p')[0];
    const item = { id: 'h', selectors: describeRange(root, selectBetween(first, 'held', 'held'))! };
    (first.firstChild as Text).data = 'A Dayton man was arrested on Friday.';
    expect(anchorMany(root, [item]).placed).toEqual([]);
  });

  it('is not placed on the repeat when the other side is nearby only without the deleted paragraph’s first word', () => {
    const root = mount(
      el('h1', 'Water projects in the eastern region'),
      el('p', 'Staff reporter'),
      el('p', 'Next, minister Ali urged mayors to finish the water projects on time.'),
      el('p', 'The projects face delays.'),
      el('p', 'Later minister Ali urged mayors to finish all roads before winter.'),
    );
    const first = root.querySelectorAll('p')[1];
    const item = { id: 'h', selectors: describeRange(root, selectBetween(first, 'minister', 'Ali'))! };
    first.remove();
    expect(anchorMany(root, [item]).placed).toEqual([]);
  });
});

describe('a deleted passage whose words recur far away with one side of their context', () => {
  it('a repeated line far down the page, where only its following words agree', () => {
    const filler = Array.from({ length: 40 }, (_, i) =>
      el('p', `Step ${i}: stir the sauce and taste it again. `.repeat(3)),
    );
    const root = mount(
      el('p', 'As a child I cooked at school. An exclusive recipe for a quick dinner. Since I love Thai food.'),
      ...filler,
      el(
        'p',
        'We will film it this weekend. An exclusive recipe for a quick dinner. Since I love Thai food: pad thai.',
      ),
    );
    const item = storeHighlight(root, 'recipe', 'for');
    root.firstElementChild!.remove();
    expect(anchorMany(root, [item]).placed).toEqual([]);
  });
});

describe('a quote that starts with an invisible character (a tatweel) before a space', () => {
  it('re-attaches from the tatweel, not from the line break and indentation a re-flowed page put before it', () => {
    const root = mount(
      el('p', 'هل تعتقد ان المدرب كان يحاربه؟'),
      el('p', 'ـ في مباراة الشباب لعب عبدالفتاح وقدم مستويات رائعة.'),
    );
    const item = storeHighlight(root, 'ـ في', 'رائعة');
    const second = root.querySelectorAll('p')[1];
    second.textContent = '\n      ـ في مباراة الشباب لعب عبدالفتاح وقدم مستويات رائعة.';
    root.prepend(el('p', 'تحديث: أضيفت فقرة في أعلى الصفحة.'));
    const placed = anchorMany(root, [item]).placed[0];
    expect(placed?.range.toString()).toBe('ـ في مباراة الشباب لعب عبدالفتاح وقدم مستويات رائعة');
  });
});

describe('a passage the article repeats word for word (an interviewer’s question)', () => {
  const question = 'Are there dishes you would rather not eat, or foods you never buy at all?';
  const filler = (n: number) =>
    Array.from({ length: 12 }, (_, i) => el('p', `Answer ${n}.${i}: a long reply about cooking at home. `.repeat(4)));
  const build = () => mount(el('p', question), ...filler(1), el('p', question), ...filler(2));

  it('is listed as not found when the highlighted copy was cut, not moved to the other copy', () => {
    const root = build();
    const second = root.querySelectorAll('p')[13];
    const item = { id: 'h', selectors: describeRange(root, selectBetween(second, 'dishes', 'rather'))! };
    (second.firstChild as Text).data = question.replace('dishes you would rather ', '');
    const { placed, unplaced } = anchorMany(root, [item]);
    expect(placed).toEqual([]);
    expect(unplaced[0].maybeHere?.[0].exact).toBe('dishes you would rather');
  });

  it('follows a letter corrected in the highlighted copy rather than the untouched copy', () => {
    const root = build();
    const second = root.querySelectorAll('p')[13];
    const item = { id: 'h', selectors: describeRange(root, selectBetween(second, 'dishes', 'rather'))! };
    (second.firstChild as Text).data = question.replace('rather', 'rahter');
    const { placed } = anchorMany(root, [item]);
    expect(placed[0]).toMatchObject({ text: 'dishes you would rahter', changed: true });
    expect(second.contains(placed[0].range.startContainer)).toBe(true);
  });
});

describe('edits the reader would forgive', () => {
  const page = () =>
    mount(
      article(
        'The council met on Tuesday. After a long debate the council approved the new budget for public transport.',
        'It adds three bus lines and extends the tram to the airport by next spring, officials said.',
      ),
    );

  it('one letter changed inside the highlight: placed, and marked as changed', () => {
    const root = page();
    const item = storeHighlight(root, 'approved the new', 'transport');
    const node = textNodes(root).find((t) => t.data.includes('approved'))!;
    node.data = node.data.replace('approved', 'aproved');
    const { placed } = anchorMany(root, [item]);
    expect(placed[0]).toMatchObject({ changed: true, text: 'aproved the new budget for public transport' });
  });

  it('one word changed in a short quote: placed where the context agrees', () => {
    const root = page();
    const item = storeHighlight(root, 'three bus', 'lines');
    const node = textNodes(root).find((t) => t.data.includes('three'))!;
    node.data = node.data.replace('three', 'four');
    expect(placedText(root, item)).toBe('four bus lines');
  });
});

describe('the article appended again below a shifted page', () => {
  it('stays on the first copy although the stored suffix (the footer) now follows the second', () => {
    const body = () =>
      article('Talks resumed in Istanbul on Monday.', 'Both sides agreed to exchange prisoners before the winter.');
    const root = mount(body(), el('footer', 'Share this article. All rights reserved.'));
    const item = storeHighlight(root, 'exchange prisoners', 'winter.');
    root.prepend(el('div', 'Advertisement: the best deals on flights this week, book now.'));
    const copy = body();
    root.insertBefore(copy, root.querySelector('footer'));
    const { placed } = anchorMany(root, [item]);
    expect(placed[0].range.toString()).toBe('exchange prisoners before the winter.');
    expect(root.querySelector('article')!.contains(placed[0].range.startContainer)).toBe(true);
  });
});

describe('a pull quote directly above the highlighted paragraph', () => {
  const paragraph = 'Prices rose sharply in June as fuel costs climbed. The agency expects calmer months ahead.';
  const build = () => mount(article('Inflation data came out on Wednesday.', paragraph, 'Markets barely moved.'));

  function addPullQuote(root: Element) {
    const target = root.querySelectorAll('p')[1];
    target.before(el('blockquote', el('p', 'Prices rose sharply in June as fuel costs climbed.')));
    return target;
  }

  it('keeps a highlight that starts the paragraph in the paragraph, not in the copy above it', () => {
    const root = build();
    const item = storeHighlight(root, 'Prices rose', 'sharply');
    const target = addPullQuote(root);
    const { placed } = anchorMany(root, [item]);
    expect(placed[0].range.toString()).toBe('Prices rose sharply');
    expect(target.contains(placed[0].range.startContainer)).toBe(true);
  });

  it('without the stored element path (older highlights), leaves it unplaced with a "maybe here"', () => {
    const root = build();
    const { selectors } = storeHighlight(root, 'Prices rose', 'sharply');
    const legacy: Selectors = [selectors[0], selectors[1]];
    addPullQuote(root);
    const { placed, unplaced } = anchorMany(root, [{ id: 'h', selectors: legacy }]);
    expect(placed).toEqual([]);
    expect(unplaced[0].maybeHere?.[0].exact).toBe('Prices rose sharply');
  });
});

describe('positions as the W3C TextPositionSelector counts them', () => {
  it('counts script and style text, so the stored offsets select the quote in the textContent', () => {
    const root = mount(
      el('script', 'window.analytics = { id: 42 };'),
      el('style', 'p { color: red }'),
      el('p', 'The minister resigned on Friday, aides said.'),
    );
    const range = selectBetween(root, 'resigned', 'Friday');
    const [quote, position] = describeRange(root, range)!;
    expect(root.textContent.slice(position.start, position.end)).toBe(quote.exact);
    expect(position).toMatchObject(textOffsetsOfRange(root, range)!);
  });

  it('re-attaches a highlight stored with positions that left script text out (before v3)', () => {
    const root = mount(el('script', 'var x = 1;'), el('p', 'Alpha beta gamma. Delta epsilon zeta.'));
    const { selectors } = storeHighlight(root, 'Delta', 'epsilon');
    // Before v3 "Delta epsilon" sat at 18 of the visible text: 10 characters of script left out.
    const legacy: AnchorItem = {
      id: 'old',
      selectors: [selectors[0], { type: 'TextPositionSelector', start: 18, end: 31 }],
      legacyPositions: true,
    };
    expect(anchorMany(root, [legacy]).placed[0]).toMatchObject({ start: 28, end: 41, changed: false });
  });
});

describe('a deleted passage whose repeats sit elsewhere, one side of their context agreeing (issue #18, more seeds)', () => {
  const topics = ['Breakfast keeps her going', 'Lunch is a salad at her desk', 'Dinner waits until the gym'];
  const filler = (n: number, count: number) =>
    Array.from({ length: count }, (_, i) => el('p', `${topics[n]}, note ${i}: more about what she cooks. `.repeat(3)));

  it('the same question to the previous guest: its prefix agrees only roughly, so the next guest’s words nearby do not vouch for it', () => {
    const root = mount(
      el('p', 'Account: @bittersweet_choc'),
      el('p', 'What inspired you to start a cooking page? Which cuisine do you like?'),
      el('p', 'Account: @anna_photo'),
      el('p', 'What inspired you to start a cooking page? — Two of my favourite hobbies came together.'),
    );
    const anna = root.querySelectorAll('p')[3];
    const item = { id: 'h', selectors: describeRange(root, selectBetween(anna, 'start a', 'page'))! };
    (anna.firstChild as Text).data = '— Two of my favourite hobbies came together.';
    expect(anchorMany(root, [item]).placed).toEqual([]);
  });

  it('the same figure in another sentence a page away: its prefix is intact, but it is not at the old place', () => {
    const root = mount(
      el('p', 'The base version will be able to go from zero to 60 mph (97 kph) in five seconds, the maker said.'),
      ...filler(0, 8),
      el('p', 'A performance version will be able to go from zero to 60 mph (97 kph) in about 3.5 seconds.'),
      el('p', 'Deliveries start next year.'),
    );
    const last = root.querySelectorAll('p')[9];
    const item = { id: 'h', selectors: describeRange(root, selectBetween(last, '60', '60'))! };
    last.remove();
    expect(anchorMany(root, [item]).placed).toEqual([]);
  });

  it('a recipe line printed three times: with the highlighted copy cut, the nearest other copy is not at the old place either', () => {
    const line = 'Portion Fix Containers: 1 Green, 1 Red, 1 Yellow, 1 tsp.';
    const root = mount(
      el('p', line),
      ...filler(1, 12),
      el('p', line),
      ...filler(2, 6),
      el('p', line),
      el('p', 'Enjoy your meal.'),
    );
    const middle = root.querySelectorAll('p')[13];
    const item = { id: 'h', selectors: describeRange(root, selectBetween(middle, '1 Red', 'Yellow'))! };
    middle.remove();
    const { placed, unplaced } = anchorMany(root, [item]);
    expect(placed).toEqual([]);
    expect(unplaced[0].maybeHere?.[0].exact).toBe('1 Red, 1 Yellow');
  });

  it('a paragraph the article prints twice, a few paragraphs apart: a letter changed in the highlighted copy', () => {
    const paragraph =
      'Officials said on Monday that the ministry lost several cases against its own staff in the administrative courts last year.';
    const root = mount(el('p', paragraph), ...filler(0, 6), el('p', paragraph), el('p', 'The end.'));
    const second = root.querySelectorAll('p')[7];
    const item = { id: 'h', selectors: describeRange(root, selectBetween(second, 'several', 'cases'))! };
    (second.firstChild as Text).data = paragraph.replace('several', 'severa1');
    const { placed } = anchorMany(root, [item]);
    expect(placed[0]).toMatchObject({ text: 'severa1 cases', changed: true });
    expect(second.contains(placed[0].range.startContainer)).toBe(true);
  });
});

describe('a story the page prints twice, reworded: the highlighted version deleted', () => {
  const early =
    'The committee includes the chief director of financial and administration affairs, and delegates of the health sectors in three ministries.';
  const later =
    'The panel includes the general director of financial and administrative affairs, and delegates of the health sectors at the three ministries.';
  const build = () =>
    mount(
      el('p', early),
      ...Array.from({ length: 8 }, (_, i) =>
        el('p', `Paragraph ${i} of the report describes the allowances paid to doctors and nurses. `.repeat(2)),
      ),
      el('p', later),
      el('p', 'The decision takes effect in May.'),
    );

  it('the same word in the other version, a page away, where its context agrees only roughly', () => {
    const root = build();
    const target = root.querySelectorAll('p')[9];
    const item = { id: 'h', selectors: describeRange(root, selectBetween(target, 'delegates', 'delegates'))! };
    target.remove();
    const { placed, unplaced } = anchorMany(root, [item]);
    expect(placed).toEqual([]);
    expect(unplaced[0].maybeHere?.[0].exact).toBe('delegates');
  });

  it('a reworded quote in the other version, a page away, where its context agrees only roughly', () => {
    const root = build();
    const target = root.querySelectorAll('p')[9];
    const item = { id: 'h', selectors: describeRange(root, selectBetween(target, 'financial', 'affairs'))! };
    target.remove();
    expect(anchorMany(root, [item]).placed).toEqual([]);
  });
});

describe('a passage that was not unique when highlighted: its quote and context recur word for word', () => {
  const line = 'Beachbody Performance Recharge, 1 tsp. nut butter. Portion Fix Containers: 1 tsp.';
  const filler = (n: number) =>
    Array.from({ length: n }, (_, i) => el('p', `Meal ${i}: eat every two to three hours, then rest. `.repeat(2)));
  const build = () => mount(el('p', 'Evening'), el('p', line), ...filler(6), el('p', line), el('p', 'Share'));
  const highlightFirst = (root: Element) => {
    const first = root.querySelectorAll('p')[1];
    return { first, item: { id: 'h', selectors: describeRange(root, selectBetween(first, 'nut', 'butter'))! } };
  };

  it('counts the places its text alone could be taken for when it is highlighted', () => {
    const root = build();
    expect(highlightFirst(root).item.selectors[0].copies).toBe(2);
    expect(storeHighlight(root, 'Evening', 'Evening').selectors[0].copies).toBe(1);
  });

  it('with the highlighted copy cut, the other copy a paragraph or two away is offered, not placed', () => {
    const root = build();
    const { first, item } = highlightFirst(root);
    (first.firstChild as Text).data = line.replace(' nut butter', '');
    const { placed, unplaced } = anchorMany(root, [item]);
    expect(placed).toEqual([]);
    expect(unplaced[0].maybeHere?.[0].exact).toBe('nut butter');
  });

  it('with both copies there, it stays on the highlighted one, also after a paragraph was put above', () => {
    const root = build();
    const { first, item } = highlightFirst(root);
    expect(first.contains(anchorMany(root, [item]).placed[0].range.startContainer)).toBe(true);
    root.prepend(el('p', 'Update: a paragraph was added at the top of this page.'));
    const { placed } = anchorMany(root, [item]);
    expect(placed[0].text).toBe('nut butter');
    expect(first.contains(placed[0].range.startContainer)).toBe(true);
  });

  // On the unchanged page both forms are placed at the old position without a search; only a cut copy tells them apart.
  it('stored before copies were counted, it is judged as before: with the highlighted copy cut, the other is taken', () => {
    const root = build();
    const { first, item } = highlightFirst(root);
    const { copies: _copies, places: _places, nearestCopy: _nearest, ...quote } = item.selectors[0];
    (first.firstChild as Text).data = line.replace(' nut butter', '');
    const { placed } = anchorMany(root, [{ id: 'h', selectors: [quote, item.selectors[1], item.selectors[2]] }]);
    expect(placed.map((h) => h.text)).toEqual(['nut butter']);
    expect(first.contains(placed[0].range.startContainer)).toBe(false);
  });
});

describe('a list line printed again with another next line: the highlighted line cut (issue #18, recipe lines)', () => {
  const line = 'Portion Fix Containers: 1 Green, 1 Red, 1 Yellow, 1 tsp.';
  const filler = (n: number) =>
    Array.from({ length: n }, (_, i) => el('p', `Meal ${i}: eat every two to three hours, then rest. `.repeat(2)));
  const build = () =>
    mount(
      el('p', 'Morning'),
      el('p', line),
      el('p', 'Pre-Workout Supplement Drink'),
      el('p', line),
      el('p', 'Meal 1'),
      ...filler(8),
      el('p', line),
      el('p', 'Pre-Workout Supplement Drink'),
      el('p', 'Share'),
    );

  it('the next copy slid into its place, same words and offset but another next line, is offered, not placed', () => {
    const root = build();
    const [, first, next] = root.querySelectorAll('p');
    const item = { id: 'h', selectors: describeRange(root, selectBetween(first, '1 Red', 'tsp'))! };
    expect(item.selectors[0].copies).toBeGreaterThan(1);
    first.remove();
    next.remove();
    const { placed, unplaced } = anchorMany(root, [item]);
    expect(placed).toEqual([]);
    expect(unplaced[0].maybeHere?.[0].exact).toBe('1 Red, 1 Yellow, 1 tsp');
  });

  it('with a paragraph put between it and its next line, it stays placed (its next line is still just below)', () => {
    const root = build();
    const [, first, next] = root.querySelectorAll('p');
    const item = { id: 'h', selectors: describeRange(root, selectBetween(first, '1 Red', 'tsp'))! };
    root.querySelectorAll('p')[4].remove(); // the other copy's next line goes: one copy fewer
    next.before(el('p', 'Update: the drink is optional.'));
    const { placed } = anchorMany(root, [item]);
    expect(placed.map((h) => h.text)).toEqual(['1 Red, 1 Yellow, 1 tsp']);
    expect(first.contains(placed[0].range.startContainer)).toBe(true);
  });
});

describe('a link list whose items repeat their words: paragraphs put in above (issue #18, insertions)', () => {
  it('stays on the item where the passages before it moved, not on the previous item now at its element path', () => {
    const root = mount(
      el('p', 'The best records of the year, chosen by our critics, with a link to each.'),
      el('p', '13) Dark Side of the Moon (180 gr) Registrazione originale rimasterizzata (Vinile)'),
      el('p', 'http://amzn.to/2hWxt1m'),
      el('p', '14) Wish You Were Here Registrazione originale rimasterizzata(Vinile)'),
      el('p', 'http://amzn.to/2hWxAKk'),
      el('p', '15) Thriller'),
    );
    const [intro, , , , link] = root.querySelectorAll('p');
    const before = { id: 'a', selectors: describeRange(root, selectBetween(intro, 'records', 'critics'))! };
    const item = { id: 'h', selectors: describeRange(root, selectBetween(link, 'http', 'http'))! };
    root.prepend(el('p', 'Update: prices checked on Friday.'), el('p', 'Advertisement'));
    const { placed } = anchorMany(root, [before, item]);
    const h = placed.find((x) => x.id === 'h');
    expect(h?.text).toBe('http');
    expect(link.contains(h!.range.startContainer)).toBe(true);
  });
});

describe('a copy of the passage nearby when it was highlighted: the passage cut, that copy slid towards its place', () => {
  it('a link list: the deleted item whose link paragraph survived; the previous item is offered, not placed', () => {
    const root = mount(
      el('p', 'The best records of the year, chosen by our critics, with a link to each.'),
      el('p', '13) Dark Side of the Moon (180 gr) Registrazione originale rimasterizzata (Vinile)'),
      el('p', 'http://amzn.to/2hWxt1m'),
      el('p', '14) Wish You Were Here (2011) Registrazione originale rimasterizzata (Vinile)'),
      el('p', 'http://amzn.to/2hWxAKk'),
      el('p', '15) Thriller'),
    );
    const item = root.querySelectorAll('p')[3];
    const stored = { id: 'h', selectors: describeRange(root, selectBetween(item, 'Vinile', 'Vinile'))! };
    expect(stored.selectors[0].nearestCopy).toBeGreaterThan(0);
    item.remove();
    const { placed, unplaced } = anchorMany(root, [stored]);
    expect(placed).toEqual([]);
    expect(unplaced[0].maybeHere?.[0].exact).toBe('Vinile');
  });

  const lead = 'The delegates urged parliaments to pass laws restricting speech that incites hatred against religions ';
  const quote = 'and their followers, in line with human rights law';
  const twice = () =>
    mount(
      el('p', 'Religious scholars met in the capital on Monday for a two-day conference.'),
      el('p', `${lead}${quote}. ${lead}${quote}.`),
      el('p', 'Participants also called on Muslim citizens to take part in public life.'),
    );

  it('a sentence printed twice in a row: with the first copy’s words cut, the second is offered, not placed', () => {
    const root = twice();
    const p = root.querySelectorAll('p')[1];
    const stored = { id: 'h', selectors: describeRange(root, selectBetween(p, 'and their', 'rights law'))! };
    expect(stored.selectors[0].copies).toBe(1);
    (p.firstChild as Text).data = `${lead}. ${lead}${quote}.`;
    const { placed, unplaced } = anchorMany(root, [stored]);
    expect(placed).toEqual([]);
    expect(unplaced[0].maybeHere?.[0].exact).toBe(quote);
  });

  it('the same sentence with the second copy’s words cut stays on the highlighted copy', () => {
    const root = twice();
    const p = root.querySelectorAll('p')[1];
    const stored = { id: 'h', selectors: describeRange(root, selectBetween(p, 'and their', 'rights law'))! };
    expect(stored.selectors[0].places).toBe(2);
    (p.firstChild as Text).data = `${lead}${quote}. ${lead}.`;
    const { placed } = anchorMany(root, [stored]);
    expect(placed.map((h) => h.text)).toEqual([quote]);
    expect(placed[0].start).toBe(stored.selectors[1].start);
  });

  it('stored without the places and distance, it is judged as before: the second copy is taken', () => {
    const root = twice();
    const p = root.querySelectorAll('p')[1];
    const stored = describeRange(root, selectBetween(p, 'and their', 'rights law'))!;
    const { places: _places, nearestCopy: _nearest, ...quoteSelector } = stored[0];
    (p.firstChild as Text).data = `${lead}. ${lead}${quote}.`;
    const { placed } = anchorMany(root, [{ id: 'h', selectors: [quoteSelector, stored[1], stored[2]] }]);
    expect(placed.map((h) => h.text)).toEqual([quote]);
  });
});

describe('a paragraph the article prints again further down under another lead-in (issue #18, deleted)', () => {
  const repeated =
    '“If this forces NASA to reassess its schedule for returning to the Moon, it would provide an opportunity to ensure the rockets are ready.”';
  const build = () =>
    mount(
      el('p', 'The company’s chief executive said: “We’re confident we’ll have those rockets.”'),
      el('p', repeated),
      ...Array.from({ length: 12 }, (_, i) =>
        el('p', `Section ${i} of the budget request covers ground systems and crew training costs. `.repeat(2)),
      ),
      el('p', 'Lawmakers said the funds for Artemis in fiscal year 2020 were “dwindling.”'),
      el('p', repeated),
      el('p', 'The agency did not comment.'),
    );

  it('counts the later copy as a place it could be taken for: its following words are the same', () => {
    const root = build();
    const item = describeRange(root, selectBetween(root.querySelectorAll('p')[1], 'forces', 'the Moon'))!;
    expect(item[0].copies).toBe(1);
    expect(item[0].places).toBe(2);
  });

  it('with the highlighted paragraph and the pages after it cut, the later copy now at its place is offered, not placed', () => {
    const root = build();
    const paragraphs = [...root.querySelectorAll('p')];
    const stored = { id: 'h', selectors: describeRange(root, selectBetween(paragraphs[1], 'forces', 'the Moon'))! };
    for (const p of paragraphs.slice(1, 14)) p.remove();
    const { placed, unplaced } = anchorMany(root, [stored]);
    expect(placed).toEqual([]);
    expect(unplaced[0].maybeHere?.[0].exact).toBe('forces NASA to reassess its schedule for returning to the Moon');
  });

  it('with a paragraph put above it, or the later copy cut, it stays on the highlighted paragraph', () => {
    const root = build();
    const paragraphs = [...root.querySelectorAll('p')];
    const stored = { id: 'h', selectors: describeRange(root, selectBetween(paragraphs[1], 'forces', 'the Moon'))! };
    root.prepend(el('p', 'Update: NASA responded on Friday.'));
    expect(paragraphs[1].contains(anchorMany(root, [stored]).placed[0]?.range.startContainer ?? null)).toBe(true);
    paragraphs[15].remove();
    expect(paragraphs[1].contains(anchorMany(root, [stored]).placed[0]?.range.startContainer ?? null)).toBe(true);
  });
});
