// Brescia's 33 quartieri (names, ISTAT sub-municipal area codes and zone, compiled from the Comune's public pages), with the synthetic traits
// the generator needs to give each one a believable profile.

import { toCsv } from './writers.js';

export type CodiceZona = 'centro' | 'nord' | 'sud' | 'est' | 'ovest';

export const ZONE: Record<CodiceZona, string> = {
  centro: 'Centro',
  nord: 'Nord',
  sud: 'Sud',
  est: 'Est',
  ovest: 'Ovest',
};

/** A quartiere and the traits the sample is drawn from. */
export interface Quartiere {
  numero: number;
  codice: string;
  nome: string;
  /** ISTAT label of the sub-municipal area (ASC). */
  etichettaIstat: string;
  /** Other spellings from the reference (source notes in brackets dropped). */
  varianti: string[];
  zona: CodiceZona;
  /** Approximate area in km² (synthetic: the 33 add up to the city's 90.3). */
  superficie: number;
  /** Relative size: residents in thousands, roughly (scaled to the ISTAT total). */
  peso: number;
  /** Age tilt: > 0 older than the city, < 0 younger. */
  anzianita: number;
  /** Rough share of foreign residents the quartiere should end up near. */
  stranieri: number;
}

type Row = [number, string, string, CodiceZona, string[], number, number, number, number];

// numero, nome, etichetta ISTAT, zona, varianti, superficie, peso, anzianità, quota stranieri
const RIGHE: Row[] = [
  [1, 'Brescia Antica', 'Brescia Antica', 'centro', [], 0.9, 6.4, 0.35, 0.16],
  [2, 'Borgo Trento', 'Borgo Trento', 'nord', [], 1.9, 8.9, 0.4, 0.11],
  [3, 'Porta Milano', 'Porta Milano', 'centro', [], 1.3, 6.9, 0.0, 0.27],
  [4, 'Centro Storico Nord', 'Centro Storico Nord', 'centro', ['Centro Nord'], 0.8, 7.5, 0.2, 0.34],
  [5, 'Chiusure', 'Chiusure', 'ovest', [], 2.6, 10.5, 0.0, 0.25],
  [6, 'Don Bosco', 'Don Bosco', 'sud', [], 1.5, 6.7, -0.15, 0.3],
  [7, 'Fiumicello', 'Fiumicello', 'ovest', [], 1.4, 5.9, -0.15, 0.36],
  [8, 'Folzano', 'Folzano', 'sud', [], 4.7, 1.7, -0.1, 0.1],
  [9, 'Fornaci', 'Fornaci', 'sud', [], 4.3, 2.9, -0.1, 0.22],
  [10, 'Lamarmora', 'Lamarmora', 'sud', [], 2.3, 8.6, 0.05, 0.28],
  [11, 'Mompiano', 'Mompiano', 'nord', [], 4.4, 8.7, 0.3, 0.09],
  [12, 'Porta Cremona-Volta', 'Porta Cremona', 'sud', ['Porta Cremona - Volta', 'Porta Cremona'], 3.4, 12.5, -0.1, 0.33],
  [13, 'Buffalora-Bettole', 'Buffalora', 'est', ['Bettole-Buffalora', 'Bettole Bufalora'], 5.9, 2.5, -0.05, 0.15],
  [14, 'Porta Venezia', 'Porta Venezia', 'centro', [], 1.6, 9.9, 0.25, 0.16],
  [
    15,
    'Villaggio Prealpino-Stocchetta',
    'Villaggio Prealpino',
    'nord',
    ['Villaggio Prealpino - Stocchetta', 'Villaggio Prealpino'],
    4.6,
    4.9,
    0.35,
    0.11,
  ],
  [16, 'Caionvico', 'Caionvico', 'est', [], 4.2, 1.3, 0.05, 0.07],
  [17, 'San Bartolomeo', 'S. Bartolomeo', 'nord', [], 3.3, 6.0, 0.1, 0.16],
  [18, "Sant'Eufemia", 'S. Eufemia', 'est', [], 5.0, 5.2, 0.1, 0.11],
  [19, 'San Polo Case', 'S. Polo Case', 'est', ['San Polo - Case', 'San Polo-Case'], 1.7, 4.3, 0.1, 0.15],
  [20, 'Chiesanuova', 'Chiesanuova', 'sud', ['Chiesanuova - Noce - Girelli'], 4.5, 5.3, -0.05, 0.22],
  [21, 'Urago Mella', 'Urago', 'ovest', [], 3.8, 9.8, 0.2, 0.15],
  [22, 'Casazza', 'Casazza', 'nord', [], 1.6, 2.7, 0.45, 0.08],
  [23, 'Villaggio Badia', 'Villaggio Badia', 'ovest', [], 2.2, 3.4, 0.05, 0.17],
  [24, 'Villaggio Sereno', 'Villaggio Sereno', 'sud', [], 2.4, 5.0, 0.3, 0.14],
  [25, 'Villaggio Violino', 'Villaggio Violino', 'ovest', [], 2.6, 3.4, -0.25, 0.27],
  [26, 'Primo Maggio', 'Primo Maggio', 'ovest', [], 1.3, 4.8, 0.0, 0.29],
  [27, 'Centro Storico Sud', 'Centro Storico Sud', 'centro', [], 0.9, 7.3, 0.15, 0.3],
  [28, "Sant'Eustacchio", 'S. Eustacchio', 'nord', [], 2.7, 6.1, 0.15, 0.12],
  [29, 'San Rocchino-Costalunga', 'S. Rocchino', 'nord', ['San Rocchino - Costalunga'], 5.4, 5.8, 0.1, 0.08],
  [30, 'Crocifissa di Rosa', 'Crocifissa Di Rosa', 'centro', [], 1.5, 6.1, 0.2, 0.12],
  [31, 'San Polo Cimabue', 'S. Polo Cimabue', 'est', [], 2.0, 7.6, 0.05, 0.16],
  [32, 'Sanpolino', 'San Polino', 'est', [], 1.4, 3.9, -0.45, 0.2],
  [33, 'San Polo Parco', 'S. Polo Parco', 'est', [], 2.2, 5.5, -0.25, 0.14],
];

export const QUARTIERI: readonly Quartiere[] = RIGHE.map(
  ([numero, nome, etichettaIstat, zona, varianti, superficie, peso, anzianita, stranieri]) => ({
    numero,
    codice: String(17029000 + numero),
    nome,
    etichettaIstat,
    varianti,
    zona,
    superficie,
    peso,
    anzianita,
    stranieri,
  }),
);

/** The quartiere with this official name (the generator's own tables use names, not codes). */
export function quartiere(nome: string): Quartiere {
  const q = QUARTIERI.find((x) => x.nome === nome);
  if (!q) throw new Error(`unknown quartiere ${nome}`);
  return q;
}

/** Indexes of the named quartieri, for per-service and per-commitment lists. */
export function indici(nomi: readonly string[]): Set<number> {
  return new Set(nomi.map((n) => QUARTIERI.indexOf(quartiere(n))));
}

const folded = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** All spellings of a quartiere listed in territorio/quartieri.csv: variants plus the ISTAT label when it differs. */
export function varianti(q: Quartiere): string[] {
  const out = [...q.varianti];
  const seen = new Set([q.nome, ...q.varianti].map(folded));
  if (!seen.has(folded(q.etichettaIstat))) out.push(q.etichettaIstat);
  return out;
}

/** territorio/quartieri.csv */
export function quartieriCsv(): string {
  return toCsv(
    ['codice_quartiere', 'numero', 'quartiere', 'varianti', 'codice_zona', 'zona', 'superficie_kmq'],
    QUARTIERI.map((q) => [q.codice, q.numero, q.nome, varianti(q).join('; '), q.zona, ZONE[q.zona], q.superficie.toFixed(1)]),
  );
}

// Where each quartiere sits on the tile map: a grid laid over the city with north at the top.
// Approximate geography: the centre in the middle, the Nord zone above, Ovest left, Sud below,
// Est right; the valley of Villaggio Prealpino at the top, Folzano at the bottom.
const TILE: readonly [string, number, number][] = [
  ['Villaggio Prealpino-Stocchetta', 0, 3],
  ["Sant'Eustacchio", 1, 2],
  ['San Bartolomeo', 1, 3],
  ['Casazza', 1, 4],
  ['Mompiano', 1, 5],
  ['San Rocchino-Costalunga', 1, 6],
  ['Urago Mella', 2, 0],
  ['Fiumicello', 2, 1],
  ['Borgo Trento', 2, 3],
  ['Crocifissa di Rosa', 2, 4],
  ['Villaggio Badia', 3, 0],
  ['Primo Maggio', 3, 1],
  ['Porta Milano', 3, 2],
  ['Centro Storico Nord', 3, 3],
  ['Brescia Antica', 3, 4],
  ['Porta Venezia', 3, 5],
  ["Sant'Eufemia", 3, 6],
  ['Caionvico', 3, 7],
  ['Villaggio Violino', 4, 0],
  ['Chiusure', 4, 1],
  ['Centro Storico Sud', 4, 3],
  ['San Polo Case', 4, 5],
  ['San Polo Cimabue', 4, 6],
  ['Chiesanuova', 5, 1],
  ['Don Bosco', 5, 2],
  ['Porta Cremona-Volta', 5, 3],
  ['Lamarmora', 5, 4],
  ['San Polo Parco', 5, 5],
  ['Sanpolino', 5, 6],
  ['Buffalora-Bettole', 5, 7],
  ['Fornaci', 6, 1],
  ['Villaggio Sereno', 6, 3],
  ['Folzano', 7, 3],
];

/** territorio/mappa_tile.csv: the tile map layout (row 0 at the top, column 0 on the left). */
export function mappaTileCsv(): string {
  const rows = TILE.map(([nome, riga, colonna]) => [quartiere(nome).codice, riga, colonna] as const);
  const taken = new Set(rows.map(([, r, c]) => `${r},${c}`));
  if (rows.length !== QUARTIERI.length || taken.size !== rows.length) throw new Error('tile map: every quartiere once, one per tile');
  rows.sort(([a], [b]) => a.localeCompare(b));
  return toCsv(
    ['codice_quartiere', 'riga', 'colonna'],
    rows.map(([codice, riga, colonna]) => [codice, riga, colonna]),
  );
}
