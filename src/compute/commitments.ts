import type { ValidatedProject } from '../types.js';
import { roundHalfAwayFromZero } from './rounding.js';

// The project's commitments (catalogo/impegni.csv) with their progress in the report year and the year
// compared (dati/<anno>/impegni.csv); how each stands against its deadline at the report's reference date
// (31 December of the report year), the counts the report prints, and the commitments due the year after.

/** The states of a commitment, as the yearly files write them. */
export const COMMITMENT_STATES = ['non_avviato', 'in_corso', 'completato', 'sospeso'] as const;

/**
 * How a commitment stands at the reference date, in the order the report's tables give them: done; late (its
 * deadline is on or before the reference date and it is not done, whatever its state); else on time (in
 * progress), not started, suspended, or not reported (no row in the year's impegni file).
 */
export const ANDAMENTI = ['completato', 'nei_tempi', 'in_ritardo', 'non_avviato', 'sospeso', 'non_rilevato'] as const;

export type Andamento = (typeof ANDAMENTI)[number];

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
  /** How it stands at the reference date (see ANDAMENTI). */
  andamento: Andamento;
}

/** Commitments of a group (a cantiere, a zona, the whole city, all): how many, by state and by how they stand. */
export interface CommitmentSummary {
  /** A cantiere or zona code, `citta` (commitments of the whole city) or `totale`. */
  gruppo: string;
  impegni: number;
  perStato: Record<(typeof COMMITMENT_STATES)[number], number>;
  /** Counts, not a mean of percentages: a late commitment at 80% is still late. */
  perAndamento: Record<Andamento, number>;
}

export interface CommitmentsResult {
  anno: number;
  annoPrecedente: number | null;
  /** The date the deadlines are measured against: 31 December of the report year (ISO date). */
  dataRiferimento: string;
  impegni: Commitment[];
  /** How many commitments are late at the reference date (for the report's summary). */
  inRitardo: number;
  /** The commitments due in the year after the report year, in the report's order: next year's targets. */
  annoSuccessivo: { anno: number; impegni: Commitment[] };
  perCantiere: CommitmentSummary[];
  totale: CommitmentSummary;
  perZona: CommitmentSummary[];
  /** The commitments of the whole city (no zona or quartiere). */
  cittaIntera: CommitmentSummary;
}

const text = (v: unknown) => (v === null || v === undefined || v === '' ? null : String(v));

function summary(gruppo: string, group: Commitment[]): CommitmentSummary {
  return {
    gruppo,
    impegni: group.length,
    perStato: Object.fromEntries(
      COMMITMENT_STATES.map((s) => [s, group.filter((c) => c.stato === s).length]),
    ) as CommitmentSummary['perStato'],
    perAndamento: Object.fromEntries(
      ANDAMENTI.map((a) => [a, group.filter((c) => c.andamento === a).length]),
    ) as CommitmentSummary['perAndamento'],
  };
}

/** How a commitment in state `stato` with deadline `scadenza` stands at `riferimento` (ISO dates compare as text). */
export function andamentoOf(stato: string | null, scadenza: string | null, riferimento: string): Andamento {
  if (stato === 'completato') return 'completato';
  if (scadenza !== null && scadenza <= riferimento) return 'in_ritardo';
  if (stato === 'in_corso') return 'nei_tempi';
  if (stato === 'non_avviato' || stato === 'sospeso') return stato;
  return 'non_rilevato';
}

/** The commitments in the report year `anno`, compared with `annoPrecedente`. */
export function computeCommitments(
  project: Pick<ValidatedProject, 'dati' | 'cataloghi' | 'territorio' | 'cantieri'>,
  anno: number,
  annoPrecedente: number | null,
): CommitmentsResult {
  const progress = (year: number | null) =>
    new Map((year === null ? [] : (project.dati.get(year)?.get('impegni') ?? [])).map((r) => [String(r.values.codice_impegno), r.values]));
  const dataRiferimento = `${anno}-12-31`;
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
      const stato = p ? text(p.stato) : null;
      const scadenza = text(c.scadenza);
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
        scadenza,
        stato,
        avanzamento,
        avanzamentoPrima,
        variazione: avanzamento !== null && avanzamentoPrima !== null ? roundHalfAwayFromZero(avanzamento - avanzamentoPrima, 6) : null,
        nota: p?.nota ? String(p.nota) : '',
        andamento: andamentoOf(stato, scadenza, dataRiferimento),
      };
    })
    .sort((a, b) => order(a.cantiere) - order(b.cantiere) || a.codice.localeCompare(b.codice));
  const cantieri = [...new Set(impegni.map((c) => c.cantiere))];
  return {
    anno,
    annoPrecedente,
    dataRiferimento,
    impegni,
    inRitardo: impegni.filter((c) => c.andamento === 'in_ritardo').length,
    annoSuccessivo: { anno: anno + 1, impegni: impegni.filter((c) => c.scadenza?.startsWith(`${anno + 1}-`)) },
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
