// Numbers as Italian offices and associations write them: 1.234,5 (Excel in Italian) or 1234.5
// (statistics software), and deciding per column which of the two a file uses.

/** How a column writes decimals: `12,5` and `1.234,5`, or `12.5` and `1,234.5`. */
export type NumberStyle = 'comma-decimal' | 'dot-decimal';

/** Space, no-break space and narrow no-break space: thousands separators in both styles. */
const SPACES = ' \u00a0\u202f';

function strictPattern(group: string, decimal: string): RegExp {
  const g = `[${group}${SPACES}]`;
  // A grouped integer starts with 1–9 ("0.500" is no thousands figure) and has groups of exactly three.
  const integer = `(?:[1-9]\\d{0,2}(?:${g}\\d{3})+|\\d+)`;
  return new RegExp(`^[+-]?(?:${integer}(?:\\${decimal}\\d+)?|\\${decimal}\\d+)(?:[eE][+-]?\\d+)?$`);
}

const PATTERNS: Record<NumberStyle, { pattern: RegExp; group: RegExp; decimal: string }> = {
  'comma-decimal': { pattern: strictPattern('.', ','), group: new RegExp(`[.${SPACES}]`, 'g'), decimal: ',' },
  'dot-decimal': { pattern: strictPattern(',', '.'), group: new RegExp(`[,${SPACES}]`, 'g'), decimal: '.' },
};

/**
 * Reads a number written in the given style, or null when the text is not one. Thousands groups
 * must have three digits, so `1.5` is not a comma-decimal number (it is not silently 15).
 */
export function parseNumber(text: string, style: NumberStyle): number | null {
  const { pattern, group, decimal } = PATTERNS[style];
  const trimmed = text.trim();
  if (!pattern.test(trimmed)) return null;
  const value = Number(trimmed.replace(group, '').replace(decimal, '.'));
  return Number.isFinite(value) ? value + 0 : null;
}

/** Which style a column uses, and the values whose reading depended on that choice. */
export interface NumberStyleDecision {
  style: NumberStyle;
  /** Values that read as different numbers in the two styles (`1.234`: 1234 or 1.234), each once. */
  ambiguous: string[];
  /** 'column': other values showed the style; 'default': nothing did, so the Italian style was assumed. */
  basis: 'column' | 'default';
}

/**
 * Decides the number style of a column from its values: a value readable in one style only
 * (`12,5`, `1.234,5`, `0.25`) votes for it; the majority wins, comma-decimal (Italian) on a tie.
 */
export function decideNumberStyle(values: readonly string[]): NumberStyleDecision {
  let comma = 0;
  let dot = 0;
  const ambiguous = new Set<string>();
  for (const value of values) {
    const asComma = parseNumber(value, 'comma-decimal');
    const asDot = parseNumber(value, 'dot-decimal');
    if (asComma !== null && asDot === null) comma++;
    else if (asDot !== null && asComma === null) dot++;
    else if (asComma !== null && asDot !== null && asComma !== asDot) ambiguous.add(value);
  }
  const style: NumberStyle = dot > comma ? 'dot-decimal' : 'comma-decimal';
  return { style, ambiguous: [...ambiguous], basis: comma === dot ? 'default' : 'column' };
}

/** Table Schema number options (Frictionless): decimalChar '.', no groupChar and bareNumber true by default. */
export interface NumberFormat {
  decimalChar?: string;
  groupChar?: string;
  /** When false, text around the number (currency, %, ‰) is dropped. */
  bareNumber?: boolean;
}

const PLAIN_DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Reads a number with explicit Table Schema options, as Frictionless does; null when it is not one. */
export function parseNumberWith(text: string, format: NumberFormat = {}): number | null {
  const decimalChar = format.decimalChar ?? '.';
  let cell = text.trim();
  if (format.bareNumber === false) {
    const keep = `\\d+\\-${escapeRegExp(decimalChar)}`;
    cell = cell.replace(new RegExp(`^[^${keep}]+`), '').replace(/\D+$/, '');
  }
  if (format.groupChar) cell = cell.split(format.groupChar).join('');
  // With a decimal character other than '.', a '.' can only be a mistake.
  if (decimalChar !== '.' && cell.includes('.')) return null;
  cell = cell.split(decimalChar).join('.');
  if (!PLAIN_DECIMAL.test(cell)) return null;
  const value = Number(cell);
  return Number.isFinite(value) ? value + 0 : null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|-]/g, '\\$&');
}
