// The stories of a list as the popup loads it page by page: an incremental StoryIndex, kept in step with the loaded
// articles, so a new page costs only its own articles' comparisons rather than a regrouping of everything loaded.
import type { ArticleSummary } from '../db/articles';
import { StoryIndex, type GroupOptions } from '../stories/group';
import { toTopicStory, type TopicStory } from './topic-stories';

export class StoryList {
  private readonly index: StoryIndex<ArticleSummary>;
  private readonly known = new Set<string>();
  private shaped = new Map<string, { articles: ArticleSummary[]; story: TopicStory }>();

  constructor(options: GroupOptions = {}) {
    this.index = new StoryIndex(options);
  }

  /**
   * The stories of `items` (the list as loaded now), most recently reported first. Articles new since the last call
   * are added, articles gone (deleted) are removed; the stories show the items as given, with their latest highlights.
   */
  stories(items: readonly ArticleSummary[]): TopicStory[] {
    const current = new Map(items.map((item) => [item.id, item]));
    for (const id of [...this.known]) {
      if (current.has(id)) continue;
      this.index.remove(id);
      this.known.delete(id);
    }
    // A new page's articles go in together: rarity counted once for the page, not once per article.
    const added = items.filter((item) => !this.known.has(item.id));
    this.index.addAll(added);
    for (const item of added) this.known.add(item.id);
    const shaped = new Map<string, { articles: ArticleSummary[]; story: TopicStory }>();
    const stories = this.index.stories().map((story) => {
      const articles = story.articles.map((a) => current.get(a.id) ?? a);
      // Shaped again only when one of its articles changed: a note or a delete elsewhere leaves it as it was.
      const before = this.shaped.get(story.id);
      const same =
        before &&
        before.story.latestAt === story.latestAt &&
        before.articles.length === articles.length &&
        before.articles.every((a, i) => a === articles[i]);
      const topicStory = same ? before.story : toTopicStory({ ...story, articles });
      shaped.set(story.id, { articles, story: topicStory });
      return topicStory;
    });
    this.shaped = shaped;
    return stories;
  }
}
