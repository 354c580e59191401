import type { Bilingual } from '../i18n.js';

/** Every fixed text of the report, in both languages (with the project's place words, see place-words.ts). Data texts never come from here. */
export const LABELS = {
  indice: { it: 'Indice', en: 'Contents' },
  notaMetodologica: { it: 'Nota metodologica', en: 'Method note' },
  progettoRete: { it: 'Il progetto e la rete', en: 'The project and its network' },
  laCitta: { it: '{L_intero}', en: 'The {intero}' },
  voceComunita: { it: 'La voce della comunità', en: 'The voice of the community' },
  risorse: { it: 'Le risorse', en: 'Resources' },
  impegni: { it: 'Gli impegni', en: 'Commitments' },
  iQuartieri: { it: '{Le_aree}', en: 'The {aree}' },
  appendici: { it: 'Appendici', en: 'Annexes' },
  zona: { it: 'Zona', en: 'Zone' },
  quartiere: { it: '{Area}', en: '{Area}' },
  citta: { it: '{Intero}', en: '{Intero}' },
  totale: { it: 'Totale', en: 'Total' },
  nd: { it: 'n.d.', en: 'n.a.' },
  ndNota: {
    it: 'n.d. = dato non diffuso per tutela della riservatezza (meno di {soglia} persone, o valore che permetterebbe di ricavarne uno riservato).',
    en: 'n.a. = not published to protect privacy (fewer than {soglia} people, or a value that would reveal a withheld one).',
  },
  pagina: { it: 'pag.', en: 'page' },
  figura: { it: 'Figura', en: 'Figure' },
  tabella: { it: 'Tabella', en: 'Table' },
  fonte: { it: 'Fonte', en: 'Source' },
  variazione: { it: 'Variazione sul {anno}', en: 'Change from {anno}' },
  a31dicembre: { it: 'al 31 dicembre {anno}', en: 'at 31 December {anno}' },
  pubblicatoIl: { it: 'Pubblicato il {data}', en: 'Published on {data}' },
  datiAl: { it: 'Dati al 31 dicembre {anno}', en: 'Data at 31 December {anno}' },
} satisfies Record<string, Bilingual>;

export type LabelKey = keyof typeof LABELS;
