import { describe, expect, it } from 'vitest';
import { protectCells, pyramidOf } from '../../src/render/pyramid-data.js';
import { populationRows } from '../helpers/fixtures.js';

describe('age pyramids never show a small group', () => {
  it('hides 1 and 2, and a complement when a single cell is hidden', () => {
    const [male, female, hidden] = protectCells([[10, 2, 30], [40, 5, 60]], 3);
    expect(male).toEqual([10, 0, 30]);
    // 2 alone would be the published total minus the cells shown: the smallest other cell (5) goes too.
    expect(female).toEqual([40, 0, 60]);
    expect(hidden).toBe(2);
    expect(protectCells([[1, 2, 30], [0, 5, 60]], 3)).toEqual([[0, 0, 30], [0, 5, 60], 2]);
  });

  it('a quartiere pyramid built from popolazione rows applies it', () => {
    const rows = populationRows(2024, [['Q1', 5, 40, 'M'], ['Q1', 95, 1, 'M'], ['Q1', 5, 38, 'F'], ['Q1', 40, 25, 'F']]);
    const { spec, hidden } = pyramidOf(rows, new Set(['Q1']), 'Q1', { width: 10, last: 90, byCitizenship: false, threshold: 3 });
    expect(hidden).toBe(2);
    expect(spec.male[spec.bands.indexOf('90+')]).toBe(0);
    expect(spec.female[spec.bands.indexOf('40-49')]).toBe(0);
    expect(spec.female[spec.bands.indexOf('0-9')]).toBe(38);
  });
});
