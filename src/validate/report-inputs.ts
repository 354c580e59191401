import type { Problem, RawTable, TypedRow, ValidatedProject } from '../types.js';
import { phrase } from '../i18n.js';
import { columnLetter } from '../ingest/columns.js';
import { checkForeignKey } from './keys.js';

// Checks between the project's files that the report would otherwise print blindly, made once the
// indicator catalogue is read: a commitment's indicator must exist, and a project without population
// data or indicators is told what its report will lack.

const INDICATORS_FILE = 'catalogo/indicatori.json';

/**
 * Commitments (catalogo/impegni.csv) whose `indicatore` is not an indicator of the catalogue (per-service
 * ones included), at their row and column (found in the header of `tables`, the files read).
 */
export function checkCommitmentIndicators(
  rows: readonly TypedRow[],
  indicatorIds: ReadonlySet<string>,
  tables: readonly Pick<RawTable, 'file' | 'header'>[],
): Problem[] {
  const field = 'indicatore';
  return checkForeignKey([...rows], field, new Set(indicatorIds), `${INDICATORS_FILE} (id)`).problems.map((problem) => {
    const header = tables.find((t) => t.file === problem.file)?.header ?? [];
    const index = header.findIndex((label) => label.trim().toLowerCase().replace(/\s+/g, '_') === field);
    return index < 0 ? problem : { ...problem, column: index + 1, columnLetter: columnLetter(index + 1) };
  });
}

/** Warnings for what the report will lack: no population in the report year, no indicators. */
export function missingInputWarnings(
  project: Pick<ValidatedProject, 'dati'>,
  indicators: number,
  anno: number | null,
  indicatorFileFound: boolean,
): Problem[] {
  const problems: Problem[] = [];
  const years = anno === null ? [...project.dati.keys()] : [anno];
  const hasPopulation = years.some((y) => (project.dati.get(y)?.get('popolazione') ?? []).length > 0);
  if (!hasPopulation) {
    const year = anno ?? '<anno>';
    problems.push({
      code: 'source-error',
      severity: 'warning',
      file: `dati/${year}/popolazione.csv`,
      message: phrase(
        {
          it: 'Mancano i dati della popolazione del {anno} (dati/{anno}/popolazione.csv o residenti.csv): il report non avrà residenti, piramidi delle età, indicatori demografici né coperture dei servizi, e dove servono scriverà \u00ab\u2014\u00bb.',
          en: 'The population data of {anno} are missing (dati/{anno}/popolazione.csv or residenti.csv): the report will have no residents, age pyramids, demographic indicators or service coverage, and will print "\u2014" where they belong.',
        },
        { anno: year },
      ),
    });
  }
  if (indicators === 0) {
    problems.push({
      code: 'source-error',
      severity: 'warning',
      file: INDICATORS_FILE,
      message: phrase(
        indicatorFileFound
          ? {
              it: 'Il catalogo degli indicatori non ne definisce nessuno: il report non avrà indicatori, né per la città né per zone e quartieri.',
              en: 'The indicator catalogue defines none: the report will have no indicators, for the city, its zones or quartieri.',
            }
          : {
              it: 'Manca catalogo/indicatori.json: il report non avrà indicatori, né per la città né per zone e quartieri (bilancio init ne scrive uno con gli indicatori demografici e di copertura).',
              en: 'catalogo/indicatori.json is missing: the report will have no indicators, for the city, its zones or quartieri (bilancio init writes one with the demographic and coverage indicators).',
            },
      ),
    });
  }
  return problems;
}
