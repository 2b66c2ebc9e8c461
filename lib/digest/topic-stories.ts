// A beat's articles as stories: the same news from several sites is shown once, under its newest headline, with the
// sites that reported it and its facts merged across them (lib/stories decides what is one story).
import type { ArticleSummary } from '../db/articles';
import { groupStories, type GroupOptions, type Story } from '../stories/group';
import { topicFactGroups, type TopicFactGroup } from './topic-facts';

export interface StorySource {
  /** The site's name as the page gives it, else its host without "www.". */
  site: string;
  /** That site's articles in the story, newest first. */
  articles: { articleId: string; title: string; url: string }[];
}

export interface TopicStory {
  /** Stable while the story grows: the id of its earliest article. */
  id: string;
  /** The newest article: its title is the story's headline. */
  headline: ArticleSummary;
  /** Newest first. */
  articles: ArticleSummary[];
  /** One entry per site, the site of the newest report first. */
  sources: StorySource[];
  /** The story's key facts, each once with the articles that state it, most-reported first. */
  facts: TopicFactGroup[];
  /** Times (ms) of the newest and the earliest report. */
  latestAt: number;
  firstAt: number;
}

/** The site an article came from, for labelling its source. */
export function siteOf(article: Pick<ArticleSummary, 'siteName' | 'url'>): string {
  const name = article.siteName?.trim();
  if (name) return name;
  try {
    return new URL(article.url).hostname.replace(/^www\./, '');
  } catch {
    return article.url;
  }
}

/** Shapes one story of lib/stories for the digest. */
export function toTopicStory(story: Story<ArticleSummary>): TopicStory {
  const sources = new Map<string, StorySource>();
  for (const article of story.articles) {
    const site = siteOf(article);
    let source = sources.get(site);
    if (!source) sources.set(site, (source = { site, articles: [] }));
    source.articles.push({ articleId: article.id, title: article.title, url: article.url });
  }
  return {
    id: story.id,
    headline: story.articles[0],
    articles: story.articles,
    sources: [...sources.values()],
    facts: topicFactGroups(story.articles),
    latestAt: story.latestAt,
    firstAt: story.firstAt,
  };
}

/** A topic's articles grouped into stories, the most recently reported first. */
export function topicStories(articles: ArticleSummary[], options: GroupOptions = {}): TopicStory[] {
  return groupStories(articles, options).map(toTopicStory);
}
