// Reads a backup file of any size in parts: the bytes stream through a JSON tokenizer, each record is upgraded and
// validated as soon as it is complete, and validated records are handed on in batches of about a megabyte. Only one
// batch is held at a time, never the file's text or all of its records. The first problem stops the reading.
import { JSONParser, TokenType, type ParsedTokenInfo } from '@streamparser/json';
import type { ArticleRecord, HighlightRecord, Topic } from '../schema';
import {
  checkHeader,
  BACKUP_FORMAT,
  BACKUP_VERSION,
  checkRecord,
  checkTopics,
  duplicateId,
  LIST_LIMITS,
  readFailure,
  tooMany,
  type BackupHeader,
  type ReadOptions,
  type ReadResult,
  type RecordList,
} from './format';
import { z } from 'zod';
import { BackupError, type BackupErrorCode } from './backup-errors';

export { BackupError } from './backup-errors';

/** Records validated since the last batch was taken. */
export interface RecordBatch {
  articles: ArticleRecord[];
  highlights: HighlightRecord[];
}

/** What a whole file held besides its records, and how many of those it held. */
export interface BackupTotals {
  header: BackupHeader;
  createdAt: string;
  topics: Topic[];
  articles: number;
  highlights: number;
}

const HEADER_FIELDS = ['format', 'version', 'dbVersion', 'createdAt'] as const;
const LIST_PATHS = ['topics', 'articles', 'highlights'] as const;
/** A Beatwatch backup starts with its format's name; anything else is refused before it is parsed further. */
const STARTS_LIKE_A_BACKUP = /^\uFEFF?\s*\{\s*"format"\s*:/;
const SNIFF_CHARS = 64;

/**
 * The push side: write the file's bytes (or text) in parts of any size, take the validated records as they come,
 * and end. Every method throws a BackupError at the first problem.
 */
export class BackupReader {
  private readonly parser = new JSONParser({
    paths: [...HEADER_FIELDS.map((f) => `$.${f}`), ...LIST_PATHS.map((l) => `$.${l}.*`)],
    keepStack: false,
  });
  private readonly fields: Record<string, unknown> = {};
  private header: BackupHeader | undefined;
  private readonly seen: Record<RecordList, Set<string>> = {
    topics: new Set(),
    articles: new Set(),
    highlights: new Set(),
  };
  private readonly topics: Topic[] = [];
  private batch: RecordBatch = { articles: [], highlights: [] };
  private sniffed = '';
  private readonly decoder = new TextDecoder();
  /** The file's own fields seen so far, and where the tokenizer is in the file's top-level object. */
  private readonly keys = new Set<string>();
  private depth = 0;
  private key: string | undefined;
  private valueNext = false;

  constructor(private readonly options: ReadOptions) {
    this.parser.onValue = ({ value, key, stack }) => {
      if (stack.length === 1 && typeof key === 'string') this.fields[key] = value;
      else if (stack.length === 2 && typeof key === 'number') this.take(stack[1].key as RecordList, key, value);
    };
    this.parser.onToken = (token) => this.follow(token);
  }

  write(chunk: Uint8Array | string): void {
    if (this.sniffed.length < SNIFF_CHARS) this.sniff(chunk);
    try {
      this.parser.write(chunk);
    } catch (error) {
      throw error instanceof BackupError ? error : refused('notJson');
    }
  }

  /** The records validated since the last call. */
  takeBatch(): RecordBatch {
    const batch = this.batch;
    this.batch = { articles: [], highlights: [] };
    return batch;
  }

  /** Checks that the file was whole and that what it held besides records is valid. */
  end(): BackupTotals {
    if (!this.sniffed.trim()) throw refused('notABackup');
    try {
      if (!this.parser.isEnded) this.parser.end();
    } catch (error) {
      throw error instanceof BackupError ? error : refused('notJson');
    }
    const header = this.header ?? this.readHeader();
    for (const list of LIST_PATHS) if (!this.keys.has(list)) throw refused('listMissing', list);
    const createdAt = z.iso.datetime().safeParse(this.fields.createdAt);
    if (!createdAt.success) throw refused('badDate', createdAt.error.issues[0].message);
    const topicsError = checkTopics(this.topics);
    if (topicsError) throw new BackupError(topicsError);
    return {
      header,
      createdAt: createdAt.data,
      topics: this.topics,
      articles: this.seen.articles.size,
      highlights: this.seen.highlights.size,
    };
  }

  /** Checks the file's top-level object as it streams by: only its own fields, each list a list. */
  private follow({ token, value }: ParsedTokenInfo) {
    if (this.depth === 1) {
      if (this.valueNext) {
        this.valueNext = false;
        const key = this.key as string;
        if (LIST_PATHS.includes(key as RecordList) && token !== TokenType.LEFT_BRACKET) throw refused('notAList', key);
      } else if (token === TokenType.STRING) {
        const key = String(value);
        if (!(HEADER_FIELDS as readonly string[]).includes(key) && !(LIST_PATHS as readonly string[]).includes(key))
          throw refused('unknownField', label(key));
        this.keys.add(key);
        this.key = key;
      } else if (token === TokenType.COLON) this.valueNext = true;
    }
    if (token === TokenType.LEFT_BRACE || token === TokenType.LEFT_BRACKET) this.depth++;
    else if (token === TokenType.RIGHT_BRACE || token === TokenType.RIGHT_BRACKET) this.depth--;
  }

  private sniff(chunk: Uint8Array | string) {
    this.sniffed +=
      typeof chunk === 'string'
        ? chunk.slice(0, SNIFF_CHARS)
        : this.decoder.decode(chunk.subarray(0, SNIFF_CHARS), { stream: true });
    const decided = this.sniffed.includes(':') || this.sniffed.length >= SNIFF_CHARS;
    if (decided && !STARTS_LIKE_A_BACKUP.test(this.sniffed)) throw refused('notABackup');
  }

  private readHeader(): BackupHeader {
    const checked = checkHeader(this.fields, this.options.dbVersion);
    if (!checked.ok) throw new BackupError(checked.problem);
    return checked.header;
  }

  private take(list: RecordList, index: number, raw: unknown) {
    // Records are upgraded from the version the file names, so the name must come first (it does in every backup).
    this.header ??= this.readHeader();
    if (index >= LIST_LIMITS[list]) throw new BackupError(tooMany(list));
    const checked = checkRecord(list, index, raw, this.header.dbVersion, this.options);
    if (!checked.ok) throw new BackupError(checked.problem);
    const { record } = checked;
    if (this.seen[list].has(record.id)) throw new BackupError(duplicateId(list, index, record.id));
    this.seen[list].add(record.id);
    if (list === 'topics') this.topics.push(record as Topic);
    else if (list === 'articles') this.batch.articles.push(record as ArticleRecord);
    else this.batch.highlights.push(record as HighlightRecord);
  }
}

export interface StreamOptions extends ReadOptions {
  /** Hand on a batch once this many bytes of the file were read since the last one. */
  batchBytes?: number;
  /** Told the bytes read so far, after each part. */
  onProgress?: (bytesRead: number) => void;
}

/**
 * Reads a whole backup from a byte stream (a File's `stream()`), awaiting `onBatch` for each batch of validated
 * records before reading on, so a slow receiver holds the reading back. Rejects with a BackupError at the first
 * problem; the batches already handed on must then be thrown away.
 */
export async function readBackupStream(
  stream: ReadableStream<Uint8Array>,
  onBatch: (batch: RecordBatch) => Promise<void>,
  { batchBytes = 1 << 20, onProgress, ...options }: StreamOptions,
): Promise<BackupTotals> {
  const reader = new BackupReader(options);
  const parts = stream.getReader();
  let read = 0;
  let sinceBatch = 0;
  try {
    for (;;) {
      const { done, value } = await parts.read();
      if (done) break;
      reader.write(value);
      read += value.byteLength;
      sinceBatch += value.byteLength;
      onProgress?.(read);
      if (sinceBatch >= batchBytes) {
        sinceBatch = 0;
        await handOn(reader.takeBatch(), onBatch);
      }
    }
    const totals = reader.end();
    await handOn(reader.takeBatch(), onBatch);
    return totals;
  } finally {
    parts.releaseLock();
  }
}

/**
 * Reads a whole backup file's text at once (tests, small files): the same checks as a file read in parts.
 */
export function readBackup(text: string, options: ReadOptions): ReadResult {
  try {
    const reader = new BackupReader(options);
    reader.write(text);
    const { createdAt, topics } = reader.end();
    const { articles, highlights } = reader.takeBatch();
    return {
      ok: true,
      backup: {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        dbVersion: options.dbVersion,
        createdAt,
        topics,
        articles,
        highlights,
      },
    };
  } catch (error) {
    if (error instanceof BackupError) return readFailure(error.problem);
    throw error;
  }
}

/** A field name as the reader may see it in a message: short, without direction controls. */
function label(text: string): string {
  const clean = text.replace(/[\u202a-\u202e\u2066-\u2069]/g, '');
  return clean.length > 40 ? `${clean.slice(0, 40)}…` : clean;
}

function refused(code: BackupErrorCode, ...details: string[]): BackupError {
  return new BackupError({ code, details });
}

async function handOn(batch: RecordBatch, onBatch: (batch: RecordBatch) => Promise<void>) {
  if (batch.articles.length || batch.highlights.length) await onBatch(batch);
}
