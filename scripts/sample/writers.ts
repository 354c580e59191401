// Turning rows into the bytes people actually send: plain UTF-8 CSV for the Comune,
// Excel-in-Italian CSV (semicolons, comma decimals, Windows-1252, CRLF) for some partners.

import iconv from 'iconv-lite';

export type Cella = string | number | null | undefined;

export interface CsvOptions {
  delimiter?: ',' | ';';
  eol?: '\n' | '\r\n';
}

/** One CSV field, quoted only when it has to be. */
function field(value: Cella, delimiter: string): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return text.includes(delimiter) || /["\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole CSV text with header, ending with a newline. */
export function toCsv(header: readonly string[], rows: readonly (readonly Cella[])[], options: CsvOptions = {}): string {
  const delimiter = options.delimiter ?? ',';
  const eol = options.eol ?? '\n';
  const lines = [header, ...rows].map((row) => row.map((v) => field(v, delimiter)).join(delimiter));
  return lines.join(eol) + eol;
}

/** A number as Excel shows it in an Italian locale: `1.234,50` (thousands dot, decimal comma). */
export function numeroIt(value: number, decimals: number): string {
  const [intPart = '0', decPart] = Math.abs(value).toFixed(decimals).split('.');
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return (value < 0 ? '-' : '') + grouped + (decPart ? ',' + decPart : '');
}

/** Euros with two decimals, as a number (no binary noise like 1234.5000000001). */
export function euro(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Hours with one decimal. */
export function ore(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Text encoded as Windows-1252, failing loudly on a character it cannot hold. */
export function windows1252(text: string): Uint8Array {
  const bytes = iconv.encode(text, 'win1252');
  if (iconv.decode(bytes, 'win1252') !== text) throw new Error('text not representable in Windows-1252');
  return new Uint8Array(bytes);
}

/** Pretty JSON with a final newline, as an editor saves it. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}
