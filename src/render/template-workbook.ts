import ExcelJS from 'exceljs';
import type { DataValidation } from 'exceljs';
import type { DatasetSchema, FieldSchema } from '../schemas/load-schemas.js';
import { QUARTIERE_ND, type Ente, type Lang, type ValidatedProject } from '../types.js';
import { t } from '../i18n.js';
import { columnGuide } from './dataset-templates.js';
import { fieldType } from '../validate/typing.js';
import { withFixedZipDates } from './zip-dates.js';

// A partner's template as an Excel workbook: the dataset's sheet (named after the dataset, as the
// reader looks for it) with drop-down lists of the project's quartieri, services and areas, numbers
// checked as the schema says, the header frozen and protected; a guide sheet with the CSV guide's words;
// a sheet of the lists the drop-downs offer, with the names beside the codes.

/** Rows of the data sheet that carry the drop-downs and checks (a partner's file has a few hundred). */
export const TEMPLATE_ROWS = 2000;

/** The date a template says it was made: fixed, as its zip's dates are. */
const TEMPLATE_DATE = new Date('1980-01-01T00:00:00Z');

/** The sheets' names, in the workbook's language. */
const SHEETS = {
  guide: { it: 'guida', en: 'guide' },
  lists: { it: 'elenchi', en: 'lists' },
} as const;

/** exceljs checks whole ranges (one `sqref`), which its typings leave out: one rule instead of 2000. */
type RangeValidations = ExcelJS.Worksheet & { dataValidations: { add(range: string, validation: DataValidation): void } };

/** A drop-down: its values (and what each means, shown in the lists sheet). */
interface Choices {
  title: string;
  values: { value: string; meaning: string }[];
}

/** What a column of the data sheet is: its header, and what Excel checks in it. */
interface TemplateColumn {
  header: string;
  field: FieldSchema;
  choices?: Choices;
  /** The partner's own code, filled in by a formula as soon as the row has anything else. */
  fixed?: string;
}

export interface WorkbookRequest {
  dataset: string;
  schema: DatasetSchema;
  lang: Lang;
  project: ValidatedProject;
  /** The organisation the workbook is for: its code filled in, its services first in the list. */
  ente?: Ente;
}

/** The columns of the data sheet: the quartiere by name (as people write it), codes from the project's lists. */
export function templateColumns(request: WorkbookRequest): TemplateColumn[] {
  const { schema, lang, project, ente } = request;
  return Object.entries(schema.properties).map(([name, field]) => {
    if (field['x-quartiere']) {
      const values = project.territorio.quartieri.map((q) => ({ value: q.nome, meaning: q.codice }));
      values.push({ value: QUARTIERE_ND, meaning: t(lang, { it: 'quartiere non noto', en: 'quartiere not known' }) });
      // The reader takes a `quartiere` column of names in place of the code column.
      return { header: 'quartiere', field, choices: { title: 'quartiere', values } };
    }
    if (name === 'codice_servizio' && project.servizi.length) {
      const own = (code: string) => (ente && project.servizi.find((s) => s.codice === code)?.enti.includes(ente.codice) ? 0 : 1);
      const servizi = [...project.servizi].sort((a, b) => own(a.codice) - own(b.codice));
      return { header: name, field, choices: { title: name, values: servizi.map((s) => ({ value: s.codice, meaning: s.nome })) } };
    }
    if (name === 'cantiere' && project.cantieri.length) {
      const values = project.cantieri.map((c) => ({ value: c.codice, meaning: lang === 'en' && c.titoloEn ? c.titoloEn : c.titolo }));
      return { header: name, field, choices: { title: name, values } };
    }
    if (name === 'codice_ente') {
      if (ente) return { header: name, field, fixed: ente.codice };
      return { header: name, field, choices: { title: name, values: project.enti.map((e) => ({ value: e.codice, meaning: e.nome })) } };
    }
    if (field.enum) return { header: name, field, choices: { title: name, values: field.enum.map((v) => ({ value: v, meaning: '' })) } };
    return { header: name, field };
  });
}

/** The workbook a partner fills in for a dataset, as the bytes of an .xlsx file. */
export async function templateWorkbook(request: WorkbookRequest): Promise<Uint8Array> {
  const { dataset, lang } = request;
  const columns = templateColumns(request);
  const book = new ExcelJS.Workbook();
  book.creator = 'bilancio';
  // The same template written twice is the same file (a rewritten folder compares equal).
  book.created = TEMPLATE_DATE;
  book.modified = TEMPLATE_DATE;
  // Excel computes the partner's code in each row when the workbook opens.
  book.calcProperties.fullCalcOnLoad = true;
  const sheet = book.addWorksheet(dataset, { views: [{ state: 'frozen', ySplit: 1 }] });
  const guide = book.addWorksheet(t(lang, SHEETS.guide));
  const lists = book.addWorksheet(t(lang, SHEETS.lists));

  const listRanges = writeLists(lists, columns, lang);
  sheet.columns = columns.map((c) => ({ header: c.header, key: c.header, width: Math.max(14, c.header.length + 4) }));
  const last = TEMPLATE_ROWS + 1;
  const letterOf = (index: number) => sheet.getColumn(index + 1).letter;
  columns.forEach((column, index) => {
    const letter = letterOf(index);
    // Everything below the header may be typed, pasted, sorted; only the header is locked. The code's
    // cells too stay open: a partner pasting a block of rows from another file must not be refused.
    sheet.getColumn(index + 1).protection = { locked: false };
    const validation = cellValidation(column, listRanges.get(column.header), lang);
    if (validation) (sheet as RangeValidations).dataValidations.add(`${letter}2:${letter}${last}`, validation);
    if (column.fixed !== undefined) {
      const others = columns.flatMap((c, i) => (c.fixed === undefined ? [letterOf(i)] : []));
      for (let row = 2; row <= last; row++) {
        const filled = others.map((l) => `${l}${row}`).join(',');
        sheet.getCell(`${letter}${row}`).value = {
          formula: `IF(COUNTA(${filled})=0,"",${JSON.stringify(column.fixed)})`,
          result: '',
        };
      }
    }
  });
  // After the columns' styles, which the header's cells would otherwise take.
  sheet.getRow(1).eachCell((cell) => {
    cell.font = { bold: true };
    cell.protection = { locked: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
  });
  await sheet.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
    insertRows: true,
    deleteRows: true,
    sort: true,
    autoFilter: true,
  });
  writeGuide(guide, request, columns);
  return withFixedZipDates(new Uint8Array(await book.xlsx.writeBuffer()));
}

/** Writes each drop-down's values (and their meaning) as two columns of the lists sheet; their ranges by header. */
function writeLists(lists: ExcelJS.Worksheet, columns: TemplateColumn[], lang: Lang): Map<string, string> {
  const ranges = new Map<string, string>();
  let at = 1;
  for (const column of columns) {
    if (!column.choices) continue;
    const valueColumn = lists.getColumn(at);
    const meaningColumn = lists.getColumn(at + 1);
    valueColumn.width = Math.max(16, ...column.choices.values.map((v) => v.value.length + 2));
    meaningColumn.width = Math.max(16, ...column.choices.values.map((v) => Math.min(60, v.meaning.length + 2)));
    lists.getCell(1, at).value = column.choices.title;
    lists.getCell(1, at + 1).value = t(lang, { it: 'che cosa è', en: 'what it is' });
    lists.getRow(1).font = { bold: true };
    column.choices.values.forEach((v, i) => {
      lists.getCell(i + 2, at).value = v.value;
      lists.getCell(i + 2, at + 1).value = v.meaning;
    });
    const name = lists.name;
    ranges.set(column.header, `'${name}'!$${valueColumn.letter}$2:$${valueColumn.letter}$${column.choices.values.length + 1}`);
    at += 3;
  }
  return ranges;
}

/** What Excel checks in a column: a value of its list, or a number as the schema wants it. */
function cellValidation(column: TemplateColumn, listRange: string | undefined, lang: Lang): DataValidation | undefined {
  const refuse = (error: string): Pick<DataValidation, 'showErrorMessage' | 'errorStyle' | 'errorTitle' | 'error'> => ({
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: column.header,
    error,
  });
  if (column.fixed !== undefined) {
    return {
      type: 'list',
      allowBlank: true,
      formulae: [JSON.stringify(column.fixed)],
      ...refuse(t(lang, { it: 'Il codice del vostro ente è {code}.', en: "Your organisation's code is {code}." }, { code: column.fixed })),
    };
  }
  if (listRange) {
    return {
      type: 'list',
      allowBlank: true,
      formulae: [listRange],
      ...refuse(
        t(lang, { it: 'Scegliete un valore dall’elenco (foglio «elenchi»).', en: 'Choose a value from the list (sheet «lists»).' }),
      ),
    };
  }
  const type = fieldType(column.field);
  if (type !== 'integer' && type !== 'number') return undefined;
  const { minimum, maximum, exclusiveMinimum } = column.field;
  const low = minimum ?? exclusiveMinimum;
  const kind = type === 'integer' ? 'whole' : 'decimal';
  const what =
    type === 'integer' ? t(lang, { it: 'un numero intero', en: 'a whole number' }) : t(lang, { it: 'un numero', en: 'a number' });
  const range =
    low !== undefined && maximum !== undefined
      ? t(lang, { it: ' tra {min} e {max}', en: ' between {min} and {max}' }, { min: low, max: maximum })
      : low !== undefined
        ? t(lang, { it: ' non inferiore a {min}', en: ' not below {min}' }, { min: low })
        : '';
  const error = t(lang, { it: 'Scrivete {what}{range}.', en: 'Write {what}{range}.' }, { what, range });
  if (low !== undefined && maximum !== undefined) {
    return { type: kind, operator: 'between', allowBlank: true, formulae: [low, maximum], ...refuse(error) };
  }
  if (low !== undefined) {
    const operator = exclusiveMinimum !== undefined && minimum === undefined ? 'greaterThan' : 'greaterThanOrEqual';
    return { type: kind, operator, allowBlank: true, formulae: [low], ...refuse(error) };
  }
  // Any number: Excel's widest range says "a number" without a bound.
  return { type: kind, operator: 'between', allowBlank: true, formulae: [-1e15, 1e15], ...refuse(error) };
}

/** The guide sheet: the CSV guide's words for each column, and how the workbook helps. */
function writeGuide(guide: ExcelJS.Worksheet, request: WorkbookRequest, columns: TemplateColumn[]): void {
  const { dataset, schema, lang, ente } = request;
  guide.getColumn(1).width = 20;
  guide.getColumn(2).width = 14;
  guide.getColumn(3).width = 70;
  guide.getColumn(4).width = 40;
  guide.addRow([`${schema.title} (${dataset})`]).font = { bold: true, size: 14 };
  guide.addRow([schema.description]);
  const intro = t(
    lang,
    {
      it: 'Scrivete una riga per ogni dato nel foglio «{sheet}», a partire dalla riga 2; le intestazioni restano come sono. Nelle colonne con un elenco scegliete il valore dalla freccia. Il file si invia così com’è (.xlsx).',
      en: 'Write one row per figure in the sheet «{sheet}», from row 2; keep the headers as they are. In the columns with a list choose the value from the arrow. Send the file as it is (.xlsx).',
    },
    { sheet: dataset },
  );
  guide.addRow([intro]);
  if (ente) {
    guide.addRow([
      t(
        lang,
        {
          it: 'Il codice del vostro ente ({code}, {name}) si scrive da solo nella colonna codice_ente.',
          en: "Your organisation's code ({code}, {name}) fills itself in the column codice_ente.",
        },
        { code: ente.codice, name: ente.nome },
      ),
    ]);
  }
  guide.addRow([]);
  const head = guide.addRow([
    t(lang, { it: 'Colonna', en: 'Column' }),
    t(lang, { it: 'Obbligatoria', en: 'Required' }),
    t(lang, { it: 'Che cosa scrivere', en: 'What to write' }),
    t(lang, { it: 'Valori ammessi', en: 'Allowed values' }),
  ]);
  head.font = { bold: true };
  const byField = new Map(Object.keys(schema.properties).map((name, i) => [name, columns[i]!]));
  for (const column of columnGuide(schema, lang)) {
    const template = byField.get(column.name);
    const header = template?.header ?? column.name;
    const allowed = template?.choices
      ? t(
          lang,
          { it: 'un valore dell’elenco (foglio «{lists}»)', en: 'a value of the list (sheet «{lists}»)' },
          { lists: t(lang, SHEETS.lists) },
        )
      : column.allowed;
    const row = guide.addRow([header, column.required, column.description, allowed]);
    row.alignment = { wrapText: true, vertical: 'top' };
  }
}
