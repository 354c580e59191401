import type { Config } from '../config/config.js';
import type { Contributo, FileReport, TypedRow, ValidatedProject } from '../types.js';
import { QUARTIERE_ND } from '../types.js';

// The grid of expected vs received submissions: per ente, dataset and year, whether the data came,
// on time, valid, and how many rows entered the report; per quartiere, which services have data.
// Pure: it reads a checked project, never the disk.

/** On time against scadenza_contributi, or why that cannot be said. */
export type Puntualita = 'nei_tempi' | 'in_ritardo' | 'senza_scadenza' | 'senza_data' | 'non_applicabile';

/** One file of a submission, as validation saw it. */
export interface SubmittedFile {
  path: string;
  dataset: string;
  encoding: string;
  delimiter: string | null;
  righeLette: number;
  righeUsate: number;
  errori: number;
  avvisi: number;
}

/** One ente, dataset and year. */
export interface SubmissionCell {
  ente: string;
  dataset: string;
  anno: number;
  /** The catalogue expects this ente to send this dataset for this year. */
  atteso: boolean;
  stato: 'ricevuto' | 'mancante';
  /** Where the data came from: the ente's own folder, or the Comune's dati/ folder. */
  fonte: 'contributo' | 'dati' | null;
  cartella: string | null;
  inviatoIl: string | null;
  scadenza: string | null;
  /** null when nothing was received. */
  puntualita: Puntualita | null;
  /** null when nothing was received and no manifest was found. */
  esito: 'valido' | 'con_errori' | null;
  errori: number;
  avvisi: number;
  righeLette: number;
  righeUsate: number;
  file: SubmittedFile[];
  /** Services the catalogue assigns to the ente (erogazioni only). */
  serviziAttesi: string[];
  /** Services with at least one row of the ente in the report's data (erogazioni only). */
  serviziRicevuti: string[];
}

export interface EnteRow {
  ente: string;
  nome: string;
  ruolo: string;
  celle: SubmissionCell[];
}

/** Which services have data in each quartiere in one year (rows counted; ND rows apart). */
export interface QuartiereCoverage {
  anno: number;
  servizi: { codice: string; nome: string }[];
  quartieri: { codice: string; nome: string; zona: string; righe: number[] }[];
  /** Rows whose quartiere is not known, per service (counted at city level only). */
  nd: number[];
}

export interface SubmissionSummary {
  attesi: number;
  ricevuti: number;
  mancanti: number;
  inRitardo: number;
  conErrori: number;
  nonAttesi: number;
}

export interface SubmissionGrid {
  anni: number[];
  /** Years the data folders hold: the years for which submissions are expected. */
  anniAttesi: number[];
  scadenze: Record<string, string>;
  enti: EnteRow[];
  quartieri: QuartiereCoverage[];
  riepilogo: SubmissionSummary;
  /** Nothing missing, late or invalid. */
  completo: boolean;
}

/** What the grid needs of a checked project (a CheckedProject has it). */
export interface GridInput {
  project: ValidatedProject;
  config: Pick<Config, 'scadenzaContributi'> | null;
}

const DATI_YEAR = /^dati\/(\d{4})\//;

function fileOf(report: FileReport, used: Map<string, number>): SubmittedFile {
  return {
    path: report.path,
    dataset: report.dataset,
    encoding: report.encoding,
    delimiter: report.delimiter,
    righeLette: report.rows,
    righeUsate: used.get(report.path) ?? 0,
    errori: report.errors.length,
    avvisi: report.warnings.length,
  };
}

function usedRowsByFile(project: ValidatedProject): Map<string, number> {
  const used = new Map<string, number>();
  for (const datasets of project.dati.values()) {
    for (const rows of datasets.values()) for (const row of rows) used.set(row.file, (used.get(row.file) ?? 0) + 1);
  }
  return used;
}

/** `dati/2024/erogazioni_comune.csv` is the Comune's: the name after the dataset is the ente. */
function namedAfter(file: string, dataset: string, ente: string): boolean {
  const base = (file.split('/').pop() ?? '').replace(/\.[^.]+$/, '').toLowerCase();
  return base === `${dataset}_${ente}` || base === `${dataset}-${ente}`;
}

function timeliness(contributo: Contributo | undefined, scadenza: string | null): Puntualita {
  if (!contributo) return 'non_applicabile';
  const sent = contributo.manifest?.inviatoIl ?? null;
  if (!sent) return 'senza_data';
  if (!scadenza) return 'senza_scadenza';
  return sent > scadenza ? 'in_ritardo' : 'nei_tempi';
}

/** The submission grid of a checked project: expected vs received per ente, dataset and year. */
export function computeSubmissionGrid(input: GridInput): SubmissionGrid {
  const { project } = input;
  const scadenze = input.config?.scadenzaContributi ?? {};
  const used = usedRowsByFile(project);
  const files = project.report.files;
  const anniAttesi = [
    ...new Set(
      files
        .map((f) => DATI_YEAR.exec(f.path)?.[1])
        .filter((y): y is string => !!y)
        .map(Number),
    ),
  ].sort((a, b) => a - b);
  const anni = [...new Set([...anniAttesi, ...project.contributi.map((c) => c.anno)])].sort((a, b) => a - b);
  const serviziOf = new Map<string, string[]>();
  for (const s of project.servizi) for (const ente of s.enti) serviziOf.set(ente, [...(serviziOf.get(ente) ?? []), s.codice]);

  const cell = (ente: string, dataset: string, anno: number): SubmissionCell => {
    const contributo = project.contributi.find((c) => c.ente === ente && c.anno === anno);
    const atteso = dataset === 'erogazioni' && serviziOf.has(ente) && anniAttesi.includes(anno);
    const scadenza = scadenze[String(anno)] ?? null;
    const rows: TypedRow[] = project.dati.get(anno)?.get(dataset) ?? [];
    const ownRows = dataset === 'erogazioni' ? rows.filter((r) => r.values.codice_ente === ente) : [];
    let own: FileReport[];
    let fonte: SubmissionCell['fonte'];
    let manifestProblems = { errori: 0, avvisi: 0 };
    if (contributo) {
      own = contributo.files.filter((f) => f.dataset === dataset);
      fonte = 'contributo';
      const manifest = contributo.files.filter((f) => f.dataset === '');
      manifestProblems = {
        errori: manifest.reduce((n, f) => n + f.errors.length, 0),
        avvisi: manifest.reduce((n, f) => n + f.warnings.length, 0),
      };
    } else {
      // The Comune's own files sit in dati/<anno>/: a file is the ente's when named after it or holding its rows.
      const holding = new Set(ownRows.map((r) => r.file));
      own = files.filter(
        (f) => f.dataset === dataset && f.path.startsWith(`dati/${anno}/`) && (holding.has(f.path) || namedAfter(f.path, dataset, ente)),
      );
      fonte = own.length > 0 ? 'dati' : null;
    }
    const submitted = own.map((f) => fileOf(f, used));
    const errori = submitted.reduce((n, f) => n + f.errori, 0) + manifestProblems.errori;
    const received = submitted.length > 0;
    return {
      ente,
      dataset,
      anno,
      atteso,
      stato: received ? 'ricevuto' : 'mancante',
      fonte,
      cartella: contributo?.folder ?? (fonte === 'dati' ? `dati/${anno}` : null),
      inviatoIl: contributo?.manifest?.inviatoIl ?? null,
      scadenza,
      puntualita: received ? timeliness(contributo, scadenza) : null,
      esito: errori > 0 ? 'con_errori' : received ? 'valido' : null,
      errori,
      avvisi: submitted.reduce((n, f) => n + f.avvisi, 0) + manifestProblems.avvisi,
      righeLette: submitted.reduce((n, f) => n + f.righeLette, 0),
      righeUsate: submitted.reduce((n, f) => n + f.righeUsate, 0),
      file: submitted,
      serviziAttesi: dataset === 'erogazioni' ? (serviziOf.get(ente) ?? []) : [],
      serviziRicevuti: [...new Set(ownRows.map((r) => String(r.values.codice_servizio)))].sort(),
    };
  };

  const entiCodes = [...new Set([...serviziOf.keys(), ...project.contributi.map((c) => c.ente)])];
  const ordered = [
    ...project.enti.map((e) => e.codice).filter((c) => entiCodes.includes(c)),
    ...entiCodes.filter((c) => !project.enti.some((e) => e.codice === c)),
  ];
  const enti: EnteRow[] = ordered.map((code) => {
    const datasets = new Set<string>(serviziOf.has(code) ? ['erogazioni'] : []);
    for (const c of project.contributi.filter((x) => x.ente === code)) for (const f of c.files) if (f.dataset) datasets.add(f.dataset);
    if (datasets.size === 0) datasets.add('erogazioni');
    const ente = project.enti.find((e) => e.codice === code);
    return {
      ente: code,
      nome: ente?.nome ?? code,
      ruolo: ente?.ruolo ?? '',
      celle: [...datasets].sort().flatMap((dataset) => anni.map((anno) => cell(code, dataset, anno))),
    };
  });
  // A year where the ente neither was expected nor sent anything says nothing: leave it out.
  for (const row of enti) row.celle = row.celle.filter((c) => c.atteso || c.stato === 'ricevuto' || c.esito !== null);

  const all = enti.flatMap((e) => e.celle);
  const riepilogo: SubmissionSummary = {
    attesi: all.filter((c) => c.atteso).length,
    ricevuti: all.filter((c) => c.stato === 'ricevuto').length,
    mancanti: all.filter((c) => c.atteso && c.stato === 'mancante').length,
    inRitardo: all.filter((c) => c.puntualita === 'in_ritardo').length,
    conErrori: all.filter((c) => c.esito === 'con_errori').length,
    nonAttesi: all.filter((c) => !c.atteso && c.stato === 'ricevuto').length,
  };
  return {
    anni,
    anniAttesi,
    scadenze,
    enti,
    quartieri: anniAttesi.map((anno) => quartiereCoverage(project, anno)),
    riepilogo,
    completo: riepilogo.mancanti === 0 && riepilogo.inRitardo === 0 && riepilogo.conErrori === 0,
  };
}

/** Rows of erogazioni per quartiere and service in one year. */
export function quartiereCoverage(project: ValidatedProject, anno: number): QuartiereCoverage {
  const servizi = project.servizi.map((s) => ({ codice: s.codice, nome: s.nome }));
  const index = new Map(servizi.map((s, i) => [s.codice, i]));
  const counts = new Map<string, number[]>();
  const zero = () => servizi.map(() => 0);
  for (const { values } of project.dati.get(anno)?.get('erogazioni') ?? []) {
    const i = index.get(String(values.codice_servizio));
    if (i === undefined) continue;
    const code = String(values.codice_quartiere);
    const list = counts.get(code) ?? zero();
    list[i]! += 1;
    counts.set(code, list);
  }
  return {
    anno,
    servizi,
    quartieri: project.territorio.quartieri.map((q) => ({
      codice: q.codice,
      nome: q.nome,
      zona: q.zona,
      righe: counts.get(q.codice) ?? zero(),
    })),
    nd: counts.get(QUARTIERE_ND) ?? zero(),
  };
}

/** Who was expected to send the data of a cantiere's services in a year, and whose rows arrived. */
export function cantiereCompleteness(
  grid: SubmissionGrid,
  servizi: { codice: string; cantiere: string; enti: string[] }[],
  cantiere: string,
  anno: number,
): { attesi: string[]; ricevuti: string[]; mancanti: string[] } {
  const own = servizi.filter((s) => s.cantiere === cantiere);
  const attesi = [...new Set(own.flatMap((s) => s.enti))];
  const ricevuti = attesi.filter((ente) => {
    const cell = grid.enti.find((e) => e.ente === ente)?.celle.find((c) => c.dataset === 'erogazioni' && c.anno === anno);
    return !!cell && own.some((s) => s.enti.includes(ente) && cell.serviziRicevuti.includes(s.codice));
  });
  return { attesi, ricevuti, mancanti: attesi.filter((e) => !ricevuti.includes(e)) };
}
