// Service activity (erogazioni) for both years: the Comune's NIDO and SAD calibrated to the
// reference coverage, the partners' services drawn around plausible rates, never above the
// target population of the quartiere, and 2024 grown from 2023 by a few per cent.

import { apportion, at, sum } from './apportion.js';
import { etaTarget, servizio, type CodiceServizio } from './catalogue.js';
import { conta, fascia, type Popolazione } from './population.js';
import type { Random } from './prng.js';
import { indici, QUARTIERI, type Quartiere } from './territory.js';
import { euro, ore } from './writers.js';

/** One row of erogazioni: `quartiere` is an index into QUARTIERI, or ND. */
export interface Erogazione {
  anno: number;
  quartiere: number | 'ND';
  servizio: CodiceServizio;
  ente: string;
  utenti: number;
  posti?: number;
  ore?: number;
  volontari?: number;
  spesa?: number;
}

type Popolazioni = { 2023: Popolazione; 2024: Popolazione };

/** Residents of quartiere q in the target population of a service. */
export function popolazioneTarget(pop: Popolazione, q: number, codice: CodiceServizio): number {
  const { da, a } = etaTarget(servizio(codice).target);
  return fascia(pop, q, da, a);
}

const quotaStranieri = (pop: Popolazione, q: number): number => conta(pop, q, (_s, _e, c) => c === 'STR') / fascia(pop, q, 0);

/** How a partner service is drawn. */
interface Regola {
  servizio: CodiceServizio;
  /** Quartieri where it is active (all when absent), and those added in 2024. */
  attivi?: string[];
  nuovi2024?: string[];
  /** Users per resident of the target population, city average. */
  tasso: number;
  fattore?: (q: Quartiere, pop: Popolazione, qi: number) => number;
  crescita: number;
  /** Users whose residence is not known, per year. */
  nd?: [number, number];
  dettagli: (utenti: number, rng: Random) => Omit<Erogazione, 'anno' | 'quartiere' | 'servizio' | 'ente' | 'utenti'>;
}

const CENTRO_E_PICCOLI = [
  'Brescia Antica',
  'Crocifissa di Rosa',
  'Caionvico',
  'Folzano',
  'Casazza',
  'Buffalora-Bettole',
  'San Rocchino-Costalunga',
  'Villaggio Badia',
  'Fornaci',
  'Centro Storico Nord',
  'Porta Milano',
];
const tutti = (tranne: string[]): string[] => QUARTIERI.map((q) => q.nome).filter((n) => !tranne.includes(n));

const REGOLE: Regola[] = [
  {
    servizio: 'TEMPO_FAMIGLIE',
    attivi: [
      'Don Bosco',
      'Fiumicello',
      'Lamarmora',
      'Porta Cremona-Volta',
      'Sanpolino',
      'San Polo Parco',
      'San Polo Cimabue',
      'Villaggio Violino',
      'Primo Maggio',
      'Chiusure',
      'Centro Storico Sud',
      'Porta Venezia',
      'Urago Mella',
      'Villaggio Sereno',
    ],
    tasso: 0.09,
    crescita: 1.05,
    dettagli: (u, rng) => ({
      ore: ore(u * 24 * rng.noise(0.1)),
      volontari: Math.round((u / 20) * rng.noise(0.3)),
      spesa: euro(u * 24 * 27 * rng.noise(0.08)),
    }),
  },
  {
    servizio: 'CAG',
    attivi: tutti(CENTRO_E_PICCOLI),
    tasso: 0.035,
    crescita: 1.06,
    dettagli: (u, rng) => {
      const h = ore((700 + u * 8) * rng.noise(0.1));
      return { ore: h, volontari: Math.round((u / 7) * rng.noise(0.25)), spesa: euro(h * 23 * rng.noise(0.05)) };
    },
  },
  {
    servizio: 'OFFICINA_GIOVANI',
    attivi: tutti([
      'Caionvico',
      'Folzano',
      'Casazza',
      'Villaggio Sereno',
      'Crocifissa di Rosa',
      'Mompiano',
      'San Rocchino-Costalunga',
      'Villaggio Prealpino-Stocchetta',
      'Brescia Antica',
      'Borgo Trento',
      "Sant'Eustacchio",
      'San Bartolomeo',
      'Porta Venezia',
      'Buffalora-Bettole',
      'Villaggio Badia',
    ]),
    tasso: 0.012,
    fattore: (_q, pop, qi) => 0.6 + 2 * quotaStranieri(pop, qi),
    crescita: 1.08,
    dettagli: (u, rng) => ({ ore: ore(u * 28 * rng.noise(0.15)), volontari: rng.int(0, 2), spesa: euro(u * 28 * 31 * rng.noise(0.08)) }),
  },
  {
    servizio: 'PUNTI_COMUNITA',
    attivi: [
      "Sant'Eufemia",
      'San Polo Case',
      'San Polo Cimabue',
      'Sanpolino',
      'Lamarmora',
      'Don Bosco',
      'Porta Cremona-Volta',
      'Chiesanuova',
      'Chiusure',
      'Primo Maggio',
      'Fiumicello',
      'Villaggio Violino',
      'Urago Mella',
    ],
    nuovi2024: ['Centro Storico Sud', 'Porta Venezia', 'Folzano'],
    tasso: 0.03,
    crescita: 1.07,
    nd: [31, 38],
    dettagli: (u, rng) => {
      const h = ore((350 + u * 1.5) * rng.noise(0.1));
      return { ore: h, volontari: Math.round((6 + u / 25) * rng.noise(0.2)), spesa: euro((2500 + h * 9) * rng.noise(0.08)) };
    },
  },
  {
    servizio: 'LEVE_PROGETTI',
    attivi: tutti([
      'Caionvico',
      'Folzano',
      'Casazza',
      'Fornaci',
      'Buffalora-Bettole',
      'Villaggio Badia',
      'Crocifissa di Rosa',
      'Brescia Antica',
    ]),
    nuovi2024: ['Caionvico', 'Fornaci', 'Villaggio Badia', 'Buffalora-Bettole', 'Casazza'],
    tasso: 0.008,
    crescita: 1.1,
    nd: [12, 15],
    dettagli: (u, rng) => ({ volontari: Math.round((u / 6) * rng.noise(0.25)), spesa: euro((1800 + u * 40) * rng.noise(0.2)) }),
  },
  {
    servizio: 'EMPORIO',
    tasso: 0.006,
    fattore: (_q, pop, qi) => 0.3 + 3 * quotaStranieri(pop, qi),
    crescita: 1.06,
    nd: [58, 66],
    dettagli: (u, rng) => ({ volontari: Math.round((u / 12) * rng.noise(0.3)), spesa: euro(u * 185 * rng.noise(0.1)) }),
  },
  {
    servizio: 'SPORTELLO_LAVORO',
    tasso: 0.008,
    fattore: (_q, pop, qi) => 0.5 + 2 * quotaStranieri(pop, qi),
    crescita: 1.04,
    nd: [23, 27],
    dettagli: (u, rng) => {
      const h = ore(u * 3.5 * rng.noise(0.1));
      return { ore: h, spesa: euro(h * 32 * rng.noise(0.05)) };
    },
  },
  {
    servizio: 'COMPAGNIA_ANZIANI',
    attivi: [
      "Sant'Eufemia",
      'Porta Cremona-Volta',
      'Villaggio Prealpino-Stocchetta',
      'Borgo Trento',
      'Urago Mella',
      'Porta Venezia',
      'Lamarmora',
      'Chiusure',
      'San Polo Case',
      'San Polo Cimabue',
      'Villaggio Sereno',
      'Don Bosco',
      'Centro Storico Sud',
      'Centro Storico Nord',
      'Brescia Antica',
      'Crocifissa di Rosa',
      'Chiesanuova',
      'Primo Maggio',
      'Caionvico',
      'Folzano',
    ],
    nuovi2024: ['Casazza', 'Mompiano'],
    tasso: 0.028,
    crescita: 1.03,
    dettagli: (u, rng) => {
      const h = ore(u * 38 * rng.noise(0.12));
      return { ore: h, volontari: Math.max(1, Math.round((u / 4) * rng.noise(0.2))), spesa: euro(h * 4.2 * rng.noise(0.05)) };
    },
  },
  {
    servizio: 'CENTRO_DIURNO_DIS',
    tasso: 0.00095,
    crescita: 1.02,
    dettagli: (u, rng) => ({
      posti: u,
      ore: ore(u * 1550 * rng.noise(0.05)),
      volontari: rng.int(0, 2),
      spesa: euro(u * 17800 * rng.noise(0.04)),
    }),
  },
];

/** A small count moves by at most one; larger ones follow the trend with a few per cent of noise. */
function evolvi(valore: number, crescita: number, rng: Random): number {
  if (valore < 10) return Math.max(1, valore + rng.pick([-1, 0, 0, 0, 1]));
  return Math.round(valore * crescita * rng.noise(0.04));
}

function erogazioniPartner(regola: Regola, pops: Popolazioni, rng: Random): Erogazione[] {
  const s = servizio(regola.servizio);
  const attivi = regola.attivi ? indici(regola.attivi) : new Set(QUARTIERI.map((_, i) => i));
  const nuovi = indici(regola.nuovi2024 ?? []);
  const out: Erogazione[] = [];
  const primo = new Map<number, number>();
  for (const anno of [2023, 2024] as const) {
    const pop = pops[anno];
    QUARTIERI.forEach((q, qi) => {
      const target = popolazioneTarget(pop, qi, regola.servizio);
      const atteso = (): number => regola.tasso * target * (regola.fattore?.(q, pop, qi) ?? 1) * rng.noise(0.2);
      const prima = primo.get(qi);
      let utenti = 0;
      if (anno === 2024 && prima !== undefined) utenti = evolvi(prima, regola.crescita, rng);
      else if (anno === 2024 && nuovi.has(qi))
        utenti = rng.poisson(0.6 * atteso()); // started during the year
      else if (attivi.has(qi)) utenti = rng.poisson(atteso());
      utenti = Math.min(utenti, target);
      if (anno === 2023 && utenti > 0) primo.set(qi, utenti);
      if (utenti > 0) out.push({ anno, quartiere: qi, servizio: s.codice, ente: s.ente, utenti, ...regola.dettagli(utenti, rng) });
    });
    const nd = regola.nd?.[anno - 2023];
    if (nd) out.push({ anno, quartiere: 'ND', servizio: s.codice, ente: s.ente, utenti: nd, ...regola.dettagli(nd, rng) });
  }
  return out;
}

// Nursery coverage by quartiere, relative to the city: the centre well served, some periphery far below 33.
const COPERTURA_NIDO: Record<string, number> = {
  Folzano: 0.35,
  Caionvico: 0.4,
  'Buffalora-Bettole': 0.5,
  'Villaggio Violino': 0.55,
  Sanpolino: 0.6,
  Fornaci: 0.6,
  Chiesanuova: 0.75,
  'San Polo Parco': 0.8,
};
// The new nursery places of 2024 (commitment IMP02 and the zona Ovest extension).
const NUOVI_POSTI_NIDO: Record<string, number> = { Sanpolino: 24, 'Villaggio Violino': 18 };

function erogazioniNido(pops: Popolazioni, rng: Random): Erogazione[] {
  const target = (anno: 2023 | 2024): number[] => QUARTIERI.map((_, qi) => popolazioneTarget(pops[anno], qi, 'NIDO'));
  const t23 = target(2023);
  const t24 = target(2024);
  const peso = QUARTIERI.map((q, qi) => at(t23, qi) * (COPERTURA_NIDO[q.nome] ?? (q.zona === 'centro' ? 1.25 : 1)) * rng.noise(0.1));
  const posti23 = apportion(Math.round(0.318 * sum(t23)), peso, t23);
  const base = QUARTIERI.map((q, qi) => Math.min(at(posti23, qi) + (NUOVI_POSTI_NIDO[q.nome] ?? 0), at(t24, qi)));
  const resto = Math.round(0.334 * sum(t24)) - sum(base);
  const delta = apportion(Math.abs(resto), posti23, resto >= 0 ? t24.map((t, qi) => t - at(base, qi)) : base);
  const posti24 = base.map((p, qi) => p + Math.sign(resto) * at(delta, qi));
  const righe = (anno: 2023 | 2024, posti: number[]): Erogazione[] =>
    posti.map((p, qi) => {
      const utenti = Math.round(p * rng.between(0.9, 0.99));
      return {
        anno,
        quartiere: qi,
        servizio: 'NIDO',
        ente: 'comune',
        utenti,
        posti: p,
        ore: ore(p * 230 * rng.noise(0.05)),
        spesa: euro(p * 9800 * rng.noise(0.05)),
      };
    });
  return [...righe(2023, posti23), ...righe(2024, posti24)];
}

function erogazioniSad(pops: Popolazioni, rng: Random): Erogazione[] {
  const t23 = QUARTIERI.map((_, qi) => popolazioneTarget(pops[2023], qi, 'SAD'));
  const t24 = QUARTIERI.map((_, qi) => popolazioneTarget(pops[2024], qi, 'SAD'));
  const peso = QUARTIERI.map((q, qi) => at(t23, qi) * Math.exp(0.8 * q.anzianita) * (q.zona === 'centro' ? 1.1 : 1) * rng.noise(0.15));
  const u23 = apportion(Math.round(0.024 * sum(t23)), peso, t23);
  const u24 = apportion(
    Math.round(0.0255 * sum(t24)),
    u23.map((u) => (u + 0.5) * rng.noise(0.03)),
    t24,
  );
  const righe = (anno: 2023 | 2024, utenti: number[], tariffa: number): Erogazione[] =>
    utenti.map((u, qi) => {
      const h = ore(u * 96 * rng.noise(0.1));
      return { anno, quartiere: qi, servizio: 'SAD', ente: 'comune', utenti: u, ore: h, spesa: euro(h * tariffa) };
    });
  return [...righe(2023, u23, 24.6), ...righe(2024, u24, 25.1)];
}

/** Every erogazioni row of both years, the Comune's and the partners'. */
export function erogazioni(pops: Popolazioni, rng: Random): Erogazione[] {
  return [
    ...erogazioniNido(pops, rng.fork('NIDO')),
    ...erogazioniSad(pops, rng.fork('SAD')),
    ...REGOLE.flatMap((r) => erogazioniPartner(r, pops, rng.fork(r.servizio))),
  ];
}
