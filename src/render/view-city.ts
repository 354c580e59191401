import { changesView, type ChangesView } from './view-trend.js';
import type { ViewContext, FigureView, TableView, CellView, RichText } from './view-context.js';
import { pyramidSpec } from './pyramid-data.js';
import { formatNumber } from './format.js';
import { mapFigure } from './view-map.js';
import { sortedByValue } from './sort-areas.js';

/** Key figures shown for the city and on each quartiere page. */
export const KEY_INDICATORS = [
  'popolazione',
  'quota_0_14',
  'quota_65_plus',
  'quota_75_plus',
  'indice_vecchiaia',
  'eta_media',
  'quota_stranieri',
  'famiglie_unipersonali',
  'anziani_soli_75',
  'tasso_natalita',
  'tasso_mortalita',
];

/** Indicators the city chapter maps by quartiere. */
const CITY_MAPS = ['quota_65_plus', 'quota_stranieri'];

/** Indicators in the per-zona tables of the city chapter. */
const ZONE_TABLE_INDICATORS = ['popolazione', 'quota_0_14', 'quota_65_plus', 'indice_vecchiaia', 'quota_stranieri'];

export interface KpiView {
  nome: string;
  valore: string;
  unita: string;
  variazione: string;
  soppresso: boolean;
}

export interface CityView {
  id: string;
  title: string;
  /** Paragraphs with cross-references to the chapter's figures and tables. */
  intro: RichText[];
  kpis: KpiView[];
  figures: FigureView[];
  zoneTables: TableView[];
  equity: string[];
  /** What changed in the city: the seed's demographic themes (over-75s alone, foreign minors…) over the years. */
  cambiamenti: ChangesView;
}

/** The demographic rates and counts whose change and trend the city chapter tells, in this order. */
const CITY_CHANGES = {
  rates: ['anziani_soli_75', 'quota_stranieri_minori', 'quota_stranieri', 'quota_65_plus', 'tasso_natalita', 'famiglie_unipersonali'],
  counts: ['anziani_soli_75_numero', 'minori_stranieri'],
};

function cell(ctx: ViewContext, indicatore: string, livello: 'quartiere' | 'zona' | 'citta', codice: string): CellView {
  const figure = ctx.values.figure(indicatore, livello, codice, ctx.anno);
  return { text: figure.text, numeric: true, soppresso: figure.soppresso };
}

/** The city chapter: key figures, zone, pyramid, trends, one table per zona. */
export function cityView(ctx: ViewContext): CityView {
  const { anno, values, catalogue, config } = ctx;
  const available = (id: string) => !!values.get(id, 'citta', 'citta', anno);
  const kpis = KEY_INDICATORS.filter(available).map((id): KpiView => {
    const figure = values.figure(id, 'citta', 'citta', anno);
    return {
      nome: ctx.indicatorName(id),
      valore: figure.text,
      unita: values.definition(id)?.unita ?? '',
      variazione: ctx.annoPrecedente ? values.change(id, 'citta', 'citta', anno) : '',
      soppresso: figure.soppresso,
    };
  });
  const figures: FigureView[] = [];
  const zone = catalogue.territorio.zone;
  let byZone: FigureView | null = null;
  let pyramid: FigureView | null = null;
  let trend: FigureView | null = null;
  if (available('popolazione')) {
    // The zones highest first, as a reader compares them.
    const residents = sortedByValue(
      zone.map((z) => ({ codice: z.codice, nome: z.nome, value: values.figure('popolazione', 'zona', z.codice, anno).value })),
    );
    figures.push(
      (byZone = ctx.figure(
        'fig-residenti-zona',
        ctx.text({ it: 'Residenti per zona al 31 dicembre {anno}', en: 'Residents by zone at 31 December {anno}' }, { anno }),
        {
          kind: 'bar',
          title: ctx.text({ it: 'Residenti per zona', en: 'Residents by zone' }),
          labels: residents.map((z) => z.nome),
          series: [{ label: ctx.text({ it: 'Residenti', en: 'Residents' }), values: residents.map((z) => z.value) }],
          decimals: 0,
        },
      )),
    );
  }
  const cityPyramid = ctx.result.pyramids.citta;
  if (cityPyramid) {
    const spec = pyramidSpec(cityPyramid, ctx.text({ it: 'Piramide delle età', en: 'Age pyramid' }));
    figures.push(
      (pyramid = ctx.figure(
        'fig-piramide-citta',
        ctx.text(
          {
            it: 'Piramide delle età {dell_intero} per sesso e cittadinanza, {anno}',
            en: 'Age pyramid of the {intero} by sex and citizenship, {anno}',
          },
          { anno },
        ),
        spec,
        { height: 520 },
      )),
    );
  }
  if (catalogue.anni.length >= 2 && available('popolazione')) {
    figures.push(
      (trend = ctx.figure(
        'fig-andamento-zone',
        ctx.text({ it: 'Residenti per zona negli anni {da}-{a}', en: 'Residents by zone, {da}-{a}' }, { da: catalogue.anni[0]!, a: anno }),
        {
          kind: 'line',
          title: ctx.text({ it: 'Andamento dei residenti per zona', en: 'Residents by zone over time' }),
          labels: catalogue.anni.map(String),
          series: zone.map((z) => ({
            label: z.nome,
            values: catalogue.anni.map((y) => values.figure('popolazione', 'zona', z.codice, y).value),
          })),
          decimals: 0,
        },
      )),
    );
  }
  const maps = CITY_MAPS.map((id) => mapFigure(ctx, id)).filter((m): m is FigureView => m !== null);
  figures.push(...maps);
  const indicators = ZONE_TABLE_INDICATORS.filter(available);
  const head = [ctx.label('quartiere'), ...indicators.map((id) => `${ctx.indicatorName(id)} (${values.definition(id)?.unita ?? ''})`)];
  const names = new Map(catalogue.territorio.quartieri.map((q) => [q.codice, q.nome]));
  const zoneTables = zone.map((z) =>
    ctx.table(
      `tab-zona-${z.codice}`,
      ctx.text(
        { it: 'Zona {zona}: indicatori demografici per {area}, {anno}', en: 'Zone {zona}: demographic indicators by {area}, {anno}' },
        { zona: z.nome, anno },
      ),
      head,
      [
        ...z.quartieri.map((code) => ({
          cells: [
            { text: names.get(code) ?? code, numeric: false, header: true },
            ...indicators.map((id) => cell(ctx, id, 'quartiere', code)),
          ],
        })),
        {
          emphasis: true,
          cells: [
            { text: `${ctx.label('zona')} ${z.nome}`, numeric: false, header: true },
            ...indicators.map((id) => cell(ctx, id, 'zona', z.codice)),
          ],
        },
      ],
    ),
  );
  const equity: string[] = [];
  for (const id of ['indice_vecchiaia', 'quota_stranieri']) {
    const e = ctx.result.equity.find((x) => x.indicatore === id && x.anno === anno);
    if (!e?.min || !e.max) continue;
    const decimals = values.definition(id)?.decimali ?? 1;
    equity.push(
      ctx.text(
        {
          it: '{nome}: va da {min} a {minNome} a {max} a {maxNome} ({l_intero}: {citta}).',
          en: '{nome}: ranges from {min} in {minNome} to {max} in {maxNome} ({intero}: {citta}).',
        },
        {
          nome: ctx.indicatorName(id),
          min: formatNumber(e.min.valore, ctx.lang, decimals),
          minNome: e.min.nome,
          max: formatNumber(e.max.valore, ctx.lang, decimals),
          maxNome: e.max.nome,
          citta: values.figure(id, 'citta', 'citta', anno).text,
        },
      ),
    );
  }
  const popolazione = values.figure('popolazione', 'citta', 'citta', anno);
  const counts = { anno, citta: config.citta, pop: popolazione.text, nq: catalogue.territorio.quartieri.length, nz: zone.length };
  const about: RichText[] = [
    byZone
      ? ctx.rich(
          {
            it: 'Al 31 dicembre {anno} {citta} conta {pop} residenti in {nq} {aree} e {nz} zone ({fig}).',
            en: 'At 31 December {anno} {citta} has {pop} residents in {nq} {aree} and {nz} zones ({fig}).',
          },
          { ...counts, fig: byZone },
        )
      : ctx.rich(
          {
            it: 'Al 31 dicembre {anno} {citta} conta {pop} residenti in {nq} {aree} e {nz} zone.',
            en: 'At 31 December {anno} {citta} has {pop} residents in {nq} {aree} and {nz} zones.',
          },
          counts,
        ),
  ];
  if (pyramid)
    about.push(
      ctx.rich(
        { it: 'La {fig} mostra la struttura per età, sesso e cittadinanza.', en: '{fig} shows the structure by age, sex and citizenship.' },
        { fig: pyramid },
      ),
    );
  if (trend)
    about.push(
      ctx.rich(
        { it: 'La {fig} segue i residenti di ogni zona negli anni.', en: '{fig} follows the residents of each zone over the years.' },
        { fig: trend },
      ),
    );
  const where: RichText[] = [];
  if (maps.length > 0) {
    where.push(
      maps.length === 1
        ? ctx.rich(
            {
              it: 'La mappa della {a} mostra come il valore cambia da {area} a {area}.',
              en: 'The map in {a} shows how the value changes from {area} to {area}.',
            },
            { a: maps[0]! },
          )
        : ctx.rich(
            {
              it: 'Le mappe ({a} e {b}) mostrano dove vivono gli anziani e i residenti stranieri, {area} per {area}.',
              en: 'The maps ({a} and {b}) show where older and foreign residents live, {area} by {area}.',
            },
            { a: maps[0]!, b: maps[maps.length - 1]! },
          ),
    );
  }
  const [first, last] = [zoneTables[0], zoneTables[zoneTables.length - 1]];
  if (first && last && first !== last) {
    where.push(
      ctx.rich(
        {
          it: 'Le tabelle dalla {a} alla {b} riportano gli indicatori di ogni {area}, zona per zona.',
          en: 'Tables {a} to {b} give the indicators of each {area}, zone by zone.',
        },
        { a: { id: first.id, label: String(first.number) }, b: { id: last.id, label: String(last.number) } },
      ),
    );
  }
  const paragraph = (sentences: RichText[]): RichText => sentences.flatMap((s, i) => (i === 0 ? s : [{ text: ' ' }, ...s]));
  const intro = [about, where].filter((p) => p.length > 0).map(paragraph);
  // After the chapter's other figures, so that its charts are numbered in the order they are printed.
  const cambiamenti = changesView(
    ctx,
    CITY_CHANGES.rates.filter(available),
    CITY_CHANGES.counts.filter(available),
    'la-citta',
    ctx.label('laCitta'),
  );
  return {
    id: 'la-citta',
    title: ctx.label('laCitta'),
    intro,
    kpis,
    figures,
    zoneTables,
    equity,
    cambiamenti,
  };
}
