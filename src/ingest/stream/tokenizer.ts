// CSV records from a file read in chunks, at the speed of the bytes: plain lines (no quote, line
// ending LF or CRLF) are split on the delimiter where they lie, without making strings; anything
// unusual (a quote, a lone CR) goes to readQuotedCsv, the reader parseCsv uses, one short run of
// lines at a time, so both paths read every file the same way.
import type { Problem } from '../../types.js';
import { readingProblem } from '../messages.js';
import { readQuotedCsv } from '../quoted.js';
import { QuoteProblems } from '../quote-problems.js';
import type { Delimiter } from '../options.js';
import type { StreamDecoder } from './stream-decoder.js';

/** A record read by the fast path: field k is the bytes buf[starts[k], ends[k]). */
export interface ByteRecord {
  buf: Uint8Array;
  starts: Int32Array;
  ends: Int32Array;
  count: number;
}

/** Where the tokenizer hands each record, with its spreadsheet row (record number, 1-based). */
export interface RecordSink {
  /** A plain record, as bytes (valid only during the call). */
  plain(record: ByteRecord, row: number): void;
  /** A record readQuotedCsv read, as text. */
  parsed(cells: string[], row: number): void;
}

export interface TokenizerOptions {
  file: string;
  delimiter: Delimiter;
  decoder: StreamDecoder;
}

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
// Byte classes of the hot loop: 0 is "part of a field".
const DELIMITER = 1;
const LINE_FEED = 2;
const CARRIAGE_RETURN = 3;
const UNUSUAL = 4;
const HIGH = 5;
/** A run of lines held back waiting for a closing quote may not grow past this. */
const MAX_PENDING_BYTES = 16 * 1024 * 1024;

/**
 * Splits a byte stream into CSV records. The caller owns the memory: it feeds a buffer and carries
 * the bytes the tokenizer leaves (an incomplete last line) to the start of the next one.
 */
export class Tokenizer {
  /** Records emitted so far: the next one is at row `records + 1`. */
  records = 0;
  /** The reading error that stopped the tokenizer (encoding-error, source-error), if any. */
  problem: Problem | null = null;
  /** Reading problems that did not stop it: misplaced quotes (errors at their cell), spaces trimmed (warnings). */
  readonly quoteProblems: QuoteProblems;
  private readonly classes = new Uint8Array(256);
  private readonly record: ByteRecord = { buf: new Uint8Array(0), starts: new Int32Array(64), ends: new Int32Array(64), count: 0 };
  private unusualAt = 0;

  constructor(
    private readonly options: TokenizerOptions,
    private readonly sink: RecordSink,
  ) {
    this.quoteProblems = new QuoteProblems(options.file);
    this.classes[options.delimiter.charCodeAt(0)] = DELIMITER;
    this.classes[LF] = LINE_FEED;
    this.classes[CR] = CARRIAGE_RETURN;
    this.classes[QUOTE] = UNUSUAL;
    for (let b = 0x80; b < 256; b++) this.classes[b] = HIGH;
  }

  /**
   * Reads the records in buf[start, end), where buf[0] is at file offset `base`. Returns where the
   * bytes left for the next call start (an incomplete line, a quote not yet closed); at the end of
   * the file (`final`) everything is read and `end` is returned.
   */
  feed(buf: Buffer, start: number, end: number, base: number, final: boolean): number {
    const limit = final ? end : lastBreak(buf, start, end);
    let pos = start;
    while (pos < limit && !this.problem) {
      const stop = this.scan(buf, pos, limit, base);
      if (stop >= limit) break;
      const next = this.segment(buf, stop, limit, base, final);
      if (next < 0) return stop;
      pos = next;
    }
    return this.problem ? end : limit;
  }

  /**
   * The hot loop: emits plain lines from `from` until `to` and returns `to`, or stops at the start
   * of the first line with an unusual byte (position in `unusualAt`) and returns that start.
   */
  private scan(buf: Uint8Array, from: number, to: number, base: number): number {
    const classes = this.classes;
    const record = this.record;
    let { starts, ends } = record;
    let n = 0;
    let lineStart = from;
    let fieldStart = from;
    let high = false;
    for (let i = from; i < to; i++) {
      const kind = classes[buf[i]!]!;
      if (kind === 0) continue;
      if (kind === DELIMITER) {
        if (n + 1 >= starts.length) ({ starts, ends } = this.grow());
        starts[n] = fieldStart;
        ends[n] = i;
        n++;
        fieldStart = i + 1;
        continue;
      }
      if (kind === HIGH) {
        high = true;
        continue;
      }
      const lineEnd = i;
      if (kind === CARRIAGE_RETURN) {
        if (i + 1 < to && buf[i + 1] === LF) i++;
        else return this.unusual(i, lineStart);
      } else if (kind === UNUSUAL) {
        return this.unusual(i, lineStart);
      }
      starts[n] = fieldStart;
      ends[n] = lineEnd;
      if (high && !this.checked(buf, lineStart, lineEnd, base)) return to;
      record.buf = buf;
      record.count = n + 1;
      this.sink.plain(record, ++this.records);
      n = 0;
      lineStart = fieldStart = i + 1;
      high = false;
    }
    if (lineStart < to) {
      // The last line of the file, without a line break.
      starts[n] = fieldStart;
      ends[n] = to;
      if (high && !this.checked(buf, lineStart, to, base)) return to;
      record.buf = buf;
      record.count = n + 1;
      this.sink.plain(record, ++this.records);
    }
    return to;
  }

  private unusual(at: number, lineStart: number): number {
    this.unusualAt = at;
    return lineStart;
  }

  private grow(): ByteRecord {
    const size = this.record.starts.length * 2;
    const starts = new Int32Array(size);
    const ends = new Int32Array(size);
    starts.set(this.record.starts);
    ends.set(this.record.ends);
    this.record.starts = starts;
    this.record.ends = ends;
    return this.record;
  }

  private checked(buf: Uint8Array, start: number, end: number, base: number): boolean {
    const origin = { byteOffset: base + start, row: this.records + 1 };
    this.problem = this.options.decoder.check(buf.subarray(start, end), origin);
    return this.problem === null;
  }

  /**
   * Reads with readQuotedCsv the shortest run of whole lines from `start` (through the unusual byte)
   * that ends outside quotes; returns where the fast path resumes, or -1 when the run needs
   * bytes not read yet.
   */
  private segment(buf: Uint8Array, start: number, limit: number, base: number, final: boolean): number {
    let end = nextBreak(buf, this.unusualAt, limit);
    for (let step = 1; ; step *= 2) {
      // At the end of the file a quote still open is read as parseCsv reads it: an error where it opens.
      const outcome = this.parseRun(buf, start, end, base, final && end >= limit);
      if (outcome !== 'open') return end;
      if (end >= limit) {
        if (limit - start <= MAX_PENDING_BYTES) return -1;
        const row = this.records + 1;
        this.problem = readingProblem('source-error', this.options.file, 'csvError', { row }, { row, value: 'CSV_QUOTE_NOT_CLOSED' });
        return limit;
      }
      for (let k = 0; k < step && end < limit; k++) end = nextBreak(buf, end, limit);
    }
  }

  /** Reads buf[start, end) as parseCsv would: 'done' (records emitted, or a reading error set) or 'open' (a quote still open at the end). */
  private parseRun(buf: Uint8Array, start: number, end: number, base: number, final: boolean): 'done' | 'open' {
    const bytes = buf.subarray(start, end);
    const problem = this.options.decoder.check(bytes, { byteOffset: base + start, row: this.records + 1 });
    if (problem) {
      this.problem = problem;
      return 'done';
    }
    const records: string[][] = [];
    const read = readQuotedCsv(this.options.decoder.decode(bytes), {
      file: this.options.file,
      delimiter: this.options.delimiter,
      firstRow: this.records + 1,
      final,
      onRecord: (record) => {
        records.push(record);
      },
    });
    if (read.open) return 'open';
    this.quoteProblems.merge(read.problems);
    for (const record of records) this.sink.parsed(record, ++this.records);
    return 'done';
  }
}

/** Position after the last complete line break in buf[start, end) (a CR at the very end may be half of a CRLF), or `start`. */
function lastBreak(buf: Buffer, start: number, end: number): number {
  const lf = end > start ? buf.lastIndexOf(LF, end - 1) : -1;
  const cr = end - 2 >= start ? buf.lastIndexOf(CR, end - 2) : -1;
  return Math.max(lf + 1, cr + 1, start);
}

/** Position after the first line break at or after `from` (LF, CRLF or a lone CR), or `limit`. */
function nextBreak(buf: Uint8Array, from: number, limit: number): number {
  for (let i = from; i < limit; i++) {
    const byte = buf[i];
    if (byte === LF) return i + 1;
    if (byte === CR) return i + 1 < limit && buf[i + 1] === LF ? i + 2 : i + 1;
  }
  return limit;
}
