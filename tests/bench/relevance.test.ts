// bench:relevance — the capture rule against independent labels (tests/bench/labels/relevance-cases.json: 607
// (article, beat) cases, "would a reader of this beat want this article?", split once by article into tuning and
// validation halves): precision and recall per half and language, for the current rule, the previous one and the
// current one with each signal switched off; the recall no rule on these words can pass (some mention in some form);
// and every word the matcher read as an inflected, derived or compound form of a term, to check by eye that none is
// another word. Texts come from ../shared at bench time (scripts/corpus-texts.mjs); each case's hash must match.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileTopics, CURRENT_SIGNALS, PREVIOUS_SIGNALS, type RelevanceSignals } from '../../lib/topics/compile';
import { assessTopics, type MatchableArticle } from '../../lib/topics/match';
import { scoreDecisions, type DecisionScores } from './metrics/decision-metric';
import { reportFigures } from './report';

interface RelevanceCase {
  id: string;
  ref: string;
  hash: string;
  lang: string;
  query: string;
  about: boolean;
  confidence: 'high' | 'low';
  /** The case writer's intent (1 subject … 6 other language or inflection): for analysing failures only. */
  kind: number;
  half: 'tuning' | 'validation';
}
interface CorpusText {
  ref: string;
  title: string;
  text: string;
  lang: string | null;
  url: string;
  hash: string;
}

const HALVES = ['tuning', 'validation'] as const;
const LANGUAGES = ['ar', 'en', 'de', 'es', 'fr', 'pl'] as const;
/** Languages whose validation half must reach the targets (≥ 30 cases there). */
const TARGET_LANGUAGES = ['ar', 'en', 'de', 'es'];
const TARGET = 0.95;
const KIND_NAMES: Record<number, string> = {
  1: 'subject',
  2: 'passing mention',
  3: 'adjective only',
  4: 'near-collision',
  5: 'unrelated',
  6: 'other language or inflection',
};

async function loadTexts(refs: Set<string>): Promise<Map<string, CorpusText>> {
  // A variable path keeps TypeScript from resolving the untyped script; vitest loads it as usual.
  const script = '../../scripts/corpus-texts.mjs';
  const { corpusTexts } = (await import(script)) as {
    corpusTexts: (names: string[], wanted: Set<string>) => Iterable<CorpusText>;
  };
  const texts = new Map<string, CorpusText>();
  for (const t of corpusTexts(['news-ar', 'dev', 'snip'], refs)) texts.set(t.ref, t);
  return texts;
}

interface Scores extends DecisionScores {
  cases: number;
}

function score(cases: readonly RelevanceCase[], captured: (c: RelevanceCase) => boolean): Scores {
  return { cases: cases.length, ...scoreDecisions(cases, captured, (c) => c.about) };
}

type Table = Record<(typeof HALVES)[number], Record<string, Scores>>;

/** Scores per half, overall and per language. */
function table(cases: readonly RelevanceCase[], captured: (c: RelevanceCase) => boolean): Table {
  const out = {} as Table;
  for (const half of HALVES) {
    const inHalf = cases.filter((c) => c.half === half);
    out[half] = { all: score(inHalf, captured) };
    for (const lang of LANGUAGES)
      out[half][lang] = score(
        inHalf.filter((c) => c.lang === lang),
        captured,
      );
  }
  return out;
}

describe('relevance benchmark', () => {
  it('scores the capture rule on the independent labels, both halves, per language and per signal', async () => {
    const { cases } = JSON.parse(readFileSync('tests/bench/labels/relevance-cases.json', 'utf8')) as {
      cases: RelevanceCase[];
    };
    const texts = await loadTexts(new Set(cases.map((c) => c.ref)));
    for (const c of cases) expect(texts.get(c.ref)?.hash, `text of ${c.id} (${c.ref})`).toBe(c.hash);
    const articleOf = (c: RelevanceCase): MatchableArticle => {
      const t = texts.get(c.ref) as CorpusText;
      return { title: t.title, text: t.text, url: t.url, lang: t.lang ?? undefined };
    };
    const verdicts = (signals: RelevanceSignals, minMentions?: number) => {
      const byId = new Map<string, ReturnType<typeof assessTopics>[number] | undefined>();
      for (const c of cases)
        byId.set(
          c.id,
          assessTopics(articleOf(c), compileTopics([{ id: 't', query: c.query, minMentions }], signals))[0],
        );
      return byId;
    };

    const current = verdicts(CURRENT_SIGNALS);
    const previous = verdicts(PREVIOUS_SIGNALS);
    // Some mention of the query, in any form the matcher knows: no rule on these words captures more.
    const anyMention = verdicts(CURRENT_SIGNALS, 1);
    const captured = (v: Map<string, ReturnType<typeof assessTopics>[number] | undefined>) => (c: RelevanceCase) =>
      v.get(c.id)?.verdict.captured === true;

    const rules = {
      current: table(cases, captured(current)),
      previous: table(cases, captured(previous)),
      ceilingAnyMention: table(cases, captured(anyMention)),
    };
    const signals = (Object.keys(CURRENT_SIGNALS) as (keyof RelevanceSignals)[]).map((signal) => {
      const without = verdicts({ ...CURRENT_SIGNALS, [signal]: false });
      return { signal, without: table(cases, captured(without)) };
    });
    const highConfidence = cases.filter((c) => c.confidence === 'high');
    const highConfidenceOnly = {
      current: table(highConfidence, captured(current)),
      previous: table(highConfidence, captured(previous)),
    };

    // Failures of the current rule by the case writer's intent (analysis only: the rule never reads `kind`).
    const failures = HALVES.map((half) => {
      const byKind: Record<string, { missed: number; wrong: number }> = {};
      for (const c of cases.filter((x) => x.half === half)) {
        const got = captured(current)(c);
        if (got === c.about) continue;
        const entry = (byKind[KIND_NAMES[c.kind] ?? String(c.kind)] ??= { missed: 0, wrong: 0 });
        if (c.about) entry.missed++;
        else entry.wrong++;
      }
      return { half, byKind };
    });

    // Every word read as another form of a term, with how often, over the labelled articles.
    const forms = new Map<string, number>();
    for (const c of cases) {
      const assessed = anyMention.get(c.id);
      if (!assessed) continue;
      const article = articleOf(c);
      assessed.mentions.forEach((m, i) => {
        if (m.form === 'exact') return;
        const hit = assessed.match.hits[i];
        if (!hit) return;
        const word = (hit.field === 'title' ? article.title : article.text).slice(hit.start, hit.end);
        const key = `${m.form}: ${hit.term} → ${word}`;
        forms.set(key, (forms.get(key) ?? 0) + 1);
      });
    }
    const formList = [...forms].sort((a, b) => a[0].localeCompare(b[0]));

    const targets = TARGET_LANGUAGES.concat('all').map((lang) => {
      const s = rules.current.validation[lang];
      return { lang, precision: s.precision, recall: s.recall, met: s.precision >= TARGET && s.recall >= TARGET };
    });

    const figures = {
      cases: cases.length,
      rules,
      signals,
      highConfidenceOnly,
      failures,
      forms: formList.map(([form, count]) => ({ form, count })),
      targets,
    };
    reportFigures(figures, () => {
      const fmt = (s: Scores) =>
        `P ${s.precision.toFixed(2)} R ${s.recall.toFixed(2)} (${String(s.cases).padStart(3)})`.padEnd(24);
      const row = (name: string, t: Table, half: (typeof HALVES)[number]) =>
        `  ${name.padEnd(30)} ${fmt(t[half].all)} ${LANGUAGES.map((l) => `${l} ${fmt(t[half][l])}`).join(' ')}`;
      const lines = [`bench:relevance — ${cases.length} independent cases (precision, recall, cases)`];
      for (const half of HALVES) {
        lines.push(`${half} half`, `  ${''.padEnd(30)} ${'all'.padEnd(24)} ${LANGUAGES.join(' '.repeat(24))}`);
        lines.push(row('current rule', rules.current, half));
        lines.push(row('previous rule', rules.previous, half));
        lines.push(row('ceiling: any mention, any form', rules.ceilingAnyMention, half));
        for (const { signal, without } of signals) lines.push(row(`without ${signal}`, without, half));
        lines.push(row('current, high-confidence labels', highConfidenceOnly.current, half));
        lines.push(row('previous, high-confidence labels', highConfidenceOnly.previous, half));
      }
      lines.push('current rule failures by the case writer’s intent (missed / wrongly captured):');
      for (const { half, byKind } of failures)
        lines.push(
          `  ${half}: ${Object.entries(byKind)
            .map(([k, v]) => `${k} ${v.missed}/${v.wrong}`)
            .join(', ')}`,
        );
      lines.push(`targets on the validation half (P and R ≥ ${TARGET}):`);
      for (const t of targets)
        lines.push(
          `  ${t.lang.padEnd(4)} P ${t.precision.toFixed(3)} R ${t.recall.toFixed(3)} ${t.met ? 'met' : 'NOT met'}`,
        );
      lines.push(`words read as another form of a term (${formList.length}):`);
      for (const [form, count] of formList) lines.push(`  ${form}${count > 1 ? ` ×${count}` : ''}`);
      console.log(lines.join('\n'));
    });
    expect(rules.current.validation.all.cases + rules.current.tuning.all.cases).toBe(cases.length);
  });
});
