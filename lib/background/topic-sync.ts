// Keeps the stored articles in line with the reader's topics whenever they change (and at start-up): see
// reconcileTopics in lib/db/topic-membership.ts. Runs one at a time, the last change winning.
import type { Database } from '../db/database';
import { reconcileTopics } from '../db/topic-membership';
import type { Topic } from '../schema';
import { compileTopics } from '../topics/compile';
import { matchTopics } from '../topics/match';

export function topicSync(db: PromiseLike<Database>, loadTopics: () => Promise<Topic[]>) {
  let queue: Promise<unknown> = Promise.resolve();
  return (): Promise<unknown> => {
    queue = queue
      .then(async () => {
        const topics = await loadTopics();
        return reconcileTopics(
          await db,
          topics.map((t) => t.id),
          (article, added) => matchTopics(article, compileTopics(topics.filter((t) => added.includes(t.id)))),
        );
      })
      .catch((error: unknown) => console.error('Beatwatch: cannot bring articles in line with the topics', error));
    return queue;
  };
}
