import type { Cantiere, Lang, Problem } from '../types.js';
import { say as sayWords, t, type Bilingual } from '../i18n.js';
import type { IndicatorDefinition } from '../compute/catalogue.js';
import { RESOURCE_INDICATORS } from '../compute/resources.js';
import type { ReceiptData } from '../participation/receipt.js';
import { formatNumber } from './format.js';
import { LABELS } from './labels.js';
import { cantiereWords } from './cantiere-text.js';
import { DEFAULT_PLACE_WORDS, placeParams, type PlaceWords } from './place-words.js';
import { cellText, shortDate, timelinessText } from './submission-labels.js';

// The receipt a partner gets for one submission, worded: what arrived, what to fix (row and column as
// the spreadsheet shows them) and, once the report is built, where their rows appear. The facts come
// from participation/receipt.ts.

/** How many problems a receipt lists before summing up the rest. */
export const MAX_PROBLEMS = 300;

export interface ReceiptView {
  lang: Lang;
  title: string;
  ente: string;
  greeting: string;
  intro: string;
  status: string;
  attention: boolean;
  details: { label: string; value: string }[];
  files: { caption: string; head: string[]; rows: string[][] };
  problems: {
    title: string;
    summary: string;
    head: string[];
    groups: { file: string; rows: { severity: string; cells: string[] }[] }[];
    more: string;
  };
  use: { title: string; text: string; head: string[]; rows: string[][] };
  closing: string;
  footer: string;
}

const DELIMITERS: Record<string, Bilingual> = {
  ';': { it: 'punto e virgola (;)', en: 'semicolon (;)' },
  ',': { it: 'virgola (,)', en: 'comma (,)' },
  '\t': { it: 'tabulazione', en: 'tab' },
  '|': { it: 'barra verticale (|)', en: 'pipe (|)' },
};

/** Row and column as the spreadsheet shows them: `5`, `C (3)`. */
function place(p: Problem): [string, string] {
  const row = p.row === undefined ? '—' : String(p.row);
  const column = p.column === undefined ? '—' : p.columnLetter ? `${p.columnLetter} (${p.column})` : String(p.column);
  return [row, column];
}

/** The report chapters that print an indicator, in report order; `cantieri` are the project's declared ones. */
export function chaptersOf(
  definition: IndicatorDefinition,
  lang: Lang,
  commitmentIndicators: Set<string>,
  cantieri: { declared: readonly Cantiere[]; textLang: Lang },
  luoghi: PlaceWords = DEFAULT_PLACE_WORDS,
): string[] {
  const chapters: string[] = [];
  const words = placeParams(luoghi, lang);
  if (definition.cantiere === 'demografia') chapters.push(t(lang, LABELS.laCitta, words));
  const cantiere = cantieri.declared.find((c) => c.codice === definition.cantiere);
  if (cantiere) chapters.push(cantiereWords(cantiere, lang, cantieri.textLang).titolo.text);
  if (RESOURCE_INDICATORS.includes(definition.id)) chapters.push(t(lang, LABELS.risorse));
  if (commitmentIndicators.has(definition.id)) chapters.push(t(lang, LABELS.impegni));
  if (definition.servizio) chapters.push(t(lang, LABELS.iQuartieri, words));
  chapters.push(t(lang, LABELS.appendici));
  return chapters;
}

/** The receipt of the submission `contributi/<ente>/<anno>`, in `lang`. */
export function receiptView(data: ReceiptData, lang: Lang): ReceiptView {
  const say = (text: Bilingual, params: Record<string, string | number> = {}) => t(lang, text, params);
  const n = (v: number) => formatNumber(v, lang, 0);
  const { contributo, cells, ente, anno, problems, errors, nome, attention, scadenza, titolo } = data;
  const first = cells[0];
  const groups: ReceiptView['problems']['groups'] = [];
  for (const p of problems.slice(0, MAX_PROBLEMS)) {
    const [row, column] = place(p);
    let group = groups.find((g) => g.file === p.file);
    if (!group) groups.push((group = { file: p.file, rows: [] }));
    group.rows.push({
      severity: p.severity,
      cells: [
        p.severity === 'error' ? say({ it: 'errore', en: 'error' }) : say({ it: 'avviso', en: 'warning' }),
        row,
        column,
        p.field ?? '',
        p.value === undefined ? '' : sayWords(lang, p.value),
        sayWords(lang, p.message),
      ],
    });
  }
  const useRows = data.uses.map(({ definition: d, city: value }) => [
    lang === 'it' ? d.nome : d.nomeEn,
    value.soppresso ? 'n.d.' : value.valore === null ? '—' : `${formatNumber(value.valore, lang, d.decimali)} ${d.unita}`,
    chaptersOf(d, lang, data.commitmentIndicators, { declared: data.cantieri, textLang: data.textLang }, data.luoghi).join(', '),
  ]);
  // null before the report is built: the receipt then says so instead of listing indicators.
  const published = data.published ? useRows : null;

  return {
    lang,
    title: say({ it: 'Ricevuta del contributo {anno}', en: 'Receipt of the {anno} submission' }, { anno }),
    ente: nome,
    greeting: contributo?.manifest?.referente
      ? say({ it: 'Gentile {r}, {e}', en: 'Dear {r}, {e}' }, { r: contributo.manifest.referente, e: nome })
      : say({ it: 'Spettabile {e}', en: 'Dear {e}' }, { e: nome }),
    intro: say(
      {
        it: 'grazie per i dati del {anno} che avete inviato per il bilancio sociale partecipativo. Questa ricevuta dice che cosa abbiamo ricevuto, come lo abbiamo letto, che cosa va corretto e dove i vostri dati compaiono nel report.',
        en: 'thank you for the {anno} data you sent for the participatory social report. This receipt says what we received, how we read it, what needs fixing and where your data appear in the report.',
      },
      { anno },
    ),
    status: cells.length
      ? cells.map((c) => `${c.dataset}: ${cellText(lang, c)}`).join(' · ')
      : say({ it: 'nessun file ricevuto', en: 'no file received' }),
    attention,
    details: [
      { label: say({ it: 'Cartella', en: 'Folder' }), value: contributo?.folder ?? `contributi/${ente}/${anno}` },
      {
        label: say({ it: 'Referente', en: 'Contact' }),
        value: [contributo?.manifest?.referente, contributo?.manifest?.email].filter(Boolean).join(', ') || '—',
      },
      {
        label: say({ it: 'Inviato il', en: 'Sent on' }),
        value: contributo?.manifest?.inviatoIl ? shortDate(contributo.manifest.inviatoIl) : '—',
      },
      { label: say({ it: 'Scadenza', en: 'Deadline' }), value: scadenza ? shortDate(scadenza) : '—' },
      {
        label: say({ it: 'Puntualità', en: 'Timeliness' }),
        value: first?.puntualita ? timelinessText(lang, first.puntualita, first.inviatoIl) : '—',
      },
    ],
    files: {
      caption: say({ it: 'File ricevuti e come sono stati letti', en: 'Files received and how they were read' }),
      head: [
        say({ it: 'File', en: 'File' }),
        'Dataset',
        say({ it: 'Codifica', en: 'Encoding' }),
        say({ it: 'Separatore', en: 'Delimiter' }),
        say({ it: 'Righe lette', en: 'Rows read' }),
        say({ it: 'Righe usate nel report', en: 'Rows used in the report' }),
      ],
      rows: data.files.map((f) => [
        f.path.split('/').pop() ?? f.path,
        f.dataset,
        f.encoding || '—',
        f.delimiter === null
          ? f.encoding === 'json'
            ? 'JSON'
            : '—'
          : say(DELIMITERS[f.delimiter] ?? { it: f.delimiter, en: f.delimiter }),
        n(f.righeLette),
        n(f.righeUsate),
      ]),
    },
    problems: {
      title: say({ it: 'Che cosa correggere', en: 'What to fix' }),
      summary:
        problems.length === 0
          ? say({
              it: 'Nessun problema: i file sono validi e sono stati usati per intero.',
              en: 'No problems: the files are valid and were used in full.',
            })
          : errors === 0
            ? say(
                {
                  it: "Nessun errore: tutte le righe valide sono entrate nel report. {w} avvisi segnalano valori che abbiamo interpretato (per esempio il nome di un quartiere scritto in un altro modo): controllateli per il prossimo invio. Riga e colonna sono quelle che mostra il foglio di calcolo (l'intestazione è la riga 1).",
                  en: 'No errors: every valid row entered the report. {w} warnings point at values we interpreted (for example a quartiere name written another way): check them for the next submission. Row and column are those the spreadsheet shows (the header is row 1).',
                },
                { w: problems.length },
              )
            : say(
                {
                  it: "{e} errori e {w} avvisi. Le righe con errori non entrano nel report: correggetele nel file e inviatelo di nuovo. Riga e colonna sono quelle che mostra il foglio di calcolo (l'intestazione è la riga 1).",
                  en: '{e} errors and {w} warnings. Rows with errors are left out of the report: fix them in the file and send it again. Row and column are those the spreadsheet shows (the header is row 1).',
                },
                { e: errors, w: problems.length - errors },
              ),
      head: [
        say({ it: 'Tipo', en: 'Kind' }),
        say({ it: 'Riga', en: 'Row' }),
        say({ it: 'Colonna', en: 'Column' }),
        say({ it: 'Campo', en: 'Field' }),
        say({ it: 'Valore', en: 'Value' }),
        say({ it: 'Problema', en: 'Problem' }),
      ],
      groups,
      more:
        problems.length > MAX_PROBLEMS
          ? say(
              {
                it: "… e altri {n} problemi: l'elenco completo è in `bilancio validate`.",
                en: '… and {n} more problems: the full list is in `bilancio validate`.',
              },
              { n: problems.length - MAX_PROBLEMS },
            )
          : '',
    },
    use: {
      title: say({ it: 'Dove compaiono i vostri dati', en: 'Where your data appear' }),
      text:
        published === null
          ? say({
              it: 'Il report non è ancora stato costruito: quando lo sarà, questa ricevuta elencherà gli indicatori calcolati con i vostri dati e i capitoli che li riportano.',
              en: 'The report has not been built yet: once it is, this receipt will list the indicators computed from your data and the chapters that print them.',
            })
          : useRows.length === 0
            ? say({
                it: "Nessun indicatore del report è calcolato con le vostre righe di quest'anno.",
                en: 'No indicator of the report is computed from your rows for this year.',
              })
            : say(
                {
                  it: 'Le vostre righe entrano nel calcolo di {n} indicatori. Il contributo è citato anche nel capitolo «{rete}» e nei crediti in appendice.',
                  en: 'Your rows enter the computation of {n} indicators. The submission is also named in the chapter «{rete}» and in the credits annex.',
                },
                { n: useRows.length, rete: say({ it: 'Il progetto e la rete', en: 'The project and its network' }) },
              ),
      head: [
        say({ it: 'Indicatore', en: 'Indicator' }),
        say({ it: 'Valore della città {anno}', en: 'City value {anno}' }, { anno }),
        say({ it: 'Capitoli del report', en: 'Report chapters' }),
      ],
      rows: useRows,
    },
    closing: say({
      it: "Per domande su questa ricevuta rispondete all'ufficio che cura il bilancio sociale.",
      en: 'For questions about this receipt, reply to the office that edits the social report.',
    }),
    footer: [data.enteProgetto, titolo].filter(Boolean).join(' · '),
  };
}
