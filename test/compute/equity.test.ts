import { describe, expect, it } from 'vitest';
import type { Servizio, TypedRow } from '../../src/types.js';
import { computeYear } from '../../src/compute/indicators.js';
import { computeEquity } from '../../src/compute/equity.js';
import { bresciaIndicators, miniTerritorio, yearData } from '../helpers/fixtures.js';

const nido: Servizio = {
  codice: 'NIDO',
  nome: 'Nidi',
  cantiere: 'prima_infanzia',
  target: 'eta:0-2',
  unita: 'posti',
  enti: [],
  unitaPersone: true,
};

function scenario(places: Record<string, number>, children: Record<string, number>) {
  const popolazione: TypedRow[] = Object.entries(children).map(([q, n], i) => ({
    values: { anno: 2024, codice_quartiere: q, sesso: 'F', eta: 1, cittadinanza: 'ITA', residenti: n },
    file: 'p',
    row: i + 2,
  }));
  const erogazioni: TypedRow[] = Object.entries(places).map(([q, n], i) => ({
    values: { anno: 2024, codice_quartiere: q, codice_servizio: 'NIDO', codice_ente: 'comune', utenti: n, posti: n },
    file: 'e',
    row: i + 2,
  }));
  const defs = bresciaIndicators([nido]).filter((d) => d.id === 'copertura_NIDO');
  const { values } = computeYear(2024, defs, yearData(2024, { popolazione, erogazioni }), miniTerritorio, 'Città');
  return computeEquity(values, defs)[0]!;
}

describe('equity between quartieri', () => {
  const children = { Q1: 100, Q2: 200, Q3: 100, Q4: 100, Q5: 500 };

  it('min, max, their ratio, the coefficient of variation and the quartieri below the EU target', () => {
    const e = scenario({ Q1: 50, Q2: 40, Q3: 30, Q4: 20, Q5: 100 }, children);
    // Three quartieri tie at 20: the first by name is named.
    expect(e.min).toEqual({ codice: 'Q5', nome: 'Cinque', valore: 20 });
    expect(e.max).toEqual({ codice: 'Q1', nome: 'Uno', valore: 50 });
    expect(e.rapportoMaxMin).toBe(2.5);
    // values 50, 20, 30, 20, 20: mean 28, population sd = sqrt(136)
    expect(e.coefficienteVariazione).toBeCloseTo(Math.sqrt(136) / 28, 10);
    expect(e.obiettivo).toBe(33);
    expect(e.sottoObiettivo.map((q) => q.nome)).toEqual(['Cinque', 'Due', 'Quattro', 'Tre']);
  });

  it('dissimilarity is 0 when places are spread exactly like children, and grows as they concentrate', () => {
    const even = scenario({ Q1: 10, Q2: 20, Q3: 10, Q4: 10, Q5: 50 }, children);
    expect(even.dissimilarita).toBe(0);
    // All places in Q1, which has 1/10 of the children: 90% of places would have to move.
    const concentrated = scenario({ Q1: 100, Q2: 0, Q3: 0, Q4: 0, Q5: 0 }, children);
    expect(concentrated.dissimilarita).toBeCloseTo(0.9, 10);
  });
});
