import type { ViewContext, TableView } from './view-context.js';
import { localizedDefinition } from './units.js';
import { formatNumber } from './format.js';
import { ratioText } from './formula-text.js';

export interface AnnexView {
  id: string;
  title: string;
  /** Every indicator for every area: on screen only (the open data has them too). */
  tables: TableView[];
  /** What the printed report says in their place ('' when there are none). */
  tablesPrintNote: string;
  definitions: TableView;
  glossary: { term: string; text: string }[];
}

const COLUMNS_PER_TABLE = 5;

/** Annexes: every indicator for every area, the indicator definitions, a glossary. */
export function annexView(ctx: ViewContext): AnnexView {
  const { result, values, anno, catalogue } = ctx;
  const ids = result.definitions.map((d) => d.id).filter((id) => values.get(id, 'citta', 'citta', anno));
  const areas = [
    { livello: 'citta' as const, codice: 'citta', nome: ctx.label('citta'), emphasis: true },
    ...catalogue.territorio.zone.flatMap((z) => [
      { livello: 'zona' as const, codice: z.codice, nome: `${ctx.label('zona')} ${z.nome}`, emphasis: true },
      ...z.quartieri.map((code) => ({
        livello: 'quartiere' as const,
        codice: code,
        nome: catalogue.territorio.quartieri.find((q) => q.codice === code)!.nome,
        emphasis: false,
      })),
    ]),
  ];
  const tables: TableView[] = [];
  for (let i = 0; i < ids.length; i += COLUMNS_PER_TABLE) {
    const chunk = ids.slice(i, i + COLUMNS_PER_TABLE);
    tables.push(
      ctx.table(
        `tab-annex-${i / COLUMNS_PER_TABLE + 1}`,
        ctx.text(
          { it: 'Indicatori per territorio, {anno} ({n} di {tot})', en: 'Indicators by area, {anno} ({n} of {tot})' },
          {
            anno,
            n: i / COLUMNS_PER_TABLE + 1,
            tot: Math.ceil(ids.length / COLUMNS_PER_TABLE),
          },
        ),
        [
          ctx.text({ it: 'Territorio', en: 'Area' }),
          ...chunk.map((id) => `${ctx.indicatorName(id)} (${values.definition(id)?.unita ?? ''})`),
        ],
        areas.map((a) => ({
          emphasis: a.emphasis,
          cells: [
            { text: a.nome, numeric: false, header: true },
            ...chunk.map((id) => {
              const f = values.figure(id, a.livello, a.codice, anno);
              return { text: f.text, numeric: true, soppresso: f.soppresso };
            }),
          ],
        })),
      ),
    );
  }
  // Nine pages of figures for every area would be the least read pages of the printed report (each
  // quartiere's own page gives its figures): they stay on screen and in the open data.
  const [first, last] = [tables[0], tables[tables.length - 1]];
  const tablesPrintNote =
    first && last
      ? ctx.text(
          first === last
            ? {
                it: 'La tabella {da}, con ogni indicatore per {l_intero}, le zone e {le_aree}, è nella versione HTML del bilancio e nei dati aperti.',
                en: 'Table {da}, with every indicator for the {intero}, the zones and the {aree}, is in the HTML version of the report and in the open data.',
              }
            : {
                it: 'Le tabelle {da}–{a}, con ogni indicatore per {l_intero}, le zone e {le_aree}, sono nella versione HTML del bilancio e nei dati aperti.',
                en: 'Tables {da}–{a}, with every indicator for the {intero}, the zones and the {aree}, are in the HTML version of the report and in the open data.',
              },
          { da: first.number, a: last.number },
        )
      : '';
  const definitions = ctx.table(
    'tab-definizioni',
    ctx.text({ it: 'Definizione degli indicatori', en: 'Indicator definitions' }),
    [
      ctx.text({ it: 'Indicatore', en: 'Indicator' }),
      ctx.text({ it: 'Definizione', en: 'Definition' }),
      ctx.text({ it: 'Calcolo', en: 'Computation' }),
      ctx.text({ it: 'Obiettivo', en: 'Target' }),
    ],
    result.definitions
      .map((plain) => localizedDefinition(plain, ctx.lang))
      .map((d) => ({
        cells: [
          { text: `${ctx.indicatorName(d.id)} (${d.id})`, numeric: false, header: true },
          { text: ctx.lang === 'it' ? d.definizione : d.definizioneEn, numeric: false },
          { text: ratioText(d, ctx.lang), numeric: false },
          {
            text:
              d.obiettivi
                .map((o) => `${formatNumber(o.valore, ctx.lang, d.decimali)} ${d.unita}: ${o.etichetta} (${o.fonte})`)
                .join('; ') || '—',
            numeric: false,
          },
        ],
      })),
  );
  // Glossary texts may count the territory: {n_aree} areas in {n_zone} zones (the project's own entries too).
  const counts = { n_aree: catalogue.territorio.quartieri.length, n_zone: catalogue.territorio.zone.length };
  const defaults = [
    {
      term: ctx.text({ it: '{Area}', en: '{Area}' }),
      text: ctx.text(
        {
          it: 'Parte {dell_intero} di cui il bilancio dà le cifre: {n_aree} in tutto, raggruppat{aree_i} in {n_zone} zone.',
          en: 'Part of the {intero} for which the report gives figures: {n_aree} in all, grouped in {n_zone} zones.',
        },
        counts,
      ),
    },
    {
      term: ctx.text({ it: 'Cantiere', en: 'Cantiere' }),
      text: ctx.text(
        {
          it: 'Uno dei {n} ambiti di lavoro del progetto.',
          en: "One of the project's {n} work areas.",
        },
        { n: ctx.catalogue.cantieri.length },
      ),
    },
    {
      term: ctx.text({ it: 'Copertura', en: 'Coverage' }),
      text: ctx.text({
        it: 'Utenti (o posti) di un servizio per 100 residenti della sua popolazione di riferimento.',
        en: 'Users (or places) of a service per 100 residents of its target population.',
      }),
    },
    {
      term: ctx.text({ it: 'Indice di dissimilarità', en: 'Dissimilarity index' }),
      text: ctx.text({
        it: 'Metà della somma, {sulle_aree}, delle differenze assolute tra la quota di utenti e la quota di popolazione di riferimento: 0 quando il servizio raggiunge {le_aree} come il bisogno.',
        en: 'Half the sum over {aree} of the absolute differences between the share of users and the share of target population: 0 when the service reaches {aree} like need does.',
      }),
    },
    {
      term: ctx.text({ it: 'Coefficiente di variazione', en: 'Coefficient of variation' }),
      text: ctx.text({
        it: 'Deviazione standard dei valori {delle_aree} divisa per la loro media.',
        en: 'Standard deviation of the values of the {aree} divided by their mean.',
      }),
    },
    { term: ctx.label('nd'), text: ctx.label('ndNota', { soglia: ctx.config.sogliaRiservatezza }) },
    {
      term: 'ND',
      text: ctx.text({
        it: '{Area} non indicat{area_o} nei dati: il dato conta solo nel totale {dell_intero}.',
        en: '{Area} not given in the data: it counts only in the {intero} total.',
      }),
    },
  ];
  // The project's own entries (glossario): one with the term of an entry above takes its place, the others follow.
  const glossary = [...defaults];
  for (const own of ctx.config.glossario ?? []) {
    const entry = { term: ctx.text(own.termine), text: ctx.text(own.definizione, counts) };
    const same = glossary.findIndex((g) => g.term.toLocaleLowerCase(ctx.lang) === entry.term.toLocaleLowerCase(ctx.lang));
    if (same >= 0) glossary[same] = entry;
    else glossary.push(entry);
  }
  return { id: 'appendici', title: ctx.label('appendici'), tables, tablesPrintNote, definitions, glossary };
}
