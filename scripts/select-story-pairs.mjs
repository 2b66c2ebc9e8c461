// Chooses candidate article pairs for the second batch of same-story labels (tests/bench/labels/story-pairs.json):
// same-day, cross-source pairs of ../shared/corpus/news-ar not already labelled, ranked by TF-IDF cosine of title and
// body after light Arabic normalisation. The similarity only chooses which pairs labellers see; it is not a label.
// Usage: node scripts/select-story-pairs.mjs OUT.json   (deterministic: seeded shuffle)
import { readFileSync, writeFileSync } from 'node:fs';

const SEED = 20261203;
const TOP = 200;
const NEAR = { from: 200, to: 2000, take: 60 };
const FAR = 20;

const rows = readFileSync(new URL('../../shared/corpus/news-ar/articles.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line));
const labelled = JSON.parse(readFileSync(new URL('../tests/bench/labels/story-pairs.json', import.meta.url), 'utf8'));
const seen = new Set(labelled.map((p) => [p.a, p.b].sort().join(' ')));

const normalise = (text) =>
  text
    .replace(/[\u064B-\u0652\u0640]/g, '')
    .replace(/[إأآ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه');
const words = (text) =>
  (normalise(text).match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => w.replace(/^(و|ف|ب|ل|ك)?ال(?=\p{L}{3})/u, ''));

const docs = rows.map((r) => {
  const counts = new Map();
  for (const w of words(`${r.title} ${r.title} ${r.text}`)) if (w.length > 2) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
});
const df = new Map();
for (const d of docs) for (const w of d.keys()) df.set(w, (df.get(w) ?? 0) + 1);
const vectors = docs.map((d) => {
  const v = new Map();
  let norm = 0;
  for (const [w, n] of d) {
    const x = (1 + Math.log(n)) * Math.log(rows.length / df.get(w));
    v.set(w, x);
    norm += x * x;
  }
  for (const [w, x] of v) v.set(w, x / Math.sqrt(norm || 1));
  return v;
});
const cosine = (a, b) => {
  let s = 0;
  for (const [w, x] of a) s += x * (b.get(w) ?? 0);
  return s;
};

const pairs = [];
for (let i = 0; i < rows.length; i++)
  for (let j = i + 1; j < rows.length; j++) {
    const [a, b] = [rows[i], rows[j]];
    if (a.date !== b.date || a.source === b.source) continue;
    const key = [`news-ar:${a.id}`, `news-ar:${b.id}`].sort().join(' ');
    if (seen.has(key)) continue;
    pairs.push({ a: `news-ar:${a.id}`, b: `news-ar:${b.id}`, similarity: cosine(vectors[i], vectors[j]) });
  }
pairs.sort((x, y) => y.similarity - x.similarity);

let state = SEED;
const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const sample = (list, n) => {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const k = Math.floor(random() * (i + 1));
    [copy[i], copy[k]] = [copy[k], copy[i]];
  }
  return copy.slice(0, n);
};
const chosen = [
  ...pairs.slice(0, TOP),
  ...sample(pairs.slice(NEAR.from, NEAR.to), NEAR.take),
  ...sample(pairs.slice(NEAR.to), FAR),
];
const out = sample(chosen, chosen.length).map((p, i) => ({
  pair: `q${String(i + 1).padStart(3, '0')}`,
  a: p.a,
  b: p.b,
}));
writeFileSync(process.argv[2], JSON.stringify(out, null, 1));
console.log(`${pairs.length} unlabelled same-day cross-source pairs; ${out.length} chosen`);
