import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatRowRanges, parseRowRanges } from '../../src/compute/row-ranges.js';
import { roundHalfAwayFromZero } from '../../src/compute/rounding.js';

describe('formatRowRanges', () => {
  it('writes runs, stepped runs and single rows, whatever the order and the repeats', () => {
    expect(formatRowRanges([2, 3, 4, 5, 9, 11, 13, 15, 40])).toBe('2-5, 9-15/2, 40');
    expect(formatRowRanges([40, 15, 2, 13, 5, 3, 11, 4, 9, 9, 2])).toBe('2-5, 9-15/2, 40');
    expect(formatRowRanges(new Set([7, 1]))).toBe('1, 7');
    expect(formatRowRanges([])).toBe('');
  });

  it('reads back as the sorted distinct rows, for rows in file order and in any order', () => {
    const rows = fc.array(fc.integer({ min: 2, max: 5000 }), { maxLength: 300 });
    fc.assert(
      fc.property(rows, fc.boolean(), (list, inOrder) => {
        const input = inOrder ? [...new Set(list)].sort((a, b) => a - b) : list;
        const expected = [...new Set(list)].sort((a, b) => a - b);
        expect(parseRowRanges(formatRowRanges(input))).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe('roundHalfAwayFromZero', () => {
  it('keeps integers as they are, and −0 as 0', () => {
    expect(roundHalfAwayFromZero(199853, 4)).toBe(199853);
    expect(roundHalfAwayFromZero(-12, 1)).toBe(-12);
    expect(Object.is(roundHalfAwayFromZero(-0, 2), 0)).toBe(true);
  });

  it('rounds the exact decimal half away from zero', () => {
    expect(roundHalfAwayFromZero(2.675, 2)).toBe(2.68);
    expect(roundHalfAwayFromZero(-0.125, 2)).toBe(-0.13);
    expect(Object.is(roundHalfAwayFromZero(-0.004, 2), 0)).toBe(true);
  });
});
