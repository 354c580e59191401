// The texts a new project starts with (testi/*.md): the usual parts of a bilancio sociale that people at
// the comune write, each with its place in the report and a line saying what goes there.

/** One starter text: file name, title, place (see validate/texts/check-texts.ts) and the line to replace. */
interface StarterText {
  name: string;
  titolo: string;
  posizione: string;
  ordine: number;
  body: string;
}

const STARTER_TEXTS: StarterText[] = [
  {
    name: 'lettera',
    titolo: 'Lettera di presentazione',
    posizione: 'apertura',
    ordine: 1,
    body:
      '*Da scrivere: la lettera del sindaco o dell’assessore ai lettori, che dice perché questo bilancio, che cosa è cambiato nell’anno e che cosa chiede alla comunità.*\n\n' +
      'Le cifre si scrivono vive, dai dati del report: per esempio, alla fine dell’anno i residenti sono {{ valore popolazione citta }} ({{ variazione popolazione citta }} sull’anno prima).',
  },
  {
    name: 'identita',
    titolo: 'Identità e valori',
    posizione: 'inizio rete',
    ordine: 1,
    body: '*Da scrivere: la missione del progetto, i valori che lo guidano e a chi si rivolge.*',
  },
  {
    name: 'governance',
    titolo: 'Come è governato il progetto',
    posizione: 'fine rete',
    ordine: 2,
    body: '*Da scrivere: chi decide e come (cabina di regia, tavoli, assemblee), ogni quanto si incontra, come rende conto.*',
  },
  {
    name: 'obiettivi',
    titolo: 'Obiettivi di miglioramento',
    posizione: 'fine impegni',
    ordine: 1,
    body: '*Da scrivere: che cosa il progetto si impegna a migliorare l’anno prossimo, con le cifre da cui parte e quelle a cui vuole arrivare.*',
  },
  {
    name: 'partecipare',
    titolo: 'Come partecipare e contatti',
    posizione: 'appendice',
    ordine: 1,
    body: '*Da scrivere: come i lettori possono rispondere a questo bilancio (questionario, incontri nei quartieri, un indirizzo di posta) e chi contattare.*',
  },
];

/** The starter texts as project files (`testi/<name>.md`); the figures only for indicators the catalogue has. */
export function starterTexts(indicatorIds: Set<string>): Record<string, string> {
  return Object.fromEntries(
    STARTER_TEXTS.map((text) => {
      // A catalogue without the population indicator keeps the example's words, without the live figure.
      const body = indicatorIds.has('popolazione') ? text.body : text.body.replace(/ Le cifre si scrivono vive.*$/s, '');
      const front = `---\ntitolo: ${text.titolo}\nposizione: ${text.posizione}\nordine: ${text.ordine}\n---\n`;
      return [`testi/${text.name}.md`, `${front}${body}\n`];
    }),
  );
}
