import { csvCell } from './csv-cell.js';
import type { OpenTable } from './open-data-tables.js';
import type { TextFigures } from './text-figures.js';

// testi_cifre.csv: every live figure written in the project texts (testi/*.md), where it is written and
// what it says, beside the other open data. A withheld figure is an empty cell with soppresso = true.

const FIELDS: OpenTable['fields'] = [
  { name: 'file', type: 'string', description: 'Il testo del progetto in cui è scritta la cifra (testi/…).' },
  { name: 'riga', type: 'integer', description: 'La riga del testo.' },
  { name: 'colonna', type: 'integer', description: 'La colonna del testo.' },
  {
    name: 'funzione',
    type: 'string',
    constraints: { enum: ['valore', 'variazione', 'conteggio', 'posizione'] },
    description: "Che cosa dice: il valore dell'indicatore, la variazione sull'anno precedente, il numeratore, la posizione dell'area.",
  },
  { name: 'indicatore', type: 'string', description: "Identificativo dell'indicatore (vedi indicatori.csv)." },
  { name: 'anno', type: 'integer', description: 'Anno di riferimento.' },
  { name: 'livello', type: 'string', constraints: { enum: ['quartiere', 'zona', 'citta'] }, description: 'Livello territoriale.' },
  { name: 'codice', type: 'string', description: "Codice dell'area, come in indicatori.csv." },
  { name: 'nome', type: 'string', description: "Nome dell'area." },
  { name: 'valore', type: 'number', description: 'La cifra stampata nel testo; vuoto se omessa per riservatezza o non disponibile.' },
  { name: 'su', type: 'integer', description: 'Per la posizione: su quante aree dello stesso livello con un valore pubblicato.' },
  { name: 'soppresso', type: 'boolean', description: 'true se la cifra è omessa per riservatezza.' },
  { name: 'motivo', type: 'string', description: "Motivo dell'omissione." },
];

/** testi_cifre.csv: one row per figure written in a project text. */
export function textFiguresTable(figures: TextFigures): OpenTable {
  const lines = [FIELDS.map((f) => f.name).join(',')];
  for (const f of figures.written) {
    const row = [
      f.file,
      f.riga,
      f.colonna,
      f.funzione,
      f.indicatore,
      f.anno,
      f.livello,
      f.codice,
      f.nome,
      f.valore,
      f.su,
      f.soppresso,
      f.motivo,
    ];
    lines.push(row.map((cell) => csvCell(cell)).join(','));
  }
  return {
    name: 'testi_cifre',
    path: 'testi_cifre.csv',
    title: 'Le cifre dei testi',
    description:
      'Ogni cifra scritta nei testi del bilancio (lettera, identità, obiettivi…), con il testo, la riga e il valore: le stesse di indicatori.csv.',
    fields: FIELDS,
    primaryKey: ['file', 'riga', 'colonna'],
    csv: `${lines.join('\r\n')}\r\n`,
  };
}
