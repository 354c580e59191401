// data/brescia/README.md: what the embedded project is, and that its data are synthetic.

/** The README of the sample project. */
export function readme(seed: number): string {
  return `# Brescia Città del Noi: progetto di esempio

Questa cartella è il progetto di report incluso in **bilancio**: il *Bilancio sociale
partecipativo* del Comune di Brescia (progetto "Brescia Città del Noi"): sei anni di dati, dal 2019
al 2024, perché il report possa mostrare come cambiano la città e i suoi servizi. L'anno del report
e quello di confronto si scelgono in \`bilancio.config.json\` (\`anno\`, \`anno_confronto\`).

- \`territorio/quartieri.csv\`: i 33 quartieri reali, con codice ISTAT (ASC), numero del Comune,
  varianti del nome e zona. La superficie è indicativa.
- \`territorio/mappa_tile.csv\`: la mappa a tessere dei quartieri (riga e colonna di ciascuno,
  disposti più o meno come sono nella città), usata dal report quando manca \`quartieri.geojson\`.
- \`catalogo/\`: i sei cantieri del progetto con i titoli dei loro capitoli, enti (capofila,
  partner e rete del progetto), servizi di ciascun cantiere, impegni. \`catalogo/indicatori.json\`
  e \`bilancio.config.json\` sono scritti a mano, non generati.
- \`dati/<anno>/\`: i file del Comune: popolazione per quartiere, sesso, età e cittadinanza,
  famiglie, movimento demografico (con i nati stranieri), servizi comunali (nidi con domande e lista
  d'attesa, assistenza domiciliare, servizi residenziali per la disabilità con i nuovi ingressi),
  risorse per servizio e fonte di finanziamento (pari alla spesa dei servizi), operatori e volontari
  per ente.
  Solo per il 2023 e il 2024, gli anni del progetto: questionario ai cittadini, voci della comunità,
  avanzamento degli impegni.
- \`contributi/<ente>/<anno>/\`: i file inviati dai partner, con il loro \`manifest.json\`,
  così come arrivano davvero: CSV da Excel (punto e virgola, decimali con la virgola,
  Windows-1252, nomi dei quartieri scritti a mano) oppure JSON.

## I dati sono sintetici

Nomi dei quartieri, enti e servizi sono reali; **i numeri no**. Sono generati con un seme fisso
e calibrati sui totali ISTAT del Comune di Brescia al 31 dicembre di ogni anno dal 2019 al 2024:

- popolazione totale (Censimento permanente: 196.340 nel 2019, 197.304 nel 2020, 195.906 nel 2021,
  197.236 nel 2022, 198.259 nel 2023, 199.853 nel 2024), classi 0-14, 15-24, 25-49, 50-64 e 65+,
  e per sesso le classi da 15 anni in su;
- **il 2020 è interpolato**: la tavola ISTAT per età di quell'anno manca, quindi ogni classe (per
  sesso) è la media di 2019 e 2021, riportata al totale censito del 2020 (197.304);
- famiglie e famiglie di una persona (da 93.224 e 41.172 nel 2019 a 97.803 e 46.329 nel 2024);
- nati, morti, iscritti e cancellati dal bilancio demografico di ogni anno (per esempio 1.479 nati
  nel 2019, 1.339 nel 2024; 2.936 morti nel 2020);
- stranieri residenti: solo il 2023 (37.478, 18,9%) è un dato di riferimento; gli altri anni sono
  stime sintetiche vicine a quel valore. Anche i nati stranieri sono sintetici: il bilancio
  demografico ISTAT usato non divide i nati per cittadinanza.

La distribuzione per quartiere, l'età singola, le famiglie per quartiere, i servizi (con il calo
del 2020 per la pandemia e la ripresa), il questionario, le voci e gli impegni sono inventati in
modo plausibile: non descrivono le persone reali di nessun quartiere e non vanno citati come dati.

## Rigenerare

\`\`\`
npm run sample            # riscrive data/brescia (seme ${seed})
npm run sample -- /tmp/x  # in un'altra cartella
\`\`\`

Non modificare questi file a mano: un test verifica che coincidano con quelli generati.
`;
}
