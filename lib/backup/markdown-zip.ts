// The Markdown export written a page of articles at a time into a streamed zip: each article's file is compressed
// and handed on as it is made, and only what the topic digests need (titles, links, facts) is kept until the end.
// Making and compressing the files runs in slices of a few milliseconds: the options page shares its main thread
// with the popup, which would otherwise freeze for seconds while a year of reading is exported.
import { mapInSlices, TASK_PACING, type Pacing } from '../time-slices';
import { collectHighlights, eachPage, type RecordSource } from './collect';
import { MarkdownExport, type MarkdownOptions } from './markdown';
import { ZipWriter, type ChunkSink } from './zip';

/** Writes the whole export as zip bytes to `write`, page by page; returns how many files it holds. */
export async function writeMarkdownZip(
  source: RecordSource,
  options: MarkdownOptions,
  modified: Date,
  write: ChunkSink,
  pacing: Pacing = TASK_PACING,
): Promise<number> {
  const topics = await source.topics();
  // Highlights first: each article's file quotes its own; they are small beside the articles' text.
  const exporter = new MarkdownExport(topics, await collectHighlights(source), options);
  const zip = new ZipWriter(modified);
  let files = 0;
  await eachPage(source.articles, async (page) => {
    await mapInSlices(page, (article) => zip.add(exporter.article(article)), pacing);
    files += page.length;
    await write(zip.take());
  });
  const topicFiles = exporter.topicFiles();
  await mapInSlices(topicFiles, (file) => zip.add(file), pacing);
  files += topicFiles.length;
  zip.end();
  await write(zip.take());
  return files;
}
