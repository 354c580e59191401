import type { DatasetSchema } from '../schemas/load-schemas.js';
import type { Lang, ValidatedProject } from '../types.js';
import { say, t } from '../i18n.js';
import { describeExpected } from '../validate/expected.js';

// The files `bilancio templates` gives partners: an empty CSV and its column guide, in the reader's language.

/** An empty file for a dataset, ready for Excel, and its guide. */
export interface DatasetTemplate {
  dataset: string;
  /** `<dataset>.csv`: UTF-8 with BOM, `;`-delimited header, so Excel in Italian opens it as columns. */
  csv: string;
  /** The guide to its columns, plain text. */
  guide: string;
}

const BOM = '\uFEFF';

/** One column of a dataset as the guides explain it, in the reader's language. */
export interface ColumnGuide {
  name: string;
  /** 'obbligatoria' or 'facoltativa'. */
  required: string;
  description: string;
  /** What the column accepts, in words: "un numero intero non inferiore a 0". */
  allowed: string;
}

/** The columns of a dataset explained: the same words in the CSV guide and in a workbook's guide sheet. */
export function columnGuide(schema: DatasetSchema, lang: Lang): ColumnGuide[] {
  return Object.entries(schema.properties).map(([name, field]) => ({
    name,
    required: schema.required.includes(name)
      ? t(lang, { it: 'obbligatoria', en: 'required' })
      : t(lang, { it: 'facoltativa', en: 'optional' }),
    description: field.description ?? '',
    allowed: say(lang, describeExpected(field)),
  }));
}

/** Builds the empty CSV and the column guide of a dataset from its schema (the single source of truth). */
export function datasetTemplate(dataset: string, schema: DatasetSchema, lang: Lang, project?: ValidatedProject): DatasetTemplate {
  const columns = Object.keys(schema.properties);
  const lines = [
    `${schema.title} (${dataset})`,
    '='.repeat(schema.title.length + dataset.length + 3),
    schema.description,
    '',
    t(lang, {
      it: 'Un file CSV con il separatore punto e virgola (come lo salva Excel in italiano), la prima riga con i nomi delle colonne qui sotto. I decimali si possono scrivere con la virgola (12,5).',
      en: 'A CSV file with semicolons (as Excel saves it in Italian), the first row holding the column names below. Decimals may use a comma (12,5).',
    }),
    '',
  ];
  for (const column of columnGuide(schema, lang)) {
    lines.push(`- ${column.name} (${column.required}): ${column.description}`);
    lines.push(`  ${t(lang, { it: 'Valori ammessi', en: 'Allowed values' })}: ${column.allowed}.`);
  }
  const key = schema['x-primaryKey'];
  if (key?.length) {
    lines.push(
      '',
      t(
        lang,
        {
          it: 'Ogni combinazione di {key} va scritta una sola volta.',
          en: 'Each combination of {key} must appear once.',
        },
        { key: key.join(', ') },
      ),
    );
  }
  if (project && columns.some((c) => schema.properties[c]!['x-quartiere'])) {
    lines.push(
      '',
      t(lang, {
        it: 'Quartieri (codice, numero, nome; si può usare uno qualsiasi dei tre, ND se non si sa):',
        en: 'Quartieri (code, number, name; any of the three may be used, ND when unknown):',
      }),
    );
    for (const q of project.territorio.quartieri) lines.push(`  ${q.codice}  ${q.numero ?? ''}  ${q.nome}`);
  }
  if (project && columns.includes('codice_servizio') && project.servizi.length) {
    lines.push('', t(lang, { it: 'Servizi (codice_servizio):', en: 'Services (codice_servizio):' }));
    for (const s of project.servizi) lines.push(`  ${s.codice}  ${s.nome}`);
  }
  if (project && columns.includes('cantiere') && project.cantieri.length) {
    lines.push('', t(lang, { it: 'Cantieri (cantiere):', en: 'Areas of work (cantiere):' }));
    for (const c of project.cantieri) lines.push(`  ${c.codice}  ${lang === 'en' && c.titoloEn ? c.titoloEn : c.titolo}`);
  }
  if (project && columns.includes('codice_ente') && project.enti.length) {
    lines.push('', t(lang, { it: 'Enti (codice_ente):', en: 'Organisations (codice_ente):' }));
    for (const e of project.enti) lines.push(`  ${e.codice}  ${e.nome}`);
  }
  return { dataset, csv: `${BOM}${columns.join(';')}\r\n`, guide: `${lines.join('\n')}\n` };
}
