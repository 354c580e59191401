// dati/<anno>/popolazione.csv: residents by quartiere × sex × single age × citizenship.
// City cells are fixed first (ISTAT bands by sex, foreign total), then spread over the quartieri
// by iterative proportional fitting and rounded so every margin stays exact.

import { apportion, at, sum } from './apportion.js';
import { fitMargins, roundToMargins, type Matrix } from './calibration.js';
import { mortalita, profiloEta, quotaStranieri } from './age-profile.js';
import { ANNI, ISTAT, QUOTA_MASCHI_0_14, type Anno, type CityTargets, type Sesso } from './istat.js';
import type { Random } from './prng.js';
import { QUARTIERI } from './territory.js';
import { toCsv } from './writers.js';

export const SESSI: readonly Sesso[] = ['M', 'F'];
export const CITTADINANZE = ['ITA', 'STR'] as const;
export type Cittadinanza = (typeof CITTADINANZE)[number];
export const ETA_MAX = 100;
const ETA = ETA_MAX + 1;
/** Cells per quartiere: sex × age × citizenship. */
export const CELLE = 2 * ETA * 2;

/** Position of a (sex, age, citizenship) cell in a quartiere's row. */
export function cella(s: number, eta: number, c: number): number {
  return (s * ETA + eta) * 2 + c;
}

/** Residents of one year: one row of CELLE counts per quartiere (same order as QUARTIERI). */
export interface Popolazione {
  anno: number;
  righe: Int32Array[];
}

/** Residents of quartiere q whose cell passes the filter. */
export function conta(pop: Popolazione, q: number, filtro: (s: Sesso, eta: number, c: Cittadinanza) => boolean): number {
  const row = at(pop.righe, q);
  let total = 0;
  SESSI.forEach((sesso, s) => {
    for (let eta = 0; eta < ETA; eta++)
      CITTADINANZE.forEach((cit, c) => {
        if (filtro(sesso, eta, cit)) total += at(row, cella(s, eta, c));
      });
  });
  return total;
}

/** Residents of quartiere q aged da..a (both included). */
export function fascia(pop: Popolazione, q: number, da: number, a: number = ETA_MAX): number {
  return conta(pop, q, (_s, eta) => eta >= da && eta <= a);
}

/** The city table: every (sex, age, citizenship) count, matching the ISTAT bands and the foreign total. */
export function cittaPerCella(t: CityTargets): Int32Array {
  const maschi014 = Math.round(QUOTA_MASCHI_0_14 * t.eta0_14);
  const bande = [{ da: 0, a: 14, M: maschi014, F: t.eta0_14 - maschi014 }, ...t.bande];
  const residenti = new Int32Array(2 * ETA);
  SESSI.forEach((sesso, s) => {
    const profilo = profiloEta(t.anno, sesso);
    for (const b of bande) {
      const parti = apportion(b[sesso], profilo.slice(b.da, b.a + 1));
      parti.forEach((n, i) => (residenti[s * ETA + b.da + i] = n));
    }
  });
  const pesi = Array.from(residenti, (n, i) => n * quotaStranieri(i % ETA));
  const stranieri = apportion(t.stranieri, pesi, Array.from(residenti));
  const out = new Int32Array(CELLE);
  for (let i = 0; i < 2 * ETA; i++) {
    out[i * 2] = at(residenti, i) - at(stranieri, i);
    out[i * 2 + 1] = at(stranieri, i);
  }
  return out;
}

const logit = (p: number): number => Math.log(p / (1 - p));
const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

/** Expected structure of each quartiere, before calibration: size × age tilt × foreign odds × noise. */
function seedModello(anno: number, rng: Random, pesi: readonly number[]): Matrix {
  const profili = SESSI.map((s) => profiloEta(anno, s));
  const cityOdds = logit(0.189);
  return QUARTIERI.map((q, qi) => {
    const row = new Float64Array(CELLE);
    const spostamento = logit(q.stranieri) - cityOdds;
    for (let s = 0; s < 2; s++)
      for (let eta = 0; eta < ETA; eta++) {
        const z = Math.max(-1.7, Math.min(2, (eta - 42) / 25));
        const base = at(pesi, qi) * at(at(profili, s), eta) * Math.exp(q.anzianita * z);
        // Foreign residents follow the quartiere's tilt only halfway: they are young everywhere.
        const p = sigmoid(logit(quotaStranieri(eta)) + spostamento - 0.5 * q.anzianita * z);
        row[cella(s, eta, 0)] = base * (1 - p) * rng.noise(0.08);
        row[cella(s, eta, 1)] = base * p * rng.noise(0.08);
      }
    return row;
  });
}

function calibra(seed: Matrix, totaliQuartiere: number[], citta: Int32Array): Int32Array[] {
  const colonne = Array.from(citta);
  const fitted = fitMargins(seed, totaliQuartiere, colonne);
  return roundToMargins(fitted, totaliQuartiere, colonne);
}

/** The first year (2019): quartiere sizes from their weights, structure from the model. */
export function popolazioneIniziale(anno: Anno, rng: Random): Popolazione {
  const t = ISTAT[anno];
  const totali = apportion(
    t.totale,
    QUARTIERI.map((q) => q.peso),
  );
  const seed = seedModello(anno, rng, totali);
  return { anno, righe: calibra(seed, totali, cittaPerCella(t)) };
}

// Where new housing filled up (synthetic), by year: these grow a little faster than the city.
const CRESCITA: Partial<Record<Anno, Record<string, number>>> = {
  2022: { Sanpolino: 1.008 },
  2024: { Sanpolino: 1.02, 'San Polo Parco': 1.006, 'Villaggio Violino': 1.004 },
};

/** A year from the one before: that table one year older (deaths removed, new births), re-fitted to the year's margins. */
export function popolazioneSuccessiva(prev: Popolazione, anno: Anno, rng: Random): Popolazione {
  const t = ISTAT[anno];
  const crescita = QUARTIERI.map((q) => CRESCITA[anno]?.[q.nome] ?? 1);
  const totali = apportion(
    t.totale,
    prev.righe.map((row, qi) => sum(row) * at(crescita, qi) * rng.noise(0.004)),
  );
  const modello = seedModello(anno, rng, totali);
  const seed = prev.righe.map((row, qi) => {
    const aged = new Float64Array(CELLE);
    SESSI.forEach((sesso, s) => {
      for (let c = 0; c < 2; c++) {
        aged[cella(s, 0, c)] = at(row, cella(s, 0, c)) * 0.95;
        for (let eta = 1; eta < ETA; eta++) {
          const sopravvissuti = at(row, cella(s, eta - 1, c)) * (1 - mortalita(sesso, eta - 1));
          const restano = eta === ETA_MAX ? at(row, cella(s, eta, c)) * (1 - mortalita(sesso, eta)) : 0;
          aged[cella(s, eta, c)] = sopravvissuti + restano;
        }
      }
    });
    // A little of the model keeps empty cells reachable (newcomers, acquired citizenship).
    const m = at(modello, qi);
    const scale = (0.15 * sum(aged)) / sum(m);
    return aged.map((v, k) => (v + at(m, k) * scale) * rng.noise(0.05));
  });
  return { anno, righe: calibra(seed, totali, cittaPerCella(t)) };
}

/** Every year of the sample, each grown out of the one before. */
export function popolazioni(rng: Random): Map<Anno, Popolazione> {
  const out = new Map<Anno, Popolazione>();
  let prev: Popolazione | null = null;
  for (const anno of ANNI) {
    const r = rng.fork(`popolazione-${anno}`);
    prev = prev === null ? popolazioneIniziale(anno, r) : popolazioneSuccessiva(prev, anno, r);
    out.set(anno, prev);
  }
  return out;
}

/** dati/<anno>/popolazione.csv, all 33 × 2 × 101 × 2 rows, zeros included. */
export function popolazioneCsv(pop: Popolazione): string {
  const rows: (string | number)[][] = [];
  QUARTIERI.forEach((q, qi) => {
    const row = at(pop.righe, qi);
    SESSI.forEach((sesso, s) => {
      for (let eta = 0; eta < ETA; eta++)
        CITTADINANZE.forEach((cit, c) => rows.push([pop.anno, q.codice, sesso, eta, cit, at(row, cella(s, eta, c))]));
    });
  });
  return toCsv(['anno', 'codice_quartiere', 'sesso', 'eta', 'cittadinanza', 'residenti'], rows);
}
