import type { Lang } from '../types.js';
import { roundHalfAwayFromZero } from '../compute/rounding.js';

export { roundHalfAwayFromZero };

// All number and date formatting of the report lives here, so that every figure reads the same.
// it-IT groups thousands with '.', decimals with ','; Intl leaves 4-digit numbers ungrouped in it-IT
// unless useGrouping is 'always'; Italian statistical tables group them (1.234, not 1234).

const locales: Record<Lang, string> = { it: 'it-IT', en: 'en-GB' };
const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: Lang, decimals: number): Intl.NumberFormat {
  const key = `${lang}:${decimals}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locales[lang], {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
      useGrouping: 'always',
    } as Intl.NumberFormatOptions);
    numberFormats.set(key, format);
  }
  return format;
}

/** Formats a number for the report: `1.234,5` in Italian, `1,234.5` in English. */
export function formatNumber(value: number, lang: Lang, decimals = 0): string {
  const rounded = roundHalfAwayFromZero(value, decimals);
  return numberFormat(lang, decimals).format(rounded === 0 ? 0 : rounded);
}

/** Formats a signed change (`+1,2`, `−0,4`, `0,0`) with a true minus sign. */
export function formatChange(value: number, lang: Lang, decimals = 1): string {
  const rounded = roundHalfAwayFromZero(value, decimals);
  const body = formatNumber(Math.abs(rounded), lang, decimals);
  if (rounded > 0) return `+${body}`;
  if (rounded < 0) return `\u2212${body}`;
  return body;
}

/** Formats a date as people write it: `25 novembre 2026` / `25 November 2026`. */
export function formatDate(date: Date, lang: Lang): string {
  return new Intl.DateTimeFormat(locales[lang], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

/**
 * A date with the Italian article it takes, for "inviati {data}": `il 14 marzo 2025`, but `l'1`, `l'8`,
 * `l'11 marzo 2025` (the days said with a vowel: uno, otto, undici). In English `on 8 March 2025`.
 */
export function formatDateOn(date: Date, lang: Lang): string {
  const text = formatDate(date, lang);
  if (lang === 'en') return `on ${text}`;
  return `${numberArticle(date.getUTCDate())}${text}`;
}

/** The Italian article before a whole number said aloud: `l'` before uno, otto…, undici, ottanta, ottocento; else `il `. */
export function numberArticle(n: number): string {
  const digits = String(Math.abs(Math.trunc(n)));
  return n === 1 || n === 11 || digits.startsWith('8') || /^11\d{3}$/.test(digits) ? "l'" : 'il ';
}
