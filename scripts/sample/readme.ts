// data/brescia/README.md: what the embedded project is, and that its data are synthetic.

/** The README of the sample project. */
export function readme(seed: number): string {
  return `# Brescia Città del Noi: progetto di esempio

Questa cartella è il progetto di report incluso in **bilancio**: il *Bilancio sociale
partecipativo* del Comune di Brescia (progetto "Brescia Città del Noi") per gli anni 2023 e 2024.

- \`territorio/quartieri.csv\`: i 33 quartieri reali, con codice ISTAT (ASC), numero del Comune,
  varianti del nome e zona. La superficie è indicativa.
- \`territorio/mappa_tile.csv\`: la mappa a tessere dei quartieri (riga e colonna di ciascuno,
  disposti più o meno come sono nella città), usata dal report quando manca \`quartieri.geojson\`.
- \`catalogo/\`: i sei cantieri del progetto con i titoli dei loro capitoli, enti (capofila,
  partner e rete del progetto), servizi di ciascun cantiere, impegni. \`catalogo/indicatori.json\`
  e \`bilancio.config.json\` sono scritti a mano, non generati.
- \`dati/<anno>/\`: i file del Comune: popolazione per quartiere, sesso, età e cittadinanza,
  famiglie, movimento demografico, servizi comunali (nidi, assistenza domiciliare), questionario
  ai cittadini, voci della comunità, avanzamento degli impegni.
- \`contributi/<ente>/<anno>/\`: i file inviati dai partner, con il loro \`manifest.json\`,
  così come arrivano davvero: CSV da Excel (punto e virgola, decimali con la virgola,
  Windows-1252, nomi dei quartieri scritti a mano) oppure JSON.

## I dati sono sintetici

Nomi dei quartieri, enti e servizi sono reali; **i numeri no**. Sono generati con un seme fisso
e calibrati sui totali ISTAT del Comune di Brescia al 31 dicembre 2023 e 2024:

- popolazione totale (198.259 e 199.853), classi 0-14, 15-24, 25-49, 50-64 e 65+,
  e per sesso le classi da 15 anni in su (Censimento permanente);
- stranieri residenti 2023: 37.478 (18,9%); il 2024 (38.406) è una stima;
- famiglie (96.609 e 97.803) e famiglie di una persona (45.215 e 46.329);
- nati e morti (1.418 e 2.252; 1.339 e 2.171), iscritti e cancellati dal bilancio demografico.

La distribuzione per quartiere, l'età singola, le famiglie per quartiere, i servizi, il
questionario, le voci e gli impegni sono inventati in modo plausibile: non descrivono le persone
reali di nessun quartiere e non vanno citati come dati.

## Rigenerare

\`\`\`
npm run sample            # riscrive data/brescia (seme ${seed})
npm run sample -- /tmp/x  # in un'altra cartella
\`\`\`

Non modificare questi file a mano: un test verifica che coincidano con quelli generati.
`;
}
