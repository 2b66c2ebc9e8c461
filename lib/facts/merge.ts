// Groups facts from different articles of one topic that report the same thing (same figures, mostly the same words),
// so a digest shows each fact once with all its sources instead of five wire rewrites of it.
import { readNumbers } from './numbers';
import { contentStems, splitWords } from './words';

/**
 * Two facts are the same when their figures are identical and the Jaccard index of their content-word stems reaches
 * this value. Rewrites of one wire story keep the names, the verb and the object (measured on the paraphrase pairs in
 * tests/unit/facts/merge-pairs.ts: 0.58–0.90 for the same fact, at most 0.23 for different facts sharing a figure), so
 * 0.4 sits in the gap; with equal-size sets it means about 57% of each sentence's words are shared. The identical-figure
 * rule does most of the work: within one topic, two different facts rarely state exactly the same numbers.
 */
export const SAME_FACT_JACCARD = 0.4;

interface Profile {
  words: Set<string>;
  numbers: string;
}

/** Content-word stems and the sorted set of figures; words that spell a figure ("آلاف", "three") count as figures only. */
function profile(text: string): Profile {
  const tokens = splitWords(text);
  const mentions = readNumbers(tokens, text);
  const inFigure = new Set<number>();
  for (const m of mentions) for (let i = m.first; i <= m.last; i++) inFigure.add(i);
  const words = contentStems(tokens.filter((_, i) => !inFigure.has(i)));
  return { words: new Set(words), numbers: [...new Set(mentions.map((m) => m.key))].sort().join(' ') };
}

// A beat's sentences are grouped again and again (per story, over the whole beat, after every note or delete): each
// text's profile is worked out once. Bounded: emptied when full, which costs only the work again.
const MAX_CACHED_PROFILES = 5000;
const cachedProfiles = new Map<string, Profile>();

function profileOf(text: string): Profile {
  let found = cachedProfiles.get(text);
  if (!found) {
    if (cachedProfiles.size >= MAX_CACHED_PROFILES) cachedProfiles.clear();
    cachedProfiles.set(text, (found = profile(text)));
  }
  return found;
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (a.size + b.size - shared);
}

/**
 * Groups items whose texts state the same fact. An item joins the group holding its most similar earlier item (same
 * figures, Jaccard ≥ SAME_FACT_JACCARD), otherwise it starts a group. Groups and members keep input order, and the
 * representative is a group's first member: pass items in the order you prefer (newest, best scored, trusted source).
 */
export function groupFacts<T extends { text: string }>(items: T[]): { representative: T; members: T[] }[] {
  const groups: { representative: T; members: T[]; profiles: Profile[] }[] = [];
  for (const item of items) {
    const p = profileOf(item.text);
    let best: (typeof groups)[number] | undefined;
    let bestScore = SAME_FACT_JACCARD;
    for (const group of groups) {
      for (const other of group.profiles) {
        if (other.numbers !== p.numbers) continue;
        const score = jaccard(p.words, other.words);
        if (score >= bestScore && (!best || score > bestScore)) {
          best = group;
          bestScore = score;
        }
      }
    }
    if (best) {
      best.members.push(item);
      best.profiles.push(p);
    } else {
      groups.push({ representative: item, members: [item], profiles: [p] });
    }
  }
  return groups.map(({ representative, members }) => ({ representative, members }));
}
