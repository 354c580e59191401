import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Territorio, TypedRow } from '../../src/types.js';
import { computeYear, type AreaValue } from '../../src/compute/indicators.js';
import { suppress } from '../../src/compute/suppress.js';
import { bresciaIndicators, miniTerritorio, yearData } from '../helpers/fixtures.js';
import type { Servizio } from '../../src/types.js';

const servizio: Servizio = {
  codice: 'CDD',
  nome: 'Centro diurno disabili',
  cantiere: 'anziani_disabili',
  target: 'tutti',
  unita: 'utenti',
  enti: [],
  unitaPersone: true,
};
const definitions = bresciaIndicators([servizio]).filter((d) => d.id === 'copertura_CDD');

function compute(territorio: Territorio, users: Map<string, number>, threshold = 3) {
  const population: TypedRow[] = territorio.quartieri.map((q, i) => ({
    values: { anno: 2024, codice_quartiere: q.codice, sesso: 'F', eta: 40, cittadinanza: 'ITA', residenti: 1000 },
    file: 'p',
    row: i + 2,
  }));
  const erogazioni: TypedRow[] = [...users].map(([code, utenti], i) => ({
    values: { anno: 2024, codice_quartiere: code, codice_servizio: 'CDD', codice_ente: 'x', utenti },
    file: 'e',
    row: i + 2,
  }));
  const dati = yearData(2024, { popolazione: population, erogazioni });
  const { values } = computeYear(2024, definitions, dati, territorio, 'Città');
  const original = new Map(values.map((v) => [`${v.livello}|${v.codice}`, v.numeratore]));
  const summary = suppress(values, definitions, { dati, territorio, servizi: [servizio], anni: [2024] }, threshold);
  return { values, summary, original };
}

/** True when the withheld cell `target` is determined by the published totals (linear algebra over the equations). */
function derivable(values: AreaValue[], territorio: Territorio, target: AreaValue): boolean {
  const cell = (livello: string, codice: string) => values.find((v) => v.livello === livello && v.codice === codice)!;
  const equations: AreaValue[][] = [[cell('citta', 'citta'), ...territorio.zone.map((z) => cell('zona', z.codice))]];
  for (const z of territorio.zone) equations.push([cell('zona', z.codice), ...z.quartieri.map((q) => cell('quartiere', q))]);
  const unknowns = values.filter((v) => v.soppresso);
  const index = new Map(unknowns.map((u, i) => [u, i]));
  // Each equation parent − Σ children = 0, restricted to the unknowns (published values move to the right side).
  const rows = equations
    .map(([parent, ...children]) => {
      const row = new Array(unknowns.length).fill(0);
      if (index.has(parent!)) row[index.get(parent!)!] += 1;
      for (const c of children) if (index.has(c)) row[index.get(c)!] -= 1;
      return row;
    })
    .filter((r) => r.some((x) => x !== 0));
  const rank = (matrix: number[][]) => {
    const m = matrix.map((r) => [...r]);
    let r = 0;
    for (let c = 0; c < unknowns.length && r < m.length; c++) {
      const pivot = m.findIndex((row, i) => i >= r && Math.abs(row[c]!) > 1e-9);
      if (pivot < 0) continue;
      [m[r], m[pivot]] = [m[pivot]!, m[r]!];
      for (let i = 0; i < m.length; i++) {
        if (i === r) continue;
        const f = m[i]![c]! / m[r]![c]!;
        for (let k = c; k < unknowns.length; k++) m[i]![k]! -= f * m[r]![k]!;
      }
      r++;
    }
    return r;
  };
  const unit = new Array(unknowns.length).fill(0);
  unit[index.get(target)!] = 1;
  return rank([...rows, unit]) === rank(rows);
}

const territories = fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 5 }).map((sizes): Territorio => {
  const quartieri = sizes.flatMap((n, z) =>
    Array.from({ length: n }, (_, i) => ({
      codice: `Z${z}Q${i}`,
      numero: null,
      nome: `Quartiere ${z}.${i}`,
      varianti: [],
      codiceZona: `z${z}`,
      zona: `Zona ${z}`,
      superficieKmq: null,
    })),
  );
  return {
    quartieri,
    zone: sizes.map((n, z) => ({ codice: `z${z}`, nome: `Zona ${z}`, quartieri: Array.from({ length: n }, (_, i) => `Z${z}Q${i}`) })),
  };
});

describe('privacy suppression', () => {
  it('withholds a count of 2 and a complement in its zona, so subtraction cannot reveal it', () => {
    const { values, summary } = compute(
      miniTerritorio,
      new Map([
        ['Q1', 2],
        ['Q2', 40],
        ['Q3', 10],
        ['Q4', 12],
        ['Q5', 30],
      ]),
    );
    const q1 = values.find((v) => v.codice === 'Q1')!;
    expect(q1).toMatchObject({ soppresso: true, valore: null, numeratore: null, denominatore: null });
    expect(q1.motivo).toMatch(/soglia/);
    const q2 = values.find((v) => v.codice === 'Q2')!;
    expect(q2.soppresso).toBe(true);
    expect(q2.motivo).toMatch(/complementare/);
    // Nord is now the only withheld zone… unless it is still published: Nord = Q1 + Q2 is fine to show.
    expect(summary.primary).toBe(1);
    expect(summary.secondary).toBeGreaterThanOrEqual(1);
    expect(values.find((v) => v.codice === 'Q3')!.soppresso).toBe(false);
  });

  it('publishes zero: it points at nobody', () => {
    const { values, summary } = compute(
      miniTerritorio,
      new Map([
        ['Q1', 0],
        ['Q2', 40],
        ['Q3', 10],
        ['Q4', 12],
        ['Q5', 30],
      ]),
    );
    expect(values.find((v) => v.codice === 'Q1')!.valore).toBe(0);
    expect(summary.primary).toBe(0);
  });

  it('over random hierarchies no withheld value can be derived from the published sums', () => {
    let secondaryCases = 0;
    fc.assert(
      fc.property(
        territories,
        fc.array(fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 60 })), { minLength: 30, maxLength: 30 }),
        (territorio, counts) => {
          const users = new Map(territorio.quartieri.map((q, i) => [q.codice, counts[i % counts.length]!]));
          const { values, summary, original } = compute(territorio, users);
          if (summary.secondary > 0) secondaryCases++;
          for (const v of values) {
            const n = original.get(`${v.livello}|${v.codice}`)!;
            // Primary rule: no published count between 1 and 2.
            if (!v.soppresso) expect(n === 0 || n >= 3).toBe(true);
            if (v.soppresso) expect(derivable(values, territorio, v)).toBe(false);
          }
        },
      ),
      { numRuns: 300, seed: 20261125 },
    );
    expect(secondaryCases).toBeGreaterThan(10);
  });
});
