import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileTopics } from '@/lib/topics/compile';
import { matchTopics } from '@/lib/topics/match';
import { parseQuery } from '@/lib/topics/query';

interface LabelledArticle {
  title: string;
  paragraphs: string[];
  url: string;
  lang: string;
}
interface LabelledCase {
  id: string;
  article: string;
  query: string;
  minMentions?: number;
  expected: boolean;
  tags: string[];
}

const fixture = JSON.parse(
  readFileSync(new URL('../../fixtures/topics/labelled-cases.json', import.meta.url), 'utf8'),
) as {
  articles: Record<string, LabelledArticle>;
  cases: LabelledCase[];
};

function articleOf(id: string) {
  const { title, paragraphs, url, lang } = fixture.articles[id];
  return { title, text: paragraphs.join('\n\n'), url, lang };
}

/** Precision and recall of a mention rule over the whole set; `minMentions` overrides cases that set none. */
function evaluate(minMentions?: number, relatedForms = true) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const wrong: string[] = [];
  for (const c of fixture.cases) {
    const compiled = compileTopics([{ id: 'topic', query: c.query, minMentions: c.minMentions ?? minMentions }], {
      relatedForms,
    });
    const actual = matchTopics(articleOf(c.article), compiled).length > 0;
    if (actual && c.expected) tp++;
    if (actual && !c.expected) fp++;
    if (!actual && c.expected) fn++;
    if (actual !== c.expected) wrong.push(`${c.id}: ${c.query} → ${actual}`);
  }
  return { precision: tp / (tp + fp), recall: tp / (tp + fn), wrong };
}

describe('labelled set', () => {
  it('covers the languages and cases the issue asks for', () => {
    expect(fixture.cases.length).toBeGreaterThanOrEqual(60);
    const langs = new Set(fixture.cases.map((c) => fixture.articles[c.article].lang));
    for (const lang of ['ar', 'en', 'fr', 'zh']) expect(langs).toContain(lang);
    expect(langs.has('ru') || langs.has('uk')).toBe(true);
    const tags = new Set(fixture.cases.flatMap((c) => c.tags));
    for (const tag of ['clitic', 'letter-variant', 'exclusion', 'phrase', 'proximity', 'false-friend', 'teaser'])
      expect(tags).toContain(tag);
    for (const c of fixture.cases) expect(parseQuery(c.query), c.id).toMatchObject({ ok: true });
  });

  it('matches every case as a careful reader would (precision and recall 1.0)', () => {
    const chosen = evaluate();
    // The alternatives the default mention rule was chosen against, printed for the record.
    const anyMention = evaluate(1);
    const twoMentions = evaluate(2);
    const withoutRelated = evaluate(undefined, false);
    const fmt = (name: string, r: { precision: number; recall: number }) =>
      `${name.padEnd(42)} precision ${r.precision.toFixed(3)}  recall ${r.recall.toFixed(3)}`;
    console.log(
      [
        `labelled set: ${fixture.cases.length} cases`,
        fmt('default (title/lead, or 2 body passages)', chosen),
        fmt('alternative: 1 mention anywhere', anyMention),
        fmt('alternative: 2 mentions anywhere', twoMentions),
        fmt('alternative: default, no related forms', withoutRelated),
      ].join('\n'),
    );
    expect(chosen.wrong).toEqual([]);
    expect(chosen.precision).toBe(1);
    expect(chosen.recall).toBe(1);
  });
});
