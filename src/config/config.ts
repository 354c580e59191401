import type { Lang, Severity } from '../types.js';
import type { Bilingual } from '../i18n.js';

/** The report's configuration with every default filled (see normalizeConfig). */
export interface Config {
  titolo: string;
  /** The title in English (`titolo_en`), null when the project gives none. */
  titoloEn: string | null;
  sottotitolo: string;
  sottotitoloEn: string | null;
  /** The body that publishes the report. */
  ente: string;
  /** The report's author (PDF and HTML metadata): `autore`, else the ente. */
  autore: string;
  /** Who publishes it (the PDF's Creator, the open data's publisher): `editore`, else the ente. */
  editore: string;
  citta: string;
  /** What the report calls the whole territory (città, comune, paese). */
  intero: WholeWords;
  /** What the report calls the areas of territorio/quartieri.csv (quartiere, frazione, rione…). */
  area: AreaWords;
  /** The project in a sentence or two (the network chapter); null: bilancio's own sentence. */
  descrizioneProgetto: Bilingual | null;
  /** The project's mission (the network chapter); null: the chapter has none. */
  missione: Bilingual | null;
  /** The project's values, in the order the network chapter lists them; none by default. */
  valori: { valore: Bilingual; descrizione: Bilingual | null }[];
  /** Who gives population, households and movement (the method note); null: the ente's registry office. */
  fontePopolazione: Bilingual | null;
  /** The project's own glossary entries: one with a term of bilancio's glossary replaces it. */
  glossario: { termine: Bilingual; definizione: Bilingual }[];
  /** The open data's licence. */
  licenza: { nome: string; url: string };
  /** The report year: the year of the data at 31 December. */
  anno: number;
  /** The year to compare with; null when the project has no earlier year. */
  annoConfronto: number | null;
  lingua: Lang;
  /** Smallest count that may be published (Garante, Regole deontologiche 2019, art. 5). */
  sogliaRiservatezza: number;
  /** Smallest number of respondents for a territory's survey results to be shown. */
  sogliaRisposte: number;
  /** A voice's quartiere is dropped when the quartiere has fewer residents than this. */
  sogliaPopolazioneVoci: number;
  /** Submission deadline per data year, ISO date. */
  scadenzaContributi: Record<string, string>;
  /** Publication date printed on the cover and in the PDF metadata (ISO date), or null. */
  dataPubblicazione: string | null;
  /** Severity and threshold per cross-file rule, by rule id. */
  regole: Record<string, { gravita: Severity; soglia?: number }>;
}

/** The smallest publishable count allowed without --consenti-soglia-bassa. */
export const MIN_SOGLIA_RISERVATEZZA = 3;

/** Italian grammatical gender of a noun, for its articles and agreements. */
export type Genere = 'm' | 'f';

/** The name of the whole territory, e.g. città (f) / city, comune (m) / municipality. */
export interface WholeWords {
  nome: string;
  genere: Genere;
  nomeEn: string;
}

/** The name of the areas, e.g. quartiere / quartieri (m), frazione / frazioni (f), and of their codes. */
export interface AreaWords {
  singolare: string;
  plurale: string;
  genere: Genere;
  singolareEn: string;
  pluraleEn: string;
  /** What the codes of the areas are, printed before a code (e.g. ISTAT ASC); empty: just "codice". */
  codice: string;
}

/** The open data's licence when the project names none (as before the `licenza` key). */
export const DEFAULT_LICENZA = { nome: 'CC-BY-4.0', url: 'https://creativecommons.org/licenses/by/4.0/' };

/** English names of the usual words for the whole territory; any other stays as it is in English. */
const WHOLE_EN: Record<string, string> = { città: 'city', comune: 'municipality', paese: 'town' };

/** The words of the whole from the config's `intero` (default: città, feminine, city). */
export function wholeWords(spec: { nome: string; genere?: Genere; nome_en?: string } | undefined): WholeWords {
  if (!spec) return { nome: 'città', genere: 'f', nomeEn: 'city' };
  const nome = spec.nome.trim();
  return {
    nome,
    genere: spec.genere ?? (/[aà]$/.test(nome) ? 'f' : 'm'),
    nomeEn: spec.nome_en ?? WHOLE_EN[nome.toLocaleLowerCase('it')] ?? nome,
  };
}

/** The words of the areas from the config's `area` (default: quartiere/quartieri, masculine, no code name). */
export function areaWords(
  spec: { singolare: string; plurale: string; genere?: Genere; singolare_en?: string; plurale_en?: string; codice?: string } | undefined,
): AreaWords {
  if (!spec)
    return { singolare: 'quartiere', plurale: 'quartieri', genere: 'm', singolareEn: 'quartiere', pluraleEn: 'quartieri', codice: '' };
  const singolare = spec.singolare.trim();
  return {
    singolare,
    plurale: spec.plurale.trim(),
    genere: spec.genere ?? (/[aà]$|[zsg]ione$/.test(singolare) ? 'f' : 'm'),
    singolareEn: spec.singolare_en ?? singolare,
    pluraleEn: spec.plurale_en ?? spec.plurale.trim(),
    codice: spec.codice ?? '',
  };
}
