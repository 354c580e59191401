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
    it: 'Calcolo: numeratore ÷ denominatore × {scala}, arrotondato {arrotondamento} (un 5 per eccesso); unità: {unita}',
    en: 'Computation: numerator ÷ denominator × {scala}, rounded {arrotondamento} (a 5 rounds up); unit: {unita}',
  },
  toUnit: { it: "all'unità", en: 'to the unit' },
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

/** The texts of `bilancio explain questionario:<voce> <gruppo>`, in both languages. */
export const EXPLAIN_SURVEY = {
  noSurvey: { it: 'Nessun questionario pubblicato per il {anno}.', en: 'No survey published for {anno}.' },
  unknownItem: {
    it: 'La voce "{voce}" non è nel questionario: usare una dimensione ({list}) o il codice di una domanda (es. {esempio}).',
    en: 'The item "{voce}" is not in the survey: use a dimension ({list}) or a question code (e.g. {esempio}).',
  },
  unknownGroup: {
    it: 'Gruppo "{codice}" non trovato: usare citta, il codice di una zona (es. centro), di un quartiere (es. 17029001) o di una fascia d\'età.',
    en: 'Group "{codice}" not found: use citta, the code of a zona (e.g. centro), of a quartiere (e.g. 17029001) or of an age group.',
  },
  ambiguousGroup: {
    it: 'Il nome "{codice}" indica più gruppi: usare il codice.',
    en: 'The name "{codice}" matches several groups: use the code.',
  },
  ageByDimension: {
    it: 'Per le fasce d\'età il report pubblica solo le dimensioni, non le singole domande ("{voce}").',
    en: 'For age groups the report publishes dimensions only, not single questions ("{voce}").',
  },
  levels: {
    citta: { it: 'città', en: 'city' },
    zona: { it: 'zona', en: 'zona' },
    quartiere: { it: 'quartiere', en: 'quartiere' },
    fascia: { it: "fascia d'età", en: 'age group' },
  },
  dimension: { it: 'dimensione «{nome}» del questionario', en: 'survey dimension «{nome}»' },
  question: { it: 'domanda «{testo}»', en: 'question «{testo}»' },
  group: { it: '{nome} ({dove}), anno {anno}', en: '{nome} ({dove}), year {anno}' },
  whatItIs: { it: "Che cos'è", en: 'What it is' },
  dimensionMean: {
    it: 'la media, da 1 a 5, dei valori per persona: per ogni rispondente la media delle sue risposte alle domande della dimensione, poi la media tra le persone (chi risponde a più domande non pesa di più).',
    en: "the mean, from 1 to 5, of person-level values: for each respondent the mean of their answers to the dimension's questions, then the mean across people (who answers more questions does not weigh more).",
  },
  questionMean: {
    it: 'la media, da 1 a 5, delle risposte alla domanda (una per persona).',
    en: 'the mean, from 1 to 5, of the answers to the question (one per person).',
  },
  interval: {
    it: 'Intervallo di confidenza al 95%: media ± t di Student (n − 1 gradi di libertà) × deviazione standard dei valori per persona / √n.',
    en: "95% confidence interval: mean ± Student's t (n − 1 degrees of freedom) × standard deviation of the person-level values / √n.",
  },
  respondents: { it: 'Rispondenti del gruppo', en: 'Respondents in the group' },
  withheldCount: { it: 'non pubblicato (riservatezza)', en: 'withheld (privacy)' },
  answered: { it: 'Hanno risposto alla voce', en: 'Answered the item' },
  answers: { it: '{n} risposte', en: '{n} answers' },
  mean: {
    it: 'Media: {media}, intervallo di confidenza al 95% da {basso} a {alto} (n = {n} persone)',
    en: 'Mean: {media}, 95% confidence interval from {basso} to {alto} (n = {n} people)',
  },
  noMean: { it: 'Media: non calcolabile (meno di 2 persone hanno risposto).', en: 'Mean: not computable (fewer than 2 people answered).' },
  withheld: {
    it: 'Risultato: non pubblicato. Motivo: {motivo}. I gruppi con meno di {soglia} rispondenti (soglia_risposte) non sono mostrati, né i dati che permetterebbero di ricavarli per differenza; anche il numero di chi ha risposto resta riservato.',
    en: 'Result: withheld. Reason: {motivo}. Groups with fewer than {soglia} respondents (soglia_risposte) are not shown, nor the figures that would give them away by difference; the number who answered stays withheld too.',
  },
  respondentsWithheld: {
    it: 'Il numero di rispondenti del gruppo è omesso: {motivo}.',
    en: "The group's number of respondents is withheld: {motivo}.",
  },
  sources: { it: 'Fonti (le risposte e le domande)', en: 'Sources (answers and questions)' },
  openData: {
    it: 'Lo stesso risultato è nei dati aperti: questionario.csv (descritto in datapackage.json).',
    en: 'The same result is in the open data: questionario.csv (described in datapackage.json).',
  },
} satisfies Record<string, Bilingual | Record<string, Bilingual>>;

/** The texts of `bilancio explain testo <nome>[:<riga>]`, in both languages. */
export const EXPLAIN_TEXT = {
  noTexts: {
    it: 'Il progetto non ha testi nel report: nessun file testi/*.md, o nessuno che abbia passato i controlli (bilancio validate indica i problemi).',
    en: 'The project has no texts in the report: no file testi/*.md, or none that passed the checks (bilancio validate shows the problems).',
  },
  unknownText: {
    it: 'Il progetto non ha il testo «{nome}» nel report. I testi sono: {list}. Scrivere per esempio: bilancio explain testo {esempio}.',
    en: 'The project has no text "{nome}" in the report. The texts are: {list}. Write for example: bilancio explain testo {esempio}.',
  },
  noTwin: {
    it: 'Il testo «{nome}» non ha una traduzione inglese (testi/en/{nome}.md): il report inglese lo stampa in italiano. Scrivere: bilancio explain testo {nome}.',
    en: 'The text "{nome}" has no English translation (testi/en/{nome}.md): the English report prints it in Italian. Write: bilancio explain testo {nome}.',
  },
  badLine: {
    it: 'Riga «{riga}» non valida: dopo i due punti va il numero di una riga del testo, per esempio {esempio}.',
    en: 'Invalid line "{riga}": after the colon write the number of a line of the text, for example {esempio}.',
  },
  unknownLine: {
    it: "Alla riga {riga} di {file} non c'è nessuna cifra. Le righe con cifre sono: {righe}.",
    en: 'Line {riga} of {file} holds no figure. The lines with figures are: {righe}.',
  },
  noFigures: { it: 'Il testo {file} non ha cifre.', en: 'The text {file} holds no figures.' },
  heading: { it: '{file} · «{titolo}» · {n} nel report del {anno}', en: '{file} · "{titolo}" · {n} in the {anno} report' },
  figures: { it: '{n} cifre', en: '{n} figures' },
  oneFigure: { it: '1 cifra', en: '1 figure' },
  ofLine: { it: 'riga {riga}', en: 'line {riga}' },
  functions: {
    valore: { it: "il valore dell'indicatore ({unita})", en: "the indicator's value ({unita})" },
    variazione: { it: 'la variazione rispetto al {anno}', en: 'the change from {anno}' },
    conteggio: { it: 'il conteggio (il numeratore)', en: 'the count (the numerator)' },
    posizione: {
      it: 'la posizione tra le aree dello stesso livello con un valore pubblicato ({su})',
      en: 'the rank among the areas of the same level with a published value ({su})',
    },
  },
  printed: { it: 'stampato', en: 'printed' },
  says: { it: 'Dice', en: 'It says' },
  notAvailable: { it: 'Non disponibile: {motivo}.', en: 'Not available: {motivo}.' },
  noValue: { it: 'nessun valore calcolato per questa area e anno', en: 'no value was computed for this area and year' },
  noPrevious: {
    it: "il valore del {anno} non è pubblicato o non c'è",
    en: 'the {anno} value is withheld or missing',
  },
  yearSources: { it: 'Fonti del {anno}', en: 'Sources of {anno}' },
  command: { it: 'Il calcolo passo per passo: {comando}', en: 'The computation step by step: {comando}' },
  reasons: {
    primaria: { it: 'conteggio inferiore alla soglia di riservatezza', en: 'a count below the privacy threshold' },
    secondaria: {
      it: 'soppressione complementare: impedisce di ricavare un dato riservato per differenza',
      en: 'complementary suppression: it prevents recovering a withheld figure by difference',
    },
  },
} satisfies Record<string, Bilingual | Record<string, Bilingual>>;
