// The texts of the problems met while reading a file, in both report languages.
// Written for a volunteer who opens the file in Excel: what is wrong, then how to fix it.
import { phrase, type Bilingual, type Param } from '../i18n.js';
import type { Problem, ProblemCode } from '../types.js';

const SAVE_AS_UTF8_IT = 'Aprire il file in Excel e salvarlo come «CSV UTF-8 (delimitato da virgole)».';
const SAVE_AS_UTF8_EN = 'Open the file in Excel and save it as "CSV UTF-8 (Comma delimited)".';

/** Every reading-problem text, by key. */
export const MESSAGES = {
  empty: {
    it: 'Il file è vuoto: non contiene né l’intestazione né righe di dati. Controllare di aver inviato il file giusto.',
    en: 'The source is empty: the file has neither a header nor data rows. Check that the right file was sent.',
  },
  utf16: {
    it: `Il file è in {variant} (il formato «Testo Unicode» di Excel), che non è supportato: il file non è stato letto. ${SAVE_AS_UTF8_IT}`,
    en: `The file is in {variant} (Excel's "Unicode Text" format), which is not supported: the file was not read. ${SAVE_AS_UTF8_EN}`,
  },
  binary: {
    it: 'Il file contiene dati binari (byte 0x00 in posizione {offset} del file, {place}): non è un file di testo CSV. Se è un foglio Excel, salvarlo come .xlsx oppure come «CSV UTF-8 (delimitato da virgole)».',
    en: 'The file contains binary data (byte 0x00 at offset {offset} of the file, {place}): it is not a CSV text file. If it is an Excel sheet, save it as .xlsx or as "CSV UTF-8 (Comma delimited)".',
  },
  notUtf8: {
    it: `Il file non è in UTF-8 come indicato: il byte {byte} in posizione {offset} del file ({place}) non è UTF-8 valido. ${SAVE_AS_UTF8_IT} In alternativa indicare la codifica giusta (per esempio windows-1252).`,
    en: `The file is not UTF-8 as stated: byte {byte} at offset {offset} of the file ({place}) is not valid UTF-8. ${SAVE_AS_UTF8_EN} Or give the right encoding (for example windows-1252).`,
  },
  undefinedByte: {
    it: `Il file contiene un carattere illeggibile: il byte {byte} in posizione {offset} del file ({place}) non corrisponde a nessun carattere né in UTF-8 né in Windows-1252 né in ISO-8859-1. Controllare quel punto del file e correggerlo, poi salvarlo come «CSV UTF-8 (delimitato da virgole)».`,
    en: `The file contains an unreadable character: byte {byte} at offset {offset} of the file ({place}) is no character in UTF-8, Windows-1252 or ISO-8859-1. Check that place in the file and fix it, then save it as "CSV UTF-8 (Comma delimited)".`,
  },
  mixedEncodings: {
    it: `Il file mescola due codifiche: contiene lettere accentate in UTF-8, ma il byte {byte} in posizione {offset} del file ({place}) non è UTF-8 valido (forse righe incollate da un altro file). ${SAVE_AS_UTF8_IT}`,
    en: `The file mixes two encodings: it has accented letters in UTF-8, but byte {byte} at offset {offset} of the file ({place}) is not valid UTF-8 (perhaps rows pasted from another file). ${SAVE_AS_UTF8_EN}`,
  },
  placeRow: { it: 'riga {row}', en: 'row {row}' },
  placeLine: { it: 'riga {row} del testo', en: 'line {row} of the text' },
  unclosedQuote: {
    it: 'Virgolette non chiuse: nella riga {row}, colonna {letter}, un valore si apre con le virgolette (") che non si chiudono dove finisce il valore, così le righe seguenti finirebbero tutte in quella cella. Chiudere le virgolette alla fine del valore o toglierle.',
    en: 'Unclosed quote: in row {row}, column {letter}, a value opens with a double quote (") that is not closed where the value ends, so the rows after it would all end up in that cell. Close the quote at the end of the value or remove it.',
  },
  strayQuote: {
    it: 'Virgolette fuori posto: nella riga {row}, colonna {letter}, dopo le virgolette (") che chiudono il valore c’è altro testo ({value}). Un valore tra virgolette deve finire con le virgolette: spostarle alla fine del valore, oppure raddoppiare ("") quelle che fanno parte del testo.',
    en: 'Misplaced quote: in row {row}, column {letter}, more text ({value}) follows the double quote (") that closes the value. A quoted value must end with its quote: move it to the end of the value, or double ("") the quotes that belong to the text.',
  },
  spacesAroundQuotes: {
    it: 'Nella riga {row}, colonna {letter}, ci sono spazi prima o dopo le virgolette che racchiudono il valore: sono stati tolti e il valore letto è «{value}». Per evitarlo, togliere gli spazi tra le virgolette e il separatore.',
    en: 'In row {row}, column {letter}, there are spaces before or after the double quotes around the value: they were removed and the value read is "{value}". To avoid this, remove the spaces between the quotes and the separator.',
  },
  moreQuoteProblems: {
    it: '… e altri {n} problemi di virgolette in questo file (sono elencati solo i primi {limit}): controllare le virgolette in tutto il file.',
    en: '… and {n} more quote problems in this file (only the first {limit} are listed): check the quotes in the whole file.',
  },
  titleRows: {
    it: 'Sopra l’intestazione (riga {header}) ci sono {rows} righe di titolo, che sono state saltate. Se una di esse era invece l’intestazione, togliere le righe di titolo dal file.',
    en: 'Above the header (row {header}) there are {rows} title rows, which were skipped. If one of them was the header instead, remove the title rows from the file.',
  },
  csvError: {
    it: 'Il file non si può leggere come tabella CSV dalla riga {row} in poi: controllare virgolette e separatori in quella riga.',
    en: 'The file cannot be read as a CSV table from row {row} on: check the quotes and separators in that row.',
  },
  invalidJson: {
    it: 'Il file JSON non è valido: errore alla riga {line}, colonna {column} del testo. Controllare virgole, virgolette doppie (") e parentesi intorno a quel punto.',
    en: 'The JSON file is not valid: error at line {line}, column {column} of the text. Check commas, double quotes (") and brackets around that place.',
  },
  jsonNotArray: {
    it: 'Il file JSON deve contenere un elenco di righe, [ {…}, {…} ], ma contiene {kind}.',
    en: 'The JSON file must hold a list of rows, [ {…}, {…} ], but it holds {kind}.',
  },
  jsonBadItem: {
    it: 'L’elemento {row} dell’elenco JSON è {kind}, mentre gli altri sono {expected}: ogni elemento deve essere una riga dello stesso tipo. L’elemento è stato ignorato.',
    en: 'Item {row} of the JSON list is {kind}, while the others are {expected}: every item must be a row of the same kind. The item was skipped.',
  },
  unreadable: {
    it: 'Impossibile leggere il file: {reason}.',
    en: 'The file cannot be read: {reason}.',
  },
  unsupportedFormat: {
    it: 'Formato di file non supportato ({extension}): inviare i dati come .csv, .json o .xlsx. Da Excel: «Salva con nome» → «Cartella di lavoro di Excel (.xlsx)» oppure «CSV UTF-8 (delimitato da virgole)».',
    en: 'Unsupported file format ({extension}): send the data as .csv, .json or .xlsx. From Excel: "Save As" → "Excel Workbook (.xlsx)" or "CSV UTF-8 (Comma delimited)".',
  },
  badWorkbook: {
    it: 'Il file non è una cartella di lavoro Excel (.xlsx) leggibile: riaprirlo in Excel e salvarlo di nuovo come «Cartella di lavoro di Excel (.xlsx)».',
    en: 'The file is not a readable Excel workbook (.xlsx): open it in Excel and save it again as "Excel Workbook (.xlsx)".',
  },
  whichSheet: {
    it: 'La cartella di lavoro ha più fogli ({sheets}) e nessuno si chiama «{dataset}»: rinominare in «{dataset}» il foglio con i dati, oppure lasciare nel file un solo foglio.',
    en: 'The workbook has several sheets ({sheets}) and none is named "{dataset}": rename the sheet with the data to "{dataset}", or leave only one sheet in the file.',
  },
  tooLarge: {
    it: 'Il file è troppo grande per essere controllato: {size}, oltre il limite di {limit} per un file di dati. Dividerlo in più file (per esempio uno per anno o per servizio), ciascuno sotto {limit}.',
    en: 'The file is too large to be checked: {size}, above the limit of {limit} for a data file. Split it into several files (for example one per year or per service), each below {limit}.',
  },
  tooManyCells: {
    it: 'Il file ha più di {limit} celle (righe per colonne): troppe per essere controllato. Dividerlo in più file (per esempio uno per anno o per servizio).',
    en: 'The file has more than {limit} cells (rows times columns): too many to be checked. Split it into several files (for example one per year or per service).',
  },
  lineTooLong: {
    it: 'La riga {row} è lunga {length} caratteri, oltre il limite di {limit}: il file non è stato letto. Forse mancano gli a capo tra le righe, o una cella contiene un testo enorme: controllare quella riga.',
    en: 'Row {row} is {length} characters long, above the limit of {limit}: the file was not read. Perhaps the line breaks between rows are missing, or a cell holds a huge text: check that row.',
  },
  tooManyColumns: {
    it: 'L’intestazione (riga {row}) ha {columns} colonne, oltre il limite di {limit} (il massimo di un foglio Excel): il file non è stato letto. Controllare il separatore e la riga di intestazione.',
    en: 'The header (row {row}) has {columns} columns, above the limit of {limit} (the most an Excel sheet holds): the file was not read. Check the separator and the header row.',
  },
  jsonTooDeep: {
    it: 'Il file JSON ha valori annidati oltre {limit} livelli (alla riga {line} del testo): una tabella ne ha due, [ {…}, {…} ]. Il file non è stato letto.',
    en: 'The JSON file nests values more than {limit} levels deep (at line {line} of the text): a table has two, [ {…}, {…} ]. The file was not read.',
  },
  sheetTooLarge: {
    it: 'La cartella di lavoro è troppo grande per essere controllata: i suoi fogli, una volta decompressi, sono {size}, oltre il limite di {limit}. Dividerla in più file, ciascuno sotto il limite, o salvare il foglio dei dati come «CSV UTF-8 (delimitato da virgole)» sotto i {csvLimit}.',
    en: 'The workbook is too large to be checked: its sheets, once uncompressed, are {size}, above the limit of {limit}. Split it into several files, each below the limit, or save the data sheet as "CSV UTF-8 (Comma delimited)" below {csvLimit}.',
  },
} satisfies Record<string, Bilingual>;

export type MessageKey = keyof typeof MESSAGES;

/** Where a problem sits and what was found: the optional fields of a Problem. */
export type Place = Pick<Problem, 'row' | 'column' | 'columnLetter' | 'field' | 'value' | 'expected'>;

/** A reading problem (always an error) with its message, to be said where it is shown. */
export function readingProblem(
  code: Extract<ProblemCode, 'encoding-error' | 'source-error'>,
  file: string,
  key: MessageKey,
  params: Record<string, Param> = {},
  place: Place = {},
): Problem {
  return { code, severity: 'error', file, ...place, message: phrase(MESSAGES[key], params) };
}

/** A reading warning: the file was read, with something the user should know (spaces trimmed, title rows skipped). */
export function readingWarning(file: string, key: MessageKey, params: Record<string, Param> = {}, place: Place = {}): Problem {
  return { ...readingProblem('source-error', file, key, params, place), severity: 'warning' };
}

/**
 * Reading problems in the order a report must meet them: errors before warnings. Both are
 * `source-error`, and the report keeps the first problems of a code and counts the rest under the
 * severity of the first: an error must never be counted among warnings.
 */
export function errorsFirst(problems: readonly Problem[]): Problem[] {
  return [...problems.filter((p) => p.severity === 'error'), ...problems.filter((p) => p.severity !== 'error')];
}
