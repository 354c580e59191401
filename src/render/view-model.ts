import type { Lang, ValidationReport } from '../types.js';
import type { Config } from '../config/config.js';
import type { ComputeResult } from '../compute/compute-indicators.js';
import { ViewContext, type RenderChart, type ReportCatalogue } from './view-context.js';
import { formatDate } from './format.js';
import { methodView, type MethodView } from './view-method.js';
import { networkView, type NetworkView } from './view-network.js';
import { cityView, type CityView } from './view-city.js';
import { cantieriNotes, cantieriView, type CantiereView } from './view-cantieri.js';
import { communityView, type CommunityView } from './view-community.js';
import { commitmentsView, resourcesView, type SimpleChapter } from './view-accountability.js';
import { peopleView } from './view-funding.js';
import { quartieriChapter, type QuartieriView } from './view-quartieri.js';
import { annexView, type AnnexView } from './view-annex.js';
import { summaryMethodNote, summaryView, type SummaryView } from './view-summary.js';
import type { MapLayout } from '../validate/map-layout.js';
import { creditsView, type CreditsView } from './view-credits.js';
import { definitionChangeNotes } from './view-changes.js';
import type { DefinitionChange } from '../compute/definition-changes.js';
import type { CheckedTexts } from '../validate/texts/text-types.js';
import type { TextFigures } from '../compute/text-figures.js';
import { noTexts, textsView, type TextsView, type TextView } from './view-texts.js';

/** Everything the templates print, already formatted: no arithmetic or formatting in templates. */
export interface ReportView {
  lang: Lang;
  /** Language of the project's own texts (title, services, voices): marked with lang= where it differs. */
  textLang: Lang;
  /** The report's title in its language (config titolo_en for English), and its language where it is not the report's. */
  title: string;
  titleLang: string;
  subtitle: string;
  subtitleLang: string;
  ente: string;
  /** The report's author (config `autore`), in the HTML's metadata as in the PDF's. */
  autore: string;
  citta: string;
  anno: number;
  dataLabel: string;
  published: string;
  ndNote: string;
  labels: {
    indice: string;
    iQuartieri: string;
    fonte: string;
    zona: string;
    /** Printed before an area's code on its page: "ISTAT ASC" when the project says so, else "codice". */
    codiceArea: string;
    /** The summary of a map's list of classes: "I quartieri di ogni classe". */
    areeDiOgniClasse: string;
  };
  /**
   * The chapters, for the index and the running headers; `lang` set where a title is not in the report's
   * language. The printed index's page numbers are written in by the printer (index-pages.ts).
   */
  toc: { id: string; title: string; lang: string; children: { id: string; title: string }[] }[];
  /** The Sintesi at the front: key figures and the findings of the declared rules. */
  summary: SummaryView;
  method: MethodView;
  network: NetworkView;
  city: CityView;
  cantieri: CantiereView[];
  community: CommunityView;
  resources: SimpleChapter;
  /** Operators and volunteers by organisation; null when the project has no personale data for the year. */
  people: SimpleChapter | null;
  commitments: SimpleChapter;
  quartieri: QuartieriView;
  annex: AnnexView;
  credits: CreditsView;
  /** The project's own texts (testi/*.md), by the place each takes in the report. */
  testi: TextsView;
}

export interface ViewInput {
  config: Config;
  lang: Lang;
  /** The project's catalogue only (territory, organisations, services, years): no data rows reach render. */
  catalogue: ReportCatalogue;
  result: ComputeResult;
  /** The validation report's counts (files, rows, errors, warnings), for the method note. */
  validation: ValidationReport['summary'];
  renderChart: RenderChart;
  lowThresholdAllowed?: boolean;
  /** The quartieri map (territorio/quartieri.geojson or mappa_tile.csv), if the project has one. */
  map?: MapLayout | null;
  /** Per earlier edition (catalogo/indicatori.<anno>.json), the indicators now defined differently. */
  definitionChanges?: Map<number, DefinitionChange[]>;
  /** The project's texts (testi/*.md) that passed validation; their figures are in result.testi. */
  texts?: CheckedTexts;
}

/** The title and subtitle of the report in its language: the project's English ones for `en` when given. */
function titles(ctx: ViewContext, config: Config): Pick<ReportView, 'title' | 'titleLang' | 'subtitle' | 'subtitleLang'> {
  const title = ctx.projectText(config.titolo, config.titoloEn);
  const subtitle = ctx.projectText(config.sottotitolo, config.sottotitoloEn);
  return { title: title.text, titleLang: title.lang, subtitle: subtitle.text, subtitleLang: subtitle.lang };
}

/** Builds the whole report view: every section in the order of the Bilancio sociale guidelines. */
export function buildViewModel(input: ViewInput): ReportView {
  const ctx = new ViewContext(input.lang, input.config, input.catalogue, input.result, input.renderChart, input.map ?? null);
  const { config } = input;
  // The Sintesi comes first in the report, so its table is numbered first.
  const summary = summaryView(ctx);
  const method = methodView(ctx, { lowThresholdAllowed: !!input.lowThresholdAllowed, validation: input.validation });
  method.paragraphs.push(summaryMethodNote(ctx));
  method.paragraphs.push(...definitionChangeNotes(ctx, input.definitionChanges ?? new Map()));
  const network = networkView(ctx);
  const city = cityView(ctx);
  const cantieri = cantieriView(ctx);
  method.paragraphs.push(...cantieriNotes(ctx, cantieri));
  const community = communityView(ctx);
  const resources = resourcesView(ctx);
  const people = peopleView(ctx);
  const commitments = commitmentsView(ctx);
  const quartieri = quartieriChapter(ctx);
  const annex = annexView(ctx);
  const credits = creditsView(ctx);
  const chapter = (c: { id: string; title: string }) => ({ id: c.id, title: c.title, lang: '', children: [] });
  const toc = [
    chapter(summary),
    chapter(method),
    chapter(network),
    chapter(city),
    ...cantieri.chapters.map((c) => ({ ...chapter(c), lang: c.titleLang })),
    chapter(community),
    chapter(resources),
    ...(people ? [chapter(people)] : []),
    chapter(commitments),
    { ...chapter(quartieri), children: quartieri.pages.map((p) => ({ id: p.id, title: p.nome })) },
    chapter(annex),
  ];
  const view: ReportView = {
    lang: input.lang,
    textLang: config.lingua,
    ...titles(ctx, config),
    ente: config.ente,
    autore: config.autore,
    citta: config.citta,
    anno: ctx.anno,
    dataLabel: ctx.label('datiAl', { anno: ctx.anno }),
    published: config.dataPubblicazione
      ? ctx.label('pubblicatoIl', { data: formatDate(new Date(config.dataPubblicazione), input.lang) })
      : '',
    ndNote: ctx.label('ndNota', { soglia: config.sogliaRiservatezza }),
    labels: {
      indice: ctx.label('indice'),
      iQuartieri: ctx.label('iQuartieri'),
      fonte: ctx.label('fonte'),
      zona: ctx.label('zona'),
      codiceArea: ctx.words.codice_area!,
      areeDiOgniClasse: ctx.text({ it: '{Le_aree} di ogni classe', en: 'The {aree} in each class' }),
    },
    toc,
    summary,
    method,
    network,
    city,
    cantieri: cantieri.chapters,
    community,
    resources,
    people,
    commitments,
    quartieri,
    annex,
    credits,
    testi: noTexts(),
  };
  return input.texts && input.result.testi ? withTexts(view, input.texts, input.result.testi) : view;
}

/** The chapters a text may name, by the word it writes (metodo, rete…, a cantiere's code), and their ids. */
function chapterIds(view: ReportView): Map<string, string> {
  const ids = new Map<string, string>([
    ['sintesi', view.summary.id],
    ['metodo', view.method.id],
    ['rete', view.network.id],
    ['citta', view.city.id],
    ['comunita', view.community.id],
    ['risorse', view.resources.id],
    ['impegni', view.commitments.id],
    ['quartieri', view.quartieri.id],
    ['appendici', view.annex.id],
  ]);
  for (const c of view.cantieri) ids.set(c.id.replace(/^cantiere-/, ''), c.id);
  return ids;
}

/**
 * The view with the project texts (testi/*.md) in their places, those of their own in the index: the
 * live preview calls it alone after a text is saved, without rebuilding the rest of the report.
 */
export function withTexts(view: ReportView, texts: CheckedTexts, figures: TextFigures): ReportView {
  const testi = textsView({ checked: texts, figures, lang: view.lang, textLang: view.textLang, chapterIds: chapterIds(view) });
  const old = new Set([...view.testi.apertura, ...view.testi.appendice].map((t) => t.id));
  const chapters = view.toc.filter((c) => !old.has(c.id));
  const entry = (text: TextView) => ({ id: text.id, title: text.titolo, lang: text.lang, children: [] });
  return { ...view, testi, toc: [...testi.apertura.map(entry), ...chapters, ...testi.appendice.map(entry)] };
}
