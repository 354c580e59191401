import type { ViewContext, TableView } from './view-context.js';
import { formatChange, formatNumber, formatDate } from './format.js';
import { RESOURCE_INDICATORS } from '../compute/resources.js';
import { COMMITMENT_STATES, type Commitment, type CommitmentSummary } from '../compute/commitments.js';
import { fundingParts } from './view-funding.js';

export interface SimpleChapter {
  id: string;
  title: string;
  paragraphs: string[];
  tables: TableView[];
}

/** Resources: spending, hours and volunteers per zona, from the service files; then the money by source, cantiere and service. */
export function resourcesView(ctx: ViewContext): SimpleChapter {
  const { values, anno, catalogue } = ctx;
  const ids = RESOURCE_INDICATORS.filter((id) => values.get(id, 'citta', 'citta', anno));
  const rows = [
    ...catalogue.territorio.zone.map((z) => ({ livello: 'zona' as const, codice: z.codice, nome: z.nome })),
    { livello: 'citta' as const, codice: 'citta', nome: ctx.label('citta') },
  ].map((area) => ({
    emphasis: area.livello === 'citta',
    cells: [
      { text: area.nome, numeric: false, header: true },
      ...ids.map((id) => {
        const f = values.figure(id, area.livello, area.codice, anno);
        return { text: f.text, numeric: true, soppresso: f.soppresso };
      }),
    ],
  }));
  // The totals are compute's (resources.ts): a year without erogazioni sums to 0, as it always printed;
  // a total the privacy authority withholds (volunteers are persons) reads n.d.
  const total = (misura: string) => {
    const found = ctx.result.resources.find((r) => r.anno === anno && r.misura === misura);
    return found?.soppresso ? ctx.label('nd') : formatNumber(found?.valore ?? 0, ctx.lang, 0);
  };
  // Numbered after the zone table, as they follow it on the page.
  const zoneTable =
    ids.length === 0
      ? []
      : [
          ctx.table(
            'tab-risorse',
            ctx.text({ it: 'Risorse per zona, {anno}', en: 'Resources by zone, {anno}' }, { anno }),
            [ctx.label('zona'), ...ids.map((id) => `${ctx.indicatorName(id)} (${values.definition(id)?.unita ?? ''})`)],
            rows,
          ),
        ];
  const funding = fundingParts(ctx);
  return {
    id: 'risorse',
    title: ctx.label('risorse'),
    paragraphs: [
      ctx.text(
        {
          it: 'Nel {anno} i servizi del progetto hanno impiegato {spesa} euro, {ore} ore di servizio e {vol} volontari (somme dei dati del Comune e dei partner).',
          en: "In {anno} the project's services used {spesa} euro, {ore} hours of service and {vol} volunteers (sums of the Comune's and partners' data).",
        },
        { anno, spesa: total('spesa_euro'), ore: total('ore'), vol: total('volontari') },
      ),
      ...funding.paragraphs,
    ],
    tables: [...zoneTable, ...funding.tables],
  };
}

const STATI: Record<string, { it: string; en: string }> = {
  non_avviato: { it: 'non avviato', en: 'not started' },
  in_corso: { it: 'in corso', en: 'in progress' },
  completato: { it: 'completato', en: 'completed' },
  sospeso: { it: 'sospeso', en: 'suspended' },
};

/** The commitment's indicator measured where the commitment applies (quartiere, zona or city), with its change. */
function measureText(ctx: ViewContext, c: Commitment): string {
  if (!c.indicatore)
    return c.obiettivo === null ? '—' : ctx.text({ it: 'obiettivo {o}', en: 'target {o}' }, { o: formatNumber(c.obiettivo, ctx.lang, 0) });
  const [livello, codice] = c.quartiere
    ? (['quartiere', c.quartiere] as const)
    : c.zona
      ? (['zona', c.zona] as const)
      : (['citta', 'citta'] as const);
  const figure = ctx.values.figure(c.indicatore, livello, codice, ctx.anno);
  const change = figure.soppresso ? '' : ctx.values.change(c.indicatore, livello, codice, ctx.anno);
  const def = ctx.values.definition(c.indicatore);
  const parts = [
    `${ctx.indicatorName(c.indicatore)}: ${figure.text}${def && !figure.soppresso && figure.value !== null ? ` ${def.unita}` : ''}`,
  ];
  if (change && ctx.annoPrecedente) parts.push(ctx.text({ it: '{c} sul {a}', en: '{c} on {a}' }, { c: change, a: ctx.annoPrecedente }));
  if (c.obiettivo !== null)
    parts.push(ctx.text({ it: 'obiettivo {o}', en: 'target {o}' }, { o: formatNumber(c.obiettivo, ctx.lang, def?.decimali ?? 0) }));
  return parts.join('; ');
}

function whereText(ctx: ViewContext, c: Commitment): string {
  if (c.quartiere) return ctx.catalogue.territorio.quartieri.find((q) => q.codice === c.quartiere)?.nome ?? c.quartiere;
  if (c.zona) return `${ctx.label('zona')} ${ctx.catalogue.territorio.zone.find((z) => z.codice === c.zona)?.nome ?? c.zona}`;
  return ctx.text({ it: 'Tutt{intero_o} {l_intero}', en: 'Whole {intero}' });
}

function progressText(ctx: ViewContext, c: Commitment): string {
  if (c.avanzamento === null) return '—';
  const now = `${formatNumber(c.avanzamento, ctx.lang, 0)}%`;
  if (c.variazione === null) return now;
  return `${now} (${formatChange(c.variazione, ctx.lang, 0)})`;
}

/** Counts by status and mean progress of a group of commitments (compute's), as table cells. */
function summaryCells(ctx: ViewContext, label: string, group: CommitmentSummary, emphasis = false) {
  const mean = group.avanzamentoMedio;
  return {
    emphasis,
    cells: [
      { text: label, numeric: false, header: true },
      { text: formatNumber(group.impegni, ctx.lang, 0), numeric: true },
      ...COMMITMENT_STATES.map((stato) => ({ text: formatNumber(group.perStato[stato], ctx.lang, 0), numeric: true })),
      { text: mean === null ? '—' : `${formatNumber(mean, ctx.lang, 0)}%`, numeric: true },
    ],
  };
}

/** Commitments: by cantiere and by zona, status and progress, and the indicator that measures each with its change. */
export function commitmentsView(ctx: ViewContext): SimpleChapter {
  const { anno } = ctx;
  const { impegni: list, perCantiere, perZona, totale, cittaIntera } = ctx.result.commitments;
  const summaryHead = (first: string) => [
    first,
    ctx.text({ it: 'Impegni', en: 'Commitments' }),
    ...COMMITMENT_STATES.map((s) => ctx.text(STATI[s]!)),
    ctx.text({ it: 'Avanzamento medio', en: 'Mean progress' }),
  ];
  const byCantiere = ctx.table(
    'tab-impegni-cantieri',
    ctx.text({ it: 'Impegni per cantiere e stato, {anno}', en: 'Commitments by cantiere and status, {anno}' }, { anno }),
    summaryHead(ctx.text({ it: 'Cantiere', en: 'Cantiere' })),
    [...perCantiere.map((g) => summaryCells(ctx, ctx.cantiereTitle(g.gruppo), g)), summaryCells(ctx, ctx.label('totale'), totale, true)],
  );
  const byZona = ctx.table(
    'tab-impegni-zone',
    ctx.text({ it: 'Impegni per zona e stato, {anno}', en: 'Commitments by zone and status, {anno}' }, { anno }),
    summaryHead(ctx.label('zona')),
    [
      ...perZona.map((g) => summaryCells(ctx, ctx.catalogue.territorio.zone.find((z) => z.codice === g.gruppo)?.nome ?? g.gruppo, g)),
      summaryCells(ctx, ctx.text({ it: 'Tutt{intero_o} {l_intero}', en: 'Whole {intero}' }), cittaIntera),
    ],
    ctx.text({ it: 'Un impegno per {un_area} conta nella sua zona.', en: 'A commitment for {un_area} counts in its zone.' }),
  );
  const rows = list.map((c) => ({
    cells: [
      { text: ctx.cantiereTitle(c.cantiere), numeric: false },
      { text: c.descrizione, numeric: false, header: true },
      { text: whereText(ctx, c), numeric: false },
      { text: c.stato ? ctx.text(STATI[c.stato] ?? { it: c.stato, en: c.stato }) : '—', numeric: false },
      { text: progressText(ctx, c), numeric: true },
      { text: measureText(ctx, c), numeric: false },
      { text: c.scadenza ? formatDate(new Date(c.scadenza), ctx.lang) : '—', numeric: false },
      { text: c.nota, numeric: false },
    ],
  }));
  return {
    id: 'impegni',
    title: ctx.label('impegni'),
    paragraphs: [
      ctx.text(
        {
          it: "Gli impegni presi dal progetto, il loro stato al 31 dicembre {anno} per cantiere e per zona e, dove c'è, l'indicatore che li misura nel territorio a cui si riferiscono, con la variazione sull'anno precedente. Tra parentesi, accanto all'avanzamento, la variazione in punti percentuali sul {prima}.",
          en: "The project's commitments, their status at 31 December {anno} by cantiere and by zone and, where there is one, the indicator that measures them in the area they refer to, with its change from the previous year. In brackets, beside progress, the change in percentage points from {prima}.",
        },
        { anno, prima: ctx.annoPrecedente ?? anno - 1 },
      ),
    ],
    tables:
      list.length === 0
        ? []
        : [
            byCantiere,
            byZona,
            ctx.table(
              'tab-impegni',
              ctx.text({ it: 'Impegni e avanzamento, {anno}', en: 'Commitments and progress, {anno}' }, { anno }),
              [
                ctx.text({ it: 'Cantiere', en: 'Cantiere' }),
                ctx.text({ it: 'Impegno', en: 'Commitment' }),
                ctx.text({ it: 'Dove', en: 'Where' }),
                ctx.text({ it: 'Stato', en: 'Status' }),
                ctx.text({ it: 'Avanzamento', en: 'Progress' }),
                ctx.text({ it: 'Indicatore', en: 'Indicator' }),
                ctx.text({ it: 'Scadenza', en: 'Deadline' }),
                ctx.text({ it: 'Nota', en: 'Note' }),
              ],
              rows,
            ),
          ],
  };
}
