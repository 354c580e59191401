import type { ValidatedProject } from '../types.js';
import { roundHalfAwayFromZero } from './rounding.js';

// The project's commitments (catalogo/impegni.csv) with their progress in the report year and the year
// compared (dati/<anno>/impegni.csv), and the counts by status and mean progress that the report prints.

/** The states of a commitment, in the order the report's tables give them. */
export const COMMITMENT_STATES = ['non_avviato', 'in_corso', 'completato', 'sospeso'] as const;

/** One commitment with where it applies, its progress this and last year, and its indicator. */
export interface Commitment {
  codice: string;
  cantiere: string;
  descrizione: string;
  /** The commitment in English (catalogue's descrizione_en), null when not given. */
  descrizioneEn: string | null;
  /** A quartiere's commitment belongs to its zona too. */
  zona: string | null;
  quartiere: string | null;
  indicatore: string | null;
  obiettivo: number | null;
  scadenza: string | null;
  stato: string | null;
  /** Percent, in the report year. */
  avanzamento: number | null;
  avanzamentoPrima: number | null;
  /** avanzamento − avanzamentoPrima, in percentage points, when both are known. */
  variazione: number | null;
  nota: string;
}

/** Commitments of a group (a cantiere, a zona, the whole city, all): how many, by state, mean progress. */
export interface CommitmentSummary {
  /** A cantiere or zona code, `citta` (commitments of the whole city) or `totale`. */
  gruppo: string;
  impegni: number;
  perStato: Record<(typeof COMMITMENT_STATES)[number], number>;
  /** Mean of the progress given, in percent; null when none is given. */
  avanzamentoMedio: number | null;
}

export interface CommitmentsResult {
  anno: number;
  annoPrecedente: number | null;
  impegni: Commitment[];
  perCantiere: CommitmentSummary[];
  totale: CommitmentSummary;
  perZona: CommitmentSummary[];
  /** The commitments of the whole city (no zona or quartiere). */
  cittaIntera: CommitmentSummary;
}

const text = (v: unknown) => (v === null || v === undefined || v === '' ? null : String(v));

function summary(gruppo: string, group: Commitment[]): CommitmentSummary {
  const measured = group.filter((c) => c.avanzamento !== null);
  return {
    gruppo,
    impegni: group.length,
    perStato: Object.fromEntries(
      COMMITMENT_STATES.map((s) => [s, group.filter((c) => c.stato === s).length]),
    ) as CommitmentSummary['perStato'],
    avanzamentoMedio: measured.length ? measured.reduce((s, c) => s + c.avanzamento!, 0) / measured.length : null,
  };
}

/** The commitments in the report year `anno`, compared with `annoPrecedente`. */
export function computeCommitments(
  project: Pick<ValidatedProject, 'dati' | 'cataloghi' | 'territorio' | 'cantieri'>,
  anno: number,
  annoPrecedente: number | null,
): CommitmentsResult {
  const progress = (year: number | null) =>
    new Map((year === null ? [] : (project.dati.get(year)?.get('impegni') ?? [])).map((r) => [String(r.values.codice_impegno), r.values]));
  const now = progress(anno);
  const before = progress(annoPrecedente);
  // In the order the project declares its cantieri (validation keeps no commitment of an undeclared one).
  const declared = project.cantieri.map((c) => c.codice);
  const order = (c: string) => {
    const i = declared.indexOf(c);
    return i < 0 ? declared.length : i;
  };
  const impegni = (project.cataloghi.get('catalogo_impegni') ?? [])
    .map(({ values: c }): Commitment => {
      const p = now.get(String(c.codice_impegno));
      const q = before.get(String(c.codice_impegno));
      const quartiere = text(c.codice_quartiere);
      const avanzamento = p && typeof p.avanzamento_pct === 'number' ? p.avanzamento_pct : null;
      const avanzamentoPrima = q && typeof q.avanzamento_pct === 'number' ? q.avanzamento_pct : null;
      return {
        codice: String(c.codice_impegno),
        cantiere: String(c.cantiere),
        descrizione: String(c.descrizione),
        descrizioneEn: text(c.descrizione_en),
        zona:
          text(c.codice_zona) ??
          (quartiere ? (project.territorio.quartieri.find((x) => x.codice === quartiere)?.codiceZona ?? null) : null),
        quartiere,
        indicatore: text(c.indicatore),
        obiettivo: typeof c.obiettivo === 'number' ? c.obiettivo : null,
        scadenza: text(c.scadenza),
        stato: p ? text(p.stato) : null,
        avanzamento,
        avanzamentoPrima,
        variazione: avanzamento !== null && avanzamentoPrima !== null ? roundHalfAwayFromZero(avanzamento - avanzamentoPrima, 6) : null,
        nota: p?.nota ? String(p.nota) : '',
      };
    })
    .sort((a, b) => order(a.cantiere) - order(b.cantiere) || a.codice.localeCompare(b.codice));
  const cantieri = [...new Set(impegni.map((c) => c.cantiere))];
  return {
    anno,
    annoPrecedente,
    impegni,
    perCantiere: cantieri.map((k) =>
      summary(
        k,
        impegni.filter((c) => c.cantiere === k),
      ),
    ),
    totale: summary('totale', impegni),
    perZona: project.territorio.zone.map((z) =>
      summary(
        z.codice,
        impegni.filter((c) => c.zona === z.codice),
      ),
    ),
    cittaIntera: summary(
      'citta',
      impegni.filter((c) => c.zona === null),
    ),
  };
}
