import Handlebars from 'handlebars';
import type { Lang, ValidationReport } from '../types.js';
import { say, t } from '../i18n.js';
import type { TemplateSet } from './html.js';
import { formatNumber } from './format.js';

const ENCODINGS: Record<string, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8 con BOM',
  'windows-1252': 'Windows-1252 (Excel)',
  'iso-8859-1': 'ISO-8859-1',
  json: 'JSON',
};

const DELIMITERS: Record<string, { it: string; en: string }> = {
  ';': { it: 'punto e virgola', en: 'semicolon' },
  ',': { it: 'virgola', en: 'comma' },
  '\t': { it: 'tabulazione', en: 'tab' },
  '|': { it: 'barra verticale', en: 'pipe' },
};

/** The validation report as a page a partner can open: per file, what was detected and what to fix. */
export function renderValidationPage(report: ValidationReport, templates: TemplateSet, lang: Lang, title: string): string {
  const hb = Handlebars.create();
  const page = hb.compile(templates.get('validazione') ?? '', { strict: true });
  const n = (v: number) => formatNumber(v, lang, 0);
  // A closing problem stands for the problems of its code left out of the list: they count, and it is shown as a note.
  const counted = (problems: { omessi?: number }[]) => problems.reduce((total, p) => total + (p.omessi ?? 1), 0);
  const files = report.files.map((file) => ({
    path: file.path,
    id: `file-${file.path.replace(/[^A-Za-z0-9]+/g, '-')}`,
    detected: [
      file.dataset ? t(lang, { it: 'dati: {d}', en: 'data: {d}' }, { d: file.dataset }) : '',
      file.encoding ? t(lang, { it: 'codifica: {e}', en: 'encoding: {e}' }, { e: ENCODINGS[file.encoding] ?? file.encoding }) : '',
      file.sheet ? t(lang, { it: 'foglio: «{s}»', en: 'sheet: «{s}»' }, { s: file.sheet }) : '',
      file.delimiter
        ? t(
            lang,
            { it: 'separatore: {s}', en: 'delimiter: {s}' },
            { s: t(lang, DELIMITERS[file.delimiter] ?? { it: file.delimiter, en: file.delimiter }) },
          )
        : '',
      t(lang, { it: '{r} righe', en: '{r} rows' }, { r: n(file.rows) }),
    ]
      .filter(Boolean)
      .join(' · '),
    esito:
      file.errors.length === 0
        ? t(lang, { it: 'Nessun errore', en: 'No errors' }) +
          (file.warnings.length ? t(lang, { it: ', {w} avvisi', en: ', {w} warnings' }, { w: n(counted(file.warnings)) }) : '')
        : t(
            lang,
            { it: '{e} errori da correggere, {w} avvisi', en: '{e} errors to fix, {w} warnings' },
            { e: n(counted(file.errors)), w: n(counted(file.warnings)) },
          ),
    ok: file.errors.length === 0,
    problems: [...file.errors, ...file.warnings].map((p) => ({
      omessi: p.omessi !== undefined,
      gravita: p.severity === 'error' ? t(lang, { it: 'errore', en: 'error' }) : t(lang, { it: 'avviso', en: 'warning' }),
      errore: p.severity === 'error',
      code: p.code,
      row: p.row === undefined ? '—' : String(p.row),
      column: p.column === undefined ? '—' : p.columnLetter ? `${p.columnLetter} (${p.column})` : String(p.column),
      field: p.field ?? '',
      value: p.value === undefined ? '' : say(lang, p.value),
      expected: p.expected === undefined ? '' : say(lang, p.expected),
      message: say(lang, p.message),
    })),
  }));
  const labels = {
    riga: t(lang, { it: 'Riga', en: 'Row' }),
    colonna: t(lang, { it: 'Colonna', en: 'Column' }),
    campo: t(lang, { it: 'Campo', en: 'Field' }),
    valore: t(lang, { it: 'Valore trovato', en: 'Value found' }),
    atteso: t(lang, { it: 'Atteso', en: 'Expected' }),
    cosaFare: t(lang, { it: 'Che cosa fare', en: 'What to do' }),
    tipo: t(lang, { it: 'Tipo', en: 'Kind' }),
    problemi: t(lang, { it: 'Problemi in {file}', en: 'Problems in {file}' }),
  };
  return page({
    lang,
    title,
    summary: t(
      lang,
      {
        it: '{f} file, {r} righe: {e} errori e {w} avvisi. {esito}',
        en: '{f} files, {r} rows: {e} errors and {w} warnings. {esito}',
      },
      {
        f: n(report.summary.files),
        r: n(report.summary.rows),
        e: n(report.summary.errors),
        w: n(report.summary.warnings),
        esito: report.valid
          ? t(lang, { it: 'I dati sono validi.', en: 'The data are valid.' })
          : t(lang, { it: 'Correggere gli errori e inviare di nuovo i file.', en: 'Fix the errors and send the files again.' }),
      },
    ),
    intro: t(lang, {
      it: "Le righe e le colonne sono quelle che si vedono aprendo il file in Excel o LibreOffice: la riga 1 è l'intestazione.",
      en: 'Rows and columns are those you see when opening the file in Excel or LibreOffice: row 1 is the header.',
    }),
    files,
    labels,
    css: new hb.SafeString(templates.get('style') ?? ''),
  });
}
