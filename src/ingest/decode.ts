// Bytes → text: detect UTF-8 (with or without BOM), Windows-1252 or ISO-8859-1 (UTF-16 is recognised
// and refused), and never
// replace an undecodable byte silently with U+FFFD: it becomes an encoding-error naming its place.
import iconv from 'iconv-lite';
import type { Problem } from '../types.js';
import { phrase, type Words } from '../i18n.js';
import { MESSAGES, readingProblem, type MessageKey } from './messages.js';
import type { ForcedEncoding, TextEncoding } from './options.js';
import { lineAtByte, rowAtByte } from './position.js';
import { firstInvalidUtf8, hasItalianUtf8 } from './utf8.js';

export type Decoded = { ok: true; text: string; encoding: TextEncoding } | { ok: false; problem: Problem };

export interface DecodeOptions {
  encoding?: ForcedEncoding;
  /** How to name the place of a bad byte: a spreadsheet row (CSV) or a text line (JSON). */
  positions?: 'rows' | 'lines';
  /** Where these bytes start in the whole file, when they are a piece of it (a streamed chunk). */
  origin?: PieceOrigin;
}

/** The file offset and the spreadsheet row (or text line) at which a piece of a file starts. */
export interface PieceOrigin {
  byteOffset: number;
  row: number;
}

/** Bytes 0x80–0x9F that Windows-1252 leaves undefined: no text editor writes them. */
const UNDEFINED_IN_CP1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/** Decodes a text file, detecting its encoding unless one is forced. */
export function decodeBytes(bytes: Uint8Array, file: string, options: DecodeOptions = {}): Decoded {
  const fail = (key: MessageKey, offset: number, expected: Words): Decoded => ({
    ok: false,
    problem: encodingProblem(bytes, file, key, offset, expected, options),
  });

  const utf16 = utf16Variant(bytes);
  if (utf16 !== null) {
    return { ok: false, problem: readingProblem('encoding-error', file, 'utf16', { variant: utf16 }, { value: utf16, expected: 'UTF-8' }) };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) return fail('binary', nul, phrase({ it: 'testo', en: 'text' }));

  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const forced = options.encoding;
  if (forced === 'iso-8859-1') return { ok: true, text: iconv.decode(asBuffer(bytes), 'latin1'), encoding: 'iso-8859-1' };
  if (forced === 'windows-1252') {
    const undefinedAt = bytes.findIndex((b) => UNDEFINED_IN_CP1252.has(b));
    if (undefinedAt >= 0) return fail('undefinedByte', undefinedAt, 'Windows-1252');
    return { ok: true, text: iconv.decode(asBuffer(bytes), 'win1252'), encoding: 'windows-1252' };
  }

  const body = hasBom ? bytes.subarray(3) : bytes;
  const text = decodeUtf8(body);
  if (text !== null) return { ok: true, text, encoding: hasBom ? 'utf-8-bom' : 'utf-8' };
  const invalidAt = firstInvalidUtf8(bytes, hasBom ? 3 : 0);
  // A BOM announces UTF-8 just as a forced encoding does.
  if (forced === 'utf-8' || hasBom) return fail('notUtf8', invalidAt, 'UTF-8');
  if (hasItalianUtf8(bytes)) return fail('mixedEncodings', invalidAt, 'UTF-8');

  const undefinedAt = bytes.findIndex((b) => UNDEFINED_IN_CP1252.has(b));
  if (undefinedAt >= 0) return fail('undefinedByte', undefinedAt, 'UTF-8, Windows-1252, ISO-8859-1');
  // Without bytes 0x80–0x9F the two encodings agree; with them only Windows-1252 makes sense (€ ’ “ ”).
  const usesCp1252Range = bytes.some((b) => b >= 0x80 && b <= 0x9f);
  // Node 20's TextDecoder('windows-1252') decodes 0x80–0x9F wrongly (nodejs/node#56542): use iconv-lite.
  return { ok: true, text: iconv.decode(asBuffer(bytes), 'win1252'), encoding: usesCp1252Range ? 'windows-1252' : 'iso-8859-1' };
}

/** The encoding-error for the byte at `offset` of `bytes` (a whole file, or a piece placed by options.origin). */
export function encodingProblem(
  bytes: Uint8Array,
  file: string,
  key: MessageKey,
  offset: number,
  expected: Words,
  options: DecodeOptions = {},
): Problem {
  const byte = bytes[offset] ?? 0;
  const origin = options.origin ?? { byteOffset: 0, row: 1 };
  const row = origin.row - 1 + (options.positions === 'lines' ? lineAtByte(bytes, offset) : rowAtByte(bytes, offset));
  const fileOffset = origin.byteOffset + offset;
  const params = { offset: fileOffset, byte: hexByte(byte), place: readingPlace(options.positions, row) };
  const at = options.positions === 'lines' ? {} : { row };
  const place = { ...at, value: hexByte(byte), expected };
  return readingProblem('encoding-error', file, key, params, place);
}

/** Text of bytes already known to be in `encoding` (no checks: see decodeBytes). */
export function decodeText(bytes: Uint8Array, encoding: TextEncoding): string {
  if (encoding === 'utf-8' || encoding === 'utf-8-bom')
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  return iconv.decode(asBuffer(bytes), encoding === 'iso-8859-1' ? 'latin1' : 'win1252');
}

/** Bytes looked at to recognise UTF-16 without a BOM. */
const UTF16_SAMPLE = 4096;

/**
 * UTF-16LE or UTF-16BE when the bytes are text in one of them: a BOM (FF FE, FE FF), or, without
 * one, the zero byte that Latin text has in every other position (`a\0;\0` or `\0a\0;`); else null.
 */
export function utf16Variant(bytes: Uint8Array): 'UTF-16LE' | 'UTF-16BE' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'UTF-16LE';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'UTF-16BE';
  const pairs = Math.floor(Math.min(bytes.length, UTF16_SAMPLE) / 2);
  if (pairs === 0) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < pairs; i++) {
    if (bytes[2 * i] === 0) zeroEven++;
    if (bytes[2 * i + 1] === 0) zeroOdd++;
  }
  // Most characters of an Italian CSV are ASCII: their high byte is zero, the other never.
  if (zeroOdd >= pairs * 0.7 && zeroEven === 0) return 'UTF-16LE';
  if (zeroEven >= pairs * 0.7 && zeroOdd === 0) return 'UTF-16BE';
  return null;
}

function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function readingPlace(positions: DecodeOptions['positions'], row: number): Words {
  return phrase(MESSAGES[positions === 'lines' ? 'placeLine' : 'placeRow'], { row });
}

function hexByte(byte: number): string {
  return `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
}

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
