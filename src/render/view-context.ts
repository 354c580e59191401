import type { Lang, ValidatedProject } from '../types.js';
import type { Config } from '../config/config.js';
import { reportYears, type ComputeResult } from '../compute/compute-indicators.js';
import { t, type Bilingual } from '../i18n.js';
import type { ChartImage, ChartOptions, ChartSpec } from './charts.js';
import { ValueIndex } from './values.js';
import { localizedDefinition } from './units.js';
import { projectText, type ProjectText } from './project-text.js';
import { LABELS } from './labels.js';
import { cantiereTitle } from './cantiere-text.js';
import { DEFAULT_PLACE_WORDS, placeParams } from './place-words.js';
import type { MapLayout } from '../validate/map-layout.js';

/** A numbered figure: the chart or map image, its caption and its text alternative. */
export interface FigureView {
  id: string;
  number: number;
  label: string;
  caption: string;
  svg: string;
  alt: string;
  note: string;
  /** Maps: each class of the legend and the quartieri in it (shown on screen as a list); else empty. */
  classi: { etichetta: string; quartieri: string }[];
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
  /**
   * Set for detail tables too long for paper: the HTML shows them, the PDF prints in their place
   * this line (number, caption, where to find the table), so numbering stays the same in both.
   */
  screenOnlyNote: string;
}

/** A run of text; with `href`, a link to a figure or table of the report (a cross-reference). */
export interface TextPart {
  text: string;
  href?: string;
  /** The language of a project's own text where it is not the report's (its `lang` attribute). */
  lang?: string;
}

/** A paragraph with cross-references, printed by partials/testo.hbs. */
export type RichText = TextPart[];

/**
 * What a `{name}` of a rich text can be: a value, a numbered figure or table to cite, a project's text with
 * its language (ProjectText), or a run of parts of its own (a list of such texts).
 */
export type RichParam = string | number | { id: string; label: string } | ProjectText | RichText;

export interface CellView {
  text: string;
  /** The language of the text where it is not the report's (a project text without translation). */
  lang?: string;
  numeric: boolean;
  soppresso?: boolean;
  header?: boolean;
  /** Never wrapped: an interval (3,25–3,39) would break after its dash. */
  nowrap?: boolean;
}

/** Tables up to about three quarters of an A4 page print whole; longer ones break between rows. */
const KEEP_TOGETHER_LINES = 36;
/** Characters of table text on one printed line across the A4 text column. */
const CHARACTERS_PER_LINE = 110;

/** A rough count of the printed lines of a table: each row as tall as its most wrapped cell. */
export function printedLines(head: string[], rows: { cells: { text: string }[] }[]): number {
  const columns = Math.max(1, head.length);
  const width = CHARACTERS_PER_LINE / columns;
  const lines = (texts: string[]) => Math.max(1, ...texts.map((text) => Math.ceil(text.length / width)));
  return lines(head) + rows.reduce((n, row) => n + lines(row.cells.map((c) => c.text)), 0);
}

/**
 * What render may know of the project besides compute's figures: its catalogue (territory, organisations,
 * services, years), never its data rows. Every count, sum and rate comes from the ComputeResult.
 */
export type ReportCatalogue = Pick<ValidatedProject, 'territorio' | 'enti' | 'agenzie' | 'servizi' | 'anni' | 'cantieri'>;

/** The catalogue of a project, without its rows (so that render cannot reach them). */
export function catalogueOf(catalogue: ReportCatalogue): ReportCatalogue {
  return {
    territorio: catalogue.territorio,
    enti: catalogue.enti,
    agenzie: catalogue.agenzie,
    servizi: catalogue.servizi,
    anni: catalogue.anni,
    cantieri: catalogue.cantieri,
  };
}

export type RenderChart = (spec: ChartSpec, lang: Lang, options?: ChartOptions) => ChartImage;

/** Everything a section builder needs, and the counters that number figures and tables. */
export class ViewContext {
  readonly values: ValueIndex;
  readonly anno: number;
  readonly annoPrecedente: number | null;
  /** The project's words for its areas and the whole, as placeholders every text may use (place-words.ts). */
  readonly words: Readonly<Record<string, string>>;
  private figures = 0;
  private tables = 0;
  private readonly ids = new Set<string>();

  constructor(
    readonly lang: Lang,
    readonly config: Config,
    readonly catalogue: ReportCatalogue,
    readonly result: ComputeResult,
    private readonly renderChart: RenderChart,
    /** The quartieri map of the project (GeoJSON or tiles), if it has one. */
    readonly map: MapLayout | null = null,
  ) {
    // Units and targets in the report's language, once: every value and definition the views read comes from here.
    this.values = new ValueIndex(
      result.values,
      result.definitions.map((d) => localizedDefinition(d, lang)),
      lang,
    );
    // A config built by hand (a test's partial one) may name no words: today's then.
    const { area = DEFAULT_PLACE_WORDS.area, intero = DEFAULT_PLACE_WORDS.intero } = config as Partial<Config>;
    this.words = placeParams({ area, intero }, lang);
    ({ anno: this.anno, annoPrecedente: this.annoPrecedente } = reportYears(catalogue.anni, config.anno, config.annoConfronto));
  }

  /** A fixed text of the report in its language. */
  label(key: keyof typeof LABELS, params: Record<string, string | number> = {}): string {
    return t(this.lang, LABELS[key], { ...this.words, ...params });
  }

  /** The chapter title of a declared cantiere in the report's language (its code when it is not declared). */
  cantiereTitle(codice: string): string {
    return cantiereTitle(this.catalogue.cantieri, codice, this.lang, this.config.lingua);
  }

  /** A text of the project (with its English twin, if any) in the report's language, marked where it is not. */
  projectText(text: string, textEn?: string | null): ProjectText {
    return projectText(this.lang, this.config.lingua ?? 'it', text, textEn);
  }

  /** A text given in both languages here, in the report's language. */
  text(text: Bilingual, params: Record<string, string | number> = {}): string {
    return t(this.lang, text, { ...this.words, ...params });
  }

  /** An id not yet used in the report: `base`, else `base-2`, `base-3`… */
  uniqueId(base: string): string {
    let id = base;
    for (let n = 2; this.ids.has(id); n++) id = `${base}-${n}`;
    this.ids.add(id);
    return id;
  }

  /** A text in both languages whose `{name}`s may cite figures and tables: "(Figura 3)" links to it. */
  rich(text: Bilingual, params: Record<string, RichParam> = {}): RichText {
    const parts: RichText = [];
    const source = text[this.lang];
    let last = 0;
    for (const match of source.matchAll(/\{(\w+)\}/g)) {
      const value = params[match[1]!] ?? this.words[match[1]!];
      if (value === undefined) continue;
      parts.push({ text: source.slice(last, match.index) });
      if (Array.isArray(value)) parts.push(...value);
      else if (typeof value !== 'object') parts.push({ text: String(value) });
      else if ('label' in value) parts.push({ text: value.label, href: value.id });
      else parts.push(value.lang ? { text: value.text, lang: value.lang } : { text: value.text });
      last = match.index + match[0].length;
    }
    parts.push({ text: source.slice(last) });
    return parts.filter((p) => p.text !== '');
  }

  /** Renders a chart as the next numbered figure. */
  figure(id: string, caption: string, spec: ChartSpec, options: ChartOptions = {}, note = ''): FigureView {
    return this.image(id, caption, this.renderChart(spec, this.lang, options), note);
  }

  /** Adds an image our own code drew (SVG with every text escaped) as the next numbered figure. */
  image(id: string, caption: string, image: { svg: string; alt: string }, note = '', classi: FigureView['classi'] = []): FigureView {
    this.figures++;
    return {
      id,
      number: this.figures,
      label: `${this.label('figura')} ${this.figures}`,
      caption,
      svg: image.svg,
      alt: image.alt,
      note,
      classi,
    };
  }

  /** Numbers a table; `screenOnly` keeps a long detail table out of the PDF (see TableView.screenOnlyNote). */
  table(
    id: string,
    caption: string,
    head: string[],
    rows: TableView['rows'],
    note = '',
    options: { screenOnly?: boolean } = {},
  ): TableView {
    this.tables++;
    const screenOnlyNote = options.screenOnly
      ? this.text({
          it: 'la tabella completa è nella versione HTML del bilancio e nei dati aperti.',
          en: 'the full table is in the HTML version of the report and in the open data.',
        })
      : '';
    return {
      id,
      number: this.tables,
      label: `${this.label('tabella')} ${this.tables}`,
      caption,
      head,
      rows,
      note,
      keepTogether: printedLines(head, rows) <= KEEP_TOGETHER_LINES,
      screenOnlyNote,
    };
  }

  /** The indicator's name in the report language. */
  indicatorName(id: string): string {
    const def = this.values.definition(id);
    if (!def) return id;
    return this.lang === 'it' ? def.nome : def.nomeEn;
  }
}
