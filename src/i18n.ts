// Words for people, in both report languages. The stages that find things (ingest, validate, compute)
// never pick a language: they describe what they found as a Phrase, a bilingual text with the values of
// its placeholders, and the place that shows it (the CLI, a page of the report, a receipt) says it in the
// reader's language with `say`.

/** Languages of every text the tool writes for people. */
export type Lang = 'it' | 'en';

/** A text in both report languages. */
export interface Bilingual {
  it: string;
  en: string;
}

/** The value of a placeholder: data as it is (a name, a row number), a quantity, or words still to be said. */
export type Param = string | number | Quantity | Phrase;

/** A number written the reader's way (1.234.567 in Italian, 1,234,567 in English). */
export interface Quantity {
  readonly quantity: number;
}

/** Words not yet in a language: a bilingual text with `{name}` placeholders and their values. */
export interface Phrase {
  readonly text: Bilingual;
  readonly params?: Readonly<Record<string, Param>>;
}

/** What a problem or a message holds for people: data as it is, or a phrase. */
export type Words = string | Phrase;

/** Picks the text of the report language and fills `{name}` placeholders. */
export function t(lang: Lang, text: Bilingual, params: Record<string, Param> = {}): string {
  return text[lang].replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? sayParam(lang, params[key]!) : whole));
}

/** Words to be said later, in the reader's language. */
export function phrase(text: Bilingual, params?: Record<string, Param>): Phrase {
  return params === undefined ? { text } : { text, params };
}

/** Several pieces of words said one after the other, with nothing between them. */
export function joined(...parts: Words[]): Phrase {
  return joinWords(parts);
}

/** Pieces of words said one after the other, with `separator` (words too: ' e ' / ' and ') between them. */
export function joinWords(parts: readonly Words[], separator: Words = ''): Phrase {
  const text = parts.map((_, i) => (i === 0 ? `{${i}}` : `{sep}{${i}}`)).join('');
  const params: Record<string, Param> = Object.fromEntries(parts.map((part, i) => [String(i), part]));
  if (parts.length > 1) params.sep = separator;
  return { text: { it: text, en: text }, params };
}

/** Says words in a language: a phrase is filled in, data stays as it is. */
export function say(lang: Lang, words: Words): string {
  return typeof words === 'string' ? words : t(lang, words.text, words.params);
}

function sayParam(lang: Lang, param: Param): string {
  if (typeof param !== 'object') return String(param);
  // Thousands grouped from four digits (1.234), as Italian statistical tables write them.
  return 'quantity' in param
    ? param.quantity.toLocaleString(lang === 'en' ? 'en-GB' : 'it-IT', {
        useGrouping: 'always',
        maximumFractionDigits: 20,
      } as Intl.NumberFormatOptions)
    : say(lang, param);
}

/** A number to be written the reader's way. */
export function quantity(n: number): Quantity {
  return { quantity: n };
}

/** A number as words of its own (a problem's `expected`), written the reader's way. */
export function amount(n: number, unit = ''): Phrase {
  return phrase({ it: `{n}${unit}`, en: `{n}${unit}` }, { n: quantity(n) });
}

/** A count with its noun in the right number: `1 avviso`, `3 avvisi`. */
export function countOf(lang: Lang, n: number, forms: { it: [string, string]; en: [string, string] }): string {
  return say(lang, countPhrase(n, forms));
}

/** The text that agrees with a count: `one` for exactly 1, `many` otherwise (0 included, as in Italian and English). */
export function byCount(n: number, one: Bilingual, many: Bilingual): Bilingual {
  return n === 1 ? one : many;
}

/** A count with its noun in the right number, to be said later. */
export function countPhrase(n: number, forms: { it: [string, string]; en: [string, string] }): Phrase {
  const form = n === 1 ? 0 : 1;
  return phrase({ it: `{n} ${forms.it[form]}`, en: `{n} ${forms.en[form]}` }, { n: quantity(n) });
}

export const NOUNS = {
  file: { it: ['file', 'file'], en: ['file', 'files'] },
  riga: { it: ['riga', 'righe'], en: ['row', 'rows'] },
  errore: { it: ['errore', 'errori'], en: ['error', 'errors'] },
  avviso: { it: ['avviso', 'avvisi'], en: ['warning', 'warnings'] },
  cella: { it: ['cella', 'celle'], en: ['cell', 'cells'] },
  servizio: { it: ['servizio', 'servizi'], en: ['service', 'services'] },
  // What a service counts (servizi.csv `unita`): the absolute outputs beside the rates.
  posti: { it: ['posto', 'posti'], en: ['place', 'places'] },
  utenti: { it: ['utente', 'utenti'], en: ['user', 'users'] },
  ore: { it: ['ora', 'ore'], en: ['hour', 'hours'] },
  interventi: { it: ['intervento', 'interventi'], en: ['intervention', 'interventions'] },
} satisfies Record<string, { it: [string, string]; en: [string, string] }>;
