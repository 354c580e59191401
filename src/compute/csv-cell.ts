// One CSV cell of the open data, safe to open in a spreadsheet.

/** A cell that a spreadsheet would run as a formula gets a leading apostrophe (OWASP CSV injection). */
export function neutralizeFormula(text: string): string {
  if (/^[-+]?\d+(\.\d+)?$/.test(text)) return text;
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One CSV cell: empty for null, formulas neutralised, quoted when it holds a comma, quote or line break. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = neutralizeFormula(typeof value === 'boolean' ? String(value) : String(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
