import type { FieldSchema } from '../schemas/load-schemas.js';
import type { Cell } from '../types.js';
import type { NumberStyle } from '../ingest/numbers.js';


/** A cell that could not be typed: what was expected, in words for the message. */
export interface TypingFailure {
  expected: 'integer' | 'number' | 'boolean' | 'date';
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
export function typeCell(
  text: string,
  field: FieldSchema,
  style: NumberStyle,
  parseNumber: NumberParser,
): Cell | TypingFailure {
  const type = fieldType(field);
  if (type === 'integer' || type === 'number') {
    const value = parseNumber(text, style);
    if (value === null) return { expected: type };
    if (type === 'integer' && !Number.isInteger(value)) return { expected: 'integer' };
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
    const iso = italian
      ? `${italian[3]}-${italian[2]!.padStart(2, '0')}-${italian[1]!.padStart(2, '0')}`
      : trimmed;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || Number.isNaN(Date.parse(iso))) return { expected: 'date' };
    return iso;
  }
  return text.trim();
}

/** True when typeCell failed. */
export function isTypingFailure(value: Cell | TypingFailure): value is TypingFailure {
  return typeof value === 'object' && value !== null;
}
