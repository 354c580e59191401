import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DatasetRows, Servizio, Territorio, TypedRow, ValidatedProject } from '../../src/types.js';
import { loadSchemas } from '../../src/schemas/load-schemas.js';
import { loadIndicators, type IndicatorDefinition } from '../../src/compute/catalogue.js';
import { bresciaProject } from './paths.js';
import { say } from '../../src/i18n.js';

/** A small territory: two zone, five quartieri. */
export const miniTerritorio: Territorio = {
  quartieri: [
    { codice: 'Q1', numero: 1, nome: 'Uno', varianti: [], codiceZona: 'nord', zona: 'Nord', superficieKmq: null },
    { codice: 'Q2', numero: 2, nome: 'Due', varianti: [], codiceZona: 'nord', zona: 'Nord', superficieKmq: null },
    { codice: 'Q3', numero: 3, nome: 'Tre', varianti: [], codiceZona: 'sud', zona: 'Sud', superficieKmq: null },
    { codice: 'Q4', numero: 4, nome: 'Quattro', varianti: [], codiceZona: 'sud', zona: 'Sud', superficieKmq: null },
    { codice: 'Q5', numero: 5, nome: 'Cinque', varianti: [], codiceZona: 'sud', zona: 'Sud', superficieKmq: null },
  ],
  zone: [
    { codice: 'nord', nome: 'Nord', quartieri: ['Q1', 'Q2'] },
    { codice: 'sud', nome: 'Sud', quartieri: ['Q3', 'Q4', 'Q5'] },
  ],
};

/** Popolazione rows: `cells` as [quartiere, eta, residenti] (sex F, Italian unless `foreign`). */
export function populationRows(anno: number, cells: [string, number, number, ('M' | 'F')?, ('ITA' | 'STR')?][]): TypedRow[] {
  return cells.map(([q, eta, residenti, sesso = 'F', cittadinanza = 'ITA'], i) => ({
    values: { anno, codice_quartiere: q, eta, residenti, sesso, cittadinanza },
    file: 'popolazione.csv',
    row: i + 2,
  }));
}

/** One year's datasets. */
export function yearData(anno: number, datasets: Record<string, TypedRow[]>): Map<number, DatasetRows> {
  return new Map([[anno, new Map(Object.entries(datasets))]]);
}

/** The indicator catalogue of the embedded Brescia project, for the given services. */
export function bresciaIndicators(servizi: Servizio[] = []): IndicatorDefinition[] {
  const raw = JSON.parse(readFileSync(path.join(bresciaProject, 'catalogo/indicatori.json'), 'utf8'));
  const { definitions, problems } = loadIndicators(raw, loadSchemas().indicatori!, servizi);
  if (problems.length) throw new Error(problems.map((p) => say('it', p.message)).join('\n'));
  return definitions;
}

/**
 * The mini territory with popolazione only, for quota_65_plus = popolazione[eta>=65] / popolazione:
 * each quartiere has three rows, 500 residents aged 30 and, from `old` (by quartiere code), those aged
 * 70 and 80. Q1 with one person over 65 is a count below the threshold, withheld with a complement.
 */
export const OLD_BY_QUARTIERE: Record<string, [number, number]> = { Q1: [1, 0], Q2: [40, 10], Q3: [50, 20], Q4: [60, 30], Q5: [70, 40] };

export function olderResidentsProject(old: Record<string, [number, number]> = OLD_BY_QUARTIERE): ValidatedProject {
  const rows: TypedRow[] = [];
  for (const q of miniTerritorio.quartieri) {
    const [a70, a80] = old[q.codice]!;
    for (const [eta, residenti] of [
      [30, 500],
      [70, a70],
      [80, a80],
    ] as const) {
      rows.push({
        values: { anno: 2024, codice_quartiere: q.codice, sesso: 'F', eta, cittadinanza: 'ITA', residenti },
        file: 'dati/2024/popolazione.csv',
        row: rows.length + 2,
      });
    }
  }
  return miniProject({ popolazione: rows });
}

/** A validated project of the mini territory with the given datasets for 2024, and nothing else declared. */
export function miniProject(datasets: Record<string, TypedRow[]>): ValidatedProject {
  return {
    territorio: miniTerritorio,
    anni: [2024],
    servizi: [],
    enti: [],
    cataloghi: new Map(),
    contributi: [],
    report: { files: [] },
    dati: yearData(2024, datasets),
    cantieri: [],
    cantieriPredefiniti: true,
  } as unknown as ValidatedProject;
}
