import { describe, expect, it } from 'vitest';
import { columnLetter, columnLetters } from '../../src/ingest/columns.js';

describe('columnLetter', () => {
  it.each([
    [1, 'A'],
    [5, 'E'],
    [26, 'Z'],
    [27, 'AA'],
    [52, 'AZ'],
    [53, 'BA'],
    [702, 'ZZ'],
    [703, 'AAA'],
    [16384, 'XFD'],
  ])('%i → %s', (column, letter) => {
    expect(columnLetter(column)).toBe(letter);
  });

  it('rejects what is no column (a bug, not user input)', () => {
    expect(() => columnLetter(0)).toThrow(RangeError);
    expect(() => columnLetter(1.5)).toThrow(RangeError);
  });

  it('joins letters for messages', () => {
    expect(columnLetters([5, 6])).toBe('E, F');
  });
});
