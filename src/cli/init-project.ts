// The files of a new bilancio project (`bilancio init`): a complete project that validates and builds at
// once, naming the comune it is for and nothing of any other. Pure: the folder is written by the command.
// The files are in Italian, the language of the data contract (docs/contratto-dati.md).
import { STARTER_AGENZIE } from './init-agenzie.js';

import { starterTexts } from './init-texts.js';

/** One area of the territory (a quartiere, in the data contract's words) and its zone. */
export interface InitArea {
  codice: string;
  nome: string;
  codiceZona: string;
  zona: string;
}

export interface InitOptions {
  /** "Comune di Prova". */
  comune: string;
  anno: number;
  areas: InitArea[];
  /** The user's territory file (--territorio) as given, kept with its extension (`.csv`, `.xlsx` …), or null to write the areas. */
  territoryFile: { extension: string; bytes: Uint8Array } | null;
  /** The standard indicator catalogue (demographic indicators and coverage per service). */
  indicators: unknown[];
}

/** The code and name of the example partner, in enti.csv and contributi/. */
export const EXAMPLE_PARTNER = 'partner_esempio';

/** "Comune di Prova" → "Prova": the city's name for the config's `citta`. */
export function cityOf(comune: string): string {
  const match = /^\s*comune\s+d[i'’]\s*(.+)$/i.exec(comune);
  return (match?.[1] ?? comune).trim();
}

/** 1 → a, 26 → z, 27 → aa: zone codes are lowercase letters and `_` (quartieri.schema.json). */
function letters(n: number): string {
  let text = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) text = String.fromCharCode(97 + ((k - 1) % 26)) + text;
  return text;
}

/** Placeholder areas: "Area 1" … "Area N", three to a zone. */
export function placeholderAreas(n: number): InitArea[] {
  const perZone = n <= 3 ? n : 3;
  return Array.from({ length: n }, (_, i) => {
    const z = Math.floor(i / perZone) + 1;
    return { codice: `A${String(i + 1).padStart(2, '0')}`, nome: `Area ${i + 1}`, codiceZona: `zona_${letters(z)}`, zona: `Zona ${z}` };
  });
}

/** A CSV cell, quoted when it holds a separator, a quote or a line break. */
function cell(value: string | number): string {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csv(header: string[], rows: (string | number)[][]): string {
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\n') + '\n';
}

// The areas of work (cantieri) a comune starts from, declared in catalogo/cantieri.csv: it renames them, adds
// or removes some; a cantiere with nothing to show gets no chapter.
const CANTIERI: { codice: string; titolo: string; titoloEn: string }[] = [
  { codice: 'comunita', titolo: 'Comunità e partecipazione', titoloEn: 'Community and participation' },
  { codice: 'prima_infanzia', titolo: 'Prima infanzia', titoloEn: 'Early childhood' },
  { codice: 'giovani', titolo: 'Giovani', titoloEn: 'Young people' },
  { codice: 'progetti', titolo: 'Progetti con la comunità', titoloEn: 'Projects with the community' },
  { codice: 'poverta_lavoro', titolo: 'Povertà e lavoro', titoloEn: 'Poverty and work' },
  { codice: 'anziani_disabili', titolo: 'Anziani e persone con disabilità', titoloEn: 'Older people and people with disabilities' },
];

// The services a comune starts from, one per cantiere; the comune delivers them, the example partner the last one.
const SERVICES: { codice: string; nome: string; cantiere: string; target: string; unita: string; partner?: boolean }[] = [
  { codice: 'PUNTI_COMUNITA', nome: 'Punti di comunità', cantiere: 'comunita', target: 'tutti', unita: 'utenti' },
  { codice: 'NIDO', nome: "Nidi d'infanzia", cantiere: 'prima_infanzia', target: 'eta:0-2', unita: 'posti' },
  { codice: 'CENTRO_GIOVANI', nome: 'Centri di aggregazione giovanile', cantiere: 'giovani', target: 'eta:14-29', unita: 'utenti' },
  { codice: 'PROGETTI_COMUNITA', nome: 'Progetti di comunità', cantiere: 'progetti', target: 'tutti', unita: 'interventi' },
  { codice: 'SEGRETARIATO_SOCIALE', nome: 'Segretariato sociale', cantiere: 'poverta_lavoro', target: 'tutti', unita: 'utenti' },
  { codice: 'SAD', nome: 'Servizio di assistenza domiciliare', cantiere: 'anziani_disabili', target: 'eta:65+', unita: 'utenti' },
  {
    codice: 'COMPAGNIA_ANZIANI',
    nome: 'Compagnia e trasporto anziani',
    cantiere: 'anziani_disabili',
    target: 'eta:75+',
    unita: 'utenti',
    partner: true,
  },
];

/** A small deterministic sequence (the same project every time): 0 ≤ value < 1. */
function sequence(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Residents by age of a sample area: fewer with age after 55, a few centenarians; at least 3 in every cell. */
function residentsAt(age: number, size: number, random: () => number): number {
  const shape = age < 55 ? 1 : Math.max(0.08, 1 - (age - 55) / 42);
  return Math.max(3, Math.round(size * shape * (0.85 + 0.3 * random())));
}

/** The sample data of one year, enough for a first build: population, households, movement, services. */
function sampleData(options: InitOptions): Record<string, string> {
  const { anno, areas } = options;
  const random = sequence(anno * 7919 + areas.length);
  const population: (string | number)[][] = [];
  const byArea = new Map<string, { total: number; ages: number[] }>();
  for (const area of areas) {
    const size = 9 + Math.floor(random() * 8);
    const ages = new Array<number>(101).fill(0);
    for (const sesso of ['M', 'F']) {
      for (let eta = 0; eta <= 100; eta++) {
        const ita = residentsAt(eta, size, random);
        const str = Math.max(3, Math.round(ita * 0.15));
        population.push([anno, area.codice, sesso, eta, 'ITA', ita], [anno, area.codice, sesso, eta, 'STR', str]);
        ages[eta]! += ita + str;
      }
    }
    byArea.set(area.codice, { total: ages.reduce((a, b) => a + b, 0), ages });
  }
  const between = (codice: string, min: number, max: number) =>
    byArea
      .get(codice)!
      .ages.slice(min, max + 1)
      .reduce((a, b) => a + b, 0);
  const households = areas.map((a) => {
    const total = byArea.get(a.codice)!.total;
    const famiglie = Math.round(total / 2.2);
    return [anno, a.codice, famiglie, Math.round(famiglie * 0.38), Math.round(between(a.codice, 75, 100) * 0.3)];
  });
  const movement = areas.map((a) => {
    const total = byArea.get(a.codice)!.total;
    return [
      anno,
      a.codice,
      Math.max(3, Math.round(total * 0.007)),
      Math.max(3, Math.round(total * 0.011)),
      Math.round(total * 0.03),
      Math.round(total * 0.028),
    ];
  });
  const served = (partner: boolean) =>
    areas.flatMap((a) =>
      SERVICES.filter((s) => !!s.partner === partner).map((s) => {
        const ages = /^eta:(\d+)(?:-(\d+)|\+)$/.exec(s.target);
        const target = ages ? between(a.codice, Number(ages[1]), ages[2] ? Number(ages[2]) : 100) : byArea.get(a.codice)!.total;
        const share = s.unita === 'posti' ? 0.3 : s.target === 'tutti' ? 0.04 : 0.08;
        const count = Math.max(3, Math.min(target, Math.round(target * share)));
        return [anno, a.codice, s.codice, partner ? EXAMPLE_PARTNER : 'comune', count, 3 + Math.floor(random() * 5), 1000 * count];
      }),
    );
  const erogazioniHeader = ['anno', 'codice_quartiere', 'codice_servizio', 'codice_ente', 'utenti', 'volontari', 'spesa_euro'];
  return {
    [`dati/${anno}/popolazione.csv`]: csv(['anno', 'codice_quartiere', 'sesso', 'eta', 'cittadinanza', 'residenti'], population),
    [`dati/${anno}/famiglie.csv`]: csv(['anno', 'codice_quartiere', 'famiglie', 'famiglie_unipersonali', 'anziani_soli_75'], households),
    [`dati/${anno}/movimento.csv`]: csv(['anno', 'codice_quartiere', 'nati', 'morti', 'iscritti', 'cancellati'], movement),
    [`dati/${anno}/erogazioni_comune.csv`]: csv(erogazioniHeader, served(false)),
    [`contributi/${EXAMPLE_PARTNER}/${anno}/erogazioni_${EXAMPLE_PARTNER}.csv`]: csv(erogazioniHeader, served(true)),
  };
}

/** Tiles in rows as square as the areas allow, in the order of the territory. */
function tileMap(areas: InitArea[]): string {
  const columns = Math.max(1, Math.ceil(Math.sqrt(areas.length)));
  return csv(
    ['codice_quartiere', 'riga', 'colonna'],
    areas.map((a, i) => [a.codice, Math.floor(i / columns), i % columns]),
  );
}

function readme(options: InitOptions, city: string): string {
  const { comune, anno } = options;
  return `# ${comune}: Bilancio sociale partecipativo

Questa cartella è il progetto di **bilancio** del ${comune}, creato con \`bilancio init\`. Si costruisce
subito, da questa cartella:

\`\`\`sh
npx bilancio validate     # i controlli: file, riga e colonna di ogni problema
npx bilancio build        # il report (out/report.pdf, out/report.html) e i dati aperti
\`\`\`

**I dati in \`dati/${anno}/\` e in \`contributi/\` sono di esempio, inventati**: servono solo a vedere il
report. Vanno sostituiti con quelli veri prima di pubblicare. Il formato di ogni file è descritto nel
contratto dei dati di bilancio (\`docs/contratto-dati.md\`).

## Che cosa riempire, nell'ordine

1. \`bilancio.config.json\`: titolo, sottotitolo, anno del report, scadenza dei contributi, data di
   pubblicazione.
2. \`territorio/quartieri.csv\`: le aree di ${city} (quartieri, circoscrizioni, frazioni) con la loro zona;
   poi \`territorio/mappa_tile.csv\`, la posizione di ciascuna sulla mappa a tessere (riga e colonna), oppure
   \`territorio/quartieri.geojson\` con i confini.
3. \`catalogo/enti.csv\`: il ${comune} è il capofila; aggiungere i partner e la rete, ciascuno con il suo
   compito nel progetto (\`compito\`, e \`compito_en\` per il report in inglese). Togliere
   \`${EXAMPLE_PARTNER}\`, che è solo un esempio. Poi \`catalogo/agenzie.csv\`: le agenzie strategiche del
   progetto, con l'ente che guida ciascuna (oggi tutte il ${comune}) e il suo compito; e, in
   \`bilancio.config.json\`, la \`missione\` e i \`valori\` del progetto, che ora sono solo segnaposto.
4. \`catalogo/cantieri.csv\`: gli ambiti di lavoro del progetto (i capitoli del report), con titolo e
   introduzione; poi \`catalogo/servizi.csv\`: i servizi per cantiere, con la popolazione di riferimento e l'ente (o gli enti,
   separati da \`;\`) che li erogano e ne mandano i dati.
5. \`catalogo/indicatori.json\`: gli indicatori demografici standard e una copertura per ogni servizio; si
   possono aggiungere indicatori senza scrivere codice.
6. \`testi/\`: le parole del bilancio scritte da persone, in Markdown: la lettera di presentazione, identità e
   valori, governance, obiettivi di miglioramento, come partecipare. In testa a ciascuno, dove va nel report;
   nel testo, cifre vive come \`{{ valore popolazione citta }}\`. \`npx bilancio anteprima\` mostra il report
   nel browser e lo aggiorna a ogni salvataggio. La traduzione inglese va in \`testi/en/\`.
7. \`catalogo/impegni.csv\`: che cosa il progetto promette, con l'indicatore che lo misura.
8. \`dati/${anno}/\`: popolazione (dall'Anagrafe), famiglie, movimento, erogazioni dei servizi comunali;
   se ci sono, questionario, domande, voci e stato degli impegni.
9. \`contributi/<ente>/${anno}/\`: i file di ogni partner con il suo \`manifest.json\` (vedi
   \`contributi/${EXAMPLE_PARTNER}/${anno}/\`). \`npx bilancio templates\` prepara i file vuoti da mandare ai
   partner; \`npx bilancio submissions\` dice chi ha inviato che cosa.
`;
}

/** Every file of the new project, by path relative to its folder. */
export function initProjectFiles(options: InitOptions): Record<string, string | Uint8Array> {
  const { comune, anno, areas } = options;
  const city = cityOf(comune);
  const config = {
    titolo: `Bilancio sociale partecipativo ${anno}`,
    sottotitolo: `${comune}: il welfare del comune, area per area`,
    ente: comune,
    citta: city,
    anno,
    lingua: 'it',
    // The names of the parts and of the whole: change them to quartiere, frazione, rione…, and città or paese.
    area: { singolare: 'area', plurale: 'aree', genere: 'f', singolare_en: 'area', plurale_en: 'areas' },
    intero: { nome: 'comune', genere: 'm', nome_en: 'municipality' },
    // The project's own words on itself, printed in the network chapter: placeholders to be rewritten.
    missione: {
      it: 'La missione del progetto, in una o due frasi (da scrivere).',
      en: "The project's mission, in a sentence or two (to be written).",
    },
    valori: [
      {
        valore: { it: 'Equità', en: 'Equity' },
        descrizione: { it: 'Che cosa vuol dire per il progetto (da scrivere).', en: 'What it means for the project (to be written).' },
      },
    ],
    soglia_riservatezza: 3,
    scadenza_contributi: { [String(anno)]: `${anno + 1}-03-31` },
  };
  const partnerService = SERVICES.find((s) => s.partner)!;
  return {
    'bilancio.config.json': `${JSON.stringify(config, null, 2)}\n`,
    'README.md': readme(options, city),
    ...(options.territoryFile
      ? { [`territorio/quartieri${options.territoryFile.extension}`]: options.territoryFile.bytes }
      : {
          'territorio/quartieri.csv': csv(
            ['codice_quartiere', 'quartiere', 'codice_zona', 'zona'],
            areas.map((a) => [a.codice, a.nome, a.codiceZona, a.zona]),
          ),
        }),
    'territorio/mappa_tile.csv': tileMap(areas),
    'catalogo/enti.csv': csv(
      ['codice_ente', 'nome', 'tipo', 'ruolo', 'compito', 'compito_en'],
      [
        [
          'comune',
          comune,
          'ente_pubblico',
          'capofila',
          'Guida il progetto e pubblica il bilancio sociale.',
          'Leads the project and publishes the social report.',
        ],
        [
          EXAMPLE_PARTNER,
          'Associazione di esempio (da sostituire)',
          'associazione',
          'partner',
          'Che cosa fa nel progetto (da scrivere).',
          'What it does in the project (to be written).',
        ],
      ],
    ),
    'catalogo/agenzie.csv': csv(
      ['codice_agenzia', 'nome', 'nome_en', 'ente_capofila', 'compito', 'compito_en', 'ordine'],
      STARTER_AGENZIE.map((a, i) => [a.codice, a.nome, a.nomeEn, 'comune', a.compito, a.compitoEn, i + 1]),
    ),
    'catalogo/cantieri.csv': csv(
      ['codice_cantiere', 'titolo', 'titolo_en', 'introduzione', 'introduzione_en', 'ordine'],
      CANTIERI.map((c, i) => [c.codice, c.titolo, c.titoloEn, '', '', i + 1]),
    ),
    'catalogo/servizi.csv': csv(
      ['codice_servizio', 'servizio', 'cantiere', 'target', 'unita', 'ente'],
      SERVICES.map((s) => [s.codice, s.nome, s.cantiere, s.target, s.unita, s.partner ? EXAMPLE_PARTNER : 'comune']),
    ),
    'catalogo/indicatori.json': `${JSON.stringify(options.indicators, null, 2)}\n`,
    'catalogo/impegni.csv': csv(
      ['codice_impegno', 'cantiere', 'descrizione', 'codice_zona', 'codice_quartiere', 'indicatore', 'obiettivo', 'scadenza'],
      [
        [
          'IMP01',
          'anziani_disabili',
          "Raggiungere con l'assistenza domiciliare almeno 3 residenti over 65 su 100",
          '',
          '',
          'copertura_SAD',
          3,
          `${anno + 1}-12-31`,
        ],
        [
          'IMP02',
          'prima_infanzia',
          'Portare i posti nido ad almeno 33 ogni 100 bambini di 0-2 anni',
          '',
          '',
          'copertura_NIDO',
          33,
          `${anno + 1}-12-31`,
        ],
      ],
    ),
    ...sampleData(options),
    ...starterTexts(
      new Set(options.indicators.map((i) => (i as { id?: unknown }).id).filter((id): id is string => typeof id === 'string')),
    ),
    [`contributi/${EXAMPLE_PARTNER}/${anno}/manifest.json`]: `${JSON.stringify(
      {
        ente: EXAMPLE_PARTNER,
        anno,
        referente: 'Nome Cognome',
        email: 'referente@example.org',
        inviato_il: `${anno + 1}-02-15`,
        file: [`erogazioni_${EXAMPLE_PARTNER}.csv`],
        note: `Contributo di esempio: i dati di ${partnerService.nome.toLowerCase()} vanno sostituiti con quelli veri.`,
      },
      null,
      2,
    )}\n`,
  };
}
