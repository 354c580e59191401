import { phrase, quantity, type Words } from '../i18n.js';

const MAX_SHOWN = 80;

/** A cell value as a report shows it: long values are cut, so a 50 MB cell stays a line, with their length in words. */
export function clip(value: string): Words {
  if (value.length <= MAX_SHOWN) return value;
  return phrase(
    { it: '{start}… ({length} caratteri)', en: '{start}… ({length} characters)' },
    { start: value.slice(0, MAX_SHOWN), length: quantity(value.length) },
  );
}

/** A column name as a problem's `field` holds it: cut like a value, without words. */
export function clipName(name: string): string {
  return name.length <= MAX_SHOWN ? name : `${name.slice(0, MAX_SHOWN)}…`;
}
