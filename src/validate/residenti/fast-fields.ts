// Reading the cells of a residenti row straight from bytes (or from text) when they are written
// plainly: digits, an exact enum value, a quartiere already met. Anything else returns "no" (-1),
// and the row goes to the table validator, which knows every way a cell may be written or wrong.
import type { QuartiereIndex, QuartiereMatch } from '../quartieri.js';

/** Most distinct written values remembered (a column of garbage must not fill the memory). */
const MAX_REMEMBERED = 10_000;

/** The value of 1–9 ASCII digits in buf[start, end), or -1 for anything else (signs, spaces, separators). */
export function digitsAt(buf: Uint8Array, start: number, end: number): number {
  if (end <= start || end - start > 9) return -1;
  let value = 0;
  for (let i = start; i < end; i++) {
    const digit = buf[i]! - 0x30;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** The value of a text of 1–9 ASCII digits, or -1. */
export function digitsOf(text: string): number {
  if (text.length === 0 || text.length > 9) return -1;
  let value = 0;
  for (let i = 0; i < text.length; i++) {
    const digit = text.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** Index of the enum value written exactly as buf[start, end), or -1. */
export function enumAt(values: readonly Uint8Array[], buf: Uint8Array, start: number, end: number): number {
  for (let v = 0; v < values.length; v++) if (sameBytes(values[v]!, buf, start, end)) return v;
  return -1;
}

function sameBytes(bytes: Uint8Array, buf: Uint8Array, start: number, end: number): boolean {
  if (bytes.length !== end - start) return false;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] !== buf[start + i]) return false;
  return true;
}

/** Size of the open-addressing table of written values met as bytes (a power of two, over MAX_REMEMBERED). */
const TABLE_SIZE = 1 << 15;

/**
 * The quartiere index with its answers remembered per written value (the same few dozen values
 * repeat millions of times), and the quartiere of a cell found by its bytes once its text is known good.
 */
export class QuartiereCache {
  /** The index to hand the table validator: the same answers, each computed once. */
  readonly index: QuartiereIndex;
  private readonly matches = new Map<string, QuartiereMatch>();
  /** Written values already seen through the validator, with their slot in the counts. */
  private readonly known = new Map<string, number>();
  // Written values met as bytes: hash → entry (open addressing), entry → bytes and slot.
  private readonly table = new Int32Array(TABLE_SIZE).fill(-1);
  private readonly entryBytes: Uint8Array[] = [];
  private readonly entrySlot: number[] = [];

  constructor(
    index: QuartiereIndex,
    private readonly slotOf: (codice: string) => number,
  ) {
    this.index = {
      byCode: index.byCode,
      resolve: (written) => {
        const cached = this.matches.get(written);
        if (cached) return cached;
        const match = index.resolve(written);
        if (this.matches.size < MAX_REMEMBERED) this.matches.set(written, match);
        return match;
      },
    };
  }

  /** Marks a written value as good (its row went through the validator and named a quartiere); returns its slot. */
  learn(written: string, codice: string): number {
    const slot = this.slotOf(codice);
    if (this.known.size < MAX_REMEMBERED) this.known.set(written, slot);
    return slot;
  }

  /** Slot of a written value already learnt, or -1. */
  slotOfText(written: string): number {
    return this.known.get(written) ?? -1;
  }

  /** Slot of the value in buf[start, end), found by its bytes; `text(cell)` decodes it on a first meeting. */
  slotAt(buf: Uint8Array, start: number, end: number, text: (cell: number) => string, cell: number): number {
    const length = end - start;
    if (length === 0 || length > 64) return -1;
    let hash = length;
    for (let i = start; i < end; i++) hash = (Math.imul(hash, 31) + buf[i]!) | 0;
    let at = (hash ^ (hash >>> 15)) & (TABLE_SIZE - 1);
    for (let entry = this.table[at]!; entry >= 0; entry = this.table[at]!) {
      if (sameBytes(this.entryBytes[entry]!, buf, start, end)) return this.entrySlot[entry]!;
      at = (at + 1) & (TABLE_SIZE - 1);
    }
    const slot = this.slotOfText(text(cell));
    if (slot >= 0 && this.entrySlot.length < MAX_REMEMBERED) {
      this.table[at] = this.entrySlot.length;
      // A copy: the buffer is reused for the next read (and Buffer#slice would be a view).
      this.entryBytes.push(Uint8Array.prototype.slice.call(buf, start, end));
      this.entrySlot.push(slot);
    }
    return slot;
  }
}
