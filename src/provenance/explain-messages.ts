import type { Bilingual } from '../i18n.js';

/** The texts of `bilancio explain`, in both languages. */
export const EXPLAIN = {
  unknownIndicator: {
    it: 'L\'indicatore "{id}" non è nel catalogo. Alcuni indicatori: {list}.',
    en: 'The indicator "{id}" is not in the catalogue. Some indicators: {list}.',
  },
  notComputable: {
    it: '{id} non è stato calcolato per il {anno}: mancano {mancano}.',
    en: '{id} was not computed for {anno}: missing {mancano}.',
  },
  noYear: { it: 'Nessun valore di {id} per il {anno}.', en: 'No value of {id} for {anno}.' },
  unknownArea: {
    it: 'Territorio "{codice}" non trovato: usare il codice di un quartiere (es. 17029001), di una zona (es. centro) oppure citta.',
    en: 'Area "{codice}" not found: use the code of a quartiere (e.g. 17029001), of a zona (e.g. centro) or citta.',
  },
  ambiguousArea: {
    it: 'Il nome "{codice}" indica più territori: usare il codice.',
    en: 'The name "{codice}" matches several areas: use the code.',
  },
  area: { it: '{nome} ({dove}), anno {anno}', en: '{nome} ({dove}), year {anno}' },
  levels: {
    quartiere: { it: 'quartiere', en: 'quartiere' },
    zona: { it: 'zona', en: 'zona' },
    citta: { it: 'città', en: 'city' },
  },
  definition: { it: 'Definizione', en: 'Definition' },
  formula: {
    it: 'Calcolo: numeratore ÷ denominatore × {scala}, arrotondato {arrotondamento} (metà lontano da zero); unità: {unita}',
    en: 'Computation: numerator ÷ denominator × {scala}, rounded {arrotondamento} (half away from zero); unit: {unita}',
  },
  toUnit: { it: 'all\'unità', en: 'to the unit' },
  toOneDecimal: { it: 'a 1 decimale', en: 'to 1 decimal' },
  toDecimals: { it: 'a {n} decimali', en: 'to {n} decimals' },
  numerator: { it: 'numeratore', en: 'numerator' },
  denominator: { it: 'denominatore', en: 'denominator' },
  sumsFirst: {
    it: 'Per zone e città numeratore e denominatore sono sommati sui quartieri prima di dividere (mai la media dei rapporti); la città comprende anche le righe con quartiere non indicato (ND).',
    en: 'For zone and city the numerator and denominator are summed over the quartieri before dividing (never the mean of ratios); the city also includes rows whose quartiere is not known (ND).',
  },
  withheld: {
    it: 'Valore: non pubblicato. Motivo: {motivo}. Nessun conteggio tra 1 e {max} persone viene pubblicato (soglia di riservatezza {soglia}); anche numeratore e denominatore restano riservati.',
    en: 'Value: withheld. Reason: {motivo}. No count from 1 to {max} people is published (privacy threshold {soglia}); the numerator and denominator stay withheld too.',
  },
  filesOnly: {
    it: 'Fonti (solo i file: le righe permetterebbero di risalire al dato):',
    en: 'Sources (files only: the rows could lead back to the figure):',
  },
  sources: { it: 'fonti', en: 'sources' },
  rows: { it: 'righe', en: 'rows' },
  stepNote: {
    it: 'Righe come le mostra un foglio di calcolo (intestazione = riga 1); "3-405/2" = una riga ogni 2, dalla 3 alla 405.',
    en: 'Rows as a spreadsheet shows them (header = row 1); "3-405/2" = every 2nd row, from 3 to 405.',
  },
  noFiles: { it: '(nessun file: è una costante)', en: '(no file: a constant)' },
  smallTerm: {
    it: 'meno di {soglia} (non pubblicato: conteggio sotto la soglia di riservatezza)',
    en: 'less than {soglia} (withheld: a count below the privacy threshold)',
  },
  rowsHidden: {
    it: 'Righe non indicate: questo totale comprende un valore omesso per riservatezza, che si ricaverebbe per differenza dalle righe.',
    en: 'Rows not given: this total includes a value withheld for privacy, which the rows would give away by difference.',
  },
  noValue: { it: 'Valore: non calcolabile ({nota}).', en: 'Value: not computable ({nota}).' },
  value: {
    it: 'Valore: {num} ÷ {den} × {scala} = {raw} → {valore} {unita}',
    en: 'Value: {num} ÷ {den} × {scala} = {raw} → {valore} {unita}',
  },
  change: { it: 'Variazione rispetto al {anno}: {variazione}', en: 'Change from {anno}: {variazione}' },
  note: { it: 'Nota', en: 'Note' },
} satisfies Record<string, Bilingual | Record<string, Bilingual>>;
