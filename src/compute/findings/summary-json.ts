import type { AreaAttention, Summary } from './types.js';

// sintesi.json in the open data: the Sintesi's findings and the areas' points of attention as data, each
// with the published values it rests on (indicatore, livello, codice, anno: rows of indicatori.csv).

/** The findings of the report, for the open data: what the report says, and on which published values. */
export function summaryJson(sintesi: Summary, attenzione: AreaAttention[]): string {
  return `${JSON.stringify(
    {
      descrizione:
        'I risultati della Sintesi e i punti di attenzione delle pagine dei quartieri, scelti con le regole dichiarate (regole.file). Ogni riferimento è una riga di indicatori.csv (indicatore, livello, codice, anno); bilancio explain sintesi <id> e bilancio explain attenzione <codice> li spiegano.',
      anno: sintesi.anno,
      anno_confronto: sintesi.annoPrecedente,
      regole: sintesi.regole,
      cifre_chiave: sintesi.cifre,
      risultati: sintesi.risultati,
      attenzione,
    },
    null,
    2,
  )}\n`;
}
