// Service activity (erogazioni) for every year: the Comune's NIDO and SAD calibrated to the
// reference coverage, the partners' services drawn around plausible rates in the first year, never
// above the target population of the quartiere, then each year grown from the one before (the
// pandemic year 2020 cut what is done in person, 2021-2022 recovered).

import { apportion, at, sum } from './apportion.js';
import { etaTarget, servizio, type CodiceServizio } from './catalogue.js';
import { ANNI, type Anno } from './istat.js';
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
  /** Applications received (nidi). */
  domande?: number;
  /** People waiting for a place at 31 December (nidi). */
  listaAttesa?: number;
  /** People who entered the service during the year (disability services: young adults leaving school). */
  nuoviUtenti?: number;
  /** Users aged 15-29 neither in education nor in work (youth services). */
  utentiNeet?: number;
}

/** The residents of every year. */
export type Popolazioni = ReadonlyMap<Anno, Popolazione>;

const PRIMO = ANNI[0];
const popDi = (pops: Popolazioni, anno: Anno): Popolazione => {
  const pop = pops.get(anno);
  if (!pop) throw new Error(`no population for ${anno}`);
  return pop;
};

/** Activity done in person, relative to 2023 (synthetic): the pandemic year 2020 and its recovery. */
export const LIVELLO: Record<Anno, number> = { 2019: 0.95, 2020: 0.62, 2021: 0.8, 2022: 0.93, 2023: 1, 2024: 1 };

/** Residents of quartiere q in the target population of a service. */
export function popolazioneTarget(pop: Popolazione, q: number, codice: CodiceServizio): number {
  const { da, a } = etaTarget(servizio(codice).target);
  return fascia(pop, q, da, a);
}

const quotaStranieri = (pop: Popolazione, q: number): number => conta(pop, q, (_s, _e, c) => c === 'STR') / fascia(pop, q, 0);

/** How a partner service is drawn. */
interface Regola {
  servizio: CodiceServizio;
  /** Quartieri where it is active from the first year (all when absent), and those added in 2024. */
  attivi?: string[];
  nuovi2024?: string[];
  /** Users per resident of the target population, city average, in 2023. */
  tasso: number;
  fattore?: (q: Quartiere, pop: Popolazione, qi: number) => number;
  /** Growth from one year to the next, beside LIVELLO. */
  crescita: number;
  /** Users whose residence is not known in 2023 and 2024 (earlier years: 2023's scaled by LIVELLO). */
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
      return {
        ore: h,
        volontari: Math.round((u / 7) * rng.noise(0.25)),
        spesa: euro(h * 23 * rng.noise(0.05)),
        utentiNeet: Math.min(u, Math.round(u * 0.08 * rng.noise(0.3))),
      };
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
    dettagli: (u, rng) => ({
      ore: ore(u * 28 * rng.noise(0.15)),
      volontari: rng.int(0, 2),
      spesa: euro(u * 28 * 31 * rng.noise(0.08)),
      utentiNeet: Math.min(u, Math.round(u * 0.3 * rng.noise(0.25))),
    }),
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
      nuoviUtenti: Math.min(u, rng.poisson(u * 0.09)),
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
  const prima = new Map<number, number>();
  for (const anno of ANNI) {
    const pop = popDi(pops, anno);
    // The first year is drawn at its level; each later one grows from the one before.
    const livello = LIVELLO[anno];
    const crescita = anno === PRIMO ? 1 : (regola.crescita * livello) / LIVELLO[(anno - 1) as Anno];
    QUARTIERI.forEach((q, qi) => {
      const target = popolazioneTarget(pop, qi, regola.servizio);
      const atteso = (): number => regola.tasso * livello * target * (regola.fattore?.(q, pop, qi) ?? 1) * rng.noise(0.2);
      const precedente = prima.get(qi);
      let utenti = 0;
      if (precedente !== undefined) utenti = evolvi(precedente, crescita, rng);
      else if (anno === 2024 && nuovi.has(qi))
        utenti = rng.poisson(0.6 * atteso()); // started during the year
      else if (anno === PRIMO && attivi.has(qi)) utenti = rng.poisson(atteso());
      utenti = Math.min(utenti, target);
      if (utenti > 0) {
        prima.set(qi, utenti);
        out.push({ anno, quartiere: qi, servizio: s.codice, ente: s.ente, utenti, ...regola.dettagli(utenti, rng) });
      }
    });
    const nd = regola.nd && (anno >= 2023 ? regola.nd[anno - 2023] : Math.round(regola.nd[0] * livello));
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

// Places per 100 children 0-2 in the city, by year (2023-2024 calibrated to the reference: above 30%).
const COPERTURA_NIDO_CITTA: Record<Anno, number> = { 2019: 0.303, 2020: 0.304, 2021: 0.306, 2022: 0.311, 2023: 0.318, 2024: 0.334 };
// Share of places filled: the pandemic emptied the nidi in 2020.
const RIEMPIMENTO: Record<Anno, [number, number]> = {
  2019: [0.92, 0.99],
  2020: [0.7, 0.85],
  2021: [0.85, 0.95],
  2022: [0.9, 0.99],
  2023: [0.9, 0.99],
  2024: [0.9, 0.99],
};
// Families asking for a place per child 0-2 (synthetic): fewer in 2020, then growing a little every year.
const DOMANDA_NIDO: Record<Anno, number> = { 2019: 0.34, 2020: 0.325, 2021: 0.34, 2022: 0.36, 2023: 0.37, 2024: 0.385 };

function erogazioniNido(pops: Popolazioni, rng: Random): Erogazione[] {
  const target = (anno: Anno): number[] => QUARTIERI.map((_, qi) => popolazioneTarget(popDi(pops, anno), qi, 'NIDO'));
  const t0 = target(PRIMO);
  const peso = QUARTIERI.map((q, qi) => at(t0, qi) * (COPERTURA_NIDO[q.nome] ?? (q.zona === 'centro' ? 1.25 : 1)) * rng.noise(0.1));
  // Where families ask for a place: like the places, but more evenly (the periphery asks more than it gets).
  const richiesta = QUARTIERI.map((q) => Math.sqrt(COPERTURA_NIDO[q.nome] ?? 1) * rng.noise(0.1));
  const out: Erogazione[] = [];
  let posti: number[] = apportion(Math.round(COPERTURA_NIDO_CITTA[PRIMO] * sum(t0)), peso, t0);
  for (const anno of ANNI) {
    const t = target(anno);
    if (anno !== PRIMO) {
      const base = QUARTIERI.map((q, qi) => Math.min(at(posti, qi) + (anno === 2024 ? (NUOVI_POSTI_NIDO[q.nome] ?? 0) : 0), at(t, qi)));
      const resto = Math.round(COPERTURA_NIDO_CITTA[anno] * sum(t)) - sum(base);
      const delta = apportion(Math.abs(resto), posti, resto >= 0 ? t.map((x, qi) => x - at(base, qi)) : base);
      posti = base.map((p, qi) => p + Math.sign(resto) * at(delta, qi));
    }
    const [lo, hi] = RIEMPIMENTO[anno];
    posti.forEach((p, qi) => {
      const utenti = Math.round(p * rng.between(lo, hi));
      const domande = Math.max(utenti, Math.round(DOMANDA_NIDO[anno] * at(t, qi) * at(richiesta, qi) * rng.noise(0.08)));
      // Not every family refused a place waits: about two in three stay on the list.
      const listaAttesa = Math.round(Math.max(0, domande - p) * rng.between(0.55, 0.75));
      out.push({
        anno,
        quartiere: qi,
        servizio: 'NIDO',
        ente: 'comune',
        utenti,
        posti: p,
        ore: ore(p * 230 * rng.noise(0.05)),
        spesa: euro(p * 9800 * rng.noise(0.05)),
        domande,
        listaAttesa,
      });
    });
  }
  return out;
}

// Residents 65+ served at home per resident 65+, and the hourly fee, by year.
const SAD: Record<Anno, [number, number]> = {
  2019: [0.0215, 23.4],
  2020: [0.0205, 23.6],
  2021: [0.0215, 23.8],
  2022: [0.0228, 24.1],
  2023: [0.024, 24.6],
  2024: [0.0255, 25.1],
};

function erogazioniSad(pops: Popolazioni, rng: Random): Erogazione[] {
  const target = (anno: Anno): number[] => QUARTIERI.map((_, qi) => popolazioneTarget(popDi(pops, anno), qi, 'SAD'));
  const t0 = target(PRIMO);
  const peso = QUARTIERI.map((q, qi) => at(t0, qi) * Math.exp(0.8 * q.anzianita) * (q.zona === 'centro' ? 1.1 : 1) * rng.noise(0.15));
  const out: Erogazione[] = [];
  let utenti: number[] = [];
  for (const anno of ANNI) {
    const t = target(anno);
    const [quota, tariffa] = SAD[anno];
    utenti =
      anno === PRIMO
        ? apportion(Math.round(quota * sum(t)), peso, t)
        : apportion(
            Math.round(quota * sum(t)),
            utenti.map((u) => (u + 0.5) * rng.noise(0.03)),
            t,
          );
    utenti.forEach((u, qi) => {
      const h = ore(u * 96 * rng.noise(0.1));
      out.push({ anno, quartiere: qi, servizio: 'SAD', ente: 'comune', utenti: u, ore: h, spesa: euro(h * tariffa) });
    });
  }
  return out;
}

// Places in residential services for people with disability (the Comune's placements) per resident 18-64.
const RESIDENZIALE_PER_RESIDENTE = 0.0011;

function erogazioniResidenziale(pops: Popolazioni, rng: Random): Erogazione[] {
  const out: Erogazione[] = [];
  let posti: number[] = [];
  for (const anno of ANNI) {
    const t = QUARTIERI.map((_, qi) => popolazioneTarget(popDi(pops, anno), qi, 'RESIDENZIALE_DIS'));
    posti =
      anno === PRIMO
        ? apportion(
            Math.round(RESIDENZIALE_PER_RESIDENTE * sum(t)),
            t.map((x) => x * rng.noise(0.3)),
            t,
          )
        : posti.map((p, qi) => Math.min(at(t, qi), Math.max(0, p + rng.pick([-1, 0, 0, 0, 1, 1]))));
    posti.forEach((p, qi) => {
      if (p === 0) return;
      out.push({
        anno,
        quartiere: qi,
        servizio: 'RESIDENZIALE_DIS',
        ente: 'comune',
        utenti: p,
        posti: p,
        spesa: euro(p * 365 * 128 * rng.noise(0.06)),
        nuoviUtenti: Math.min(p, rng.poisson(p * 0.07)),
      });
    });
  }
  return out;
}

/** Every erogazioni row of every year, the Comune's and the partners'. */
export function erogazioni(pops: Popolazioni, rng: Random): Erogazione[] {
  return [
    ...erogazioniNido(pops, rng.fork('NIDO')),
    ...erogazioniSad(pops, rng.fork('SAD')),
    ...erogazioniResidenziale(pops, rng.fork('RESIDENZIALE_DIS')),
    ...REGOLE.flatMap((r) => erogazioniPartner(r, pops, rng.fork(r.servizio))),
  ];
}
