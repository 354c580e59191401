import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeYear } from '../../src/compute/indicators.js';
import { bresciaIndicators, populationRows, yearData } from '../helpers/fixtures.js';
import { fixturesDir } from '../helpers/paths.js';
import type { Territorio } from '../../src/types.js';

// Agreement with published ISTAT values, through the whole engine: catalogue → expressions → sums → rounding.

const oneArea: Territorio = {
  quartieri: [{ codice: 'A', numero: 1, nome: 'Area', varianti: [], codiceZona: 'z', zona: 'Z', superficieKmq: null }],
  zone: [{ codice: 'z', nome: 'Z', quartieri: ['A'] }],
};

function readCsv(file: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(path.join(fixturesDir, 'istat', file), 'utf8')
    .trim()
    .split('\n');
  const names = header!.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [names[i]!, v])));
}

/** Band totals placed at one age inside each band: the indices only need the bands. */
function bandRows(anno: number, young: number, working: number, old: number) {
  return populationRows(anno, [
    ['A', 7, young],
    ['A', 40, working],
    ['A', 70, old],
  ]);
}

function cityValue(anno: number, rows: ReturnType<typeof bandRows>, id: string): number | null {
  const defs = bresciaIndicators().filter((d) => d.id === id);
  const { values } = computeYear(anno, defs, yearData(anno, { popolazione: rows }), oneArea, 'Italia');
  return values.find((v) => v.livello === 'citta')!.valore;
}

describe('ISTAT published values', () => {
  const italy = readCsv('italia_struttura_eta_tuttitalia.csv');
  it.each([
    ['2012', 148.6],
    ['2018', 168.9],
  ])('Italy at 1 January %s: indice di vecchiaia %s', (year, published) => {
    const row = italy.find((r) => r.anno_1_gennaio === year)!;
    const rows = bandRows(Number(year), Number(row.pop_0_14), Number(row.pop_15_64), Number(row.pop_65_plus));
    expect(cityValue(Number(year), rows, 'indice_vecchiaia')).toBe(published);
  });

  it('Italy 2018: dipendenza strutturale from these totals is 56.0 (the README explains why not 56.1)', () => {
    const row = italy.find((r) => r.anno_1_gennaio === '2018')!;
    const rows = bandRows(2018, Number(row.pop_0_14), Number(row.pop_15_64), Number(row.pop_65_plus));
    expect(cityValue(2018, rows, 'indice_dipendenza_strutturale')).toBe(56.0);
  });

  const brescia = readCsv('brescia_comune_struttura_eta_istat_censimento.csv');
  it.each(brescia.map((r) => [r.anno_censimento!, r] as const))('Brescia %s: the indices its band totals imply', (year, row) => {
    const young = Number(row.pop_0_14_derived);
    const working = Number(row.pop_15_64);
    const old = Number(row.pop_65_plus);
    const rows = bandRows(Number(year), young, working, old);
    // Expected values by plain arithmetic on the published totals, rounded half up at one decimal.
    const oneDecimal = (x: number) => Math.floor(x * 10 + 0.5) / 10;
    expect(cityValue(Number(year), rows, 'indice_vecchiaia')).toBe(oneDecimal((old / young) * 100));
    expect(cityValue(Number(year), rows, 'indice_dipendenza_strutturale')).toBe(oneDecimal(((young + old) / working) * 100));
    expect(cityValue(Number(year), rows, 'indice_dipendenza_anziani')).toBe(oneDecimal((old / working) * 100));
    expect(cityValue(Number(year), rows, 'popolazione')).toBe(Number(row.popolazione_totale));
  });

  it('Brescia 2024: indice di vecchiaia 205.3 and population 199,853', () => {
    const row = brescia.find((r) => r.anno_censimento === '2024')!;
    const rows = bandRows(2024, Number(row.pop_0_14_derived), Number(row.pop_15_64), Number(row.pop_65_plus));
    expect(cityValue(2024, rows, 'indice_vecchiaia')).toBe(205.3);
    expect(cityValue(2024, rows, 'popolazione')).toBe(199853);
  });
});
