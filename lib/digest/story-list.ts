// The stories of a list as the popup loads it page by page: an incremental StoryIndex, kept in step with the loaded
// articles, so a new page costs only its own articles' comparisons rather than a regrouping of everything loaded.
import type { ArticleSummary } from '../db/articles';
import { StoryIndex, type GroupOptions } from '../stories/group';
import { toTopicStory, type TopicStory } from './topic-stories';

export class StoryList {
  private readonly index: StoryIndex<ArticleSummary>;
  private readonly known = new Set<string>();

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
    for (const item of items) {
      if (this.known.has(item.id)) continue;
      this.index.add(item);
      this.known.add(item.id);
    }
    return this.index
      .stories()
      .map((story) => toTopicStory({ ...story, articles: story.articles.map((a) => current.get(a.id) ?? a) }));
  }
}
