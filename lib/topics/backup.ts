// Topics to and from a JSON file, so readers can back them up, move them, or share a beat.
// An imported file is untrusted: every topic is validated, and a bad file changes nothing.
import { z } from 'zod';
import { MAX_TOPICS } from '../limits';
import { topicDraftSchema, type Topic, type TopicDraftInput } from '../schema';
import { parseQuery } from './query';

export const TOPICS_FILE_FORMAT = 'beatwatch-topics';

const fileSchema = z.object({
  format: z.literal(TOPICS_FILE_FORMAT).optional(),
  version: z.literal(1).optional(),
  topics: z.array(topicDraftSchema).max(MAX_TOPICS, `a file holds at most ${MAX_TOPICS} topics`),
});

export function exportTopics(topics: Topic[]): string {
  const file = {
    format: TOPICS_FILE_FORMAT,
    version: 1,
    topics: topics.map(({ name, query, minMentions }) =>
      minMentions ? { name, query, minMentions } : { name, query },
    ),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export type ImportResult = { ok: true; topics: TopicDraftInput[]; skipped: number } | { ok: false; error: string };

/**
 * Reads a topics file against the topics the reader has: new topics come back ready to add,
 * topics already present (same name and query) are skipped; any invalid entry rejects the whole file.
 */
export function parseTopicsFile(text: string, existing: Topic[]): ImportResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: 'This file is not JSON.' };
  }
  const parsed = fileSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.length ? ` (at ${issue.path.join('.')})` : '';
    return { ok: false, error: `This is not a Beatwatch topics file: ${issue.message}${where}.` };
  }
  for (const [i, topic] of parsed.data.topics.entries()) {
    const query = parseQuery(topic.query);
    if (!query.ok) {
      return {
        ok: false,
        error: `Topic ${i + 1} (“${topic.name}”): ${query.error.message} at character ${query.error.position + 1}.`,
      };
    }
  }
  const key = (t: { name: string; query: string }) => `${t.name.trim()}\n${t.query.trim()}`;
  const have = new Set(existing.map(key));
  const fresh = parsed.data.topics.filter((t) => !have.has(key(t)) && have.add(key(t)));
  if (existing.length + fresh.length > MAX_TOPICS) {
    return {
      ok: false,
      error: `Importing would make ${existing.length + fresh.length} topics; at most ${MAX_TOPICS} can be followed.`,
    };
  }
  return { ok: true, topics: fresh, skipped: parsed.data.topics.length - fresh.length };
}

/** The reader's topics with the imported ones appended, each given a new id and the time of the import. */
export function appendImported(
  existing: Topic[],
  imported: TopicDraftInput[],
  newId: (name: string) => string,
  now: number,
): Topic[] {
  return [...existing, ...imported.map((draft) => ({ ...draft, id: newId(draft.name), createdAt: now }))];
}
