import type { Territorio } from '../types.js';
import { csvCell } from './csv-cell.js';
import type { Pyramids } from './pyramids.js';
import type { ResourceTotal } from './resources.js';
import { ANDAMENTI, COMMITMENT_STATES, type Commitment, type CommitmentsResult } from './commitments.js';
import type { SurveyAreaResult, SurveyItemResult, SurveyResult } from './survey/compute-survey.js';
import { SCALE } from './survey/read-survey.js';
import { MOTIVI } from './suppress.js';
import { roundHalfAwayFromZero } from './rounding.js';
import type { WithholdReason } from './privacy/protect.js';

// The open-data tables beside indicatori.csv: every other number the report prints (survey results,
// resource totals, age pyramids, commitments), one CSV each, with the schema datapackage.json declares for it. A
// withheld figure is an empty cell with soppresso = true and the reason, never the number.

/** A column of an open-data CSV: its Frictionless field and how to read it from a row. */
export interface Column<R> {
  field: { name: string; type: 'integer' | 'number' | 'string' | 'boolean'; description: string; constraints?: { enum: string[] } };
  value: (row: R) => unknown;
}

/** One open-data table: its file, description, columns, key, and rows. */
export interface OpenTable {
  name: string;
  path: string;
  title: string;
  description: string;
  fields: Column<never>['field'][];
  primaryKey: string[];
  csv: string;
}

function table<R>(
  spec: { name: string; title: string; description: string; primaryKey: string[] },
  columns: Column<R>[],
  rows: R[],
): OpenTable {
  const lines = [columns.map((c) => c.field.name).join(',')];
  for (const row of rows) lines.push(columns.map((c) => csvCell(c.value(row))).join(','));
  return { ...spec, path: `${spec.name}.csv`, fields: columns.map((c) => c.field), csv: `${lines.join('\r\n')}\r\n` };
}

const motivo = (reason: WithholdReason | null | undefined) => (reason ? MOTIVI[reason] : null);
const round = (value: number | null | undefined, decimals: number) =>
  value === null || value === undefined ? null : roundHalfAwayFromZero(value, decimals);

const SOPPRESSO = {
  name: 'soppresso',
  type: 'boolean',
  description: 'true se il dato è omesso per riservatezza: le celle del dato sono vuote.',
} as const;
const MOTIVO = { name: 'motivo', type: 'string', description: 'Perché il dato è omesso (vuoto se pubblicato).' } as const;

interface SurveyRow {
  anno: number;
  area: SurveyAreaResult;
  key: string;
  voce: string;
  tipo: 'dimensione' | 'domanda';
  result: SurveyItemResult | undefined;
}

/** questionario.csv: each area (city, zona, quartiere, age group) × dimension or question of the survey. */
export function surveyTable(surveys: SurveyResult[]): OpenTable {
  const rows: SurveyRow[] = surveys.flatMap((survey) =>
    [survey.city, ...survey.zone, ...survey.quartieri, ...survey.fasce].flatMap((area) =>
      survey.items
        // Age groups are published by dimension only.
        .filter((entry) => area.livello !== 'fascia' || entry.dimension)
        .map((entry) => ({
          anno: survey.anno,
          area,
          key: entry.key,
          voce: entry.item.code,
          tipo: entry.dimension ? ('dimensione' as const) : ('domanda' as const),
          result: area.items[entry.key],
        })),
    ),
  );
  const withheld = (r: SurveyRow) => !!r.result?.motivo;
  const columns: Column<SurveyRow>[] = [
    { field: { name: 'anno', type: 'integer', description: 'Anno del questionario.' }, value: (r) => r.anno },
    {
      field: {
        name: 'livello',
        type: 'string',
        constraints: { enum: ['citta', 'zona', 'quartiere', 'fascia'] },
        description: "Gruppo di rispondenti: la città, una zona, un quartiere o una fascia d'età.",
      },
      value: (r) => r.area.livello,
    },
    {
      field: { name: 'codice', type: 'string', description: 'Codice del quartiere, della zona, della fascia d\'età o "citta".' },
      value: (r) => (r.area.livello === 'citta' ? 'citta' : r.area.codice),
    },
    { field: { name: 'nome', type: 'string', description: 'Nome del gruppo.' }, value: (r) => r.area.nome },
    {
      field: { name: 'voce', type: 'string', description: 'Codice della dimensione o della domanda (domande.csv).' },
      value: (r) => r.voce,
    },
    {
      field: {
        name: 'tipo',
        type: 'string',
        constraints: { enum: ['dimensione', 'domanda'] },
        description: 'dimensione: media per persona delle sue risposte nella dimensione; domanda: una sola domanda.',
      },
      value: (r) => r.tipo,
    },
    {
      field: {
        name: 'rispondenti',
        type: 'integer',
        description: 'Persone del gruppo che hanno risposto al questionario; vuoto se omesso per riservatezza.',
      },
      value: (r) => r.area.respondents,
    },
    {
      field: { name: 'rispondenti_motivo', type: 'string', description: 'Perché il numero di rispondenti è omesso (vuoto se pubblicato).' },
      value: (r) => motivo(r.area.respondentsMotivo),
    },
    {
      field: { name: 'hanno_risposto', type: 'integer', description: 'Persone che hanno risposto alla voce almeno una volta.' },
      value: (r) => (withheld(r) ? null : (r.result?.answered ?? null)),
    },
    {
      field: {
        name: 'risposte',
        type: 'integer',
        description: "Risposte date alla voce (una persona può darne più d'una in una dimensione).",
      },
      value: (r) => (withheld(r) ? null : (r.result?.distribution?.answers ?? null)),
    },
    ...SCALE.map((s, i): Column<SurveyRow> => ({
      field: {
        name: `quota_${s}`,
        type: 'number',
        description: `Quota delle risposte uguali a ${s}, in percentuale delle risposte date, all'unità come nel report.`,
      },
      value: (r) => (withheld(r) ? null : round(r.result?.distribution ? 100 * r.result.distribution.shares[i]! : null, 0)),
    })),
    {
      field: {
        name: 'media',
        type: 'number',
        description: 'Media da 1 a 5 dei valori per persona (la media delle sue risposte nella voce), 2 decimali come nel report.',
      },
      value: (r) => (withheld(r) ? null : round(r.result?.estimate?.mean, 2)),
    },
    {
      field: {
        name: 'ic_basso',
        type: 'number',
        description: "Estremo inferiore dell'intervallo di confidenza al 95% della media (t di Student sui valori per persona).",
      },
      value: (r) => (withheld(r) ? null : round(r.result?.estimate?.low, 2)),
    },
    {
      field: { name: 'ic_alto', type: 'number', description: "Estremo superiore dell'intervallo di confidenza al 95% della media." },
      value: (r) => (withheld(r) ? null : round(r.result?.estimate?.high, 2)),
    },
    { field: SOPPRESSO, value: (r) => withheld(r) },
    { field: MOTIVO, value: (r) => motivo(r.result?.motivo) },
  ];
  return table(
    {
      name: 'questionario',
      title: "Questionario ai cittadini: risultati per territorio, fascia d'età e voce",
      description:
        "Distribuzione delle risposte, media e intervallo di confidenza al 95% di ogni dimensione e domanda del questionario, per la città, le zone, i quartieri e le fasce d'età. I gruppi con meno rispondenti della soglia_risposte sono omessi.",
      primaryKey: ['anno', 'livello', 'codice', 'voce'],
    },
    columns,
    rows,
  );
}

interface DifferenceRow {
  anno: number;
  livello: 'zona' | 'fascia';
  codice: string;
  nome: string;
  respondents: number | null;
  dimensione: string;
  difference: SurveyResult['zoneDifferences'][number]['differences'][string] | undefined;
}

/** questionario_differenze.csv: each zona and age group against the rest of the respondents, per dimension. */
export function surveyDifferencesTable(surveys: SurveyResult[]): OpenTable {
  const rows: DifferenceRow[] = surveys.flatMap((survey) =>
    [...survey.zoneDifferences, ...survey.ageDifferences].flatMap((cmp) =>
      survey.items
        .filter((e) => e.dimension)
        .map((e) => ({
          anno: survey.anno,
          livello: cmp.livello,
          codice: cmp.codice,
          nome: cmp.nome,
          respondents: cmp.respondents,
          dimensione: e.item.code,
          difference: cmp.differences[e.key],
        })),
    ),
  );
  const d = (r: DifferenceRow) => (r.difference?.motivo ? null : (r.difference?.difference ?? null));
  const columns: Column<DifferenceRow>[] = [
    { field: { name: 'anno', type: 'integer', description: 'Anno del questionario.' }, value: (r) => r.anno },
    {
      field: {
        name: 'livello',
        type: 'string',
        constraints: { enum: ['zona', 'fascia'] },
        description: "Il gruppo confrontato: una zona o una fascia d'età.",
      },
      value: (r) => r.livello,
    },
    { field: { name: 'codice', type: 'string', description: "Codice della zona o della fascia d'età." }, value: (r) => r.codice },
    { field: { name: 'nome', type: 'string', description: 'Nome del gruppo.' }, value: (r) => r.nome },
    {
      field: { name: 'rispondenti', type: 'integer', description: 'Rispondenti del gruppo; vuoto se omesso per riservatezza.' },
      value: (r) => r.respondents,
    },
    { field: { name: 'dimensione', type: 'string', description: 'Codice della dimensione.' }, value: (r) => r.dimensione },
    {
      field: {
        name: 'differenza',
        type: 'number',
        description: 'Media del gruppo meno media di tutti gli altri rispondenti (2 decimali).',
      },
      value: (r) => round(d(r)?.diff, 2),
    },
    {
      field: { name: 'ic_basso', type: 'number', description: "Estremo inferiore dell'intervallo al 95% della differenza (Welch)." },
      value: (r) => round(d(r)?.low, 2),
    },
    {
      field: { name: 'ic_alto', type: 'number', description: "Estremo superiore dell'intervallo al 95% della differenza (Welch)." },
      value: (r) => round(d(r)?.high, 2),
    },
    {
      field: { name: 'distinguibile', type: 'boolean', description: "true se l'intervallo non contiene lo zero." },
      value: (r) => (d(r) ? d(r)!.distinguishable : null),
    },
    { field: SOPPRESSO, value: (r) => !!r.difference?.motivo },
    { field: MOTIVO, value: (r) => motivo(r.difference?.motivo) },
  ];
  return table(
    {
      name: 'questionario_differenze',
      title: "Questionario ai cittadini: differenze tra zone e tra fasce d'età",
      description:
        "Per ogni zona e fascia d'età e ogni dimensione, la differenza tra la sua media e quella di tutti gli altri rispondenti, con l'intervallo di confidenza al 95% (Welch). Non è una graduatoria.",
      primaryKey: ['anno', 'livello', 'codice', 'dimensione'],
    },
    columns,
    rows,
  );
}

const MISURE: Record<string, string> = { spesa_euro: 'euro', ore: 'ore', volontari: 'volontari' };

/** risorse.csv: spending, hours and volunteers of each year, summed over every row of erogazioni, with sources. */
export function resourcesTable(resources: ResourceTotal[]): OpenTable {
  const columns: Column<ResourceTotal>[] = [
    { field: { name: 'anno', type: 'integer', description: 'Anno dei servizi.' }, value: (r) => r.anno },
    {
      field: {
        name: 'misura',
        type: 'string',
        constraints: { enum: Object.keys(MISURE) },
        description: 'La colonna di erogazioni sommata.',
      },
      value: (r) => r.misura,
    },
    {
      field: {
        name: 'valore',
        type: 'number',
        description:
          "Somma della misura su tutte le righe di erogazioni dell'anno (Comune e partner), per tutta la città; vuoto se omesso per riservatezza.",
      },
      value: (r) => r.valore,
    },
    { field: { name: 'unita', type: 'string', description: 'Unità di misura.' }, value: (r) => MISURE[r.misura] },
    { field: SOPPRESSO, value: (r) => r.soppresso },
    { field: MOTIVO, value: (r) => r.motivo },
    {
      field: {
        name: 'fonti',
        type: 'string',
        description:
          'File e righe sommati, "file: righe; file: righe", righe come le mostra un foglio di calcolo (intestazione = riga 1) in intervalli compatti; solo i file quando un dato dei servizi dell\'anno è omesso per riservatezza.',
      },
      value: (r) => r.fonti.map((f) => (f.righe ? `${f.file}: ${f.righe}` : f.file)).join('; '),
    },
  ];
  return table(
    {
      name: 'risorse',
      title: 'Risorse impiegate dai servizi del progetto',
      description: 'Spesa in euro, ore di servizio e volontari di ogni anno, somme dei dati del Comune e dei partner.',
      primaryKey: ['anno', 'misura'],
    },
    columns,
    resources,
  );
}

interface PyramidRow {
  anno: number;
  area: string;
  nome: string;
  classe: string;
  sesso: 'M' | 'F';
  cittadinanza: 'tutte' | 'straniera';
  residenti: number | null;
  motivo: WithholdReason | null;
}

const PYRAMID_SERIES = [
  { name: 'male', sesso: 'M', cittadinanza: 'tutte' },
  { name: 'female', sesso: 'F', cittadinanza: 'tutte' },
  { name: 'maleForeign', sesso: 'M', cittadinanza: 'straniera' },
  { name: 'femaleForeign', sesso: 'F', cittadinanza: 'straniera' },
] as const;

/** piramidi.csv: residents by age band and sex (the city also by citizenship) of the report year, as drawn. */
export function pyramidsTable(pyramids: Pyramids, territorio: Territorio, cityName: string): OpenTable {
  const names = new Map(territorio.quartieri.map((q) => [q.codice, q.nome]));
  const rows: PyramidRow[] = [];
  for (const pyramid of [pyramids.citta, ...pyramids.quartieri.values()]) {
    if (!pyramid) continue;
    for (const series of PYRAMID_SERIES) {
      const cells = pyramid[series.name];
      if (!cells) continue;
      pyramid.bands.forEach((band, i) =>
        rows.push({
          anno: pyramid.anno,
          area: pyramid.area,
          nome: pyramid.area === 'citta' ? cityName : (names.get(pyramid.area) ?? pyramid.area),
          classe: band,
          sesso: series.sesso,
          cittadinanza: series.cittadinanza,
          residenti: cells[i] ?? null,
          motivo: pyramid.motivi[`${series.name}|${band}`] ?? null,
        }),
      );
    }
  }
  const columns: Column<PyramidRow>[] = [
    { field: { name: 'anno', type: 'integer', description: 'Anno (residenti al 31 dicembre).' }, value: (r) => r.anno },
    {
      field: {
        name: 'area',
        type: 'string',
        description: 'Codice del quartiere (codice_quartiere di territorio/quartieri.csv) o "citta".',
      },
      value: (r) => r.area,
    },
    { field: { name: 'nome', type: 'string', description: 'Nome del territorio.' }, value: (r) => r.nome },
    {
      field: {
        name: 'classe',
        type: 'string',
        description: "Classe d'età: 5 anni per la città (fino a 100+), 10 anni per i quartieri (fino a 90+).",
      },
      value: (r) => r.classe,
    },
    { field: { name: 'sesso', type: 'string', constraints: { enum: ['M', 'F'] }, description: 'Sesso.' }, value: (r) => r.sesso },
    {
      field: {
        name: 'cittadinanza',
        type: 'string',
        constraints: { enum: ['tutte', 'straniera'] },
        description: 'tutte: tutti i residenti; straniera: solo quelli con cittadinanza straniera (compresi in "tutte").',
      },
      value: (r) => r.cittadinanza,
    },
    {
      field: { name: 'residenti', type: 'integer', description: 'Residenti della classe; vuoto se omesso per riservatezza.' },
      value: (r) => r.residenti,
    },
    { field: SOPPRESSO, value: (r) => r.motivo !== null },
    { field: MOTIVO, value: (r) => motivo(r.motivo) },
  ];
  return table(
    {
      name: 'piramidi',
      title: 'Piramidi delle età',
      description:
        "Residenti per classe d'età e sesso della città (anche per cittadinanza) e di ogni quartiere, come nelle piramidi del report.",
      primaryKey: ['anno', 'area', 'classe', 'sesso', 'cittadinanza'],
    },
    columns,
    rows,
  );
}

/** impegni.csv: each commitment with its state and progress in the report year (the chapter's counts follow from it). */
export function commitmentsTable(commitments: CommitmentsResult): OpenTable {
  const columns: Column<Commitment>[] = [
    { field: { name: 'anno', type: 'integer', description: 'Anno del report (stato al 31 dicembre).' }, value: () => commitments.anno },
    { field: { name: 'codice', type: 'string', description: "Codice dell'impegno (catalogo/impegni.csv)." }, value: (c) => c.codice },
    { field: { name: 'cantiere', type: 'string', description: "Cantiere dell'impegno." }, value: (c) => c.cantiere },
    { field: { name: 'descrizione', type: 'string', description: "L'impegno." }, value: (c) => c.descrizione },
    {
      field: {
        name: 'zona',
        type: 'string',
        description: 'Zona a cui si riferisce (quella del quartiere, per un impegno di quartiere); vuoto per tutta la città.',
      },
      value: (c) => c.zona,
    },
    { field: { name: 'quartiere', type: 'string', description: 'Quartiere a cui si riferisce, se uno.' }, value: (c) => c.quartiere },
    {
      field: { name: 'indicatore', type: 'string', description: 'Indicatore che lo misura (indicatori.csv), se uno.' },
      value: (c) => c.indicatore,
    },
    { field: { name: 'obiettivo', type: 'number', description: "Obiettivo, nell'unità dell'indicatore." }, value: (c) => c.obiettivo },
    { field: { name: 'scadenza', type: 'string', description: 'Scadenza (AAAA-MM-GG).' }, value: (c) => c.scadenza },
    {
      field: {
        name: 'stato',
        type: 'string',
        constraints: { enum: [...COMMITMENT_STATES] },
        description: "Stato al 31 dicembre dell'anno; vuoto se non indicato.",
      },
      value: (c) => c.stato,
    },
    {
      field: {
        name: 'andamento',
        type: 'string',
        constraints: { enum: [...ANDAMENTI] },
        description:
          "Come sta al 31 dicembre dell'anno: completato; in_ritardo se la scadenza è entro quella data e non è completato; altrimenti nei_tempi (in corso), non_avviato, sospeso, non_rilevato (stato non indicato).",
      },
      value: (c) => c.andamento,
    },
    { field: { name: 'avanzamento', type: 'number', description: 'Avanzamento in percentuale.' }, value: (c) => c.avanzamento },
    {
      field: { name: 'avanzamento_prima', type: 'number', description: "Avanzamento nell'anno di confronto." },
      value: (c) => c.avanzamentoPrima,
    },
    {
      field: { name: 'variazione', type: 'number', description: 'avanzamento − avanzamento_prima, in punti percentuali.' },
      value: (c) => c.variazione,
    },
    { field: { name: 'nota', type: 'string', description: "Nota dell'anno." }, value: (c) => c.nota || null },
  ];
  return table(
    {
      name: 'impegni',
      title: 'Impegni del progetto e loro avanzamento',
      description:
        "Gli impegni del progetto con stato e avanzamento nell'anno del report e nell'anno di confronto; i conteggi per andamento del report (completati, nei tempi, in ritardo…) si ricavano da queste righe.",
      primaryKey: ['anno', 'codice'],
    },
    columns,
    commitments.impegni,
  );
}
