import { describe, expect, it } from 'vitest';
import { StoryList } from '@/lib/digest/story-list';
import { topicStories } from '@/lib/digest/topic-stories';
import { bridgeA, bridgeB, metro, others } from './story-fixtures';

const shape = (stories: ReturnType<typeof topicStories>) => stories.map((s) => s.articles.map((a) => a.id));

describe('StoryList', () => {
  it('groups a list loaded page by page as topicStories groups it whole', () => {
    const list = new StoryList();
    expect(shape(list.stories([bridgeB, ...others]))).toHaveLength(4);
    const all = [bridgeB, ...others, bridgeA];
    expect(shape(list.stories(all))).toEqual(shape(topicStories(all)));
    expect(shape(list.stories(all))[0]).toEqual(['wire-b', 'wire-a']);
  });

  it('drops a deleted article and shows the latest version of each article', () => {
    const list = new StoryList();
    list.stories([bridgeB, ...others, bridgeA]);
    const withNote = { ...bridgeA, highlights: [{ ...bridgeA.highlights[0], note: 'changed' }] };
    const stories = list.stories([bridgeB, ...others.slice(1), withNote]);
    expect(shape(stories)).toHaveLength(3);
    expect(shape(stories)).not.toContainEqual(['other']);
    expect(stories[0].articles[1].highlights[0].note).toBe('changed');
    expect(metro.id).toBe('other');
  });
});
