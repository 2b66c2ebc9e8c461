import { describe, expect, it } from 'vitest';
import { appendImported, exportTopics, parseTopicsFile } from '@/lib/topics/backup';
import type { Topic } from '@/lib/schema';

const topic = (name: string, query: string, extra: Partial<Topic> = {}): Topic => ({
  id: `id-${name.length}`,
  name,
  query,
  createdAt: 1,
  ...extra,
});

describe('topics files', () => {
  it('round-trips topics through export and import', () => {
    const file = exportTopics([topic('Ukraine talks', 'Ukraine OR أوكرانيا', { minMentions: 2 }), topic('غزة', 'غزة')]);
    const result = parseTopicsFile(file, []);
    expect(result).toEqual({
      ok: true,
      skipped: 0,
      topics: [
        { name: 'Ukraine talks', query: 'Ukraine OR أوكرانيا', minMentions: 2 },
        { name: 'غزة', query: 'غزة' },
      ],
    });
  });

  it('accepts the npm start topics format and skips topics already followed', () => {
    const result = parseTopicsFile(
      '{"topics":[{"name":"A","query":"a"},{"name":"B","query":"b"},{"name":"B","query":"b"}]}',
      [topic('A', 'a')],
    );
    expect(result).toEqual({ ok: true, topics: [{ name: 'B', query: 'b' }], skipped: 2 });
  });

  it('rejects a bad file whole, saying why', () => {
    expect(parseTopicsFile('not json', [])).toEqual({ ok: false, error: 'This file is not JSON.' });
    expect(parseTopicsFile('{"topics":[{"name":"","query":"x"}]}', [])).toMatchObject({
      ok: false,
      error: expect.stringContaining('a topic needs a name (at topics.0.name)'),
    });
    expect(parseTopicsFile('{"topics":[{"name":"A","query":"a"},{"name":"B","query":"(unclosed"}]}', [])).toMatchObject(
      {
        ok: false,
        error: expect.stringMatching(/^Topic 2 \(“B”\): .+ at character \d+\.$/),
      },
    );
    expect(parseTopicsFile('{"format":"other","topics":[]}', [])).toMatchObject({ ok: false });
  });
});

describe('appendImported', () => {
  it('appends imported topics after the reader’s, each with a new id and the import time', () => {
    const mine: Topic = { id: 'mine-1', name: 'Mine', query: 'a', createdAt: 1 };
    const ids = ['new-a', 'new-b'];
    const next = appendImported(
      [mine],
      [
        { name: 'A', query: 'a b' },
        { name: 'B', query: 'c', minMentions: 2 },
      ],
      () => ids.shift()!,
      50,
    );
    expect(next).toEqual([
      mine,
      { name: 'A', query: 'a b', id: 'new-a', createdAt: 50 },
      { name: 'B', query: 'c', minMentions: 2, id: 'new-b', createdAt: 50 },
    ]);
  });
});
