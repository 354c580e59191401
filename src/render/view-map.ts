import type { ViewContext, FigureView } from './view-context.js';
import { classify, DARK_TEXT } from './map-classes.js';
import { drawMap, type MapArea } from './map-svg.js';
import { formatNumber, roundHalfAwayFromZero } from './format.js';

// A map of the quartieri coloured by one indicator, as a numbered figure with a text alternative
// that lists the classes and the quartieri in each.

/** The map of an indicator by quartiere, or null when the project has no map or no such value. */
export function mapFigure(ctx: ViewContext, indicatore: string): FigureView | null {
  const { values, anno, catalogue, map } = ctx;
  const def = values.definition(indicatore);
  if (!map || !def || !values.get(indicatore, 'citta', 'citta', anno)) return null;
  const quartieri = catalogue.territorio.quartieri;
  const figures = new Map(quartieri.map((q) => [q.codice, values.figure(indicatore, 'quartiere', q.codice, anno)]));
  const { classes, nd } = classify(
    quartieri.map((q) => {
      const value = figures.get(q.codice)?.value ?? null;
      return { codice: q.codice, value: value === null ? null : roundHalfAwayFromZero(value, def.decimali) };
    }),
  );
  const fmt = (v: number): string => formatNumber(v, ctx.lang, def.decimali);
  const names = new Map(quartieri.map((q) => [q.codice, q.nome]));
  const list = (codici: string[]): string =>
    codici
      .map((c) => names.get(c) ?? c)
      .sort((a, b) => a.localeCompare(b, 'it'))
      .join(', ');
  const count = (n: number): string =>
    ctx.text(n === 1 ? { it: '1 {area}', en: '1 {area}' } : { it: '{n} {aree}', en: '{n} {aree}' }, { n });
  const range = (min: number, max: number): string =>
    min === max ? fmt(min) : ctx.text({ it: 'da {min} a {max}', en: 'from {min} to {max}' }, { min: fmt(min), max: fmt(max) });
  const nd_ = ctx.label('nd');
  const classi = [
    ...classes.map((c) => ({
      etichetta: `${range(c.min, c.max)} (${count(c.codici.length)})`,
      quartieri: list(c.codici),
      fill: c.colour as string | null,
    })),
    ...(nd.length ? [{ etichetta: `${nd_} (${count(nd.length)})`, quartieri: list(nd), fill: null }] : []),
  ];
  const areas = new Map<string, MapArea>();
  for (const q of quartieri) {
    const cls = classes.find((c) => c.codici.includes(q.codice));
    areas.set(q.codice, {
      nome: q.nome,
      valore: figures.get(q.codice)?.text ?? '—',
      fill: cls?.colour ?? null,
      textColour: cls?.textColour ?? DARK_TEXT,
    });
  }
  const nome = ctx.indicatorName(indicatore);
  const caption = ctx.text({ it: '{nome} per {area}, {anno}: mappa', en: '{nome} by {area}, {anno}: map' }, { nome, anno });
  const alt = [
    ctx.text(
      {
        it: 'Mappa {dei_aree} {n} {aree}: {nome} ({unita}), {anno}, in {k} classi.',
        en: 'Map of the {n} {aree}: {nome} ({unita}), {anno}, in {k} classes.',
      },
      {
        n: quartieri.length,
        nome,
        unita: def.unita,
        anno,
        k: classes.length,
      },
    ),
    ...classi.map((c) => `${c.etichetta}: ${c.quartieri}.`),
  ].join(' ');
  const id = ctx.uniqueId(`fig-mappa-${indicatore}`);
  const drawing = drawMap({
    id: id.slice('fig-'.length),
    title: caption,
    desc: alt,
    layout: map,
    areas,
    legend: { title: `${nome} (${def.unita})`, items: classi.map((c) => ({ label: c.etichetta, fill: c.fill })) },
  });
  return ctx.image(
    id,
    caption,
    { svg: drawing.svg, alt },
    '',
    classi.map(({ etichetta, quartieri: q }) => ({ etichetta, quartieri: q })),
  );
}
