import { describe, expect, it } from 'vitest';
import { computeYear } from '../../src/compute/indicators.js';
import { bresciaIndicators, miniTerritorio, populationRows, yearData } from '../helpers/fixtures.js';

describe('aggregation quartiere → zona → città', () => {
  // Q1: 100 residents, 10 aged 65+; Q2: 1000 residents, 500 aged 65+.
  const rows = populationRows(2024, [
    ['Q1', 30, 90],
    ['Q1', 70, 10],
    ['Q2', 30, 500],
    ['Q2', 70, 500],
    ['Q3', 30, 200],
    ['Q3', 80, 50],
    ['Q4', 10, 40],
    ['Q5', 90, 5],
    ['ND', 70, 7],
  ]);
  const defs = bresciaIndicators().filter((d) => ['quota_65_plus', 'popolazione'].includes(d.id));
  const { values } = computeYear(2024, defs, yearData(2024, { popolazione: rows }), miniTerritorio, 'Città');
  const find = (indicatore: string, codice: string) => values.find((v) => v.indicatore === indicatore && v.codice === codice)!;

  it("a zona's value is the ratio of its sums, not the mean of its quartieri's ratios", () => {
    expect(find('quota_65_plus', 'Q1').valore).toBe(10);
    expect(find('quota_65_plus', 'Q2').valore).toBe(50);
    // Mean of ratios would be 30; ratio of sums is 510 / 1100 = 46.36…%
    expect(find('quota_65_plus', 'nord').valore).toBe(46.4);
    expect(find('quota_65_plus', 'nord').numeratore).toBe(510);
    expect(find('quota_65_plus', 'nord').denominatore).toBe(1100);
  });

  it('rows with quartiere ND count at city level only, and the city says so', () => {
    const city = find('popolazione', 'citta');
    expect(city.valore).toBe(90 + 10 + 500 + 500 + 200 + 50 + 40 + 5 + 7);
    expect(city.nota).toMatch(/ND/);
    const zones = ['nord', 'sud'].reduce((s, z) => s + find('popolazione', z).valore!, 0);
    expect(zones).toBe(city.valore! - 7);
  });
});
