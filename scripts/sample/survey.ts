// dati/<anno>/domande.csv and questionario.csv: the participatory survey, about 1,500 respondents
// a year in long format, unevenly spread so that a few small quartieri have fewer than ten.

import { apportion, at } from './apportion.js';
import { conta, fascia, type Popolazione } from './population.js';
import type { Random } from './prng.js';
import { indici, QUARTIERI } from './territory.js';
import { toCsv } from './writers.js';

type Dimensione = 'coesione' | 'accesso_servizi' | 'sicurezza' | 'partecipazione';

/** The dimensions' names in English (domande.csv, dimensione_en). */
const DIMENSIONI_EN: Record<Dimensione, string> = {
  coesione: 'Cohesion',
  accesso_servizi: 'Access to services',
  sicurezza: 'Safety',
  partecipazione: 'Participation',
};

export const DOMANDE: readonly { codice: string; testo: string; dimensione: Dimensione; testoEn: string }[] = [
  {
    codice: 'D01',
    testo: 'Nel mio quartiere le persone si aiutano a vicenda',
    dimensione: 'coesione',
    testoEn: 'In my quartiere people help one another',
  },
  {
    codice: 'D02',
    testo: 'Mi sento parte della comunità del mio quartiere',
    dimensione: 'coesione',
    testoEn: 'I feel part of the community of my quartiere',
  },
  {
    codice: 'D03',
    testo: 'Se ho bisogno, conosco almeno un vicino a cui chiedere aiuto',
    dimensione: 'coesione',
    testoEn: 'If I need it, I know at least one neighbour I can ask for help',
  },
  {
    codice: 'D04',
    testo: 'So a chi rivolgermi quando ho bisogno di un servizio sociale',
    dimensione: 'accesso_servizi',
    testoEn: 'I know whom to turn to when I need a social service',
  },
  {
    codice: 'D05',
    testo: 'I servizi per famiglie e bambini sono facili da raggiungere',
    dimensione: 'accesso_servizi',
    testoEn: 'Services for families and children are easy to reach',
  },
  {
    codice: 'D06',
    testo: "Gli anziani del quartiere ricevono l'aiuto di cui hanno bisogno",
    dimensione: 'accesso_servizi',
    testoEn: 'Older people in the quartiere get the help they need',
  },
  {
    codice: 'D07',
    testo: 'Mi sento sicuro/a a camminare da solo/a nel quartiere la sera',
    dimensione: 'sicurezza',
    testoEn: 'I feel safe walking alone in the quartiere in the evening',
  },
  {
    codice: 'D08',
    testo: 'Gli spazi pubblici del quartiere (parchi, piazze, marciapiedi) sono curati',
    dimensione: 'sicurezza',
    testoEn: 'The public spaces of the quartiere (parks, squares, pavements) are well kept',
  },
  {
    codice: 'D09',
    testo: "Nell'ultimo anno ho partecipato a un'iniziativa del mio quartiere",
    dimensione: 'partecipazione',
    testoEn: 'In the last year I took part in an initiative of my quartiere',
  },
  {
    codice: 'D10',
    testo: 'Posso influire sulle decisioni che riguardano il mio quartiere',
    dimensione: 'partecipazione',
    testoEn: 'I can influence decisions about my quartiere',
  },
];

/** dati/<anno>/domande.csv (the same questions both years). */
export function domandeCsv(): string {
  return toCsv(
    // The English twins last: the columns the project and tests know keep their letters.
    ['codice_domanda', 'testo', 'dimensione', 'testo_en', 'dimensione_en'],
    DOMANDE.map((d) => [d.codice, d.testo, d.dimensione, d.testoEn, DIMENSIONI_EN[d.dimensione]]),
  );
}

const FASCE = [
  { fascia: '18-29', da: 18, a: 29, adesione: 0.7 },
  { fascia: '30-44', da: 30, a: 44, adesione: 1 },
  { fascia: '45-64', da: 45, a: 64, adesione: 1.3 },
  { fascia: '65-74', da: 65, a: 74, adesione: 1.35 },
  { fascia: '75+', da: 75, a: 100, adesione: 0.6 },
] as const;

const MEDIA: Record<Dimensione, number> = { coesione: 3.3, accesso_servizi: 3.0, sicurezza: 3.1, partecipazione: 2.6 };
const RISPONDENTI: Record<number, number> = { 2023: 1487, 2024: 1534 };
// Where almost nobody answered: the report must not show these quartieri on their own.
const POCHI = ['Caionvico', 'Folzano', 'Casazza'];
const PUNTI_COMUNITA = [
  "Sant'Eufemia",
  'San Polo Case',
  'San Polo Cimabue',
  'Sanpolino',
  'Lamarmora',
  'Don Bosco',
  'Porta Cremona-Volta',
  'Chiesanuova',
  'Chiusure',
  'Primo Maggio',
  'Fiumicello',
  'Villaggio Violino',
  'Urago Mella',
];
const LONTANI = ['Folzano', 'Caionvico', 'Buffalora-Bettole', 'Fornaci'];

/** Each quartiere's own leaning on each dimension, fixed across years. */
export function effettiQuartiere(rng: Random): Record<Dimensione, number>[] {
  const punti = indici(PUNTI_COMUNITA);
  const lontani = indici(LONTANI);
  return QUARTIERI.map((_, qi) => ({
    coesione: 0.25 * rng.normal() + (punti.has(qi) ? 0.2 : 0),
    accesso_servizi: 0.2 * rng.normal() + (lontani.has(qi) ? -0.35 : 0),
    sicurezza: 0.25 * rng.normal(),
    partecipazione: 0.2 * rng.normal() + (punti.has(qi) ? 0.25 : 0),
  }));
}

/** dati/<anno>/questionario.csv: one row per respondent and question. */
export function questionarioCsv(pop: Popolazione, effetti: readonly Record<Dimensione, number>[], rng: Random): string {
  const anno = pop.anno;
  const pochi = indici(POCHI);
  const punti = indici(PUNTI_COMUNITA);
  const perQuartiere = QUARTIERI.map((_, qi) => (pochi.has(qi) ? rng.int(3, 9) : 0));
  const resto = (RISPONDENTI[anno] ?? 1500) - perQuartiere.reduce((a, b) => a + b, 0);
  const pesi = QUARTIERI.map((_, qi) => (pochi.has(qi) ? 0 : fascia(pop, qi, 18) * (punti.has(qi) ? 1.4 : 1) * rng.noise(0.25)));
  apportion(resto, pesi).forEach((n, qi) => (perQuartiere[qi] = at(perQuartiere, qi) + n));

  const rows: (string | number | null)[][] = [];
  let id = 0;
  perQuartiere.forEach((n, qi) => {
    const q = at(QUARTIERI, qi);
    const pesiFascia = FASCE.map((f) => conta(pop, qi, (_s, eta) => eta >= f.da && eta <= f.a) * f.adesione);
    for (let i = 0; i < n; i++) {
      id++;
      const f = at(FASCE, rng.weighted(pesiFascia));
      const persona = 0.5 * rng.normal();
      for (const d of DOMANDE) {
        const eta = f.fascia === '75+' ? 0.05 : 0;
        if (rng.chance(0.035 + eta + (d.codice === 'D10' ? 0.04 : 0))) {
          rows.push([`R${anno}-${String(id).padStart(4, '0')}`, anno, q.codice, f.fascia, d.codice, null]);
          continue;
        }
        // 2024: a little better on cohesion and participation where the Punti comunità work.
        const progresso = anno === 2024 && punti.has(qi) && (d.dimensione === 'coesione' || d.dimensione === 'partecipazione') ? 0.12 : 0;
        const anziani = f.fascia === '75+' || f.fascia === '65-74' ? (d.dimensione === 'sicurezza' ? -0.2 : 0.1) : 0;
        const latente = MEDIA[d.dimensione] + at(effetti, qi)[d.dimensione] + progresso + anziani + persona + 0.75 * rng.normal();
        rows.push([
          `R${anno}-${String(id).padStart(4, '0')}`,
          anno,
          q.codice,
          f.fascia,
          d.codice,
          Math.min(5, Math.max(1, Math.round(latente))),
        ]);
      }
    }
  });
  return toCsv(['id_risposta', 'anno', 'codice_quartiere', 'fascia_eta', 'codice_domanda', 'valore'], rows);
}
