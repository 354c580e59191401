// dati/<anno>/famiglie.csv: households per quartiere, summing to ISTAT's city totals
// (all households and one-person households), with people 75+ living alone.

import { apportion, at } from './apportion.js';
import { ISTAT, type Anno } from './istat.js';
import { conta, fascia, type Popolazione } from './population.js';
import type { Random } from './prng.js';
import { QUARTIERI } from './territory.js';
import { toCsv } from './writers.js';

/** One quartiere's households. */
export interface Famiglie {
  famiglie: number;
  unipersonali: number;
  anzianiSoli75: number;
}

/** Shares of a quartiere that shape its households. */
function struttura(pop: Popolazione, q: number): { bambini: number; anziani: number; stranieri: number; totale: number } {
  const totale = fascia(pop, q, 0);
  return {
    totale,
    bambini: fascia(pop, q, 0, 14) / totale,
    anziani: fascia(pop, q, 65) / totale,
    stranieri: conta(pop, q, (_s, _e, c) => c === 'STR') / totale,
  };
}

/** Households of every quartiere for one year. */
export function famiglie(pop: Popolazione, rng: Random): Famiglie[] {
  const t = ISTAT[pop.anno as Anno];
  const s = QUARTIERI.map((_, q) => struttura(pop, q));
  const city = {
    bambini: s.reduce((a, x) => a + x.bambini * x.totale, 0) / t.totale,
    anziani: s.reduce((a, x) => a + x.anziani * x.totale, 0) / t.totale,
    stranieri: s.reduce((a, x) => a + x.stranieri * x.totale, 0) / t.totale,
  };
  // Bigger households where there are children and foreign families, smaller where people are old
  // and in the centre (students, people living alone).
  const dimensione = s.map(
    (x, q) =>
      Math.exp(1.6 * (x.bambini - city.bambini) - 0.5 * (x.anziani - city.anziani) + 0.6 * (x.stranieri - city.stranieri)) *
      (at(QUARTIERI, q).zona === 'centro' ? 0.92 : 1) *
      rng.noise(0.03),
  );
  const nFamiglie = apportion(
    t.famiglie,
    s.map((x, q) => x.totale / at(dimensione, q)),
    s.map((x) => x.totale),
  );
  const quotaSoli = s.map(
    (x, q) =>
      Math.exp(-1.5 * (x.bambini - city.bambini) + 0.8 * (x.anziani - city.anziani)) *
      (at(QUARTIERI, q).zona === 'centro' ? 1.15 : 1) *
      rng.noise(0.04),
  );
  const nSoli = apportion(
    t.famiglieUnipersonali,
    nFamiglie.map((f, q) => f * at(quotaSoli, q)),
    nFamiglie,
  );
  return nFamiglie.map((f, q) => {
    const residenti75 = fascia(pop, q, 75);
    // About 38% of people 75+ live alone in Italy (49% of women, 22% of men, ISTAT 2019).
    const soli = Math.round(0.38 * residenti75 * rng.noise(0.08));
    return { famiglie: f, unipersonali: at(nSoli, q), anzianiSoli75: Math.min(soli, residenti75, at(nSoli, q)) };
  });
}

/** dati/<anno>/famiglie.csv */
export function famiglieCsv(anno: number, righe: readonly Famiglie[]): string {
  return toCsv(
    ['anno', 'codice_quartiere', 'famiglie', 'famiglie_unipersonali', 'anziani_soli_75'],
    righe.map((f, q) => [anno, at(QUARTIERI, q).codice, f.famiglie, f.unipersonali, f.anzianiSoli75]),
  );
}
