import type { IndicatorDefinition } from './catalogue.js';
import type { AreaValue } from './indicators.js';
import type { OpenTable } from './open-data-tables.js';
import { csvCell } from './csv-cell.js';

export { csvCell, neutralizeFormula } from './csv-cell.js';

// The open-data outputs: indicatori.csv (long format), indicatori.json (the same rows as objects, with
// their lineage), the tables of open-data-tables.ts, and a Frictionless datapackage.json describing
// every CSV, so that the Comune can publish them as they are.

export const INDICATOR_COLUMNS = [
  'anno',
  'livello',
  'codice',
  'nome',
  'indicatore',
  'valore',
  'numeratore',
  'denominatore',
  'unita',
  'soppresso',
  'motivo',
  'nota',
  'variazione',
] as const;

/** indicatori.csv: UTF-8, comma, point as decimal mark, one row per indicator, area and year. */
export function indicatorsCsv(values: AreaValue[]): string {
  const lines = [INDICATOR_COLUMNS.join(',')];
  for (const value of values) lines.push(INDICATOR_COLUMNS.map((c) => csvCell(value[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** indicatori.json: the same rows as objects, numbers as JSON numbers, withheld values as null, plus `fonti`. */
export function indicatorsJson(values: AreaValue[]): string {
  const rows = values.map((v) => {
    // Laid out as JSON.stringify(rows, null, 1) would, but with the lineage on one line per row:
    // indented, it would double the file for no reader's gain.
    const row = JSON.stringify(Object.fromEntries(INDICATOR_COLUMNS.map((c) => [c, v[c]])), null, 1).replace(/\n/g, '\n ');
    return ` ${v.fonti ? `${row.slice(0, -3)},\n  "fonti": ${JSON.stringify(v.fonti)}\n }` : row}`;
  });
  return rows.length === 0 ? '[]\n' : `[\n${rows.join(',\n')}\n]\n`;
}

const CSV = {
  profile: 'tabular-data-resource',
  format: 'csv',
  mediatype: 'text/csv',
  encoding: 'utf-8',
  dialect: { delimiter: ',', lineTerminator: '\r\n', header: true },
};

/** A licence of the package: CC-BY 4.0 unless the project names its own. */
function licence(licenza: { nome: string; url: string } | undefined): { name: string; title: string; path: string } {
  if (!licenza || licenza.nome === 'CC-BY-4.0')
    return {
      name: 'CC-BY-4.0',
      title: 'Creative Commons Attribution 4.0',
      path: licenza?.url ?? 'https://creativecommons.org/licenses/by/4.0/',
    };
  return { name: licenza.nome, title: licenza.nome, path: licenza.url };
}

/**
 * datapackage.json (Frictionless Tabular Data Package v1): every resource is a CSV with its schema.
 * indicatori.json is published beside it but is not a resource: a tabular-data-package may list only
 * tabular resources, and its `fonti` (the lineage) is an object per row. The package says where it is.
 */
export function dataPackage(options: {
  title: string;
  anni: number[];
  definitions: IndicatorDefinition[];
  publisher: string;
  /** The licence of the data (the config's `licenza`). */
  licenza?: { nome: string; url: string };
  tables?: OpenTable[];
}): string {
  const fields = [
    { name: 'anno', type: 'integer', description: 'Anno di riferimento (dati al 31 dicembre).' },
    { name: 'livello', type: 'string', constraints: { enum: ['quartiere', 'zona', 'citta'] }, description: 'Livello territoriale.' },
    {
      name: 'codice',
      type: 'string',
      description: 'Codice del quartiere (codice_quartiere di territorio/quartieri.csv), codice della zona o "citta".',
    },
    { name: 'nome', type: 'string', description: 'Nome del territorio.' },
    {
      name: 'indicatore',
      type: 'string',
      constraints: { enum: options.definitions.map((d) => d.id) },
      description: "Identificativo dell'indicatore (vedi catalogo/indicatori.json).",
    },
    {
      name: 'valore',
      type: 'number',
      description:
        'numeratore / denominatore × scala, arrotondato alla cifra indicata (un 5 per eccesso); vuoto se soppresso o non calcolabile.',
    },
    { name: 'numeratore', type: 'number', description: 'Somma del numeratore sul territorio.' },
    { name: 'denominatore', type: 'number', description: 'Somma del denominatore sul territorio.' },
    { name: 'unita', type: 'string', description: 'Unità di misura.' },
    { name: 'soppresso', type: 'boolean', description: 'true se il valore è omesso per riservatezza.' },
    { name: 'motivo', type: 'string', description: "Motivo dell'omissione." },
    { name: 'nota', type: 'string', description: 'Note sul calcolo.' },
    { name: 'variazione', type: 'number', description: "Variazione rispetto all'anno precedente, nell'unità dell'indicatore." },
  ];
  const schema = { fields, primaryKey: ['anno', 'livello', 'codice', 'indicatore'], missingValues: [''] };
  const pkg = {
    profile: 'tabular-data-package',
    name: 'bilancio-sociale-indicatori',
    title: options.title,
    description:
      `Indicatori demografici e di copertura dei servizi per quartiere, zona e città, anni ${options.anni.join(', ')}, ` +
      'e ogni altra cifra del report: risultati del questionario, risorse impiegate, piramidi delle età. ' +
      'indicatori.json, accanto a questo file, ha le stesse righe di indicatori.csv con la provenienza di ogni valore ' +
      '("fonti": i file e le righe, come le mostra un foglio di calcolo, sommati per numeratore e denominatore).',
    publisher: options.publisher,
    licenses: [licence(options.licenza)],
    resources: [
      { name: 'indicatori', path: 'indicatori.csv', ...CSV, schema },
      ...(options.tables ?? []).map((t) => ({
        name: t.name,
        path: t.path,
        title: t.title,
        description: t.description,
        ...CSV,
        schema: { fields: t.fields, primaryKey: t.primaryKey, missingValues: [''] },
      })),
    ],
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}
