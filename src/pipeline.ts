import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Lang, ValidatedProject, ValidationReport } from './types.js';
import type { Config } from './config/config.js';
import { normalizeConfig } from './config/normalize-config.js';
import { readProject } from './project/read-project.js';
import { loadSchemas } from './schemas/load-schemas.js';
import { validateProject } from './validate/validate-project.js';
import { addProblems } from './validate/report.js';
import { loadIndicators, type IndicatorDefinition } from './compute/catalogue.js';
import { addResultLineage, computeIndicators, type ComputeOptions, type ComputeResult } from './compute/compute-indicators.js';
import { dataPackage, indicatorsCsv, indicatorsJson } from './compute/open-data.js';
import { commitmentsTable, pyramidsTable, resourcesTable, surveyDifferencesTable, surveyTable } from './compute/open-data-tables.js';
import { timed, type Effects } from './effects.js';
import { streamProjectResidenti } from './validate/residenti/stream-project.js';
import { loadSummaryRules, type SummaryRules } from './validate/summary-rules.js';
import { summaryJson } from './compute/findings/summary-json.js';
import { readMapLayout } from './validate/map-source.js';
import { readStoredCatalogues } from './participation/definitions.js';
import { checkProjectTemplates } from './validate/project-templates.js';
import type { MapLayout } from './validate/map-layout.js';
import { checkCommitmentIndicators, missingInputWarnings } from './validate/report-inputs.js';
import { withAtomicOutput } from './atomic-output.js';
import { atStage, type Stage } from './provenance/stage-error.js';
import { checkBuildRequest, recordingEffects } from './provenance/build-guard.js';
import { buildManifest, digestInputs, MANIFEST_FILE } from './provenance/manifest.js';
import type { FillFromPrint, Printer } from './render/pdf.js';
import type { OutlineEntry } from './render/pdf-info.js';
import type { ReportView } from './render/view-model.js';
import type { RenderChart } from './render/view-context.js';
import { sayReport } from './problem-text.js';
import { readTexts } from './project/read-texts.js';
import type { TableCache } from './ingest/table-cache.js';
import type { TableChecks } from './validate/table-checks.js';
import { checkTexts } from './validate/texts/check-texts.js';
import type { CheckedTexts } from './validate/texts/text-types.js';
import { computeTextFigures } from './compute/text-figures.js';
import { textFiguresTable } from './compute/open-data-texts.js';

// The whole program on one screen: read → validate → compute → render.

export interface StageOptions {
  project: string;
  lang?: Lang;
  allowLowThreshold?: boolean;
  /** Tables read before and unchanged since (the live preview's); without it every file is read. */
  tables?: TableCache;
  /** The checks of those tables, kept with them (the live preview's); without it every table is checked. */
  checks?: TableChecks;
}

/** A project read and checked: what `validate` prints and what compute starts from. */
export interface CheckedProject {
  root: string;
  config: Config | null;
  lang: Lang;
  project: ValidatedProject;
  definitions: IndicatorDefinition[];
  /** The validation report, with config, catalogue and map problems included. */
  report: ValidationReport;
  /** The quartieri map (territorio/quartieri.geojson or mappa_tile.csv), null when the project has none that reads. */
  map: MapLayout | null;
  /** Earlier editions' catalogues (catalogo/indicatori.<anno>.json), to say which indicators changed definition. */
  storedCatalogues: Map<number, IndicatorDefinition[]>;
  /** The rules of the Sintesi and of the areas' points of attention (catalogo/sintesi.json, or the defaults). */
  summaryRules: SummaryRules;
  /** The analysts' texts (testi/*.md) that passed their checks, with the images they show. */
  texts: CheckedTexts;
}

/** Reads and validates a project: config, territory, catalogues, data, contributions, indicators. */
export async function checkProject(options: StageOptions, fx: Effects): Promise<CheckedProject> {
  const schemas = loadSchemas();
  fx.progress('lettura dei file');
  const sources = await timed(fx, 'ingest', () => readProject(options.project, 'all', options.tables?.read));
  const normalized = normalizeConfig(sources.config ?? {}, schemas.config, {
    file: 'bilancio.config.json',
    allowLowThreshold: options.allowLowThreshold,
  });
  const config = 'config' in normalized ? normalized.config : null;
  // The problems found are words in both languages: they are said in this one where they are shown.
  const lang = options.lang ?? config?.lingua ?? 'it';
  fx.progress('validazione');
  const { project, catalogue } = await timed(fx, 'validate', async () => {
    // issue 8: residenti CSVs are streamed (never read whole) before the synchronous validation.
    const residenti = await streamProjectResidenti(sources, schemas, fx.progressRows?.bind(fx));
    const project = validateProject(sources, schemas, config?.regole ?? {}, residenti, options.checks);
    // Filters on services and organisations must name codes of the project's catalogues.
    const codes = { servizi: project.servizi.map((s) => s.codice), enti: project.enti.map((e) => e.codice) };
    const declared = { cantieri: project.cantieri, predefiniti: project.cantieriPredefiniti };
    return { project, catalogue: loadIndicators(sources.indicatori ?? [], schemas.indicatori!, project.servizi, declared, codes) };
  });
  // The quartieri map is optional: its problems are warnings, reported with the others.
  const summary = loadSummaryRules(sources.sintesi, schemas.sintesi!, new Set(catalogue.definitions.map((d) => d.id)));
  const map = await readMapLayout(sources.root, project.territorio);
  const stored = await readStoredCatalogues(sources.root, project.servizi);
  const templates = await checkProjectTemplates(sources.root);
  const texts = checkProjectTexts(await readTexts(sources.root), project, catalogue.definitions);
  // What the report would print blindly: commitments measured by no indicator, no population, no indicators.
  const inputs = [
    ...checkCommitmentIndicators(
      project.cataloghi.get('catalogo_impegni') ?? [],
      new Set(catalogue.definitions.map((d) => d.id)),
      sources.tables.map((s) => s.table),
    ),
    ...missingInputWarnings(project, catalogue.definitions.length, config?.anno ?? null, sources.indicatori !== undefined),
  ];
  const report = addProblems(project.report, [
    ...normalized.problems,
    ...catalogue.problems,
    ...summary.problems,
    ...map.problems,
    ...stored.problems,
    ...templates,
    ...inputs,
    // A text that is a link out of the project is already refused by the project's path guard.
    ...texts.problems.filter((p) => !(p.code === 'source-error' && sources.problems.some((q) => q.file === p.file))),
  ]);
  return {
    root: sources.root,
    config,
    lang,
    project,
    definitions: catalogue.definitions,
    report,
    map: map.layout,
    storedCatalogues: stored.byEdition,
    summaryRules: summary.rules,
    texts: texts.checked,
  };
}

/** Checks the project texts against what their live figures may name: indicators, areas, years, chapters. */
export function checkProjectTexts(
  sources: Awaited<ReturnType<typeof readTexts>>,
  project: ValidatedProject,
  definitions: IndicatorDefinition[],
): ReturnType<typeof checkTexts> {
  return checkTexts(sources, {
    indicatori: new Set(definitions.map((d) => d.id)),
    territorio: project.territorio,
    anni: project.anni,
    cantieri: project.cantieri.map((c) => c.codice),
  });
}

/** The whole territory's name when the config names no città: Città, Comune… (its `intero`, capitalized). */
function wholeName(config: Config, lang: Lang): string {
  const name = lang === 'it' ? config.intero.nome : config.intero.nomeEn;
  return name.charAt(0).toLocaleUpperCase(lang) + name.slice(1);
}

/** Computes the indicators of a checked project (its valid rows). */
export function computeProject(checked: CheckedProject, options: Pick<ComputeOptions, 'lineage' | 'memo'> = {}): ComputeResult {
  const config = checked.config!;
  const result = computeIndicators(checked.project, checked.definitions, {
    cityName: config.citta || wholeName(config, checked.lang),
    threshold: config.sogliaRiservatezza,
    pyramidYear: config.anno,
    comparisonYear: config.annoConfronto,
    deadlines: config.scadenzaContributi,
    // The report publishes the survey of its own year only: that is the one the authority decides on.
    summaryRules: checked.summaryRules,
    participation: { sogliaRisposte: config.sogliaRisposte, sogliaPopolazioneVoci: config.sogliaPopolazioneVoci, anni: [config.anno] },
    lineage: options.lineage,
    memo: options.memo,
  });
  result.testi = computeTextFigures(checked.texts.texts, result.values, result.definitions, result.anno);
  return result;
}

/**
 * Adds the lineage left out by `computeProject(checked, { lineage: false })`: the report's pages show
 * none, so a build computes it while Chromium prints, before the open data that lists it.
 */
export function completeLineage(checked: CheckedProject, result: ComputeResult): void {
  addResultLineage(result, checked.project);
  result.testi = computeTextFigures(checked.texts.texts, result.values, result.definitions, result.anno);
}

/** Writes the open-data outputs of compute into `out`: indicators, survey, resources, pyramids, and the package describing them. */
export async function writeOpenData(checked: CheckedProject, result: ComputeResult, out: string, fx: Effects): Promise<string[]> {
  const config = checked.config!;
  const cityName = config.citta || wholeName(config, checked.lang);
  const tables = [
    surveyTable(result.survey),
    surveyDifferencesTable(result.survey),
    resourcesTable(result.resources),
    pyramidsTable(result.pyramids, checked.project.territorio, cityName),
    commitmentsTable(result.commitments),
    // The texts' figures are listed only for a project that writes some.
    ...(result.testi && result.testi.written.length > 0 ? [textFiguresTable(result.testi)] : []),
  ];
  const files: Record<string, string> = {
    'indicatori.csv': indicatorsCsv(result.values),
    'indicatori.json': indicatorsJson(result.values),
    'sintesi.json': summaryJson(result.sintesi, result.attenzione),
    ...Object.fromEntries(tables.map((t) => [t.path, t.csv])),
    'datapackage.json': dataPackage({
      title: config.titolo,
      anni: result.anni,
      definitions: result.definitions,
      publisher: config.editore,
      licenza: config.licenza,
      tables,
    }),
  };
  for (const [name, content] of Object.entries(files)) await fx.writeFile(path.join(out, name), content);
  return Object.keys(files);
}

/** The report's view of a computed project: every chapter, chart and text, written in the report's language. */
export async function reportView(
  checked: CheckedProject,
  result: ComputeResult,
  options: { renderChart: RenderChart; allowLowThreshold?: boolean },
): Promise<ReportView> {
  const { buildViewModel } = await import('./render/view-model.js');
  const { catalogueOf } = await import('./render/view-context.js');
  const { definitionChangesByEdition } = await import('./compute/definition-changes.js');
  return buildViewModel({
    config: checked.config!,
    lang: checked.lang,
    catalogue: catalogueOf(checked.project),
    result,
    validation: checked.report.summary,
    renderChart: options.renderChart,
    lowThresholdAllowed: options.allowLowThreshold,
    map: checked.map,
    definitionChanges: definitionChangesByEdition(checked.storedCatalogues, result.definitions),
    texts: checked.texts,
  });
}

export interface BuildOptions extends StageOptions {
  out: string;
  /** Build from the valid rows even when some files have errors (stated in the method note). */
  ignoreErrors?: boolean;
  /** Skip the PDF (HTML and open data only). */
  noPdf?: boolean;
  /** Also print one booklet per zona (cover and its quartiere pages), with the same browser. */
  perZona?: boolean;
  /** Seconds since 1970 for the PDF's dates (reproducible builds); default $SOURCE_DATE_EPOCH, then data_pubblicazione. */
  sourceDateEpoch?: string;
}

export type BuildOutcome =
  | { status: 'invalid'; checked: CheckedProject }
  /** The privacy audit found a protected count that the publication would give away: nothing is written. */
  | { status: 'leak'; checked: CheckedProject; result: ComputeResult }
  | { status: 'built'; checked: CheckedProject; result: ComputeResult; files: string[]; blockedRequests: string[] };

/** The whole build: check, compute, open data, charts, HTML, PDF and manifest, written atomically into `out`. */
export async function buildProject(options: BuildOptions, fx: Effects): Promise<BuildOutcome> {
  // Chromium is launched first, so that it starts while the build reads and computes (not for a
  // project folder that is not there: that build ends at once, with its one-line error).
  let launching: Promise<Printer> | undefined;
  const printer = () => {
    launching ??= import('./render/pdf.js').then((pdf) => pdf.launchPrinter());
    launching.catch(() => undefined); // a failed launch is reported where the PDF is printed
    return launching;
  };
  if (!options.noPdf && (await isFolder(options.project))) void printer();
  try {
    return await buildWith(options.noPdf ? null : printer, options, fx);
  } finally {
    await launching?.then(
      (started) => started.close(),
      () => undefined,
    );
  }
}

async function isFolder(dir: string): Promise<boolean> {
  return stat(dir).then(
    (info) => info.isDirectory(),
    () => false,
  );
}

/** `printer` launches Chromium on first call (at once, above) and gives the same one after; null with --no-pdf. */
async function buildWith(printer: (() => Promise<Printer>) | null, options: BuildOptions, fx: Effects): Promise<BuildOutcome> {
  const checked = await atStage('lettura', options.lang ?? 'it', options.out, () => checkProject(options, fx));
  const lang = checked.lang;
  // Refused before anything is written: an output folder over the inputs, a malformed SOURCE_DATE_EPOCH.
  const sourceDateEpoch = options.sourceDateEpoch ?? process.env.SOURCE_DATE_EPOCH;
  const { pdfDate } = await checkBuildRequest(checked.root, options.out, sourceDateEpoch, checked.config?.dataPubblicazione, lang);
  if (!checked.config || (!checked.report.valid && !options.ignoreErrors)) return { status: 'invalid', checked };
  const stage = <T>(name: Stage, work: () => Promise<T> | T) => timed(fx, name, () => atStage(name, lang, options.out, work));
  fx.progress('calcolo degli indicatori');
  const result = await stage('calcolo', () => computeProject(checked, { lineage: false }));
  if (result.privacy.leaks.length > 0) return { status: 'leak', checked, result };
  const config = checked.config;
  const blockedRequests: string[] = [];
  const files = await stage('sostituzione', () =>
    withAtomicOutput(options.out, { command: 'build', lang }, async (dir) => {
      const recorder = recordingEffects(fx, dir);
      const out = recorder.fx;
      fx.progress('grafici');
      const view = await stage('report', async () => {
        const { createChartRenderer } = await import('./render/charts.js');
        const charts = createChartRenderer();
        return reportView(checked, result, {
          renderChart: (spec, chartLang, chartOptions) => charts.render(spec, chartLang, chartOptions),
          allowLowThreshold: options.allowLowThreshold,
        });
      });
      fx.progress('HTML');
      const { loadTemplates, renderHtml, zonaBookletView } = await import('./render/html.js');
      const templates = await loadTemplates(checked.root);
      const print = (document: string, fill?: FillFromPrint, outline?: OutlineEntry[]) =>
        stage('pdf', async () =>
          (await printer!()).printPdf(document, {
            date: pdfDate,
            info: { author: config.autore, creator: config.editore },
            onBlockedRequest: (url) => blockedRequests.push(url),
            fill,
            outline,
          }),
        );
      // Chromium prints (in its own processes) while this process writes everything else.
      if (!options.noPdf) fx.progress('PDF (Chromium)');
      const { indexPageFill, indexOutline } = await import('./render/index-pages.js');
      // The index's page numbers are read from a draft print of the same page, and its entries are the bookmarks (index-pages.ts).
      const printing = options.noPdf
        ? null
        : print(renderHtml(view, templates, 'report', { forPrint: true }), indexPageFill(view), indexOutline(view));
      printing?.catch(() => undefined); // awaited below; a failure elsewhere first must not leave it unhandled
      // The manifest's fingerprints of the inputs are taken while Chromium prints, not after it.
      const inputs = digestInputs(checked.root);
      inputs.catch(() => undefined); // awaited for the manifest below
      const html = await stage('html', () => renderHtml(view, templates));
      const written = await stage('dati-aperti', async () => {
        // The open data name each value's files and rows: lineage, left out of the computing above.
        completeLineage(checked, result);
        await out.writeFile(path.join(dir, 'report.html'), html);
        const names = await writeOpenData(checked, result, dir, out);
        await out.writeFile(path.join(dir, 'validazione.json'), `${JSON.stringify(sayReport(lang, checked.report), null, 1)}\n`);
        // The submissions grid too (the one compute made for the report), so that a build's folder holds everything `bilancio submissions` writes.
        const grid = result.contributions.grid;
        await out.writeFile(path.join(dir, 'contributi.json'), `${JSON.stringify(grid, null, 2)}\n`);
        const [{ renderPage }, { gridPageView }] = await Promise.all([import('./render/page.js'), import('./render/submissions-page.js')]);
        await out.writeFile(
          path.join(dir, 'contributi.html'),
          renderPage('contributi', gridPageView(grid, lang, config.titolo), templates),
        );
        return [...names, 'validazione.json', 'contributi.json', 'contributi.html', 'report.html'];
      });
      if (printing) {
        await out.writeFile(path.join(dir, 'report.pdf'), await printing);
        written.push('report.pdf');
        if (options.perZona) {
          for (const zona of checked.project.territorio.zone) {
            fx.progress(`PDF della zona ${zona.nome}`);
            const booklet = renderHtml(zonaBookletView(view, zona, lang === 'it' ? 'Zona' : 'Zone'), templates, 'libretto', {
              forPrint: true,
            });
            const name = `report-zona-${zona.codice}.pdf`;
            await out.writeFile(path.join(dir, name), await print(booklet));
            written.push(name);
          }
        }
        // Nothing more to print: Chromium closes while the manifest is written (buildProject awaits it).
        void printer?.().then(
          (started) => started.close(),
          () => undefined,
        );
      }
      await stage('manifest', async () => {
        const manifest = await buildManifest(await inputs, recorder.written, {
          lingua: lang,
          ignora_errori: !!options.ignoreErrors,
          consenti_soglia_bassa: !!options.allowLowThreshold,
          pdf: !options.noPdf,
          per_zona: !!options.perZona,
          data_pdf: options.noPdf || !pdfDate ? null : pdfDate.toISOString(),
          source_date_epoch: sourceDateEpoch || null,
        });
        await fx.writeFile(path.join(dir, MANIFEST_FILE), manifest);
      });
      written.push(MANIFEST_FILE);
      return written;
    }),
  );
  return { status: 'built', checked, result, files, blockedRequests };
}
