import type { Bilingual } from '../../i18n.js';
import type { Livello } from '../indicators.js';
import type { SummaryRules } from '../../validate/summary-rules.js';

// What the Sintesi and the areas' points of attention say, as data: which figures, chosen by which
// declared rule (catalogo/sintesi.json), and the published values each rests on (its lineage). Only
// published values take part: a withheld value is never a finding, nor part of one.

/** A published value a finding rests on: `bilancio explain <indicatore> <codice> --anno <anno>` traces it. */
export interface FigureRef {
  indicatore: string;
  livello: Livello;
  codice: string;
  anno: number;
}

/** An area named by a finding, with its published value. */
export interface AreaFigure {
  codice: string;
  nome: string;
  valore: number;
}

/** How a city value moved over every year with a published value, when there are at least three. */
export type Trend = 'in_crescita' | 'in_calo' | 'altalenante';

export interface YearValue {
  anno: number;
  valore: number;
}

/** One of the year's key figures: the city's value, its absolute number, the change on the year compared. */
export interface KeyFigure {
  id: string;
  indicatore: string;
  valore: number;
  /** The numerator (places, users, births) when the rules name what it counts; else null. */
  assoluto: number | null;
  nomeAssoluto: Bilingual | null;
  precedente: number | null;
  assolutoPrecedente: number | null;
  variazione: number | null;
  riferimenti: FigureRef[];
}

export type Finding =
  | {
      id: string;
      tipo: 'sotto_obiettivo';
      indicatore: string;
      obiettivo: number;
      etichetta: string;
      /** The areas on the wrong side of the target, the furthest first. */
      sotto: AreaFigure[];
      /** Areas with a published value. */
      aree: number;
      citta: number | null;
      riferimenti: FigureRef[];
    }
  | {
      id: string;
      tipo: 'divario_tra_aree';
      indicatore: string;
      min: AreaFigure;
      max: AreaFigure;
      /** max / min; null when the lowest is zero. */
      rapporto: number | null;
      /** Areas where the value is zero (the service reaches no one there). */
      aZero: number;
      riferimenti: FigureRef[];
    }
  | {
      id: string;
      tipo: 'variazione';
      indicatore: string;
      valore: number;
      precedente: number;
      annoPrecedente: number;
      variazione: number;
      /** The change as a percentage of the earlier value. */
      pct: number;
      /** The city's published value in every year, for the trend. */
      serie: YearValue[];
      tendenza: Trend | null;
      riferimenti: FigureRef[];
    }
  | {
      id: string;
      tipo: 'impegni_in_ritardo';
      /** The date the deadlines are measured against: the end of the report year. */
      al: string;
      impegni: LateCommitment[];
      /** Commitments with a deadline by then. */
      dovuti: number;
      riferimenti: FigureRef[];
    };

export interface LateCommitment {
  codice: string;
  cantiere: string;
  descrizione: string;
  descrizioneEn: string | null;
  scadenza: string;
  stato: string | null;
  avanzamento: number | null;
}

/** The Sintesi: the rules applied, the key figures and the findings in the order the rules give. */
export interface Summary {
  regole: Pick<SummaryRules, 'file' | 'predefinite'> & { tolleranza: number };
  anno: number;
  annoPrecedente: number | null;
  cifre: KeyFigure[];
  risultati: Finding[];
}

/** Where an area stands among the areas of its zona for one indicator (1 = best, by the indicator's polarity). */
export interface ZoneRank {
  posizione: number;
  su: number;
}

/** A service of the catalogue that reaches no one in the area (a published zero) while it reaches the city. */
export interface ServiceNotReaching {
  indicatore: string;
  servizio: string;
  citta: number;
  riferimenti: FigureRef[];
}

export type AttentionPoint =
  | {
      tipo: 'sotto_obiettivo';
      indicatore: string;
      valore: number;
      obiettivo: number;
      etichetta: string;
      citta: number | null;
      rango: ZoneRank | null;
      riferimenti: FigureRef[];
    }
  | { tipo: 'lontano_da_intero'; indicatore: string; valore: number; citta: number; rango: ZoneRank | null; riferimenti: FigureRef[] };

/** An area's points of attention: services not reaching it, then indicators the furthest first; its largest change. */
export interface AreaAttention {
  codice: string;
  nonRaggiunto: ServiceNotReaching[];
  punti: AttentionPoint[];
  /** Points found beyond the declared maximum, not listed. */
  altri: number;
  variazione: { indicatore: string; valore: number; precedente: number; variazione: number; pct: number; riferimenti: FigureRef[] } | null;
}

/** An indicator's city value over every year with a published one, and how it moved (three years or more). */
export interface Trendline {
  indicatore: string;
  serie: YearValue[];
  /** The numerator in the same years (places, users): the absolute outputs beside the rate. */
  assoluti: YearValue[];
  tendenza: Trend | null;
  /** The report year against the year compared: the rate's change and the numerator's, when both are published. */
  confronto: { anno: number; variazione: number; variazioneAssoluta: number | null } | null;
}
