// Funding (risorse) and people (personale): totals by source, cantiere and service, cost per user, change on
// the year before, with the rows summed; and operators and volunteers by organisation.

import { describe, expect, it } from 'vitest';
import { computeFunding } from '../../src/compute/funding.js';
import { computePeople } from '../../src/compute/people.js';
import type { DatasetRows, Servizio, TypedRow } from '../../src/types.js';

const servizio = (codice: string, cantiere: string): Servizio => ({
  codice,
  nome: codice,
  cantiere,
  target: 'tutti',
  unita: 'utenti',
  unitaPersone: true,
  enti: [],
});
const SERVIZI = [servizio('NIDO', 'prima_infanzia'), servizio('SAD', 'anziani'), servizio('RARO', 'anziani')];

let line = 1;
const row = (file: string, values: TypedRow['values']): TypedRow => ({ file, row: ++line, values });
const risorsa = (anno: number, codice_servizio: string, fonte: string, importo_euro: number) =>
  row(`dati/${anno}/risorse.csv`, { anno, codice_servizio, fonte, importo_euro });
const erogazione = (anno: number, codice_servizio: string, utenti: number) =>
  row(`dati/${anno}/erogazioni_comune.csv`, { anno, codice_quartiere: 'ND', codice_servizio, codice_ente: 'comune', utenti });

function dati(years: Record<number, Record<string, TypedRow[]>>): Map<number, DatasetRows> {
  return new Map(Object.entries(years).map(([anno, ds]) => [Number(anno), new Map(Object.entries(ds))]));
}

describe('computeFunding', () => {
  const project = dati({
    2023: {
      risorse: [risorsa(2023, 'NIDO', 'comune', 800), risorsa(2023, 'SAD', 'comune', 200)],
      erogazioni: [erogazione(2023, 'NIDO', 10)],
    },
    2024: {
      risorse: [
        risorsa(2024, 'NIDO', 'comune', 900.1),
        risorsa(2024, 'NIDO', 'pnrr', 100.2),
        risorsa(2024, 'SAD', 'fondi_nazionali', 300),
        risorsa(2024, 'RARO', 'comune', 50),
      ],
      erogazioni: [erogazione(2024, 'NIDO', 7), erogazione(2024, 'NIDO', 3), erogazione(2024, 'SAD', 30), erogazione(2024, 'RARO', 2)],
    },
  });
  const [y23, y24] = computeFunding(project, SERVIZI, 3);

  it('sums by source in the contract order, by cantiere and by service, and the total, without binary noise', () => {
    expect(y24!.totale.importo).toBe(1350.3);
    expect(y24!.perFonte.map((f) => [f.fonte, f.importo])).toEqual([
      ['comune', 950.1],
      ['fondi_nazionali', 300],
      ['pnrr', 100.2],
    ]);
    expect(Object.fromEntries(y24!.perCantiere.map((c) => [c.cantiere, c.importo]))).toEqual({ prima_infanzia: 1000.3, anziani: 350 });
  });

  it('gives the change on the year before in per cent, and none for the first year', () => {
    expect(y23!.totale.variazionePct).toBeNull();
    expect(y24!.totale.variazionePct).toBeCloseTo(35.03, 2);
    const sad = y24!.perServizio.find((s) => s.servizio === 'SAD')!;
    expect(sad.variazionePct).toBe(50);
    // A source the year before did not have has no change to show.
    expect(y24!.perFonte.find((f) => f.fonte === 'pnrr')!.variazionePct).toBeNull();
  });

  it('divides a service money by its users, and withholds the cost when the users are below the threshold', () => {
    const nido = y24!.perServizio.find((s) => s.servizio === 'NIDO')!;
    expect([nido.utenti, nido.costoPerUtente, nido.soppresso]).toEqual([10, 100.03, false]);
    const raro = y24!.perServizio.find((s) => s.servizio === 'RARO')!;
    expect([raro.utenti, raro.costoPerUtente, raro.soppresso]).toEqual([null, null, true]);
    expect(y23!.perServizio.find((s) => s.servizio === 'SAD')!.costoPerUtente).toBeNull();
  });

  it('names the files and rows of every sum', () => {
    const nido = y24!.perServizio.find((s) => s.servizio === 'NIDO')!;
    const rows = project.get(2024)!.get('risorse')!;
    expect(nido.fonti).toEqual([{ file: 'dati/2024/risorse.csv', righe: `${rows[0]!.row}-${rows[1]!.row}` }]);
  });
});

describe('computePeople', () => {
  const persone = (anno: number, codice_ente: string, operatori: number, volontari: number | null) =>
    row(`dati/${anno}/personale.csv`, { anno, codice_ente, operatori, volontari });
  const years = computePeople(
    dati({
      2023: { personale: [persone(2023, 'auser', 10, 100)] },
      2024: { personale: [persone(2024, 'comune', 500, null), persone(2024, 'auser', 12, 90)] },
    }),
  );

  it('lists organisations by code with their change, and totals what they say', () => {
    const y24 = years.find((y) => y.anno === 2024)!;
    expect(y24.enti.map((e) => [e.ente, e.operatori, e.volontari, e.variazioneOperatori, e.variazioneVolontari])).toEqual([
      ['auser', 12, 90, 2, -10],
      ['comune', 500, null, null, null],
    ]);
    expect([y24.operatori, y24.volontari]).toEqual([512, 90]);
    expect(y24.fonti[0]!.file).toBe('dati/2024/personale.csv');
  });
});
