import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readBackup, readBackupStream, type RecordBatch } from '@/lib/backup/backup-reader';
import { createBackup } from '@/lib/backup/format';
import { arabicArticle, article, highlight, topics } from './records';

const DB = 5;
const many = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    i % 5 === 0
      ? arabicArticle({ id: i.toString(16).padStart(32, '0'), url: `https://ar.example/${i}` })
      : article({ id: i.toString(16).padStart(32, '0'), url: `https://news.example/${i}` }),
  );
const backupOf = (articles = many(60)) =>
  createBackup({ topics, articles, highlights: [highlight()] }, DB, new Date('2026-12-01T03:00:00Z'));

/** The bytes cut at the given places (a multi-byte Arabic letter may be cut in two). */
function streamOf(bytes: Uint8Array, cuts: number[] = []): ReadableStream<Uint8Array> & { pulled: () => number } {
  const ends = [...new Set(cuts.filter((c) => c > 0 && c < bytes.length)), bytes.length].sort((a, b) => a - b);
  let at = 0;
  let next = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (next >= ends.length) return controller.close();
      controller.enqueue(bytes.slice(at, ends[next]));
      at = ends[next++];
    },
  });
  return Object.assign(stream, { pulled: () => at });
}

async function readAll(bytes: Uint8Array, cuts: number[] = [], batchBytes = 4096) {
  const batches: RecordBatch[] = [];
  const totals = await readBackupStream(streamOf(bytes, cuts), async (b) => void batches.push(b), {
    dbVersion: DB,
    batchBytes,
  });
  return {
    totals,
    batches,
    articles: batches.flatMap((b) => b.articles),
    highlights: batches.flatMap((b) => b.highlights),
  };
}

describe('reading a backup in parts', () => {
  it('gives the same records as reading it whole, wherever the parts are cut', async () => {
    const file = backupOf();
    const bytes = new TextEncoder().encode(JSON.stringify(file));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 40 }), async (cuts) => {
        const read = await readAll(bytes, cuts);
        expect(read.articles).toEqual(file.articles);
        expect(read.highlights).toEqual(file.highlights);
        expect(read.totals).toMatchObject({ topics, articles: 60, highlights: 1, createdAt: file.createdAt });
      }),
      { numRuns: 30 },
    );
    expect(readBackup(JSON.stringify(file), { dbVersion: DB })).toEqual({ ok: true, backup: file });
  });

  it('hands records on in batches of about the size asked, and reads on only once a batch was taken', async () => {
    const bytes = new TextEncoder().encode(JSON.stringify(backupOf(many(400))));
    const stream = streamOf(
      bytes,
      Array.from({ length: Math.ceil(bytes.length / 1000) }, (_, i) => i * 1000),
    );
    const seenAt: number[] = [];
    const sizes: number[] = [];
    await readBackupStream(
      stream,
      async (batch) => {
        seenAt.push(stream.pulled());
        sizes.push(JSON.stringify(batch).length);
        await new Promise((r) => setTimeout(r, 1));
      },
      { dbVersion: DB, batchBytes: 20_000 },
    );
    expect(sizes.length).toBeGreaterThan(5);
    // No batch holds much more than was asked (a record straddles the limit), and reading waited for each one.
    expect(Math.max(...sizes)).toBeLessThan(25_000);
    for (let i = 1; i < seenAt.length; i++) expect(seenAt[i] - seenAt[i - 1]).toBeLessThan(22_000);
  });

  it('stops at the first problem of a 200 MB file without reading the rest', async () => {
    const head = new TextEncoder().encode(
      `{"format":"beatwatch-backup","version":1,"dbVersion":${DB},"createdAt":"2026-12-01T03:00:00Z","topics":[],"articles":[`,
    );
    const record = new TextEncoder().encode(JSON.stringify(article()) + ',');
    const bad = new TextEncoder().encode(
      JSON.stringify({ ...article({ id: 'a'.repeat(32) }), url: 'file:///etc' }) + ',',
    );
    const size = 200 * 1024 * 1024;
    let sent = 0;
    const huge = new ReadableStream<Uint8Array>({
      pull(controller) {
        const part = sent === 0 ? head : sent < 100_000 ? bad : record;
        sent += part.length;
        if (sent > size) controller.close();
        else controller.enqueue(part);
      },
    });
    await expect(readBackupStream(huge, async () => {}, { dbVersion: DB })).rejects.toThrow(
      /^Article 1 \(“Talks resume in Istanbul”, “a+”\): url: expected an http\(s\) URL\. Nothing was restored\.$/,
    );
    expect(sent).toBeLessThan(1024 * 1024);

    let zeros = 0;
    const notJson = new ReadableStream<Uint8Array>({
      pull(controller) {
        zeros += 1 << 16;
        if (zeros > size) controller.close();
        else controller.enqueue(new Uint8Array(1 << 16));
      },
    });
    await expect(readBackupStream(notJson, async () => {}, { dbVersion: DB })).rejects.toThrow(
      /not a Beatwatch backup/,
    );
    expect(zeros).toBeLessThan(1024 * 1024);
  });

  it('refuses a file cut short anywhere, and one from another program, with a clear message', async () => {
    const text = JSON.stringify(backupOf(many(5)));
    const bytes = new TextEncoder().encode(text);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: bytes.length - 1 }), async (cut) => {
        await expect(readAll(bytes.slice(0, cut))).rejects.toThrow(
          /not JSON: it may be cut short|not a Beatwatch backup/,
        );
      }),
      { numRuns: 60 },
    );
    const other = new TextEncoder().encode(JSON.stringify({ highlights: [{ text: 'x' }], format: 'beatwatch-backup' }));
    await expect(readAll(other)).rejects.toThrow(/not a Beatwatch backup/);
    const notes = new TextEncoder().encode('# My notes\n\n- one\n');
    await expect(readAll(notes)).rejects.toThrow(/not a Beatwatch backup/);
    await expect(readAll(new Uint8Array(0))).rejects.toThrow(/not a Beatwatch backup/);
  });

  it('only ever rejects with a message, whatever the bytes after a valid start', async () => {
    const start = `{"format":"beatwatch-backup","version":1,"dbVersion":${DB},`;
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string(), fc.json()), async (rest) => {
        try {
          await readAll(new TextEncoder().encode(start + rest));
        } catch (error) {
          expect(error).toBeInstanceOf(Error);
          expect((error as Error).message).toMatch(/\.$/);
        }
      }),
      { numRuns: 300 },
    );
  });
});
