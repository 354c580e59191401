import type { FieldSchema } from '../schemas/load-schemas.js';
import type { Cell } from '../types.js';
import type { NumberStyle } from '../ingest/numbers.js';
import { isDate } from '../schemas/load-schemas.js';

/** A cell that could not be typed: what was expected, in words for the message. */
export interface TypingFailure {
  expected: 'integer' | 'number' | 'boolean' | 'date';
  /**
   * Why a value of the right shape is still refused: a date whose day is not in the calendar
   * (2025-02-31), an integer past 2^53 − 1 that a double would silently round.
   */
  reason?: 'no-such-day' | 'unsafe-integer';
}

export type NumberParser = (text: string, style: NumberStyle) => number | null;

const truthy = new Set(['true', 'vero', 'si', 'sì', 'yes', '1', 'x']);
const falsy = new Set(['false', 'falso', 'no', '0']);

/** The primary JSON type a field declares (ignoring `null` in a union). */
export function fieldType(field: FieldSchema): string {
  const declared = Array.isArray(field.type) ? field.type.filter((x) => x !== 'null') : [field.type];
  return declared[0] ?? 'string';
}

/** Types one non-empty cell as its field declares; a failure is data, not an exception. */
export function typeCell(text: string, field: FieldSchema, style: NumberStyle, parseNumber: NumberParser): Cell | TypingFailure {
  const type = fieldType(field);
  if (type === 'integer' || type === 'number') {
    const value = parseNumber(text, style);
    if (value === null) return { expected: type };
    if (type === 'integer' && !Number.isInteger(value)) return { expected: 'integer' };
    if (type === 'integer' && !Number.isSafeInteger(value)) return { expected: 'integer', reason: 'unsafe-integer' };
    return value;
  }
  if (type === 'boolean') {
    const key = text.trim().toLowerCase();
    if (truthy.has(key)) return true;
    if (falsy.has(key)) return false;
    return { expected: 'boolean' };
  }
  if (field.format === 'date') {
    const trimmed = text.trim();
    const italian = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(trimmed);
    const iso = italian ? `${italian[3]}-${italian[2]!.padStart(2, '0')}-${italian[1]!.padStart(2, '0')}` : trimmed;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return { expected: 'date' };
    if (!isDate(iso)) return { expected: 'date', reason: 'no-such-day' };
    return iso;
  }
  return text.trim();
}

/** True when typeCell failed. */
export function isTypingFailure(value: Cell | TypingFailure): value is TypingFailure {
  return typeof value === 'object' && value !== null;
}
