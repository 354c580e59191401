// catalogo/cantieri.csv, catalogo/enti.csv, catalogo/agenzie.csv and catalogo/servizi.csv: the six cantieri of
// "Brescia Città del Noi" with their titles, the real organisations with what each does in the sample, the
// five strategic agencies with the ente leading each, and the services of each cantiere with the ente expected
// to deliver it. The tasks are the sample's, written to show the columns, not a record of the real project.

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
  /** What it does in the project, in Italian and English. */
  compito: string;
  compitoEn: string;
}

export const ENTI: readonly Ente[] = [
  {
    codice: 'comune',
    nome: 'Comune di Brescia',
    tipo: 'ente_pubblico',
    ruolo: 'capofila',
    compito: 'Guida il progetto, eroga i servizi comunali e pubblica il bilancio sociale.',
    compitoEn: "Leads the project, delivers the Comune's services and publishes the social report.",
  },
  {
    codice: 'auser',
    nome: 'Auser Volontariato Brescia',
    tipo: 'associazione',
    ruolo: 'partner',
    compito: 'Volontari per la compagnia e il trasporto degli anziani; guida la comunicazione e la ricerca di volontari.',
    compitoEn: "Volunteers for older people's company and transport; leads communication and the search for volunteers.",
  },
  {
    codice: 'colibri',
    nome: 'Co.librì',
    tipo: 'cooperativa',
    ruolo: 'partner',
    compito: 'Spazi gioco e tempo per le famiglie con bambini piccoli.',
    compitoEn: 'Play spaces and family time for families with young children.',
  },
  {
    codice: 'socialis',
    nome: 'Centro Studi Socialis',
    tipo: 'associazione',
    ruolo: 'partner',
    compito: 'Ricerca sociale e accompagnamento dei gruppi di quartiere.',
    compitoEn: 'Social research and support for quartiere groups.',
  },
  {
    codice: 'unibs',
    nome: 'Università degli Studi di Brescia',
    tipo: 'universita',
    ruolo: 'partner',
    compito: 'Analisi dei dati dei quartieri e metodo del bilancio sociale.',
    compitoEn: "Analysis of the quartieri's data and the social report's method.",
  },
  {
    codice: 'unicatt',
    nome: 'Università Cattolica del Sacro Cuore',
    tipo: 'universita',
    ruolo: 'partner',
    compito: 'Formazione di operatori e volontari; il questionario ai residenti.',
    compitoEn: "Training for workers and volunteers; the residents' survey.",
  },
  {
    codice: 'acli',
    nome: 'ACLI provinciale di Brescia',
    tipo: 'associazione',
    ruolo: 'rete',
    compito: "Gestisce l'Emporio della solidarietà.",
    compitoEn: 'Runs the solidarity grocery.',
  },
  {
    codice: 'anffas',
    nome: 'ANFFAS Brescia',
    tipo: 'associazione',
    ruolo: 'rete',
    compito: 'Centri diurni per persone con disabilità.',
    compitoEn: 'Day centres for people with disabilities.',
  },
  {
    codice: 'anolf',
    nome: 'ANOLF',
    tipo: 'associazione',
    ruolo: 'rete',
    compito: 'Sportello per i cittadini stranieri e mediazione culturale.',
    compitoEn: 'Help desk for foreign residents and cultural mediation.',
  },
  {
    codice: 'cuore_amico',
    nome: 'Associazione Cuore Amico Fraternità Onlus',
    tipo: 'associazione',
    ruolo: 'rete',
    compito: 'Aiuti alimentari e accompagnamento delle famiglie in difficoltà.',
    compitoEn: 'Food aid and support for families in hardship.',
  },
  {
    codice: 'dignita_lavoro',
    nome: 'Associazione Dignità e Lavoro',
    tipo: 'associazione',
    ruolo: 'rete',
    compito: 'Sportelli lavoro e orientamento.',
    compitoEn: 'Job desks and career guidance.',
  },
  {
    codice: 'auser_rete',
    nome: 'AUSER Rete Brescia',
    tipo: 'associazione',
    ruolo: 'rete',
    compito: 'Collega i circoli Auser dei quartieri con i Punti comunità.',
    compitoEn: "Links the quartieri's Auser clubs with the community points.",
  },
  {
    codice: 'cob',
    nome: 'Centro Oratori Bresciani',
    tipo: 'associazione',
    ruolo: 'rete',
    compito: 'Centri di aggregazione giovanile negli oratori.',
    compitoEn: 'Youth centres in the parish clubs.',
  },
  {
    codice: 'cgil',
    nome: 'CGIL',
    tipo: 'sindacato',
    ruolo: 'rete',
    compito: 'Sportelli di patronato e tutela del lavoro nei quartieri.',
    compitoEn: 'Welfare rights and labour advice desks in the quartieri.',
  },
  {
    codice: 'cisl',
    nome: 'CISL',
    tipo: 'sindacato',
    ruolo: 'rete',
    compito: 'Sportelli per pensionati e famiglie.',
    compitoEn: 'Advice desks for pensioners and families.',
  },
  {
    codice: 'uil',
    nome: 'UIL Brescia',
    tipo: 'sindacato',
    ruolo: 'rete',
    compito: 'Assistenza fiscale e previdenziale alle famiglie.',
    compitoEn: 'Tax and pension help for families.',
  },
  {
    codice: 'confcooperative',
    nome: 'Confcooperative Unione provinciale di Brescia',
    tipo: 'altro',
    ruolo: 'rete',
    compito: 'Mette in rete le cooperative sociali che gestiscono i servizi.',
    compitoEn: 'Brings together the social cooperatives that run the services.',
  },
  {
    codice: 'congrega',
    nome: 'Congrega della Carità Apostolica',
    tipo: 'fondazione',
    ruolo: 'rete',
    compito: 'Contributi per le famiglie in difficoltà e per i progetti di quartiere.',
    compitoEn: 'Grants for families in hardship and for quartiere projects.',
  },
  {
    codice: 'csv_brescia',
    nome: 'CSV Brescia',
    tipo: 'associazione',
    ruolo: 'rete',
    compito: 'Punti comunità di quartiere e sostegno alle associazioni di volontariato.',
    compitoEn: 'Community points in the quartieri and support for volunteer associations.',
  },
  {
    codice: 'calabrone',
    nome: 'Coop. sociale Il Calabrone',
    tipo: 'cooperativa',
    ruolo: 'rete',
    compito: 'Officina giovani: laboratori e orientamento.',
    compitoEn: 'Youth workshop: labs and guidance.',
  },
  {
    codice: 'fondazione_asm',
    nome: 'Fondazione ASM',
    tipo: 'fondazione',
    ruolo: 'rete',
    compito: 'Finanzia i progetti delle 100 leve.',
    compitoEn: 'Funds the projects of the 100 levers.',
  },
];

/** One of the project's strategic agencies, the ente leading it and its task. */
export interface Agenzia {
  codice: string;
  nome: string;
  nomeEn: string;
  capofila: string;
  compito: string;
  compitoEn: string;
}

/** The five strategic agencies of the project, in the order of the network chapter's table. */
export const AGENZIE: readonly Agenzia[] = [
  {
    codice: 'governance',
    nome: 'Governance',
    nomeEn: 'Governance',
    capofila: 'comune',
    compito: 'Guida la cabina di regia: mette insieme le decisioni dei partner e ne rende conto alla città.',
    compitoEn: "Runs the steering group: brings the partners' decisions together and accounts for them to the residents.",
  },
  {
    codice: 'conoscenza',
    nome: 'Conoscenza e informazione',
    nomeEn: 'Knowledge and information',
    capofila: 'unibs',
    compito: 'Raccoglie e analizza i dati dei quartieri e cura il bilancio sociale partecipativo.',
    compitoEn: "Collects and analyses the quartieri's data and edits the participatory social report.",
  },
  {
    codice: 'risorse_umane',
    nome: 'Sviluppo delle risorse umane',
    nomeEn: 'Human resources development',
    capofila: 'unicatt',
    compito: 'Forma operatori, volontari e cittadini attivi del progetto.',
    compitoEn: "Trains the project's workers, volunteers and active citizens.",
  },
  {
    codice: 'comunicazione',
    nome: 'Comunicazione e raccolta di fondi e persone',
    nomeEn: 'Communication and fund and people raising',
    capofila: 'auser',
    compito: 'Racconta il progetto nei quartieri e cerca fondi e nuovi volontari.',
    compitoEn: 'Tells the quartieri about the project and raises funds and new volunteers.',
  },
  {
    codice: 'finanza',
    nome: 'Finanza',
    nomeEn: 'Finance',
    capofila: 'comune',
    compito: 'Gestisce il bilancio del progetto e i fondi dei bandi e ne rende conto ai finanziatori.',
    compitoEn: "Manages the project's budget and grant funds and reports to the funders.",
  },
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
  /** The name in English (servizio_en). */
  nomeEn: string;
  cantiere: Cantiere;
  /** Target population as `eta:da-a`, `eta:da+` or `tutti`. */
  target: string;
  unita: 'posti' | 'utenti' | 'ore' | 'interventi';
  ente: string;
}

export const SERVIZI: readonly Servizio[] = [
  {
    codice: 'NIDO',
    nome: "Nidi d'infanzia",
    nomeEn: 'Nurseries',
    cantiere: 'prima_infanzia',
    target: 'eta:0-2',
    unita: 'posti',
    ente: 'comune',
  },
  {
    codice: 'TEMPO_FAMIGLIE',
    nome: 'Spazi gioco e tempo per le famiglie',
    nomeEn: 'Play areas and family time',
    cantiere: 'prima_infanzia',
    target: 'eta:0-2',
    unita: 'utenti',
    ente: 'colibri',
  },
  {
    codice: 'CAG',
    nome: 'Centri di aggregazione giovanile',
    nomeEn: 'Youth centres',
    cantiere: 'giovani',
    target: 'eta:14-29',
    unita: 'utenti',
    ente: 'cob',
  },
  {
    codice: 'OFFICINA_GIOVANI',
    nome: 'Officina giovani: laboratori e orientamento',
    nomeEn: 'Youth workshop: labs and guidance',
    cantiere: 'giovani',
    target: 'eta:14-29',
    unita: 'utenti',
    ente: 'calabrone',
  },
  {
    codice: 'PUNTI_COMUNITA',
    nome: 'Punti comunità di quartiere',
    nomeEn: 'Neighbourhood community points',
    cantiere: 'forza_comunita',
    target: 'tutti',
    unita: 'utenti',
    ente: 'csv_brescia',
  },
  {
    codice: 'LEVE_PROGETTI',
    nome: 'Progetti delle 100 leve',
    nomeEn: 'Projects of the 100 levers',
    cantiere: 'cento_leve',
    target: 'tutti',
    unita: 'interventi',
    ente: 'fondazione_asm',
  },
  {
    codice: 'EMPORIO',
    nome: 'Emporio della solidarietà',
    nomeEn: 'Solidarity grocery',
    cantiere: 'poverta_lavoro',
    target: 'tutti',
    unita: 'utenti',
    ente: 'acli',
  },
  {
    codice: 'SPORTELLO_LAVORO',
    nome: 'Sportelli lavoro e orientamento',
    nomeEn: 'Job and guidance desks',
    cantiere: 'poverta_lavoro',
    target: 'eta:18-64',
    unita: 'utenti',
    ente: 'dignita_lavoro',
  },
  {
    codice: 'SAD',
    nome: 'Servizio di assistenza domiciliare',
    nomeEn: 'Home care service',
    cantiere: 'anziani_disabili',
    target: 'eta:65+',
    unita: 'utenti',
    ente: 'comune',
  },
  {
    codice: 'COMPAGNIA_ANZIANI',
    nome: 'Compagnia e trasporto anziani',
    nomeEn: 'Company and transport for older people',
    cantiere: 'anziani_disabili',
    target: 'eta:75+',
    unita: 'utenti',
    ente: 'auser',
  },
  {
    codice: 'CENTRO_DIURNO_DIS',
    nome: 'Centri diurni per persone con disabilità',
    nomeEn: 'Day centres for people with disabilities',
    cantiere: 'anziani_disabili',
    target: 'eta:18-64',
    unita: 'posti',
    ente: 'anffas',
  },
  {
    codice: 'RESIDENZIALE_DIS',
    nome: 'Servizi residenziali per persone con disabilità',
    nomeEn: 'Residential services for people with disabilities',
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
    ['codice_ente', 'nome', 'tipo', 'ruolo', 'compito', 'compito_en'],
    ENTI.map((e) => [e.codice, e.nome, e.tipo, e.ruolo, e.compito, e.compitoEn]),
  );
}

/** catalogo/agenzie.csv */
export function agenzieCsv(): string {
  return toCsv(
    ['codice_agenzia', 'nome', 'nome_en', 'ente_capofila', 'compito', 'compito_en', 'ordine'],
    AGENZIE.map((a, i) => [a.codice, a.nome, a.nomeEn, a.capofila, a.compito, a.compitoEn, i + 1]),
  );
}

/** catalogo/servizi.csv */
export function serviziCsv(): string {
  return toCsv(
    // The English twin last: the columns partners and tests know keep their letters.
    ['codice_servizio', 'servizio', 'cantiere', 'target', 'unita', 'ente', 'servizio_en'],
    SERVIZI.map((s) => [s.codice, s.nome, s.cantiere, s.target, s.unita, s.ente, s.nomeEn]),
  );
}
