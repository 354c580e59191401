import type { Lang, ValidatedProject } from '../types.js';
import type { Config } from '../config/config.js';
import type { ComputeResult } from '../compute/compute-indicators.js';
import { t, type Bilingual } from '../i18n.js';
import type { ChartImage, ChartOptions, ChartSpec } from './charts.js';
import { ValueIndex } from './values.js';
import { LABELS } from './labels.js';

/** A numbered figure: the chart image, its caption and its text alternative. */
export interface FigureView {
  id: string;
  number: number;
  label: string;
  caption: string;
  svg: string;
  alt: string;
  note: string;
}

/** A numbered table with a header row and body rows of cells. */
export interface TableView {
  id: string;
  number: number;
  label: string;
  caption: string;
  head: string[];
  rows: { cells: CellView[]; emphasis?: boolean }[];
  note: string;
  /** Short tables print whole on one page with their caption; long ones break between rows. */
  keepTogether: boolean;
}

export interface CellView {
  text: string;
  numeric: boolean;
  soppresso?: boolean;
  header?: boolean;
}

export type RenderChart = (spec: ChartSpec, lang: Lang, options?: ChartOptions) => ChartImage;

/** Everything a section builder needs, and the counters that number figures and tables. */
export class ViewContext {
  readonly values: ValueIndex;
  readonly anno: number;
  readonly annoPrecedente: number | null;
  private figures = 0;
  private tables = 0;

  constructor(
    readonly lang: Lang,
    readonly config: Config,
    readonly project: ValidatedProject,
    readonly result: ComputeResult,
    private readonly renderChart: RenderChart,
  ) {
    this.values = new ValueIndex(result.values, result.definitions, lang);
    this.anno = project.anni.includes(config.anno) ? config.anno : (project.anni[project.anni.length - 1] ?? config.anno);
    const previous = config.annoConfronto ?? this.anno - 1;
    this.annoPrecedente = project.anni.includes(previous) ? previous : null;
  }

  /** A fixed text of the report in its language. */
  label(key: keyof typeof LABELS, params: Record<string, string | number> = {}): string {
    return t(this.lang, LABELS[key], params);
  }

  /** A text given in both languages here, in the report's language. */
  text(text: Bilingual, params: Record<string, string | number> = {}): string {
    return t(this.lang, text, params);
  }

  /** Renders a chart as the next numbered figure. */
  figure(id: string, caption: string, spec: ChartSpec, options: ChartOptions = {}, note = ''): FigureView {
    const image = this.renderChart(spec, this.lang, options);
    this.figures++;
    return { id, number: this.figures, label: `${this.label('figura')} ${this.figures}`, caption, svg: image.svg, alt: image.alt, note };
  }

  /** Numbers a table. */
  table(id: string, caption: string, head: string[], rows: TableView['rows'], note = ''): TableView {
    this.tables++;
    return { id, number: this.tables, label: `${this.label('tabella')} ${this.tables}`, caption, head, rows, note, keepTogether: rows.length <= 30 };
  }

  /** The indicator's name in the report language. */
  indicatorName(id: string): string {
    const def = this.values.definition(id);
    if (!def) return id;
    return this.lang === 'it' ? def.nome : def.nomeEn;
  }
}
