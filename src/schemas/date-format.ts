// Kept apart from load-schemas.ts (which reads files): the partners' validation page runs it in a browser.

/**
 * `format: date`, checked here instead of pulling in ajv-formats for one format: a day of the calendar
 * (Date.parse takes 2025-02-31 for 3 March). Self-contained: precompile.ts copies its source.
 */
export function isDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
