import type { ViewContext, FigureView, TableView, RichText } from './view-context.js';
import { KEY_INDICATORS } from './view-city.js';
import { pyramidSpec } from './pyramid-data.js';
import { mapFigure } from './view-map.js';
import { isCountIndicator } from '../compute/catalogue.js';
import { attentionView, type AttentionView } from './view-attention.js';

export interface QuartiereView {
  id: string;
  nome: string;
  zona: string;
  codice: string;
  table: TableView;
  servizi: TableView | null;
  pyramid: FigureView | null;
  attenzione: AttentionView;
}

/** The chapter of the quartieri: an opening page with the map of residents, then one page each. */
export interface QuartieriView {
  id: string;
  title: string;
  intro: RichText[];
  map: FigureView | null;
  pages: QuartiereView[];
}

/** The quartieri chapter: its opening page and the 33 quartiere pages. */
export function quartieriChapter(ctx: ViewContext): QuartieriView {
  const map = mapFigure(ctx, 'popolazione');
  const zone = ctx.catalogue.territorio.zone.map((z) => `${z.nome} (${z.quartieri.length})`).join(', ');
  const intro = [
    ctx.rich(
      {
        it: "Una pagina per ciascun{area_o} {dei_aree} {n} {aree}, zona per zona: {zone}. Ogni pagina mette le cifre chiave {dell_area} accanto a quelle della sua zona e {dell_intero}, con la variazione sull'anno precedente, la piramide delle età e i servizi che l{area_o} raggiungono.",
        en: 'One page for each of the {n} {aree}, zone by zone: {zone}. Each page sets the key figures of the {area} beside those of its zone and of the {intero}, with the change from the previous year, the age pyramid and the services that reach it.',
      },
      { n: ctx.catalogue.territorio.quartieri.length, zone },
    ),
  ];
  if (map)
    intro.push(
      ctx.rich(
        {
          it: 'La {map} mostra dove si trovano e quanti residenti conta ciascuno.',
          en: '{map} shows where they are and how many residents each has.',
        },
        { map },
      ),
    );
  return { id: 'i-quartieri', title: ctx.label('iQuartieri'), intro, map, pages: quartieriView(ctx) };
}

/** One page per quartiere: key figures beside its zona and the city, change, a small pyramid, services. */
export function quartieriView(ctx: ViewContext): QuartiereView[] {
  const { catalogue, values, anno, result } = ctx;
  const published = (id: string) => !!values.get(id, 'citta', 'citta', anno);
  // The key figures, then the cantieri's indicators that are no service's (volunteers) beside them.
  const cantieri = new Set(catalogue.cantieri.map((c) => c.codice));
  const keyIds = [
    ...KEY_INDICATORS.filter(published),
    // Rates only: the cantieri's counts (places, births) are the city's figures, in the chapters' tables.
    ...result.definitions
      .filter((d) => !d.servizio && !isCountIndicator(d) && cantieri.has(d.cantiere) && published(d.id))
      .map((d) => d.id),
  ];
  const serviceIds = result.definitions.filter((d) => d.servizio && published(d.id)).map((d) => d.id);
  const withChange = ctx.annoPrecedente !== null;
  return catalogue.territorio.zone.flatMap((zona) =>
    zona.quartieri.map((code): QuartiereView => {
      const q = catalogue.territorio.quartieri.find((x) => x.codice === code)!;
      const head = [
        ctx.text({ it: 'Indicatore', en: 'Indicator' }),
        q.nome,
        ...(withChange ? [ctx.label('variazione', { anno: ctx.annoPrecedente! })] : []),
        `${ctx.label('zona')} ${zona.nome}`,
        ctx.label('citta'),
      ];
      const rowsFor = (ids: string[]) =>
        ids.map((id) => {
          const own = values.figure(id, 'quartiere', code, anno);
          const z = values.figure(id, 'zona', zona.codice, anno);
          const c = values.figure(id, 'citta', 'citta', anno);
          return {
            cells: [
              { text: `${ctx.indicatorName(id)} (${values.definition(id)?.unita ?? ''})`, numeric: false, header: true },
              { text: own.text, numeric: true, soppresso: own.soppresso },
              ...(withChange ? [{ text: values.change(id, 'quartiere', code, anno) || '—', numeric: true }] : []),
              { text: z.text, numeric: true, soppresso: z.soppresso },
              { text: c.text, numeric: true, soppresso: c.soppresso },
            ],
          };
        });
      const table = ctx.table(
        `tab-q-${code}`,
        ctx.text({ it: '{nome}: cifre chiave, {anno}', en: '{nome}: key figures, {anno}' }, { nome: q.nome, anno }),
        head,
        rowsFor(keyIds),
      );
      // The services that reach this quartiere: a user, a place, or a value withheld for privacy.
      const reaching = serviceIds.filter((id) => {
        const v = values.get(id, 'quartiere', code, anno);
        return !!v && (v.soppresso || (v.valore ?? 0) > 0);
      });
      const servizi = reaching.length
        ? ctx.table(
            `tab-qs-${code}`,
            ctx.text(
              { it: '{nome}: servizi che raggiungono {l_area}, {anno}', en: '{nome}: services reaching the {area}, {anno}' },
              { nome: q.nome, anno },
            ),
            head,
            rowsFor(reaching),
          )
        : null;
      let pyramid: FigureView | null = null;
      const computed = ctx.result.pyramids.quartieri.get(code);
      if (computed) {
        const spec = pyramidSpec(computed, ctx.text({ it: 'Piramide delle età', en: 'Age pyramid' }));
        const hidden = computed.hidden;
        pyramid = ctx.figure(
          `fig-q-${code}`,
          ctx.text(
            { it: '{nome}: residenti per età e sesso, {anno}', en: '{nome}: residents by age and sex, {anno}' },
            { nome: q.nome, anno },
          ),
          spec,
          { width: 300, height: 280 },
          hidden > 0
            ? ctx.text(
                {
                  it: "Le classi con meno di {s} persone non sono mostrate, e con loro, se serve, un'altra classe piccola, perché non si possano ricavare dal totale.",
                  en: 'Groups of fewer than {s} people are not shown, nor, where needed, another small group, so that they cannot be derived from the total.',
                },
                { s: ctx.config.sogliaRiservatezza },
              )
            : '',
        );
      }
      const attenzione = attentionView(
        ctx,
        result.attenzione.find((a) => a.codice === code),
        { codice: code, nome: q.nome, codiceZona: zona.codice, zona: zona.nome },
      );
      return { id: `quartiere-${code}`, nome: q.nome, zona: zona.nome, codice: code, table, servizi, pyramid, attenzione };
    }),
  );
}
