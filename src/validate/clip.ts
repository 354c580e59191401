const MAX_SHOWN = 80;

/** A cell value as a report shows it: long values are cut, so a 50 MB cell stays a line. */
export function clip(value: string): string {
  if (value.length <= MAX_SHOWN) return value;
  return `${value.slice(0, MAX_SHOWN)}… (${value.length.toLocaleString('it-IT')} caratteri)`;
}
