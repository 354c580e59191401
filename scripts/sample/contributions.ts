// contributi/<ente>/<anno>/: what the partners send, the way they send it. About half export
// from Excel in Italian (semicolons, `1.234,50`, Windows-1252, CRLF, quartiere written as a name);
// the others send UTF-8 JSON with the Comune's number or the ISTAT code of the quartiere.

import { at } from './apportion.js';
import { ANNI } from './istat.js';
import type { Erogazione } from './services.js';
import type { Random } from './prng.js';
import { QUARTIERI, varianti, type Quartiere } from './territory.js';
import { numeroIt, toCsv, toJson, windows1252, type Cella } from './writers.js';

type Scrittura = 'misto' | 'maiuscolo' | 'minuscolo';

/** How one partner writes its file. */
interface Formato {
  ente: string;
  file: 'csv' | 'json';
  /** How the quartiere is given: by name as typed, by the Comune's number, or by the ISTAT (ASC) code. */
  quartiere: 'nome' | 'numero' | 'asc';
  scrittura?: Scrittura;
  /** Names this partner always types the same way (the rest vary). */
  grafie?: Record<string, string>;
  referente: [string, string];
}

export const FORMATI: readonly Formato[] = [
  {
    ente: 'auser',
    file: 'csv',
    quartiere: 'nome',
    scrittura: 'misto',
    grafie: {
      "Sant'Eufemia": 'S. Eufemia',
      'Porta Cremona-Volta': 'Porta Cremona',
      'Villaggio Prealpino-Stocchetta': 'Villaggio Prealpino',
    },
    referente: ['Luisa Ferrari', 'l.ferrari'],
  },
  {
    ente: 'cob',
    file: 'csv',
    quartiere: 'nome',
    scrittura: 'maiuscolo',
    grafie: { "Sant'Eufemia": 'SANT EUFEMIA', 'Porta Cremona-Volta': 'PORTA CREMONA' },
    referente: ['Davide Gatti', 'segreteria'],
  },
  {
    ente: 'anffas',
    file: 'csv',
    quartiere: 'nome',
    scrittura: 'minuscolo',
    grafie: { Sanpolino: 'sanpolino', "Sant'Eustacchio": 'sant’eustacchio' },
    referente: ['Marta Rizzi', 'm.rizzi'],
  },
  { ente: 'acli', file: 'csv', quartiere: 'numero', referente: ['Roberto Pedretti', 'emporio'] },
  { ente: 'dignita_lavoro', file: 'csv', quartiere: 'asc', referente: ['Giulia Tonoli', 'sportello'] },
  { ente: 'colibri', file: 'json', quartiere: 'numero', referente: ['Chiara Bonetti', 'c.bonetti'] },
  { ente: 'calabrone', file: 'json', quartiere: 'asc', referente: ['Silvia Mor', 'officina'] },
  { ente: 'csv_brescia', file: 'json', quartiere: 'numero', referente: ['Paolo Bertoli', 'p.bertoli'] },
  { ente: 'fondazione_asm', file: 'json', quartiere: 'asc', referente: ['Anna Lazzari', 'progetti'] },
];

/** The one partner that sends after the 31 March deadline, per year of the data. */
export const IN_RITARDO: Record<number, { ente: string; inviato: string; nota: string }> = {
  2023: { ente: 'anffas', inviato: '2024-04-04', nota: 'Invio in ritardo: mancavano le presenze di dicembre di un centro.' },
  2024: { ente: 'cob', inviato: '2025-04-03', nota: 'Scusate il ritardo, abbiamo dovuto raccogliere i dati da tutti gli oratori.' },
};

/** The quartiere as this partner types it. */
function nomeScritto(q: Quartiere, formato: Formato, rng: Random): string {
  const fisso = formato.grafie?.[q.nome];
  if (fisso) return fisso;
  let nome = rng.pick([q.nome, q.nome, ...varianti(q)]);
  if (formato.scrittura === 'maiuscolo') nome = nome.toUpperCase().replace(/'/g, ' ');
  if (formato.scrittura === 'minuscolo') nome = nome.toLowerCase();
  if (formato.scrittura !== 'maiuscolo' && rng.chance(0.3)) nome = nome.replace(/'/g, '’'); // Word/Excel autocorrect
  return nome;
}

function codiceQuartiere(r: Erogazione, formato: Formato, rng: Random): string {
  if (r.quartiere === 'ND') return 'ND';
  const q = at(QUARTIERI, r.quartiere);
  if (formato.quartiere === 'nome') return nomeScritto(q, formato, rng);
  return formato.quartiere === 'numero' ? String(q.numero) : q.codice;
}

const COLONNE = ['utenti', 'posti', 'ore', 'volontari', 'domande', 'listaAttesa', 'nuoviUtenti', 'utentiNeet', 'spesa'] as const;
const INTESTAZIONE: Record<(typeof COLONNE)[number], string> = {
  utenti: 'utenti',
  domande: 'domande',
  listaAttesa: 'lista_attesa',
  nuoviUtenti: 'nuovi_utenti',
  utentiNeet: 'utenti_neet',
  posti: 'posti',
  ore: 'ore',
  volontari: 'volontari',
  spesa: 'spesa_euro',
};

function datiFile(formato: Formato, anno: number, righe: readonly Erogazione[], rng: Random): string | Uint8Array {
  const colonne = COLONNE.filter((c) => righe.some((r) => r[c] !== undefined));
  const chiave = formato.quartiere === 'nome' ? 'quartiere' : 'codice_quartiere';
  const header = ['anno', chiave, 'codice_servizio', 'codice_ente', ...colonne.map((c) => INTESTAZIONE[c])];
  if (formato.file === 'json') {
    return toJson(
      righe.map((r) => {
        const obj: Record<string, string | number> = {
          anno,
          [chiave]: codiceQuartiere(r, formato, rng),
          codice_servizio: r.servizio,
          codice_ente: r.ente,
        };
        for (const c of colonne) {
          const v = r[c];
          if (v !== undefined) obj[INTESTAZIONE[c]] = v;
        }
        return obj;
      }),
    );
  }
  const rows = righe.map((r): Cella[] => [
    anno,
    codiceQuartiere(r, formato, rng),
    r.servizio,
    r.ente,
    ...colonne.map((c) => {
      const v = r[c];
      if (v === undefined) return '';
      if (c === 'spesa') return numeroIt(v, 2);
      if (c === 'ore') return numeroIt(v, 1);
      return v;
    }),
  ]);
  return windows1252(toCsv(header, rows, { delimiter: ';', eol: '\r\n' }));
}

/** Date of sending: on time between mid-February and 31 March, or the late partner's date. */
function inviatoIl(ente: string, anno: number, rng: Random): string {
  const late = IN_RITARDO[anno];
  if (late?.ente === ente) return late.inviato;
  const giorno = rng.int(0, 47); // 12 February .. 31 March
  const d = new Date(Date.UTC(anno + 1, 1, 12 + giorno));
  return d.toISOString().slice(0, 10);
}

/** Every file under contributi/, keyed by its path in the project. */
export function contributi(righe: readonly Erogazione[], rng: Random): Map<string, string | Uint8Array> {
  const files = new Map<string, string | Uint8Array>();
  for (const formato of FORMATI) {
    const r = rng.fork(formato.ente);
    for (const anno of ANNI) {
      const proprie = righe.filter((x) => x.ente === formato.ente && x.anno === anno);
      const nome = `erogazioni_${formato.ente}.${formato.file}`;
      const dir = `contributi/${formato.ente}/${anno}`;
      files.set(`${dir}/${nome}`, datiFile(formato, anno, proprie, r));
      const [referente, casella] = formato.referente;
      const late = IN_RITARDO[anno];
      files.set(
        `${dir}/manifest.json`,
        toJson({
          ente: formato.ente,
          anno,
          referente,
          email: `${casella}@${formato.ente.replace(/_/g, '-')}.example.org`,
          inviato_il: inviatoIl(formato.ente, anno, r),
          file: [nome],
          ...(late?.ente === formato.ente ? { note: late.nota } : {}),
        }),
      );
    }
  }
  return files;
}

/** dati/<anno>/erogazioni_comune.csv: the Comune's own services, in its plain UTF-8 export. */
export function erogazioniComuneCsv(anno: number, righe: readonly Erogazione[]): string {
  const proprie = righe.filter((r) => r.ente === 'comune' && r.anno === anno);
  return toCsv(
    [
      'anno',
      'codice_quartiere',
      'codice_servizio',
      'codice_ente',
      'utenti',
      'posti',
      'ore',
      'spesa_euro',
      'domande',
      'lista_attesa',
      'nuovi_utenti',
    ],
    proprie.map((r) => [
      anno,
      r.quartiere === 'ND' ? 'ND' : at(QUARTIERI, r.quartiere).codice,
      r.servizio,
      r.ente,
      r.utenti,
      r.posti,
      r.ore?.toFixed(1),
      r.spesa?.toFixed(2),
      r.domande,
      r.listaAttesa,
      r.nuoviUtenti,
    ]),
  );
}
