import type { Lang } from '../types.js';
import { t, type Bilingual } from '../i18n.js';
import type { Puntualita, SubmissionCell } from '../compute/submissions.js';
import { formatNumber } from './format.js';

/** Texts of the participation pages and commands, in both languages. */
export const P = {
  ricevuto: { it: 'ricevuto', en: 'received' },
  mancante: { it: 'mancante', en: 'missing' },
  nonAtteso: { it: 'non atteso', en: 'not expected' },
  valido: { it: 'valido', en: 'valid' },
  conErrori: { it: '{n} errori', en: '{n} errors' },
  unErrore: { it: '1 errore', en: '1 error' },
  righe: { it: '{n} righe usate', en: '{n} rows used' },
  nei_tempi: { it: 'nei tempi', en: 'on time' },
  in_ritardo: { it: 'in ritardo', en: 'late' },
  senza_scadenza: { it: 'senza scadenza', en: 'no deadline' },
  senza_data: { it: 'data di invio non indicata', en: 'sending date not given' },
  non_applicabile: { it: 'dati del Comune', en: 'Comune data' },
  titoloGriglia: { it: 'Contributi attesi e ricevuti', en: 'Expected and received submissions' },
  scadenza: { it: 'dati {anno} entro il {data}', en: '{anno} data by {data}' },
  nessunaScadenza: {
    it: 'nessuna scadenza in bilancio.config.json (scadenza_contributi)',
    en: 'no deadline in bilancio.config.json (scadenza_contributi)',
  },
  riepilogo: {
    it: 'Riepilogo: {attesi} invii attesi, {ricevuti} ricevuti, {mancanti} mancanti, {inRitardo} in ritardo, {conErrori} con errori, {nonAttesi} non attesi.',
    en: 'Summary: {attesi} expected submissions, {ricevuti} received, {mancanti} missing, {inRitardo} late, {conErrori} with errors, {nonAttesi} not expected.',
  },
  ente: { it: 'Ente', en: 'Organisation' },
  dataset: { it: 'Dataset', en: 'Dataset' },
  quartiere: { it: 'Quartiere', en: 'Quartiere' },
  zona: { it: 'Zona', en: 'Zone' },
  serviziQuartiere: {
    it: 'Servizi con dati per quartiere, {anno} (● righe presenti, · nessuna riga)',
    en: 'Services with data by quartiere, {anno} (● rows present, · no rows)',
  },
  nd: { it: 'Quartiere non indicato (ND)', en: 'Quartiere not given (ND)' },
} satisfies Record<string, Bilingual>;

/** A short date as people write it in a table: 04/04/2024. */
export function shortDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** The timeliness of a cell in words, with the date for late ones. */
export function timelinessText(lang: Lang, p: Puntualita, inviatoIl: string | null): string {
  const word = t(lang, P[p]);
  return p === 'in_ritardo' && inviatoIl ? `${word} (${shortDate(inviatoIl)})` : word;
}

/** One grid cell in a few words: status, timeliness, validity, rows used. */
export function cellText(lang: Lang, cell: SubmissionCell): string {
  const parts: string[] = [];
  if (cell.stato === 'mancante') {
    parts.push(t(lang, cell.atteso ? P.mancante : P.nonAtteso));
  } else {
    parts.push(cell.atteso ? t(lang, P.ricevuto) : `${t(lang, P.ricevuto)} (${t(lang, P.nonAtteso)})`);
    if (cell.puntualita) parts.push(timelinessText(lang, cell.puntualita, cell.inviatoIl));
  }
  if (cell.esito === 'valido') parts.push(t(lang, P.valido));
  if (cell.esito === 'con_errori') parts.push(cell.errori === 1 ? t(lang, P.unErrore) : t(lang, P.conErrori, { n: cell.errori }));
  if (cell.stato === 'ricevuto') parts.push(t(lang, P.righe, { n: formatNumber(cell.righeUsate, lang) }));
  return parts.join(', ');
}

/** True when the cell needs someone's attention: missing, late or with errors. */
export function needsAttention(cell: SubmissionCell): boolean {
  return (cell.atteso && cell.stato === 'mancante') || cell.puntualita === 'in_ritardo' || cell.esito === 'con_errori';
}
