// A CSV file read as a stream of rows, never whole: the same dialect detection as parseCsv (encoding
// on the first chunk, delimiter and line ending sniffed, title rows above the header skipped) and
// the same row numbers, with the rows handed one at a time to a RowSink.
import { open, stat, type FileHandle } from 'node:fs/promises';
import type { Dialect, Problem } from '../../types.js';
import { errorsFirst, readingProblem } from '../messages.js';
import { amount, joined } from '../../i18n.js';
import type { Delimiter, ForcedEncoding } from '../options.js';
import { detectDelimiter, detectLineEnding, findHeaderIndex, titleRowCount, titleRowsWarning } from '../sniff.js';
import { StreamDecoder } from './stream-decoder.js';
import { Tokenizer, type ByteRecord } from './tokenizer.js';
import { MAX_LINE_CHARS } from '../limits.js';

/** Where the rows of a streamed table go. */
export interface RowSink {
  /** The header row, once found. */
  start(header: string[], dialect: Dialect): void;
  /**
   * A data row read as bytes with as many cells as the header; `text(k)` decodes cell k.
   * Returns false to have it again as text through `cells` (the general path).
   */
  plain(record: ByteRecord, row: number, text: (k: number) => string): boolean;
  /** A data row as text. */
  cells(cells: string[], row: number): void;
  /** An empty line between data rows (rows that follow it exist). */
  blank(row: number): void;
}

/** How far the reading has got, for a progress line. */
export interface StreamProgress {
  file: string;
  rows: number;
  bytes: number;
  totalBytes: number;
  elapsedMs: number;
  /** True on the last call, at the end of the file. */
  done: boolean;
}

export interface StreamTableOptions {
  displayPath: string;
  encoding?: ForcedEncoding;
  delimiter?: Delimiter;
  /** Bytes per read (256 KiB by default: the buffer stays in the CPU cache). */
  chunkSize?: number;
  onProgress?: (progress: StreamProgress) => void;
  /** Milliseconds between two progress calls. */
  progressEveryMs?: number;
}

/** What reading the whole stream found: the dialect, the header, the data rows counted, a reading error. */
export interface StreamedTable {
  dialect: Dialect;
  header: string[];
  /** Data rows read (empty lines are not rows), as RawTable.rows.length would be. */
  rowsRead: number;
  /** An encoding-error or source-error that stopped the reading (rows before it were handed on). */
  problem: Problem | null;
  /** Reading problems that did not stop it, as parseCsv puts them in RawTable.problems (quotes, title rows). */
  problems: Problem[];
}

/** Bytes the encoding and dialect are detected on (the delimiter sniffer reads 64K characters). */
const SAMPLE_BYTES = 256 * 1024;

/** Number of first records held to find the header among title rows (sniff.ts skips at most 10, then looks one filled row past the header). */
const HEADER_WINDOW = 12;

/** Reads a CSV file from disk as a stream, handing its data rows to `sink`. I/O errors become a source-error. */
export async function streamTable(absPath: string, options: StreamTableOptions, sink: RowSink): Promise<StreamedTable> {
  const file = options.displayPath;
  const dialect: Dialect = { encoding: 'utf-8', delimiter: options.delimiter ?? ',', lineEnding: null, skippedTitleRows: 0 };
  const failed = (problem: Problem): StreamedTable => ({ dialect, header: [], rowsRead: 0, problem, problems: [] });
  let handle: FileHandle;
  let totalBytes: number;
  try {
    totalBytes = (await stat(absPath)).size;
    handle = await open(absPath, 'r');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return failed(readingProblem('source-error', file, 'unreadable', { reason }));
  }
  try {
    const decoder = new StreamDecoder(file, options.encoding);
    const rows = new Rows(sink, decoder, file);
    // The encoding, delimiter and line ending are told by the first bytes, whatever the chunk size.
    const sample = Buffer.allocUnsafe(Math.min(SAMPLE_BYTES, totalBytes));
    const sampled = (await handle.read(sample, 0, sample.length, 0)).bytesRead;
    if (sampled === 0) return failed(readingProblem('source-error', file, 'empty'));
    const started = decoder.start(sample.subarray(0, sampled), sampled >= totalBytes);
    if (!started.ok) return failed(started.problem);
    dialect.delimiter = options.delimiter ?? detectDelimiter(started.text);
    dialect.lineEnding = detectLineEnding(started.text, dialect.delimiter);
    rows.dialect = dialect;
    const tokenizer = new Tokenizer({ file, delimiter: dialect.delimiter, decoder }, rows);
    // One buffer, reused: the bytes a read leaves over (an incomplete line) move to its start.
    let buf = Buffer.allocUnsafe(options.chunkSize ?? 256 * 1024);
    let base = started.bomLength;
    let filled = (await handle.read(buf, 0, buf.length, base)).bytesRead;
    let final = filled === 0;
    const began = performance.now();
    let reported = began;
    let progressed = false;
    for (;;) {
      const held = tokenizer.feed(buf, 0, filled, base, final);
      if (final || tokenizer.problem) break;
      const carry = filled - held;
      // A line with no end in sight: refused at the limit instead of growing the buffer to the file's size.
      if (carry > MAX_LINE_CHARS && !hasLineBreak(buf.subarray(held, filled))) {
        const row = tokenizer.records + 1;
        const params = { row, length: joined('> ', amount(MAX_LINE_CHARS)), limit: amount(MAX_LINE_CHARS) };
        tokenizer.problem = readingProblem('source-error', file, 'lineTooLong', params, { row, expected: params.limit });
        break;
      }
      if (carry > buf.length / 2) {
        const bigger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(bigger, 0, held, filled);
        buf = bigger;
      } else {
        buf.copyWithin(0, held, filled);
      }
      base += held;
      const { bytesRead } = await handle.read(buf, carry, buf.length - carry, base + carry);
      filled = carry + bytesRead;
      final = bytesRead === 0;
      const bytes = base + filled;
      const now = performance.now();
      if (options.onProgress && now - reported >= (options.progressEveryMs ?? 200)) {
        reported = now;
        progressed = true;
        options.onProgress({ file, rows: rows.rowsRead, bytes, totalBytes, elapsedMs: now - began, done: false });
      }
    }
    rows.finish();
    dialect.encoding = decoder.encoding;
    // A file read faster than one progress interval shows no line at all; a long one ends its line.
    if (progressed)
      options.onProgress?.({ file, rows: rows.rowsRead, bytes: totalBytes, totalBytes, elapsedMs: performance.now() - began, done: true });
    const problem = tokenizer.problem ?? (rows.header ? null : readingProblem('source-error', file, 'empty'));
    return {
      dialect,
      header: rows.header ?? [],
      rowsRead: rows.rowsRead,
      problem,
      problems: errorsFirst([...tokenizer.quoteProblems.list(), ...(rows.titles ? [rows.titles] : [])]),
    };
  } finally {
    await handle.close();
  }
}

/** Turns records into rows: holds the first ones until the header is found, then tracks empty lines. */
class Rows {
  header: string[] | null = null;
  dialect: Dialect | null = null;
  /** The warning of several title rows skipped above the header, as parseCsv gives it. */
  titles: Problem | null = null;
  rowsRead = 0;
  private held: string[][] = [];
  private blankFrom = 0;
  private blankCount = 0;
  private current: ByteRecord | null = null;
  private readonly text = (k: number): string => {
    const record = this.current!;
    return this.decoder.decode(record.buf.subarray(record.starts[k], record.ends[k]));
  };

  constructor(
    private readonly sink: RowSink,
    private readonly decoder: StreamDecoder,
    private readonly file: string,
  ) {}

  plain(record: ByteRecord, row: number): void {
    if (this.header === null) return this.hold(this.cellsOf(record));
    if (record.count === 1 && record.ends[0] === record.starts[0]) return this.emptyLine(row);
    this.flushBlanks();
    this.rowsRead++;
    this.current = record;
    if (record.count === this.header.length && this.sink.plain(record, row, this.text)) return;
    this.sink.cells(this.cellsOf(record), row);
  }

  parsed(cells: string[], row: number): void {
    if (this.header === null) return this.hold(cells);
    this.row(cells, row);
  }

  /** End of file: a header among fewer records than the window, and empty lines at the end dropped. */
  finish(): void {
    if (this.header === null) {
      while (this.held.length > 0 && isEmptyLine(this.held[this.held.length - 1]!)) this.held.pop();
      this.decide();
    }
  }

  private row(cells: string[], row: number): void {
    if (isEmptyLine(cells)) return this.emptyLine(row);
    this.flushBlanks();
    this.rowsRead++;
    this.sink.cells(cells, row);
  }

  private hold(cells: string[]): void {
    // Records before the header are held in order, so record `row` sits at held[row - 1].
    this.held.push(cells);
    // findHeaderIndex looks at most 10 records ahead for the header, then at the next filled one:
    // the window is enough once it ends on a filled record.
    const last = this.held[this.held.length - 1]!;
    if (this.held.length >= HEADER_WINDOW && last.some((cell) => cell.trim() !== '')) this.decide();
  }

  private decide(): void {
    const index = findHeaderIndex(this.held);
    const header = this.held[index];
    if (header === undefined) return;
    this.header = header;
    this.dialect!.skippedTitleRows = index;
    this.titles = titleRowsWarning(this.file, titleRowCount(this.held, index), index + 1);
    this.sink.start(header, this.dialect!);
    const held = this.held;
    this.held = [];
    for (let i = index + 1; i < held.length; i++) this.row(held[i]!, i + 1);
  }

  private emptyLine(row: number): void {
    if (this.blankCount === 0) this.blankFrom = row;
    this.blankCount++;
  }

  private flushBlanks(): void {
    for (let i = 0; i < this.blankCount; i++) this.sink.blank(this.blankFrom + i);
    this.blankCount = 0;
  }

  private cellsOf(record: ByteRecord): string[] {
    this.current = record;
    const cells = new Array<string>(record.count);
    for (let k = 0; k < record.count; k++) cells[k] = this.text(k);
    return cells;
  }
}

/** An empty line reads as one empty cell (as in parseCsv). */
function isEmptyLine(cells: readonly string[]): boolean {
  return cells.length === 0 || (cells.length === 1 && cells[0] === '');
}

function hasLineBreak(bytes: Uint8Array): boolean {
  return bytes.indexOf(0x0a) >= 0 || bytes.indexOf(0x0d) >= 0;
}
