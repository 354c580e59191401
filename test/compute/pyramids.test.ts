import { describe, expect, it } from 'vitest';
import { computeYear } from '../../src/compute/indicators.js';
import { auditPublication, protectPublication } from '../../src/compute/suppress.js';
import { bresciaIndicators, miniTerritorio, populationRows, yearData } from '../helpers/fixtures.js';

// Age pyramids are published figures like the indicators: the privacy authority decides their cells.

function publish(cells: Parameters<typeof populationRows>[1], ids: string[], audit = true) {
  const rows = populationRows(2024, [
    ...miniTerritorio.quartieri.flatMap((q): Parameters<typeof populationRows>[1] => [
      [q.codice, 40, 500, 'M'],
      [q.codice, 40, 520, 'F'],
    ]),
    ...cells,
  ]);
  const dati = yearData(2024, { popolazione: rows });
  const project = { dati, territorio: miniTerritorio, servizi: [], anni: [2024] };
  const definitions = bresciaIndicators().filter((d) => ids.includes(d.id));
  const { values } = computeYear(2024, definitions, dati, miniTerritorio, 'Città');
  const options = { threshold: 3, pyramidYear: 2024, cityName: 'Città', audit };
  const { pyramids, summary } = protectPublication(values, definitions, project, options);
  return { pyramids, summary, values, leaks: auditPublication(values, definitions, project, { ...options, pyramids }) };
}

describe('age pyramids', () => {
  it('withhold a group of 1 or 2 and a complement in the same table; zero and large groups are drawn', () => {
    const { pyramids, leaks } = publish(
      [
        ['Q1', 95, 1, 'M'],
        ['Q1', 5, 38, 'F'],
        ['Q1', 25, 10, 'F'],
      ],
      [],
    );
    const q1 = pyramids.quartieri.get('Q1')!;
    expect(q1.male[q1.bands.indexOf('90+')]).toBeNull();
    // The complement is the smallest group drawn in the same table (10 women aged 20-29), not an empty one.
    expect(q1.female[q1.bands.indexOf('20-29')]).toBeNull();
    expect(q1.hidden).toBe(2);
    expect(q1.female[q1.bands.indexOf('0-9')]).toBe(38);
    expect(q1.female[q1.bands.indexOf('10-19')]).toBe(0);
    // The city's pyramid is drawn with the same people: its 95-99 band holds the one man, so it goes too.
    const city = pyramids.citta!;
    expect(city.male[city.bands.indexOf('95-99')]).toBeNull();
    expect(leaks).toEqual([]);
  });

  it("a pyramid band does not give back an indicator's withheld count, nor the other way round", () => {
    // Q1 has 2 residents aged 75+ (both women aged 80): quota_75_plus is withheld for Q1; the pyramid's
    // 80-89 band of women is the same 2 people.
    const off = publish([['Q1', 80, 2, 'F']], ['quota_75_plus'], false);
    const on = publish([['Q1', 80, 2, 'F']], ['quota_75_plus'], true);
    const q1 = on.pyramids.quartieri.get('Q1')!;
    expect(q1.female[q1.bands.indexOf('80-89')]).toBeNull();
    expect(on.values.find((v) => v.codice === 'Q1' && v.indicatore === 'quota_75_plus')!.soppresso).toBe(true);
    expect(on.leaks).toEqual([]);
    // The band and a complement in its table.
    expect(on.summary.pyramidCells).toBeGreaterThanOrEqual(2);
    expect(off.values.find((v) => v.codice === 'Q1' && v.indicatore === 'quota_75_plus')!.soppresso).toBe(true);
  });
});

describe('what a pyramid says in words', () => {
  it('totals of the cells shown and the largest band whose two cells are both shown, from compute', () => {
    const { pyramids } = publish(
      [
        ['Q1', 95, 1, 'M'],
        ['Q1', 5, 38, 'F'],
        ['Q1', 25, 10, 'F'],
      ],
      [],
    );
    const q1 = pyramids.quartieri.get('Q1')!;
    // Q1: 500 men and 520 women aged 40 (shown), 1 man aged 95 and 10 women aged 25 withheld, 38 girls shown.
    expect(q1.totals).toEqual({ male: 500, female: 520 + 38 });
    expect(q1.largestBand).toEqual({ band: '40-49', residenti: 1020 });
  });
});
