/** Excel column letter of a 1-based column number: 1 → A, 26 → Z, 27 → AA, 703 → AAA. */
export function columnLetter(column: number): string {
  if (!Number.isInteger(column) || column < 1) throw new RangeError(`column must be a positive integer, got ${column}`);
  let letters = '';
  let rest = column;
  while (rest > 0) {
    const digit = (rest - 1) % 26;
    letters = String.fromCharCode(65 + digit) + letters;
    rest = Math.floor((rest - 1) / 26);
  }
  return letters;
}

/** Letters of several columns for a message: "E, F". */
export function columnLetters(columns: readonly number[]): string {
  return columns.map(columnLetter).join(', ');
}
