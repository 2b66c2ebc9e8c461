// Many export files as one download. fflate: small (the zip writer alone is a few kB), dependency-free, and
// synchronous, which suits the options page: no worker to load under the extension's CSP. Its streaming Zip lets an
// export hand each file's compressed bytes on as it goes instead of holding every file until the end.
import { strToU8, Zip, ZipDeflate } from 'fflate';
import type { MarkdownFile } from './markdown';

/** Receives a zip's bytes in order; awaited, so a slow sink holds the reading back. */
export type ChunkSink = (chunks: Uint8Array[]) => void | Promise<void>;

/** A zip written a file at a time: `take()` hands over the bytes made so far, `end()` writes the directory. */
export class ZipWriter {
  private chunks: Uint8Array[] = [];
  private failure: Error | null = null;
  private readonly zip = new Zip((error, chunk) => {
    if (error) this.failure ??= error;
    else this.chunks.push(chunk);
  });

  constructor(private readonly modified: Date) {}

  add(file: MarkdownFile): void {
    const entry = new ZipDeflate(file.path, { level: 6 });
    entry.mtime = this.modified;
    this.zip.add(entry);
    entry.push(strToU8(file.text), true);
    this.check();
  }

  end(): void {
    this.zip.end();
    this.check();
  }

  /** The bytes written since the last call. */
  take(): Uint8Array[] {
    const taken = this.chunks;
    this.chunks = [];
    return taken;
  }

  private check() {
    if (this.failure) throw this.failure;
  }
}
