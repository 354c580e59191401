// catalogo/cantieri.csv, catalogo/enti.csv and catalogo/servizi.csv: the six cantieri of "Brescia Città del
// Noi" with their titles, the real organisations, and the services of each cantiere with the ente expected to
// deliver it.

import { toCsv } from './writers.js';

export type Tipo = 'ente_pubblico' | 'universita' | 'associazione' | 'cooperativa' | 'fondazione' | 'sindacato' | 'altro';
export type Ruolo = 'capofila' | 'partner' | 'rete';
export type Cantiere = 'forza_comunita' | 'prima_infanzia' | 'giovani' | 'cento_leve' | 'poverta_lavoro' | 'anziani_disabili';

/** The six cantieri of the project, in the order of the report's chapters, with their titles. */
export const CANTIERI: readonly { codice: Cantiere; titolo: string; titoloEn: string }[] = [
  { codice: 'forza_comunita', titolo: 'La forza della comunità', titoloEn: 'The strength of the community' },
  { codice: 'prima_infanzia', titolo: 'Prima infanzia', titoloEn: 'Early childhood' },
  { codice: 'giovani', titolo: 'Vivi il quartiere e Officina giovani', titoloEn: 'Live the quartiere and Youth workshop' },
  { codice: 'cento_leve', titolo: 'Le 100 leve per la città', titoloEn: 'The 100 levers for the city' },
  { codice: 'poverta_lavoro', titolo: 'Contrasto alla povertà e lavoro', titoloEn: 'Fighting poverty, and work' },
  { codice: 'anziani_disabili', titolo: 'Anziani e disabili', titoloEn: 'Older and disabled people' },
];

export interface Ente {
  codice: string;
  nome: string;
  tipo: Tipo;
  ruolo: Ruolo;
}

export const ENTI: readonly Ente[] = [
  { codice: 'comune', nome: 'Comune di Brescia', tipo: 'ente_pubblico', ruolo: 'capofila' },
  { codice: 'auser', nome: 'Auser Volontariato Brescia', tipo: 'associazione', ruolo: 'partner' },
  { codice: 'colibri', nome: 'Co.librì', tipo: 'cooperativa', ruolo: 'partner' },
  { codice: 'socialis', nome: 'Centro Studi Socialis', tipo: 'associazione', ruolo: 'partner' },
  { codice: 'unibs', nome: 'Università degli Studi di Brescia', tipo: 'universita', ruolo: 'partner' },
  { codice: 'unicatt', nome: 'Università Cattolica del Sacro Cuore', tipo: 'universita', ruolo: 'partner' },
  { codice: 'acli', nome: 'ACLI provinciale di Brescia', tipo: 'associazione', ruolo: 'rete' },
  { codice: 'anffas', nome: 'ANFFAS Brescia', tipo: 'associazione', ruolo: 'rete' },
  { codice: 'anolf', nome: 'ANOLF', tipo: 'associazione', ruolo: 'rete' },
  { codice: 'cuore_amico', nome: 'Associazione Cuore Amico Fraternità Onlus', tipo: 'associazione', ruolo: 'rete' },
  { codice: 'dignita_lavoro', nome: 'Associazione Dignità e Lavoro', tipo: 'associazione', ruolo: 'rete' },
  { codice: 'auser_rete', nome: 'AUSER Rete Brescia', tipo: 'associazione', ruolo: 'rete' },
  { codice: 'cob', nome: 'Centro Oratori Bresciani', tipo: 'associazione', ruolo: 'rete' },
  { codice: 'cgil', nome: 'CGIL', tipo: 'sindacato', ruolo: 'rete' },
  { codice: 'cisl', nome: 'CISL', tipo: 'sindacato', ruolo: 'rete' },
  { codice: 'uil', nome: 'UIL Brescia', tipo: 'sindacato', ruolo: 'rete' },
  { codice: 'confcooperative', nome: 'Confcooperative Unione provinciale di Brescia', tipo: 'altro', ruolo: 'rete' },
  { codice: 'congrega', nome: 'Congrega della Carità Apostolica', tipo: 'fondazione', ruolo: 'rete' },
  { codice: 'csv_brescia', nome: 'CSV Brescia', tipo: 'associazione', ruolo: 'rete' },
  { codice: 'calabrone', nome: 'Coop. sociale Il Calabrone', tipo: 'cooperativa', ruolo: 'rete' },
  { codice: 'fondazione_asm', nome: 'Fondazione ASM', tipo: 'fondazione', ruolo: 'rete' },
];

export type CodiceServizio =
  | 'NIDO'
  | 'TEMPO_FAMIGLIE'
  | 'CAG'
  | 'OFFICINA_GIOVANI'
  | 'PUNTI_COMUNITA'
  | 'LEVE_PROGETTI'
  | 'EMPORIO'
  | 'SPORTELLO_LAVORO'
  | 'SAD'
  | 'COMPAGNIA_ANZIANI'
  | 'CENTRO_DIURNO_DIS'
  | 'RESIDENZIALE_DIS';

export interface Servizio {
  codice: CodiceServizio;
  nome: string;
  cantiere: Cantiere;
  /** Target population as `eta:da-a`, `eta:da+` or `tutti`. */
  target: string;
  unita: 'posti' | 'utenti' | 'ore' | 'interventi';
  ente: string;
}

export const SERVIZI: readonly Servizio[] = [
  { codice: 'NIDO', nome: "Nidi d'infanzia", cantiere: 'prima_infanzia', target: 'eta:0-2', unita: 'posti', ente: 'comune' },
  {
    codice: 'TEMPO_FAMIGLIE',
    nome: 'Spazi gioco e tempo per le famiglie',
    cantiere: 'prima_infanzia',
    target: 'eta:0-2',
    unita: 'utenti',
    ente: 'colibri',
  },
  { codice: 'CAG', nome: 'Centri di aggregazione giovanile', cantiere: 'giovani', target: 'eta:14-29', unita: 'utenti', ente: 'cob' },
  {
    codice: 'OFFICINA_GIOVANI',
    nome: 'Officina giovani: laboratori e orientamento',
    cantiere: 'giovani',
    target: 'eta:14-29',
    unita: 'utenti',
    ente: 'calabrone',
  },
  {
    codice: 'PUNTI_COMUNITA',
    nome: 'Punti comunità di quartiere',
    cantiere: 'forza_comunita',
    target: 'tutti',
    unita: 'utenti',
    ente: 'csv_brescia',
  },
  {
    codice: 'LEVE_PROGETTI',
    nome: 'Progetti delle 100 leve',
    cantiere: 'cento_leve',
    target: 'tutti',
    unita: 'interventi',
    ente: 'fondazione_asm',
  },
  { codice: 'EMPORIO', nome: 'Emporio della solidarietà', cantiere: 'poverta_lavoro', target: 'tutti', unita: 'utenti', ente: 'acli' },
  {
    codice: 'SPORTELLO_LAVORO',
    nome: 'Sportelli lavoro e orientamento',
    cantiere: 'poverta_lavoro',
    target: 'eta:18-64',
    unita: 'utenti',
    ente: 'dignita_lavoro',
  },
  {
    codice: 'SAD',
    nome: 'Servizio di assistenza domiciliare',
    cantiere: 'anziani_disabili',
    target: 'eta:65+',
    unita: 'utenti',
    ente: 'comune',
  },
  {
    codice: 'COMPAGNIA_ANZIANI',
    nome: 'Compagnia e trasporto anziani',
    cantiere: 'anziani_disabili',
    target: 'eta:75+',
    unita: 'utenti',
    ente: 'auser',
  },
  {
    codice: 'CENTRO_DIURNO_DIS',
    nome: 'Centri diurni per persone con disabilità',
    cantiere: 'anziani_disabili',
    target: 'eta:18-64',
    unita: 'posti',
    ente: 'anffas',
  },
  {
    codice: 'RESIDENZIALE_DIS',
    nome: 'Servizi residenziali per persone con disabilità',
    cantiere: 'anziani_disabili',
    target: 'eta:18-64',
    unita: 'posti',
    ente: 'comune',
  },
];

/** The catalogue entry of a service. */
export function servizio(codice: CodiceServizio): Servizio {
  const s = SERVIZI.find((x) => x.codice === codice);
  if (!s) throw new Error(`unknown service ${codice}`);
  return s;
}

/** The age range of a target (`tutti` = 0..100). */
export function etaTarget(target: string): { da: number; a: number } {
  const m = /^eta:(\d+)(?:-(\d+)|\+)$/.exec(target);
  if (!m) return { da: 0, a: 100 };
  return { da: Number(m[1]), a: m[2] === undefined ? 100 : Number(m[2]) };
}

/** catalogo/cantieri.csv */
export function cantieriCsv(): string {
  return toCsv(
    // The introductions are left for the project to write: the columns are there to show where.
    ['codice_cantiere', 'titolo', 'titolo_en', 'introduzione', 'introduzione_en', 'ordine'],
    CANTIERI.map((c, i) => [c.codice, c.titolo, c.titoloEn, '', '', i + 1]),
  );
}

/** catalogo/enti.csv */
export function entiCsv(): string {
  return toCsv(
    ['codice_ente', 'nome', 'tipo', 'ruolo'],
    ENTI.map((e) => [e.codice, e.nome, e.tipo, e.ruolo]),
  );
}

/** catalogo/servizi.csv */
export function serviziCsv(): string {
  return toCsv(
    ['codice_servizio', 'servizio', 'cantiere', 'target', 'unita', 'ente'],
    SERVIZI.map((s) => [s.codice, s.nome, s.cantiere, s.target, s.unita, s.ente]),
  );
}
