import path from 'node:path';
import type { Lang, Problem, ValidatedProject, ValidationReport } from './types.js';
import type { Config } from './config/config.js';
import { normalizeConfig } from './config/normalize-config.js';
import { readProject } from './project/read-project.js';
import { loadSchemas } from './schemas/load-schemas.js';
import { validateProject } from './validate/validate-project.js';
import { loadIndicators, type IndicatorDefinition } from './compute/catalogue.js';
import { computeIndicators, type ComputeResult } from './compute/compute-indicators.js';
import { dataPackage, indicatorsCsv, indicatorsJson } from './compute/open-data.js';
import type { Effects } from './effects.js';
import { withAtomicOutput } from './atomic-output.js';

// The whole program on one screen: read → validate → compute → render.

export interface StageOptions {
  project: string;
  lang?: Lang;
  allowLowThreshold?: boolean;
}

/** A project read and checked: what `validate` prints and what compute starts from. */
export interface CheckedProject {
  root: string;
  config: Config | null;
  lang: Lang;
  project: ValidatedProject;
  definitions: IndicatorDefinition[];
  /** The validation report, with config and catalogue problems included. */
  report: ValidationReport;
}

function addProblems(report: ValidationReport, problems: Problem[]): ValidationReport {
  if (problems.length === 0) return report;
  const files = [...report.files];
  for (const problem of problems) {
    let file = files.find((f) => f.path === problem.file);
    if (!file) {
      file = { path: problem.file, dataset: '', encoding: '', delimiter: null, rows: 0, errors: [], warnings: [] };
      files.push(file);
    }
    (problem.severity === 'error' ? file.errors : file.warnings).push(problem);
  }
  const errors = files.reduce((n, f) => n + f.errors.length, 0);
  return {
    valid: errors === 0,
    summary: { ...report.summary, files: files.length, errors, warnings: files.reduce((n, f) => n + f.warnings.length, 0) },
    files: files.sort((a, b) => a.path.localeCompare(b.path)),
  };
}

/** Reads and validates a project: config, territory, catalogues, data, contributions, indicators. */
export async function checkProject(options: StageOptions, fx: Effects): Promise<CheckedProject> {
  const schemas = loadSchemas();
  const requested = options.lang;
  fx.progress('lettura dei file');
  const sources = await readProject(options.project, requested ?? 'it');
  const normalized = normalizeConfig(sources.config ?? {}, schemas.config, {
    file: 'bilancio.config.json',
    lang: requested ?? 'it',
    allowLowThreshold: options.allowLowThreshold,
  });
  const config = 'config' in normalized ? normalized.config : null;
  const lang = requested ?? config?.lingua ?? 'it';
  fx.progress('validazione');
  const project = validateProject(sources, schemas, lang, config?.regole ?? {});
  const catalogue = loadIndicators(sources.indicatori ?? [], schemas.indicatori!, project.servizi, lang);
  const report = addProblems(project.report, [...normalized.problems, ...catalogue.problems]);
  return { root: sources.root, config, lang, project, definitions: catalogue.definitions, report };
}

/** Computes the indicators of a checked project (its valid rows). */
export function computeProject(checked: CheckedProject): ComputeResult {
  const config = checked.config!;
  return computeIndicators(checked.project, checked.definitions, {
    cityName: config.citta || (checked.lang === 'it' ? 'Città' : 'City'),
    threshold: config.sogliaRiservatezza,
  });
}

/** Writes the open-data outputs of compute into `out`. */
export async function writeOpenData(checked: CheckedProject, result: ComputeResult, out: string, fx: Effects): Promise<string[]> {
  const config = checked.config!;
  const files = {
    'indicatori.csv': indicatorsCsv(result.values),
    'indicatori.json': indicatorsJson(result.values),
    'datapackage.json': dataPackage({ title: config.titolo, anni: result.anni, definitions: result.definitions, publisher: config.ente }),
  };
  for (const [name, content] of Object.entries(files)) await fx.writeFile(path.join(out, name), content);
  return Object.keys(files);
}

export interface BuildOptions extends StageOptions {
  out: string;
  /** Build from the valid rows even when some files have errors (stated in the method note). */
  ignoreErrors?: boolean;
  /** Skip the PDF (HTML and open data only). */
  noPdf?: boolean;
}

export type BuildOutcome =
  | { status: 'invalid'; checked: CheckedProject }
  | { status: 'built'; checked: CheckedProject; result: ComputeResult; files: string[]; blockedRequests: string[] };

/** The whole build: check, compute, open data, charts, HTML and PDF, written atomically into `out`. */
export async function buildProject(options: BuildOptions, fx: Effects): Promise<BuildOutcome> {
  const checked = await checkProject(options, fx);
  if (!checked.config || (!checked.report.valid && !options.ignoreErrors)) return { status: 'invalid', checked };
  fx.progress('calcolo degli indicatori');
  const result = computeProject(checked);
  const config = checked.config;
  const blockedRequests: string[] = [];
  const files = await withAtomicOutput(options.out, async (dir) => {
    const written = await writeOpenData(checked, result, dir, fx);
    await fx.writeFile(path.join(dir, 'validazione.json'), `${JSON.stringify(checked.report, null, 1)}\n`);
    written.push('validazione.json');
    fx.progress('grafici');
    const { createChartRenderer } = await import('./render/charts.js');
    const charts = createChartRenderer();
    const { buildViewModel } = await import('./render/view-model.js');
    const view = buildViewModel({
      config, lang: checked.lang, project: checked.project, result,
      renderChart: (spec, lang, chartOptions) => charts.render(spec, lang, chartOptions),
      lowThresholdAllowed: options.allowLowThreshold,
    });
    fx.progress('HTML');
    const { loadTemplates, renderHtml } = await import('./render/html.js');
    const html = renderHtml(view, await loadTemplates(checked.root));
    await fx.writeFile(path.join(dir, 'report.html'), html);
    written.push('report.html');
    if (!options.noPdf) {
      fx.progress('PDF (Chromium)');
      const { withRenderer } = await import('./render/pdf.js');
      const pdf = await withRenderer((renderer) => renderer.printPdf(html, {
        lang: checked.lang,
        runningTitle: config.titolo,
        footerText: `${config.ente} · ${config.titolo}`,
        date: config.dataPubblicazione ? new Date(`${config.dataPubblicazione}T00:00:00Z`) : undefined,
        onBlockedRequest: (url) => blockedRequests.push(url),
      }));
      await fx.writeFile(path.join(dir, 'report.pdf'), pdf);
      written.push('report.pdf');
    }
    return written;
  });
  return { status: 'built', checked, result, files, blockedRequests };
}
