// Writes bench:backup's year of reading as a backup file, .bench/backup/backup-vN.json, once; later runs reuse it.
// The records are bench:popup's profile (tests/bench/popup-profile.ts: 50 topics, 10,000 articles of ~5,500
// characters, 20% Arabic, 2,000 highlights) as the background stores them: ids from the canonical address, key facts
// from Beatwatch's own facts, list-free records as a backup holds them. Written record by record.
import { closeSync, existsSync, mkdirSync, openSync, renameSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expect, it } from 'vitest';
import { factsFor } from '@/lib/background/capture-analysis';
import { BACKUP_FORMAT, BACKUP_VERSION } from '@/lib/backup/format';
import { articleIdFor } from '@/lib/db/articles';
import { DB_VERSION } from '@/lib/db/migrations';
import { articleRecordSchema, highlightRecordSchema, type ArticleRecord, type HighlightRecord } from '@/lib/schema';
import { ARTICLES, buildProfile, HIGHLIGHTS } from './popup-profile';

export const BACKUP_PROFILE_VERSION = 1;
export const BACKUP_FILE = join(
  import.meta.dirname,
  '..',
  '..',
  '.bench',
  'backup',
  `backup-v${BACKUP_PROFILE_VERSION}-db${DB_VERSION}.json`,
);

it('bench:backup profile', { timeout: 1_800_000 }, async () => {
  if (existsSync(BACKUP_FILE)) {
    console.error(`bench:backup: reusing ${BACKUP_FILE}`);
    report();
    return;
  }
  const start = performance.now();
  const now = Date.UTC(2026, 10, 30);
  const profile = buildProfile(now);
  expect(profile.captures).toHaveLength(ARTICLES);
  mkdirSync(dirname(BACKUP_FILE), { recursive: true });
  const out = openSync(`${BACKUP_FILE}.tmp`, 'w');
  const write = (text: string) => writeSync(out, text);
  const topics = profile.topics.map(({ id, name, query }, i) => ({
    id,
    name,
    query,
    createdAt: now - 400 * 86_400_000 + i,
  }));
  write(
    `{"format":${JSON.stringify(BACKUP_FORMAT)},"version":${BACKUP_VERSION},"dbVersion":${DB_VERSION},` +
      `"createdAt":${JSON.stringify(new Date(now).toISOString())},"topics":${JSON.stringify(topics)},"articles":[`,
  );
  const ids: string[] = [];
  for (const [k, { article, matches }] of profile.captures.entries()) {
    const seen = Date.parse(article.publishedAt!) + 3_600_000;
    const record: ArticleRecord = articleRecordSchema.parse({
      id: await articleIdFor(article.url),
      ...article,
      topicIds: matches.map((m) => m.topicId),
      matches,
      clippedTo: [],
      facts: factsFor(article),
      firstSeenAt: seen,
      lastSeenAt: seen,
      visits: 1,
    });
    ids.push(record.id);
    write(`${k ? ',' : ''}${JSON.stringify(record)}`);
  }
  write('],"highlights":[');
  const { highlights } = profile;
  for (let h = 0; h < highlights.length; h++) {
    const highlight = highlights[h]!;
    // Highlights on pages in no topic are kept by article too: the bench restores records, not pages.
    const article = profile.captures[highlight.article]!.article;
    const created = now - (HIGHLIGHTS - h) * 3_600_000;
    const record: HighlightRecord = highlightRecordSchema.parse({
      id: `h-bench-${String(h).padStart(8, '0')}`,
      pageUrl: article.url,
      articleId: ids[highlight.article],
      selectors: [
        { type: 'TextQuoteSelector', exact: highlight.exact, prefix: highlight.prefix, suffix: highlight.suffix },
        { type: 'TextPositionSelector', start: highlight.start, end: highlight.start + highlight.exact.length },
      ],
      note: highlight.note,
      placed: true,
      createdAt: created,
      updatedAt: created,
    });
    write(`${h ? ',' : ''}${JSON.stringify(record)}`);
  }
  write(']}');
  closeSync(out);
  renameSync(`${BACKUP_FILE}.tmp`, BACKUP_FILE);
  console.error(`bench:backup: backup file written in ${Math.round((performance.now() - start) / 1000)} s`);
  report();
});

function report() {
  const bytes = statSync(BACKUP_FILE).size;
  console.error(
    `bench:backup: ${BACKUP_FILE} holds ${ARTICLES} articles and ${HIGHLIGHTS} highlights, ${(bytes / 1e6).toFixed(1)} MB`,
  );
  if (process.env.BENCH_JSON_FILE)
    writeFileSync(
      process.env.BENCH_JSON_FILE,
      JSON.stringify({ file: BACKUP_FILE, bytes, articles: ARTICLES, highlights: HIGHLIGHTS }),
    );
}
