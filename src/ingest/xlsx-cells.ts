// An Excel cell value (as exceljs gives it) → the string a person sees in the cell.
import type { CellValue } from 'exceljs';

/** Excel keeps 15 significant digits; more are binary noise (0.1 + 0.2 → 0.30000000000000004). */
const EXCEL_DIGITS = 15;

/** Text of a cell: numbers with '.' decimals, dates as ISO yyyy-mm-dd, formulas by their result. */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return dateText(value);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('error' in value) return value.error;
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result as CellValue | undefined);
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : cellText(value.text as CellValue);
  return '';
}

function numberText(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return String(Number(value.toPrecision(EXCEL_DIGITS)));
}

/** Excel dates carry no time zone: exceljs gives them as UTC, so read the UTC fields. */
function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const iso = date.toISOString();
  const day = iso.slice(0, 10);
  const time = iso.slice(11, 19);
  return time === '00:00:00' ? day : `${day}T${time}`;
}
