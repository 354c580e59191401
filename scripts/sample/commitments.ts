// catalogo/impegni.csv and dati/<anno>/impegni.csv: what the project promised and how far it got.
// Indicator ids are those of catalogo/indicatori.json (copertura_NIDO, copertura_SAD, quota_65_plus).

import type { Cantiere } from './catalogue.js';
import { quartiere, type CodiceZona } from './territory.js';
import { toCsv } from './writers.js';

type Stato = 'non_avviato' | 'in_corso' | 'completato' | 'sospeso';

interface Impegno {
  codice: string;
  cantiere: Cantiere;
  descrizione: string;
  /** The commitment in English (descrizione_en). */
  descrizioneEn: string;
  zona?: CodiceZona;
  quartiere?: string;
  indicatore?: string;
  obiettivo?: number;
  scadenza: string;
  avanzamento: Record<2023 | 2024, [Stato, number, string]>;
}

const IMPEGNI: Impegno[] = [
  {
    codice: 'IMP01',
    cantiere: 'prima_infanzia',
    indicatore: 'copertura_NIDO',
    obiettivo: 33,
    scadenza: '2024-12-31',
    descrizione: 'Portare i posti nido ad almeno 33 ogni 100 bambini di 0-2 anni (obiettivo europeo di Barcellona)',
    descrizioneEn: 'Bring nursery places to at least 33 per 100 children aged 0-2 (European Barcelona target)',
    avanzamento: {
      2023: ['in_corso', 60, 'Mancano ancora alcune decine di posti, soprattutto nelle zone Est e Ovest.'],
      2024: ['completato', 100, 'Obiettivo raggiunto con i nuovi posti di Sanpolino e Villaggio Violino.'],
    },
  },
  {
    codice: 'IMP02',
    cantiere: 'prima_infanzia',
    quartiere: 'Sanpolino',
    scadenza: '2024-09-30',
    descrizione: 'Aprire un nuovo nido a Sanpolino',
    descrizioneEn: 'Open a new nursery in Sanpolino',
    avanzamento: {
      2023: ['in_corso', 40, 'Lavori iniziati a ottobre.'],
      2024: ['completato', 100, 'Nido aperto a settembre 2024 con 24 posti.'],
    },
  },
  {
    codice: 'IMP03',
    cantiere: 'prima_infanzia',
    scadenza: '2024-12-31',
    descrizione: 'Attivare uno spazio gioco per le famiglie in ogni zona della città',
    descrizioneEn: 'Start a play area for families in every zone of the city',
    avanzamento: {
      2023: ['in_corso', 60, 'Spazi gioco attivi in quattro zone su cinque.'],
      2024: ['in_corso', 80, 'Manca la zona Nord: locale individuato a Mompiano, apertura prevista nel 2025.'],
    },
  },
  {
    codice: 'IMP04',
    cantiere: 'anziani_disabili',
    indicatore: 'copertura_SAD',
    obiettivo: 3,
    scadenza: '2025-12-31',
    descrizione: "Raggiungere con l'assistenza domiciliare almeno 3 residenti over 65 su 100",
    descrizioneEn: 'Reach at least 3 residents aged over 65 in 100 with home care',
    avanzamento: {
      2023: ['in_corso', 50, ''],
      2024: ['in_corso', 70, 'Ore aumentate, ma le richieste crescono più in fretta delle risorse.'],
    },
  },
  {
    codice: 'IMP05',
    cantiere: 'anziani_disabili',
    indicatore: 'quota_65_plus',
    zona: 'nord',
    scadenza: '2025-06-30',
    descrizione: 'Adeguare i servizi per gli anziani nei quartieri più anziani della zona Nord, seguendo la quota di over 65',
    descrizioneEn: 'Adapt services for older people in the oldest quartieri of zone Nord, following the share of over-65s',
    avanzamento: {
      2023: ['in_corso', 30, 'Mappatura degli anziani soli avviata con i medici di base.'],
      2024: ['in_corso', 65, 'Mappatura completata in 5 quartieri su 7.'],
    },
  },
  {
    codice: 'IMP06',
    cantiere: 'anziani_disabili',
    zona: 'nord',
    scadenza: '2024-12-31',
    descrizione: 'Estendere compagnia e trasporto per gli anziani a tutti i quartieri della zona Nord',
    descrizioneEn: 'Extend company and transport for older people to every quartiere of zone Nord',
    avanzamento: {
      2023: ['non_avviato', 0, 'In attesa di nuovi volontari.'],
      2024: ['in_corso', 45, "Attivo anche a Casazza e Mompiano; Sant'Eustacchio dal 2025."],
    },
  },
  {
    codice: 'IMP07',
    cantiere: 'giovani',
    scadenza: '2024-06-30',
    descrizione: 'Tenere aperti i centri di aggregazione giovanile fino alle 21 almeno due sere a settimana',
    descrizioneEn: 'Keep youth centres open until 9 pm at least two evenings a week',
    avanzamento: {
      2023: ['in_corso', 30, 'Sperimentazione in un centro.'],
      2024: ['completato', 100, 'Apertura serale il martedì e il giovedì in tre centri.'],
    },
  },
  {
    codice: 'IMP08',
    cantiere: 'giovani',
    zona: 'sud',
    scadenza: '2025-03-31',
    descrizione: "Aprire una sede dell'Officina giovani nella zona Sud",
    descrizioneEn: 'Open a Youth workshop site in zone Sud',
    avanzamento: {
      2023: ['non_avviato', 0, ''],
      2024: ['sospeso', 10, 'Sospeso: il locale "ex magazzino" richiede lavori > 50.000 euro & un nuovo bando.'],
    },
  },
  {
    codice: 'IMP09',
    cantiere: 'forza_comunita',
    scadenza: '2024-12-31',
    descrizione: 'Un Punto comunità attivo in ciascuna delle cinque zone',
    descrizioneEn: 'An active community point in each of the five zones',
    avanzamento: {
      2023: ['in_corso', 60, 'Attivi nelle zone Est, Sud e Ovest.'],
      2024: ['in_corso', 80, 'Aperto anche in Centro; a Folzano una presenza al mese. Manca la zona Nord.'],
    },
  },
  {
    codice: 'IMP10',
    cantiere: 'cento_leve',
    obiettivo: 100,
    scadenza: '2025-12-31',
    descrizione: 'Finanziare 100 progetti nati dai quartieri (le 100 leve)',
    descrizioneEn: 'Fund 100 projects born in the quartieri (the 100 levers)',
    avanzamento: { 2023: ['in_corso', 38, '38 progetti finanziati.'], 2024: ['in_corso', 71, '71 progetti finanziati, 9 già conclusi.'] },
  },
  {
    codice: 'IMP11',
    cantiere: 'poverta_lavoro',
    zona: 'ovest',
    scadenza: '2025-12-31',
    descrizione: 'Aprire un secondo Emporio della solidarietà nella zona Ovest',
    descrizioneEn: 'Open a second solidarity grocery in zone Ovest',
    avanzamento: { 2023: ['non_avviato', 0, ''], 2024: ['non_avviato', 0, 'In cerca di un locale tra Chiusure e Fiumicello.'] },
  },
  {
    codice: 'IMP12',
    cantiere: 'poverta_lavoro',
    scadenza: '2024-12-31',
    descrizione: 'Un modulo unico per chiedere aiuto a sportelli lavoro ed emporio',
    descrizioneEn: 'A single form to ask the job desks and the grocery for help',
    avanzamento: {
      2023: ['in_corso', 50, 'Modulo in prova in due sportelli.'],
      2024: ['completato', 100, 'In uso in tutti gli sportelli da giugno.'],
    },
  },
];

/** catalogo/impegni.csv */
export function catalogoImpegniCsv(): string {
  return toCsv(
    [
      'codice_impegno',
      'cantiere',
      'descrizione',
      'codice_zona',
      'codice_quartiere',
      'indicatore',
      'obiettivo',
      'scadenza',
      // The English twin last: the columns the project and tests know keep their letters.
      'descrizione_en',
    ],
    IMPEGNI.map((i) => [
      i.codice,
      i.cantiere,
      i.descrizione,
      i.zona,
      i.quartiere ? quartiere(i.quartiere).codice : undefined,
      i.indicatore,
      i.obiettivo,
      i.scadenza,
      i.descrizioneEn,
    ]),
  );
}

/** dati/<anno>/impegni.csv */
export function impegniCsv(anno: 2023 | 2024): string {
  return toCsv(
    ['codice_impegno', 'anno', 'stato', 'avanzamento_pct', 'nota'],
    IMPEGNI.map((i) => {
      const [stato, pct, nota] = i.avanzamento[anno];
      return [i.codice, anno, stato, pct, nota];
    }),
  );
}
