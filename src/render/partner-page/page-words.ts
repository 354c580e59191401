import type { Bilingual } from '../../i18n.js';

// The validation page's own words, in both languages: the page says them in its language (the problems'
// messages come with the report, said by problem-text as `validate` says them).

export const PAGE_WORDS = {
  title: { it: 'Verifica dei dati prima dell’invio', en: 'Check your data before sending it' },
  intro: {
    it: 'Trascinate qui il file che state per inviare (CSV o Excel), oppure sceglietelo con il pulsante. Il controllo è lo stesso che farà il Comune con bilancio, sugli stessi quartieri, servizi ed enti; avviene tutto in questa pagina: il file non lascia il vostro computer.',
    en: 'Drop here the file you are about to send (CSV or Excel), or choose it with the button. The check is the one the Comune runs with bilancio, on the same quartieri, services and organisations; it all happens in this page: the file never leaves your computer.',
  },
  naming: {
    it: 'Il nome del file dice che dati contiene: deve iniziare con quello del dataset (per esempio erogazioni_vostroente.xlsx).',
    en: "The file's name says what data it holds: it must start with the dataset's name (for example erogazioni_yourorganisation.xlsx).",
  },
  choose: { it: 'Scegli un file', en: 'Choose a file' },
  drop: { it: 'oppure trascinalo qui', en: 'or drop it here' },
  checking: { it: 'Controllo di {file} in corso…', en: 'Checking {file}…' },
  valid: {
    it: '{file}: nessun problema. Il file si può inviare.',
    en: '{file}: no problems. The file can be sent.',
  },
  validWithWarnings: {
    it: '{file}: nessun errore; {warnings} da leggere. Il file si può inviare.',
    en: '{file}: no errors; {warnings} to read. The file can be sent.',
  },
  invalid: {
    it: '{file}: {errors}, {warnings}. Correggete gli errori e riprovate prima di inviarlo.',
    en: '{file}: {errors}, {warnings}. Correct the errors and try again before sending it.',
  },
  failed: {
    it: 'La pagina non è riuscita a leggere il file ({reason}). Inviatelo comunque al Comune, che lo controllerà con bilancio.',
    en: 'The page could not read the file ({reason}). Send it to the Comune anyway, which will check it with bilancio.',
  },
  severity: { it: 'Tipo', en: 'Kind' },
  error: { it: 'Errore', en: 'Error' },
  warning: { it: 'Avviso', en: 'Warning' },
  row: { it: 'Riga', en: 'Row' },
  column: { it: 'Colonna', en: 'Column' },
  message: { it: 'Che cosa fare', en: 'What to do' },
  noScript: {
    it: 'Questa pagina ha bisogno di JavaScript, che è spento in questo browser.',
    en: 'This page needs JavaScript, which is turned off in this browser.',
  },
} satisfies Record<string, Bilingual>;

export type PageWords = typeof PAGE_WORDS;
