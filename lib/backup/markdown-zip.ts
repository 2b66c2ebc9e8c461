// The Markdown export written a page of articles at a time into a streamed zip: each article's file is compressed
// and handed on as it is made, and only what the topic digests need (titles, links, facts) is kept until the end.
import { collectHighlights, eachPage, type RecordSource } from './collect';
import { MarkdownExport, type MarkdownOptions } from './markdown';
import { ZipWriter, type ChunkSink } from './zip';

/** Writes the whole export as zip bytes to `write`, page by page; returns how many files it holds. */
export async function writeMarkdownZip(
  source: RecordSource,
  options: MarkdownOptions,
  modified: Date,
  write: ChunkSink,
): Promise<number> {
  const topics = await source.topics();
  // Highlights first: each article's file quotes its own; they are small beside the articles' text.
  const exporter = new MarkdownExport(topics, await collectHighlights(source), options);
  const zip = new ZipWriter(modified);
  let files = 0;
  await eachPage(source.articles, async (page) => {
    for (const article of page) {
      zip.add(exporter.article(article));
      files++;
    }
    await write(zip.take());
  });
  for (const file of exporter.topicFiles()) {
    zip.add(file);
    files++;
  }
  zip.end();
  await write(zip.take());
  return files;
}
