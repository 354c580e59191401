import type { Lang, Problem, Severity } from '../types.js';
import type { ValidateFunction } from 'ajv';
import { schemaProblems } from '../schemas/schema-error.js';
import { phrase } from '../i18n.js';
import type { Bilingual } from '../i18n.js';
import { DEFAULT_LICENZA, MIN_SOGLIA_RISERVATEZZA, areaWords, wholeWords, type Config, type Genere } from './config.js';

/** What the config file may hold, before defaults (the schema is schemas/config.schema.json). */
interface ConfigSpec {
  titolo: string;
  titolo_en?: string;
  sottotitolo?: string;
  sottotitolo_en?: string;
  ente?: string;
  autore?: string;
  editore?: string;
  citta?: string;
  intero?: { nome: string; genere?: Genere; nome_en?: string };
  area?: { singolare: string; plurale: string; genere?: Genere; singolare_en?: string; plurale_en?: string; codice?: string };
  descrizione_progetto?: Testo;
  missione?: Testo;
  valori?: { valore: Testo; descrizione?: Testo }[];
  fonte_popolazione?: Testo;
  glossario?: { termine: Testo; definizione: Testo }[];
  licenza?: { nome: string; url: string };
  anno: number;
  anno_confronto?: number;
  lingua?: Lang;
  soglia_riservatezza?: number;
  soglia_risposte?: number;
  soglia_popolazione_voci?: number;
  scadenza_contributi?: Record<string, string>;
  data_pubblicazione?: string;
  regole?: Record<string, { gravita?: string; soglia?: number }>;
}

/** A text of the project: the same in both languages, or given in each. */
type Testo = string | Bilingual;

const bilingual = (text: Testo): Bilingual => (typeof text === 'string' ? { it: text, en: text } : { it: text.it, en: text.en });

export interface NormalizeOptions {
  file: string;
  /** --consenti-soglia-bassa: lets soglia_riservatezza go below 3 (printed in the method note). */
  allowLowThreshold?: boolean;
}

/** Checks a parsed config against its schema and fills every default; problems as data. */
export function normalizeConfig(
  raw: unknown,
  validate: ValidateFunction,
  options: NormalizeOptions,
): { config: Config; problems: Problem[] } | { problems: Problem[] } {
  const { file } = options;
  if (!validate(raw)) {
    const problems = schemaProblems(validate.errors ?? [], file, 'config', {
      it: 'Configurazione non valida{where}: {detail}.',
      en: 'Invalid configuration{where}: {detail}.',
    });
    return { problems };
  }
  const spec = raw as ConfigSpec;
  const problems: Problem[] = [];
  const soglia = spec.soglia_riservatezza ?? MIN_SOGLIA_RISERVATEZZA;
  if (soglia < MIN_SOGLIA_RISERVATEZZA && !options.allowLowThreshold) {
    problems.push({
      code: 'constraint-error',
      severity: 'error',
      file,
      field: 'soglia_riservatezza',
      value: String(soglia),
      expected: `>= ${MIN_SOGLIA_RISERVATEZZA}`,
      message: phrase(
        {
          it: "soglia_riservatezza è {value}: sotto 3 serve l'opzione esplicita --consenti-soglia-bassa.",
          en: 'soglia_riservatezza is {value}: below 3 it needs the explicit option --consenti-soglia-bassa.',
        },
        { value: soglia },
      ),
    });
    return { problems };
  }
  const regole: Config['regole'] = {};
  for (const [rule, setting] of Object.entries(spec.regole ?? {})) {
    const gravita: Severity = setting.gravita === 'avviso' || setting.gravita === 'warning' ? 'warning' : 'error';
    regole[rule] = setting.soglia === undefined ? { gravita } : { gravita, soglia: setting.soglia };
  }
  const config: Config = {
    titolo: spec.titolo,
    titoloEn: spec.titolo_en ?? null,
    sottotitolo: spec.sottotitolo ?? '',
    sottotitoloEn: spec.sottotitolo_en ?? null,
    ente: spec.ente ?? '',
    autore: spec.autore ?? spec.ente ?? '',
    editore: spec.editore ?? spec.ente ?? '',
    citta: spec.citta ?? '',
    intero: wholeWords(spec.intero),
    area: areaWords(spec.area),
    descrizioneProgetto: spec.descrizione_progetto === undefined ? null : bilingual(spec.descrizione_progetto),
    missione: spec.missione === undefined ? null : bilingual(spec.missione),
    valori: (spec.valori ?? []).map((v) => ({
      valore: bilingual(v.valore),
      descrizione: v.descrizione === undefined ? null : bilingual(v.descrizione),
    })),
    fontePopolazione: spec.fonte_popolazione === undefined ? null : bilingual(spec.fonte_popolazione),
    glossario: (spec.glossario ?? []).map((g) => ({ termine: bilingual(g.termine), definizione: bilingual(g.definizione) })),
    licenza: spec.licenza ?? DEFAULT_LICENZA,
    anno: spec.anno,
    annoConfronto: spec.anno_confronto ?? null,
    lingua: spec.lingua ?? 'it',
    sogliaRiservatezza: soglia,
    sogliaRisposte: spec.soglia_risposte ?? 10,
    sogliaPopolazioneVoci: spec.soglia_popolazione_voci ?? 1000,
    scadenzaContributi: spec.scadenza_contributi ?? {},
    dataPubblicazione: spec.data_pubblicazione ?? null,
    regole,
  };
  return { config, problems };
}
