// The encoding of a file read in chunks: decided by decode.ts's own detection on the first chunk
// (or, when that chunk is plain ASCII, on the first line that is not), then every later non-ASCII
// piece is checked against the decision, so a bad byte is an encoding-error at its row.
import { isAscii } from 'node:buffer';
import type { Problem } from '../../types.js';
import { decodeBytes, decodeText, encodingProblem, type PieceOrigin } from '../decode.js';
import type { ForcedEncoding, TextEncoding } from '../options.js';
import { firstInvalidUtf8 } from '../utf8.js';

/** What the first chunk tells: its text (for sniffing the dialect) and where the data starts. */
export type StreamStart = { ok: true; text: string; bomLength: number } | { ok: false; problem: Problem };

/** Decides, checks and decodes the encoding of a streamed text file. */
export class StreamDecoder {
  /** The encoding as the report states it (it may still change while undecided: see `decided`). */
  encoding: TextEncoding = 'utf-8';
  /** False while every byte seen was ASCII, which reads the same in every encoding we accept. */
  private decided = false;
  /** For a file read as Windows-1252/ISO-8859-1: the mixed-encodings error naming its first non-UTF-8 byte. */
  private mixed: Problem | null = null;

  constructor(
    private readonly file: string,
    private readonly forced?: ForcedEncoding,
  ) {}

  /** Detects the encoding on the first bytes (the whole file, or a sample cut where no character is split). */
  start(first: Uint8Array, whole: boolean): StreamStart {
    const sample = whole ? first : first.subarray(0, sampleEnd(first));
    const decoded = decodeBytes(sample, this.file, { ...(this.forced && { encoding: this.forced }) });
    if (!decoded.ok) return decoded;
    this.decide(sample, decoded.encoding, { byteOffset: 0, row: 1 });
    this.decided = this.forced !== undefined || decoded.encoding !== 'utf-8' || !isAscii(sample);
    return { ok: true, text: decoded.text, bomLength: decoded.encoding === 'utf-8-bom' ? 3 : 0 };
  }

  /** Checks a piece of the file that may hold non-ASCII bytes; null when it reads in the file's encoding. */
  check(bytes: Uint8Array, origin: PieceOrigin): Problem | null {
    if (isAscii(bytes)) return null;
    const options = { origin };
    if (!this.decided) {
      const decoded = decodeBytes(bytes, this.file, options);
      if (!decoded.ok) return decoded.problem;
      this.decide(bytes, decoded.encoding, origin);
      this.decided = true;
      return null;
    }
    if (this.forced !== undefined || this.encoding === 'utf-8-bom') {
      const forced = this.forced ?? 'utf-8';
      const decoded = decodeBytes(bytes, this.file, { ...options, encoding: forced });
      return decoded.ok ? null : decoded.problem;
    }
    const decoded = decodeBytes(bytes, this.file, options);
    if (!decoded.ok) return decoded.problem;
    if (this.encoding === 'utf-8') {
      // A piece that is not UTF-8 in a file whose accents so far were UTF-8: two encodings mixed.
      if (decoded.encoding === 'utf-8') return null;
      return encodingProblem(bytes, this.file, 'mixedEncodings', firstInvalidUtf8(bytes), 'UTF-8', options);
    }
    // UTF-8 accents in a file read as Windows-1252: the error names the file's first non-UTF-8 byte,
    // as whole-file detection does.
    if (decoded.encoding === 'utf-8') return this.mixed;
    // Bytes 0x80–0x9F seen later make an ISO-8859-1 guess Windows-1252, as whole-file detection would.
    if (decoded.encoding === 'windows-1252') this.encoding = 'windows-1252';
    return null;
  }

  private decide(bytes: Uint8Array, encoding: TextEncoding, origin: PieceOrigin): void {
    this.encoding = encoding;
    if (this.forced !== undefined || encoding === 'utf-8' || encoding === 'utf-8-bom') return;
    this.mixed = encodingProblem(bytes, this.file, 'mixedEncodings', firstInvalidUtf8(bytes), 'UTF-8', { origin });
  }

  /** Text of a piece already checked. */
  decode(bytes: Uint8Array): string {
    // Auto-detected ISO-8859-1 is read as Windows-1252, as decodeBytes does (they agree on its bytes).
    const encoding = this.encoding === 'iso-8859-1' && this.forced === undefined ? 'windows-1252' : this.encoding;
    return decodeText(bytes, encoding);
  }
}

/** End of the detection sample: after the last line break, or before a trailing multi-byte sequence. */
function sampleEnd(chunk: Uint8Array): number {
  const lf = chunk.lastIndexOf(0x0a);
  if (lf >= 0) return lf + 1;
  let end = chunk.length;
  while (end > 0 && chunk[end - 1]! >= 0x80) end--;
  return end;
}
