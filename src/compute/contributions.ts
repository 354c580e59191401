import type { ValidatedProject } from '../types.js';
import { cantiereCompleteness, computeSubmissionGrid, type SubmissionGrid } from './submissions.js';

// Who gave which data for the report year, as the report prints it: the submissions grid (computed
// once per build and written as contributi.json/html too), the partners' contributions, the credits
// and the completeness of each cantiere.

/** One partner's submission for the report year, as the network chapter lists it. */
export interface ContributionRow {
  ente: string;
  /** The names of its files. */
  file: string[];
  inviatoIl: string | null;
  inRitardo: boolean;
  /** Rows read from its files. */
  righe: number;
  errori: number;
}

/** An organisation credited for the data it gave in the report year. */
export interface CreditEntry {
  ente: string;
  nome: string;
  ruolo: string;
  datasets: string[];
  /** Codes of the services with its rows. */
  servizi: string[];
  /** Rows that entered the report's computations. */
  righe: number;
}

export interface Completeness {
  attesi: string[];
  ricevuti: string[];
  mancanti: string[];
}

export interface ContributionsResult {
  anno: number;
  grid: SubmissionGrid;
  contributi: ContributionRow[];
  /** The sources named by the method note: each submission of the year with a manifest. */
  fonti: { ente: string; file: string[]; inviatoIl: string | null }[];
  crediti: CreditEntry[];
  /** Rows of all credited organisations. */
  righeCrediti: number;
  /** By cantiere. */
  completezza: Record<string, Completeness>;
}

/** The contributions of the report year `anno`, from one submissions grid. */
export function computeContributions(project: ValidatedProject, scadenze: Record<string, string>, anno: number): ContributionsResult {
  const grid = computeSubmissionGrid({ project, config: { scadenzaContributi: scadenze } });
  const ofYear = project.contributi.filter((c) => c.anno === anno);
  const contributi = ofYear.map((c): ContributionRow => {
    const deadline = scadenze[String(c.anno)];
    const sent = c.manifest?.inviatoIl ?? null;
    return {
      ente: c.ente,
      file: c.files.map((f) => f.path.split('/').pop() ?? f.path),
      inviatoIl: sent,
      inRitardo: !!(deadline && sent && sent > deadline),
      righe: c.files.reduce((n, f) => n + f.rows, 0),
      errori: c.files.reduce((n, f) => n + f.errors.length, 0),
    };
  });
  const crediti = credits(project, grid, anno);
  return {
    anno,
    grid,
    contributi,
    fonti: ofYear.filter((c) => c.manifest).map((c) => ({ ente: c.ente, file: c.manifest!.file, inviatoIl: c.manifest!.inviatoIl })),
    crediti,
    righeCrediti: crediti.reduce((sum, e) => sum + e.righe, 0),
    completezza: Object.fromEntries(
      [...new Set(project.servizi.map((s) => s.cantiere))].map((k) => [k, cantiereCompleteness(grid, project.servizi, k, anno)]),
    ),
  };
}

/** Each organisation with the datasets, services and rows it gave for the year. */
function credits(project: ValidatedProject, grid: SubmissionGrid, anno: number): CreditEntry[] {
  const capofila = project.enti.find((e) => e.ruolo === 'capofila')?.codice ?? null;
  // dati/<anno>/ holds the capofila's own files (population, survey, voices, its services).
  const own = new Map<string, number>();
  for (const [dataset, rows] of project.dati.get(anno) ?? []) {
    const count = rows.filter((r) => r.file.startsWith(`dati/${anno}/`)).length;
    if (count > 0) own.set(dataset, count);
  }
  const capofilaEnte = project.enti.find((e) => e.codice === capofila);
  const gridRows =
    capofilaEnte && !grid.enti.some((e) => e.ente === capofila)
      ? [{ ente: capofilaEnte.codice, nome: capofilaEnte.nome, ruolo: capofilaEnte.ruolo as string, celle: [] }, ...grid.enti]
      : grid.enti;
  return gridRows.flatMap((row) => {
    const cells = row.celle.filter((c) => c.anno === anno && c.stato === 'ricevuto' && c.fonte === 'contributo');
    const datasets = new Map(cells.map((c) => [c.dataset, c.righeUsate]));
    if (row.ente === capofila) for (const [d, count] of own) datasets.set(d, count);
    if (datasets.size === 0) return [];
    return [
      {
        ente: row.ente,
        nome: row.nome,
        ruolo: row.ruolo,
        datasets: [...datasets.keys()].sort(),
        servizi: [...new Set(row.celle.filter((c) => c.anno === anno).flatMap((c) => c.serviziRicevuti))],
        righe: [...datasets.values()].reduce((s, v) => s + v, 0),
      },
    ];
  });
}
