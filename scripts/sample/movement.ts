// dati/<anno>/movimento.csv: births, deaths, arrivals and departures per quartiere, summing to
// ISTAT's bilancio demografico for the city.

import { apportion, at } from './apportion.js';
import { mortalita } from './age-profile.js';
import { ISTAT, type Anno } from './istat.js';
import { cella, conta, fascia, ETA_MAX, SESSI, type Popolazione } from './population.js';
import type { Random } from './prng.js';
import { QUARTIERI } from './territory.js';
import { toCsv } from './writers.js';

/** One quartiere's movement in the year. */
export interface Movimento {
  nati: number;
  /** Newborns of foreign citizenship (synthetic: ISTAT's balance does not split births by citizenship). */
  natiStranieri: number;
  morti: number;
  iscritti: number;
  cancellati: number;
}

/** Movement of every quartiere for one year. */
export function movimento(pop: Popolazione, rng: Random): Movimento[] {
  const t = ISTAT[pop.anno as Anno];
  const q = QUARTIERI.map((_, i) => i);
  // Births where the babies are (age 0 at year end), deaths where the old are (by age-specific risk).
  const nati = apportion(
    t.nati,
    q.map((i) => (fascia(pop, i, 0, 0) + 0.5) * rng.noise(0.05)),
  );
  const morti = apportion(
    t.morti,
    q.map((i) => {
      const row = at(pop.righe, i);
      let expected = 0;
      SESSI.forEach((sesso, s) => {
        for (let eta = 0; eta <= ETA_MAX; eta++)
          expected += (at(row, cella(s, eta, 0)) + at(row, cella(s, eta, 1))) * mortalita(sesso, eta);
      });
      return expected * rng.noise(0.06);
    }),
  );
  // People move more where there are many young adults and foreign residents.
  const mobilita = q.map((i) => {
    const totale = fascia(pop, i, 0);
    const giovani = fascia(pop, i, 20, 39) / totale;
    const stranieri = conta(pop, i, (_s, _e, c) => c === 'STR') / totale;
    return totale * (1 + 2 * giovani + 2.5 * stranieri);
  });
  const iscritti = apportion(
    t.iscritti,
    mobilita.map((m) => m * rng.noise(0.08)),
  );
  const cancellati = apportion(
    t.cancellati,
    mobilita.map((m) => m * rng.noise(0.08)),
  );
  // Foreign newborns as many as the foreign share of the quartiere's babies (age 0 at year end) says.
  const natiStranieri = q.map((i) => {
    const quota = conta(pop, i, (_s, eta, c) => eta === 0 && c === 'STR') / Math.max(1, fascia(pop, i, 0, 0));
    return Math.min(at(nati, i), Math.round(at(nati, i) * quota * rng.noise(0.1)));
  });
  return q.map((i) => ({
    nati: at(nati, i),
    natiStranieri: at(natiStranieri, i),
    morti: at(morti, i),
    iscritti: at(iscritti, i),
    cancellati: at(cancellati, i),
  }));
}

/** dati/<anno>/movimento.csv */
export function movimentoCsv(anno: number, righe: readonly Movimento[]): string {
  return toCsv(
    ['anno', 'codice_quartiere', 'nati', 'nati_stranieri', 'morti', 'iscritti', 'cancellati'],
    righe.map((m, i) => [anno, at(QUARTIERI, i).codice, m.nati, m.natiStranieri, m.morti, m.iscritti, m.cancellati]),
  );
}
