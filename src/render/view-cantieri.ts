import type { ViewContext, FigureView, TableView, RichText } from './view-context.js';
import { formatNumber } from './format.js';
import { byCount, countOf, NOUNS } from '../i18n.js';
import { mapFigure } from './view-map.js';
import { completenessText } from './view-credits.js';
import { targetAgeRange } from '../service-target.js';
import { cantiereWords } from './cantiere-text.js';
import { sortedByValue } from './sort-areas.js';
import { changesView, type ChangesView } from './view-trend.js';
import { unitText } from './units.js';

/** A service's name as ServiceView holds it. */
const serviceName = (name: { text: string; lang: string }) => ({ nome: name.text, nomeLang: name.lang });
import { isCountIndicator } from '../compute/catalogue.js';

export interface ServiceView {
  nome: string;
  /** The name's language where it is not the report's (no English name in the catalogue), else ''. */
  nomeLang: string;
  ente: string;
  target: string;
  unita: string;
}

export interface CoverageView {
  indicatore: string;
  nome: string;
  definizione: string;
  /** Where to look: the figure, the map (if any) and the table of this indicator, cited by number. */
  rimandi: RichText;
  figure: FigureView;
  /** The map by quartiere, for the cantiere's main indicator. */
  map: FigureView | null;
  table: TableView;
  equity: string[];
}

export interface CantiereView {
  id: string;
  codice: string;
  /** The declared title, in the report's language when the declaration has it. */
  title: string;
  /** The language of the title where it differs from the report's (a fallback to the project's language), else ''. */
  titleLang: string;
  /** The declared introduction ('' when none), and its language where it differs from the report's. */
  introduzione: string;
  introduzioneLang: string;
  /** What the chapter holds: its services, or that it has none. */
  intro: string;
  servizi: ServiceView[];
  /** What changed: the chapter's indicators for the whole, against the year compared and over the years. */
  cambiamenti: ChangesView;
  /** The cantiere's absolute counts for the city (places, users, births…), with the change on the year compared; null when none. */
  counts: TableView | null;
  coverage: CoverageView[];
  completezza: string;
}

function targetText(ctx: ViewContext, target: string): string {
  if (target === 'tutti') return ctx.text({ it: 'tutti i residenti', en: 'all residents' });
  const ages = targetAgeRange(target);
  if (!ages) return target;
  return ages.max === null
    ? ctx.text({ it: 'residenti di {a} anni e più', en: 'residents aged {a}+' }, { a: ages.min })
    : ctx.text({ it: 'residenti da {a} a {b} anni', en: 'residents aged {a}-{b}' }, { a: ages.min, b: ages.max });
}

/** The equity sentences for an indicator: who is below target or furthest from the city, and D. */
function equityText(ctx: ViewContext, id: string): string[] {
  const e = ctx.result.equity.find((x) => x.indicatore === id && x.anno === ctx.anno);
  const def = ctx.values.definition(id);
  if (!e || !def || !e.min || !e.max) return [];
  const fmt = (v: number) => formatNumber(v, ctx.lang, def.decimali);
  const lines: string[] = [];
  if (e.obiettivo !== null) {
    lines.push(
      e.sottoObiettivo.length === 0
        ? ctx.text(
            {
              it: "Tutt{aree_i} {le_aree} con un valore pubblicato raggiungono l'obiettivo di {o}.",
              en: 'Every {area} with a published value reaches the target of {o}.',
            },
            { o: fmt(e.obiettivo) },
          )
        : ctx.text(
            byCount(
              e.sottoObiettivo.length,
              {
                it: "1 {area} su {tot} è sotto l'obiettivo di {o}: {lista}.",
                en: '1 of {tot} {aree} is below the target of {o}: {lista}.',
              },
              {
                it: "{n} {aree} su {tot} sono sotto l'obiettivo di {o}: {lista}.",
                en: '{n} of {tot} {aree} are below the target of {o}: {lista}.',
              },
            ),
            {
              o: fmt(e.obiettivo),
              n: e.sottoObiettivo.length,
              tot: e.quartieri,
              lista: e.sottoObiettivo.map((q) => `${q.nome} (${fmt(q.valore)})`).join(', '),
            },
          ),
    );
  }
  lines.push(
    ctx.text(
      {
        it: 'Il valore va da {min} a {minNome} a {max} a {maxNome}{ratio}.',
        en: 'The value ranges from {min} in {minNome} to {max} in {maxNome}{ratio}.',
      },
      {
        min: fmt(e.min.valore),
        minNome: e.min.nome,
        max: fmt(e.max.valore),
        maxNome: e.max.nome,
        ratio:
          e.rapportoMaxMin !== null
            ? ctx.text({ it: ': {r} volte tanto', en: ': {r} times as much' }, { r: formatNumber(e.rapportoMaxMin, ctx.lang, 1) })
            : '',
      },
    ),
  );
  if (e.dissimilarita !== null) {
    lines.push(
      ctx.text(
        {
          it: 'Indice di dissimilarità tra dove vivono gli utenti e dove vive la popolazione di riferimento: {d} (0 = distribuiti esattamente come il bisogno; {pct} degli utenti dovrebbe spostarsi tra {aree} per esserlo).',
          en: 'Dissimilarity index between where users live and where the target population lives: {d} (0 = spread exactly like need; {pct} of users would have to shift between {aree} to be so).',
        },
        { d: formatNumber(e.dissimilarita, ctx.lang, 2), pct: `${formatNumber(e.dissimilarita * 100, ctx.lang, 0)}%` },
      ),
    );
  }
  return lines;
}

function coverageView(ctx: ViewContext, id: string, withMap: boolean): CoverageView | null {
  const { values, anno, catalogue } = ctx;
  const def = values.definition(id);
  const city = values.get(id, 'citta', 'citta', anno);
  if (!def || !city) return null;
  const quartieri = catalogue.territorio.zone.flatMap((z) =>
    z.quartieri.map((code) => catalogue.territorio.quartieri.find((q) => q.codice === code)!),
  );
  const target = def.obiettivi[0];
  const bars = sortedByValue(
    quartieri.map((q) => ({ codice: q.codice, nome: q.nome, value: values.figure(id, 'quartiere', q.codice, anno).value })),
  );
  const cityFigure = values.figure(id, 'citta', 'citta', anno);
  const nome = ctx.indicatorName(id);
  const figure = ctx.figure(`fig-${id}`, ctx.text({ it: '{nome} per {area}, {anno}', en: '{nome} by {area}, {anno}' }, { nome, anno }), {
    kind: 'bullet',
    title: nome,
    labels: bars.map((q) => q.nome),
    values: bars.map((q) => q.value),
    target: target?.valore ?? cityFigure.value ?? 0,
    targetLabel: target
      ? target.etichetta || ctx.text({ it: 'Obiettivo', en: 'Target' })
      : ctx.text({ it: 'Valore {dell_intero}', en: '{Intero} value' }),
    reference: target ? 'target' : 'average',
    // Beside a target, the city's value too: an area can reach the target and still lag behind the city.
    ...(target && cityFigure.value !== null
      ? { city: { value: cityFigure.value, label: ctx.text({ it: 'Valore {dell_intero}', en: '{Intero} value' }) } }
      : {}),
    words: { ...ctx.words },
    unit: def.unita,
    decimals: def.decimali,
  });
  const map = withMap ? mapFigure(ctx, id) : null;
  const head = [
    ctx.label('zona'),
    `${nome} (${def.unita})`,
    ...(ctx.annoPrecedente ? [ctx.label('variazione', { anno: ctx.annoPrecedente })] : []),
  ];
  const row = (livello: 'zona' | 'citta', codice: string, label: string, emphasis = false) => {
    const figure = values.figure(id, livello, codice, anno);
    return {
      emphasis,
      cells: [
        { text: label, numeric: false, header: true },
        { text: figure.text, numeric: true, soppresso: figure.soppresso },
        ...(ctx.annoPrecedente ? [{ text: values.change(id, livello, codice, anno) || '—', numeric: true }] : []),
      ],
    };
  };
  const table = ctx.table(`tab-${id}`, ctx.text({ it: '{nome} per zona, {anno}', en: '{nome} by zone, {anno}' }, { nome, anno }), head, [
    ...catalogue.territorio.zone.map((z) => row('zona', z.codice, z.nome)),
    row('citta', 'citta', ctx.label('citta'), true),
  ]);
  const against = target
    ? cityFigure.value !== null
      ? ctx.text({ it: "con l'obiettivo e con il valore {dell_intero}", en: 'with the target and with the {intero} value' })
      : ctx.text({ it: "con l'obiettivo", en: 'with the target' })
    : ctx.text({ it: 'con il valore {dell_intero}', en: 'with the {intero} value' });
  const rimandi = map
    ? ctx.rich(
        {
          it: 'La {fig} confronta ogni {area} {against}, la mappa della {map} mostra dove sono i valori alti e bassi e la {tab} riassume le zone.',
          en: '{fig} compares each {area} {against}, the map in {map} shows where the high and low values are, and {tab} sums up the zones.',
        },
        { fig: figure, map, tab: table, against },
      )
    : ctx.rich(
        {
          it: 'La {fig} confronta ogni {area} {against}; la {tab} riassume le zone.',
          en: '{fig} compares each {area} {against}; {tab} sums up the zones.',
        },
        { fig: figure, tab: table, against },
      );
  return {
    indicatore: id,
    nome,
    definizione: ctx.lang === 'it' ? def.definizione : def.definizioneEn,
    rimandi,
    figure,
    map,
    table,
    equity: equityText(ctx, id),
  };
}

/** The table of a cantiere's counts for the city in the report year, with the change on the year compared. */
function countsTable(ctx: ViewContext, codice: string, ids: string[]): TableView | null {
  if (ids.length === 0) return null;
  const head = [
    ctx.text({ it: 'In cifre', en: 'In figures' }),
    String(ctx.anno),
    ...(ctx.annoPrecedente ? [ctx.label('variazione', { anno: ctx.annoPrecedente })] : []),
  ];
  const rows = ids.map((id) => {
    const figure = ctx.values.figure(id, 'citta', 'citta', ctx.anno);
    const unita = ctx.values.definition(id)?.unita ?? '';
    return {
      emphasis: false,
      cells: [
        { text: ctx.indicatorName(id), numeric: false, header: true },
        { text: figure.soppresso ? figure.text : `${figure.text} ${unita}`.trim(), numeric: true, soppresso: figure.soppresso },
        ...(ctx.annoPrecedente ? [{ text: ctx.values.change(id, 'citta', 'citta', ctx.anno) || '—', numeric: true }] : []),
      ],
    };
  });
  return ctx.table(
    `tab-cifre-${codice}`,
    ctx.text({ it: '{L_intero} in cifre, {anno}', en: 'The {intero} in figures, {anno}' }, { anno: ctx.anno }),
    head,
    rows,
  );
}

/** The chapters of the cantieri and those left out for having nothing to show. */
export interface CantieriChapters {
  chapters: CantiereView[];
  /** Declared cantieri without services, published indicators, commitments or voices in the report year: no chapter. */
  omitted: CantiereView[];
}

/** One chapter per declared cantiere, in declared order: its services, coverage per zona and quartiere, equity in words. */
export function cantieriView(ctx: ViewContext): CantieriChapters {
  const { catalogue, result } = ctx;
  const views = catalogue.cantieri.map((cantiere) => {
    const codice = cantiere.codice;
    const servizi = catalogue.servizi.filter((s) => s.cantiere === codice);
    const indicators = result.definitions.filter((d) => d.cantiere === codice).map((d) => d.id);
    // The cantiere's main indicator gets the map: the first with a target, else the first with values.
    const published = indicators.filter((id) => ctx.values.get(id, 'citta', 'citta', ctx.anno));
    // Counts (denominator 1) are said as numbers for the city, not drawn against a target: a quartiere's count has none.
    const isCount = (id: string): boolean => {
      const def = ctx.values.definition(id);
      return def !== undefined && isCountIndicator(def);
    };
    const rates = published.filter((id) => !isCount(id));
    const main = rates.find((id) => (ctx.values.definition(id)?.obiettivi.length ?? 0) > 0) ?? rates[0];
    const words = cantiereWords(cantiere, ctx.lang, ctx.config.lingua);
    // What changed comes first in the chapter (its chart is numbered before the coverage figures), main indicator
    // first; then the counts' table, numbered before the coverage tables.
    const cambiamenti = changesView(
      ctx,
      main ? [main, ...rates.filter((id) => id !== main)] : [],
      published.filter(isCount),
      codice,
      words.titolo.text,
    );
    const counts = countsTable(ctx, codice, published.filter(isCount));
    const coverage = rates.map((id) => coverageView(ctx, id, id === main)).filter((c): c is CoverageView => c !== null);
    // Received = rows of the expected ente for this cantiere's services entered the data (not just a folder).
    const completeness = result.contributions.completezza[codice] ?? { attesi: [], ricevuti: [], mancanti: [] };
    const differs = (lang: string) => (lang === ctx.lang ? '' : lang);
    const view: CantiereView = {
      id: `cantiere-${codice}`,
      codice,
      title: words.titolo.text,
      titleLang: differs(words.titolo.lang),
      introduzione: words.introduzione.text,
      introduzioneLang: words.introduzione.text ? differs(words.introduzione.lang) : '',
      intro:
        servizi.length === 0
          ? ctx.text({ it: 'Il catalogo non elenca servizi per questo cantiere.', en: 'The catalogue lists no service for this cantiere.' })
          : ctx.text(
              { it: 'Il cantiere comprende {servizi}.', en: 'The cantiere comprises {servizi}.' },
              { servizi: countOf(ctx.lang, servizi.length, NOUNS.servizio) },
            ),
      servizi: servizi.map((s) => ({
        ...serviceName(ctx.projectText(s.nome, s.nomeEn)),
        ente: s.enti.length === 0 ? '—' : s.enti.map((code) => catalogue.enti.find((e) => e.codice === code)?.nome ?? code).join(', '),
        target: targetText(ctx, s.target),
        unita: unitText(s.unita, ctx.lang),
      })),
      cambiamenti,
      counts,
      coverage,
      completezza: completenessText(ctx, completeness),
    };
    const commitments = result.commitments.impegni.some((c) => c.cantiere === codice);
    const voices = result.voices.some((v) => v.anno === ctx.anno && v.cantiere === codice);
    return { view, empty: servizi.length === 0 && coverage.length === 0 && !commitments && !voices };
  });
  return { chapters: views.filter((v) => !v.empty).map((v) => v.view), omitted: views.filter((v) => v.empty).map((v) => v.view) };
}

/** Method-note paragraphs about the cantieri: those left out of the report and why, and titles only in the project's language. */
export function cantieriNotes(ctx: ViewContext, cantieri: CantieriChapters): string[] {
  const notes: string[] = [];
  const titles = (list: CantiereView[]) => list.map((c) => `«${c.title}»`).join(', ');
  if (cantieri.omitted.length > 0) {
    notes.push(
      ctx.text(
        {
          it: 'Non hanno un capitolo, perché nel {anno} non hanno servizi nel catalogo, indicatori pubblicati, impegni né voci della comunità, i cantieri {list}.',
          en: 'The cantieri {list} have no chapter: in {anno} they have no service in the catalogue, no published indicator, no commitment and no voice of the community.',
        },
        { anno: ctx.anno, list: titles(cantieri.omitted) },
      ),
    );
  }
  const untranslated = cantieri.chapters.filter((c) => c.titleLang !== '' || c.introduzioneLang !== '');
  if (untranslated.length > 0) {
    notes.push(
      ctx.text(
        {
          it: "Il progetto non dà in italiano il titolo o l'introduzione dei cantieri {list}: sono riportati nella lingua in cui sono dichiarati nel catalogo dei cantieri.",
          en: 'The project gives no English title or introduction for the cantieri {list}: they are printed in Italian, as declared in the catalogue of cantieri.',
        },
        { list: titles(untranslated) },
      ),
    );
  }
  return notes;
}
