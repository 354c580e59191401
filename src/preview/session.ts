import path from 'node:path';
import type { Lang, Problem } from '../types.js';
import { timed, type Effects } from '../effects.js';
import { checkProject, checkProjectTexts, computeProject, reportView, type CheckedProject } from '../pipeline.js';
import { TableCache } from '../ingest/table-cache.js';
import { TableChecks } from '../validate/table-checks.js';
import { ComputeMemo } from '../compute/compute-memo.js';
import { readTexts, TEXTS_DIR } from '../project/read-texts.js';
import { computeTextFigures } from '../compute/text-figures.js';
import type { ComputeResult } from '../compute/compute-indicators.js';
import type { ReportView } from '../render/view-model.js';
import type { TemplateSet } from '../render/html.js';
import type { ChartRenderer } from '../render/charts.js';

// The live preview's builds: the whole report once, then only what a saved file changes. A text of
// testi/ re-renders the texts and the page, reading no data file; any other file rebuilds the report,
// re-reading only the tables whose file changed (TableCache). No PDF: `build` prints.

export interface PreviewOptions {
  project: string;
  lang?: Lang;
  allowLowThreshold?: boolean;
}

/** One build of the preview: the report's HTML (null when the project cannot be built) and its problems. */
export interface PreviewBuild {
  html: string | null;
  lang: Lang;
  /** Every problem found (errors and warnings), to show on the page and in the terminal. */
  problems: Problem[];
  /** Why there is no report: the config cannot be read, or publishing would give away a protected count. */
  blocked: 'config' | 'leak' | null;
  /** `testi` when only the texts were redone, `tutto` when the report was rebuilt. */
  kind: 'tutto' | 'testi';
  ms: number;
}

const flat = (checked: CheckedProject): Problem[] => checked.report.files.flatMap((f) => [...f.errors, ...f.warnings]);
const isTextProblem = (p: Problem) => p.file.startsWith(`${TEXTS_DIR}/`);

/** A project kept in memory between builds, so that a saved file redoes only its part. */
export class PreviewSession {
  readonly tables = new TableCache();
  readonly checks = new TableChecks();
  readonly memo = new ComputeMemo();
  private checked: CheckedProject | null = null;
  private result: ComputeResult | null = null;
  private view: ReportView | null = null;
  private templates: TemplateSet | null = null;
  private charts: ChartRenderer | null = null;

  /** The project folder, absolute. */
  readonly root: string;

  constructor(
    private readonly options: PreviewOptions,
    private readonly fx: Effects,
  ) {
    this.root = path.resolve(options.project);
  }

  /** Rebuilds after `changed` (paths relative to the project, '/'-separated): the texts alone when only they changed. */
  async update(changed: string[] | 'all'): Promise<PreviewBuild> {
    const began = performance.now();
    const textsOnly = changed !== 'all' && changed.length > 0 && changed.every((file) => file.startsWith(`${TEXTS_DIR}/`));
    const build = textsOnly && this.view ? await this.texts() : await this.everything();
    return { ...build, ms: performance.now() - began };
  }

  private async everything(): Promise<Omit<PreviewBuild, 'ms'>> {
    this.view = null;
    const checked = await checkProject({ ...this.options, tables: this.tables, checks: this.checks }, this.fx);
    this.checked = checked;
    const lang = checked.lang;
    if (!checked.config) return { html: null, lang, problems: flat(checked), blocked: 'config', kind: 'tutto' };
    // As `build --ignora-errori`: the page shows the report of the valid rows, and the problems above it.
    // No lineage: the page shows none, and the preview writes no open data.
    const result = await timed(this.fx, 'calcolo', () => computeProject(checked, { lineage: false, memo: this.memo }));
    if (result.privacy.leaks.length > 0) return { html: null, lang, problems: flat(checked), blocked: 'leak', kind: 'tutto' };
    this.charts ??= (await import('../render/charts.js')).createChartRenderer();
    const charts = this.charts;
    this.result = result;
    this.view = await timed(this.fx, 'report', () =>
      reportView(checked, result, {
        renderChart: (spec, chartLang, chartOptions) => charts.render(spec, chartLang, chartOptions),
        allowLowThreshold: this.options.allowLowThreshold,
      }),
    );
    const { loadTemplates } = await import('../render/html.js');
    this.templates = await loadTemplates(checked.root);
    return { html: await this.html(), lang, problems: flat(checked), blocked: null, kind: 'tutto' };
  }

  private async texts(): Promise<Omit<PreviewBuild, 'ms'>> {
    const checked = this.checked!;
    const result = this.result!;
    const texts = checkProjectTexts(await readTexts(checked.root), checked.project, checked.definitions);
    checked.texts = texts.checked;
    result.testi = computeTextFigures(texts.checked.texts, result.values, result.definitions, result.anno);
    const { withTexts } = await import('../render/view-model.js');
    this.view = withTexts(this.view!, texts.checked, result.testi);
    const problems = [...flat(checked).filter((p) => !isTextProblem(p)), ...texts.problems];
    return { html: await this.html(), lang: checked.lang, problems, blocked: null, kind: 'testi' };
  }

  private async html(): Promise<string> {
    const { renderHtml } = await import('../render/html.js');
    return timed(this.fx, 'html', () => renderHtml(this.view!, this.templates!));
  }
}
