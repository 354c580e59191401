import type { Bilingual } from '../i18n.js';

/** The CLI's own texts: help, progress, outcomes. */
export const CLI = {
  description: {
    it: 'Bilancio sociale partecipativo: dai file dei servizi e dei partner al report della città, quartiere per quartiere.',
    en: "Participatory social report: from service and partner files to the city's report, quartiere by quartiere.",
  },
  build: {
    it: 'controlla i dati, calcola gli indicatori e scrive report.html, report.pdf e i dati aperti (indicatori.csv/json, datapackage.json)',
    en: 'checks the data, computes the indicators and writes report.html, report.pdf and the open data (indicatori.csv/json, datapackage.json)',
  },
  validate: {
    it: 'controlla i file di un progetto e dice, per ciascun problema, file, riga e colonna da correggere',
    en: "checks a project's files and tells, for each problem, the file, row and column to fix",
  },
  compute: {
    it: 'calcola gli indicatori e scrive i dati aperti: indicatori.csv e .json, questionario.csv, questionario_differenze.csv, risorse.csv, piramidi.csv, impegni.csv e datapackage.json',
    en: 'computes the indicators and writes the open data: indicatori.csv and .json, questionario.csv, questionario_differenze.csv, risorse.csv, piramidi.csv, impegni.csv and datapackage.json',
  },
  validatePaths: {
    it: 'la cartella di un progetto (predefinita: quella in cui ci si trova, o Brescia), oppure uno o più file da controllare da soli',
    en: 'a project folder (default: the one you are in, or Brescia), or one or more files to check on their own',
  },
  catalogueProject: {
    it: 'per i file da soli: il progetto di cui usare quartieri e cataloghi (predefinito: quello attorno al file o alla cartella in cui ci si trova, altrimenti Brescia)',
    en: 'for loose files: the project whose quartieri and catalogues to use (default: the one around the file or the current folder, otherwise Brescia)',
  },
  datasetOption: {
    it: 'per i file da soli: che dati contengono (popolazione, erogazioni, …), se il nome del file non lo dice',
    en: 'for loose files: which data they hold (popolazione, erogazioni, …), when the file name does not say',
  },
  noSuchFile: { it: 'Il file "{file}" non esiste.', en: 'The file "{file}" does not exist.' },
  notAFile: {
    it: '"{file}" è una cartella ma non un progetto (manca bilancio.config.json).',
    en: '"{file}" is a folder but not a project (bilancio.config.json is missing).',
  },
  validationTitle: { it: 'Verifica dei dati', en: 'Data check' },
  project: {
    it: 'cartella del progetto (predefinita: quella in cui ci si trova, o sopra; altrimenti il progetto di Brescia incluso)',
    en: 'project folder (default: the one you are in, or above; otherwise the embedded Brescia project)',
  },
  defaultProjectUsed: {
    it: 'Nessun progetto in {dir} né sopra (manca bilancio.config.json): si usa il progetto di esempio di Brescia incluso in bilancio (per un progetto nuovo: bilancio init <cartella>).',
    en: 'No project in {dir} or above (no bilancio.config.json): using the Brescia sample project embedded in bilancio (for a new project: bilancio init <folder>).',
  },
  out: { it: 'cartella dei risultati', en: 'output folder' },
  lang: { it: 'lingua dei testi: it o en', en: 'language of the texts: it or en' },
  format: { it: 'formato: text, json o html', en: 'format: text, json or html' },
  ignoreErrors: {
    it: 'costruisce il report con le sole righe valide anche se ci sono errori (lo dichiara nella nota metodologica)',
    en: 'builds the report from the valid rows even when there are errors (stated in the method note)',
  },
  lowThreshold: {
    it: 'permette una soglia_riservatezza sotto 3 (sconsigliato; dichiarato nella nota metodologica)',
    en: 'allows a soglia_riservatezza below 3 (not advised; stated in the method note)',
  },
  noPdf: { it: 'non stampa il PDF (solo HTML e dati aperti)', en: 'does not print the PDF (HTML and open data only)' },
  help: { it: 'mostra questo aiuto', en: 'show this help' },
  version: { it: 'mostra la versione', en: 'show the version' },
  examples: {
    it: '\nEsempi:\n  bilancio init comune-prova --comune "Comune di Prova"\n  bilancio build                      il report del progetto in cui ci si trova (o di Brescia, il progetto incluso), in out/\n  bilancio build mio-progetto --out pubblicazione\n  bilancio validate mio-progetto --format html > verifica.html\n  bilancio compute --lang en\n\nCodici di uscita: 0 tutto bene, 1 dati non validi, 2 uso sbagliato del comando (anche una cartella dei risultati rifiutata), 3 problema della macchina (Chromium, disco pieno o di sola lettura, permessi), 70 errore interno.',
    en: '\nExamples:\n  bilancio init comune-prova --comune "Comune di Prova"\n  bilancio build                      the report of the project you are in (or of the embedded Brescia project), in out/\n  bilancio build my-project --out publication\n  bilancio validate my-project --format html > check.html\n  bilancio compute --lang en\n\nExit codes: 0 all fine, 1 invalid data, 2 wrong use of the command (a refused output folder too), 3 a problem of the machine (Chromium, a full or read-only disk, permissions), 70 internal error.',
  },
  invalid: {
    it: 'Il report non è stato costruito: ci sono {errors} errori nei dati (vedi sopra). Correggerli, oppure usare --ignora-errori per costruirlo con le sole righe valide.',
    en: 'The report was not built: there are {errors} errors in the data (see above). Fix them, or use --ignora-errori to build from the valid rows only.',
  },
  warningsSummary: {
    it: 'I dati sono validi, con {n} avvisi: il dettaglio è in validazione.json e in `bilancio validate`.',
    en: 'The data are valid, with {n} warnings: details in validazione.json and in `bilancio validate`.',
  },
  notComputable: {
    it: 'Non calcolato: {id} per il {anno} (mancano {mancano}).',
    en: 'Not computed: {id} for {anno} (missing {mancano}).',
  },
  built: { it: 'Scritti in {out}: {files}', en: 'Written to {out}: {files}' },
  unknownLang: { it: 'Lingua "{lang}" non prevista: usare it o en.', en: 'Unknown language "{lang}": use it or en.' },
  privacyLeak: {
    it: 'Nulla è stato pubblicato: il controllo di riservatezza ha trovato {n} conteggi protetti che si potrebbero ricavare da ciò che verrebbe pubblicato.\nIl primo: «{count}» (un conteggio tra 1 e {max}), ricavabile combinando:\n{figures}\nÈ un errore di bilancio, non dei dati: per favore segnalarlo, allegando questo messaggio.',
    en: 'Nothing was published: the privacy audit found {n} protected counts that could be worked out from what would be published.\nThe first: «{count}» (a count between 1 and {max}), which follows from combining:\n{figures}\nThis is an error in bilancio, not in the data: please report it, with this message.',
  },
  andMore: { it: 'e altri {n}', en: 'and {n} more' },
  diskFull: {
    it: 'Spazio su disco esaurito scrivendo "{path}": liberare spazio su disco (o scegliere con --out una cartella su un altro disco) e rilanciare. I risultati precedenti sono rimasti com\'erano e non resta nessun file scritto a metà.',
    en: 'The disk is full: writing "{path}" failed. Free some disk space (or choose with --out a folder on another disk) and run again. The previous outputs are as they were and no half-written file is left.',
  },
  readOnly: {
    it: 'Non si può scrivere "{path}": il disco è di sola lettura. Scegliere una cartella scrivibile con --out. I risultati precedenti sono rimasti com\'erano e non resta nessun file scritto a metà.',
    en: 'Cannot write "{path}": the disk is read-only. Choose a writable folder with --out. The previous outputs are as they were and no half-written file is left.',
  },
  noPermission: {
    it: 'Non si può scrivere "{path}": mancano i permessi di scrittura ({errno}). Scegliere una cartella scrivibile con --out, o chiedere i permessi. I risultati precedenti sono rimasti com\'erano e non resta nessun file scritto a metà.',
    en: 'Cannot write "{path}": no permission to write ({errno}). Choose a writable folder with --out, or ask for the permission. The previous outputs are as they were and no half-written file is left.',
  },
  outputLocked: {
    it: 'La cartella "{target}" è bloccata da un altro comando bilancio in corso ({lock}). Attendere che finisca; se nessuno è in corso, cancellare {lock} e rilanciare.',
    en: 'The folder "{target}" is locked by another bilancio command in progress ({lock}). Wait for it to finish; if none is running, delete {lock} and run again.',
  },
  browserNotFound: {
    it: 'Nessun browser Chromium trovato. Installare il pacchetto Debian `chromium` (sudo apt-get install chromium) oppure indicare il percorso con la variabile PUPPETEER_EXECUTABLE_PATH. Percorsi provati: {tried}.',
    en: 'No Chromium browser found. Install the Debian package `chromium` (sudo apt-get install chromium) or give its path in the PUPPETEER_EXECUTABLE_PATH variable. Paths tried: {tried}.',
  },
  browserFailed: {
    it: 'Il browser Chromium "{program}" non è riuscito a stampare il PDF (non è partito, si è chiuso o non ha risposto): {detail}. Controllare l\'installazione di Chromium (sudo apt-get install --reinstall chromium) o indicarne un altro con la variabile PUPPETEER_EXECUTABLE_PATH. I risultati precedenti sono rimasti com\'erano.',
    en: 'The Chromium browser "{program}" failed to print the PDF (it did not start, it closed or it did not answer): {detail}. Check the Chromium installation (sudo apt-get install --reinstall chromium) or give another one in the PUPPETEER_EXECUTABLE_PATH variable. The previous outputs are as they were.',
  },
  cannotAccess: {
    it: 'Non si può leggere o scrivere "{path}": mancano i permessi ({errno}). Dare i permessi di lettura ai file del progetto (o di scrittura alla cartella dei risultati) e rilanciare.',
    en: 'Cannot read or write "{path}": permission denied ({errno}). Give read permission to the project\'s files (or write permission to the output folder) and run again.',
  },
  systemError: {
    it: 'Il sistema ha rifiutato un\'operazione su "{path}" ({errno}: {detail}). Controllare il disco e i file aperti, poi rilanciare.',
    en: 'The system refused an operation on "{path}" ({errno}: {detail}). Check the disk and the open files, then run again.',
  },
  sourceRefused: {
    it: '{message} Il file non è stato letto.',
    en: '{message} The file was not read.',
  },
  internal: {
    it: 'Errore interno di bilancio (non dovuto ai dati): {message}\nPer favore segnalarlo, allegando il comando usato.',
    en: 'Internal error in bilancio (not caused by the data): {message}\nPlease report it, with the command used.',
  },
} satisfies Record<string, Bilingual>;
