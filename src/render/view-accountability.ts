import type { ViewContext, TableView } from './view-context.js';
import { cellText } from './project-text.js';
import { formatChange, formatNumber, formatDate } from './format.js';
import { byCount, countOf } from '../i18n.js';
import { RESOURCE_INDICATORS } from '../compute/resources.js';
import { ANDAMENTI, type Andamento, type Commitment, type CommitmentSummary } from '../compute/commitments.js';
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

/** How a commitment stands at the reference date, one and many (the count tables' heads say the many). */
const ANDAMENTO_WORDS: Record<Andamento, { it: [string, string]; en: [string, string] }> = {
  completato: { it: ['completato', 'completati'], en: ['completed', 'completed'] },
  nei_tempi: { it: ['nei tempi', 'nei tempi'], en: ['on time', 'on time'] },
  in_ritardo: { it: ['in ritardo', 'in ritardo'], en: ['late', 'late'] },
  non_avviato: { it: ['non avviato', 'non avviati'], en: ['not started', 'not started'] },
  sospeso: { it: ['sospeso', 'sospesi'], en: ['suspended', 'suspended'] },
  non_rilevato: { it: ['senza stato', 'senza stato'], en: ['with no status', 'with no status'] },
};

/** The many form of how commitments stand, for a table's head. */
const andamentoHead = (ctx: ViewContext, a: Andamento) => ctx.text({ it: ANDAMENTO_WORDS[a].it[1], en: ANDAMENTO_WORDS[a].en[1] });

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

/** The ways of standing the count tables show: all but "no status" when no commitment lacks one. */
function shownAndamenti(totale: CommitmentSummary): Andamento[] {
  return ANDAMENTI.filter((a) => a !== 'non_rilevato' || totale.perAndamento.non_rilevato > 0);
}

/** Counts by how they stand of a group of commitments (compute's), as table cells. */
function summaryCells(ctx: ViewContext, label: string, group: CommitmentSummary, shown: Andamento[], emphasis = false) {
  return {
    emphasis,
    cells: [
      { text: label, numeric: false, header: true },
      { text: formatNumber(group.impegni, ctx.lang, 0), numeric: true },
      ...shown.map((a) => ({ text: formatNumber(group.perAndamento[a], ctx.lang, 0), numeric: true })),
    ],
  };
}

/** The deadline, or a dash. */
function deadlineText(ctx: ViewContext, c: Commitment): string {
  return c.scadenza ? formatDate(new Date(c.scadenza), ctx.lang) : '—';
}

/** The opening paragraph's counts: how many commitments, and how many stand each way (those that are not zero). */
function countsText(ctx: ViewContext, totale: CommitmentSummary): string {
  const parts = ANDAMENTI.filter((a) => totale.perAndamento[a] > 0).map((a) =>
    countOf(ctx.lang, totale.perAndamento[a], ANDAMENTO_WORDS[a]),
  );
  return ctx.text(
    byCount(
      totale.impegni,
      { it: "Al 31 dicembre {anno} c'è {n} impegno: {parti}.", en: 'At 31 December {anno} there is {n} commitment: {parti}.' },
      { it: 'Al 31 dicembre {anno} gli impegni sono {n}: {parti}.', en: 'At 31 December {anno} there are {n} commitments: {parti}.' },
    ),
    { anno: ctx.anno, n: formatNumber(totale.impegni, ctx.lang, 0), parti: parts.join(', ') },
  );
}

/** Commitments: how they stand by cantiere and by zona, each with its state, progress and indicator, and those due next year. */
export function commitmentsView(ctx: ViewContext): SimpleChapter {
  const { anno } = ctx;
  const { impegni: list, perCantiere, perZona, totale, cittaIntera, annoSuccessivo } = ctx.result.commitments;
  const shown = shownAndamenti(totale);
  const summaryHead = (first: string) => [
    first,
    ctx.text({ it: 'Impegni', en: 'Commitments' }),
    ...shown.map((a) => andamentoHead(ctx, a)),
  ];
  // Numbered only when printed: a table made and dropped would leave a gap in the numbering.
  const byCantiere = () =>
    ctx.table(
      'tab-impegni-cantieri',
      ctx.text({ it: 'Impegni per cantiere e andamento, {anno}', en: 'Commitments by cantiere and how they stand, {anno}' }, { anno }),
      summaryHead(ctx.text({ it: 'Cantiere', en: 'Cantiere' })),
      [
        ...perCantiere.map((g) => summaryCells(ctx, ctx.cantiereTitle(g.gruppo), g, shown)),
        summaryCells(ctx, ctx.label('totale'), totale, shown, true),
      ],
    );
  const byZona = () =>
    ctx.table(
      'tab-impegni-zone',
      ctx.text({ it: 'Impegni per zona e andamento, {anno}', en: 'Commitments by zone and how they stand, {anno}' }, { anno }),
      summaryHead(ctx.label('zona')),
      [
        ...perZona.map((g) =>
          summaryCells(ctx, ctx.catalogue.territorio.zone.find((z) => z.codice === g.gruppo)?.nome ?? g.gruppo, g, shown),
        ),
        summaryCells(ctx, ctx.text({ it: 'Tutt{intero_o} {l_intero}', en: 'Whole {intero}' }), cittaIntera, shown),
      ],
      ctx.text({ it: 'Un impegno per {un_area} conta nella sua zona.', en: 'A commitment for {un_area} counts in its zone.' }),
    );
  const rows = list.map((c) => ({
    cells: [
      { text: ctx.cantiereTitle(c.cantiere), numeric: false },
      { ...cellText(ctx.projectText(c.descrizione, c.descrizioneEn)), numeric: false, header: true },
      { text: whereText(ctx, c), numeric: false },
      { text: commitmentState(ctx, c, 'cell'), numeric: false },
      { text: progressText(ctx, c), numeric: true },
      { text: measureText(ctx, c), numeric: false },
      { text: deadlineText(ctx, c), numeric: false },
      // The note is the partner's own words, sent with the data, in the project's language.
      { ...cellText(ctx.projectText(c.nota)), numeric: false },
    ],
  }));
  const next = annoSuccessivo.impegni.map((c) => ({
    cells: [
      { text: ctx.cantiereTitle(c.cantiere), numeric: false },
      { ...cellText(ctx.projectText(c.descrizione, c.descrizioneEn)), numeric: false, header: true },
      { text: whereText(ctx, c), numeric: false },
      { text: deadlineText(ctx, c), numeric: false },
      { text: measureText(ctx, c), numeric: false },
      { text: commitmentState(ctx, c, 'cell'), numeric: false },
      { text: progressText(ctx, c), numeric: true },
    ],
  }));
  const nextTable = () =>
    ctx.table(
      'tab-impegni-prossimo-anno',
      ctx.text({ it: 'Gli impegni in scadenza nel {anno}', en: 'Commitments due in {anno}' }, { anno: annoSuccessivo.anno }),
      [
        ctx.text({ it: 'Cantiere', en: 'Cantiere' }),
        ctx.text({ it: 'Impegno', en: 'Commitment' }),
        ctx.text({ it: 'Dove', en: 'Where' }),
        ctx.text({ it: 'Scadenza', en: 'Deadline' }),
        ctx.text({ it: 'Indicatore e obiettivo', en: 'Indicator and target' }),
        ctx.text({ it: 'Stato al 31 dicembre {anno}', en: 'Status at 31 December {anno}' }, { anno }),
        ctx.text({ it: 'Avanzamento', en: 'Progress' }),
      ],
      next,
    );
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
      ...(list.length === 0
        ? []
        : [
            countsText(ctx, totale),
            ctx.text(
              {
                it: 'Un impegno è in ritardo quando la sua scadenza è entro il 31 dicembre {anno} e non è completato, qualunque sia il suo avanzamento; è nei tempi quando è in corso e la scadenza deve ancora venire. Si contano gli impegni, non si fa la media delle percentuali.',
                en: 'A commitment is late when its deadline is on or before 31 December {anno} and it is not completed, however far it has progressed; it is on time when it is in progress and its deadline is still to come. Commitments are counted; their percentages are not averaged.',
              },
              { anno },
            ),
            annoSuccessivo.impegni.length === 0
              ? ctx.text({ it: 'Nessun impegno scade nel {anno}.', en: 'No commitment is due in {anno}.' }, { anno: annoSuccessivo.anno })
              : ctx.text(
                  {
                    it: "Gli obiettivi del {anno}: gli impegni che scadono in quell'anno, con il loro stato di oggi.",
                    en: 'The targets for {anno}: the commitments due that year, with where they stand today.',
                  },
                  { anno: annoSuccessivo.anno },
                ),
          ]),
    ],
    tables:
      list.length === 0
        ? []
        : [
            byCantiere(),
            byZona(),
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
            ...(next.length === 0 ? [] : [nextTable()]),
          ],
  };
}

/**
 * A commitment's state in words, in a sentence or in a table cell. Without a reported state a sentence says
 * so and a cell shows a dash; a cell also says when the commitment is late.
 */
export function commitmentState(
  ctx: ViewContext,
  c: Pick<Commitment, 'stato'> & Partial<Pick<Commitment, 'andamento'>>,
  where: 'sentence' | 'cell',
): string {
  const stato = c.stato
    ? ctx.text(STATI[c.stato] ?? { it: c.stato, en: c.stato })
    : where === 'cell'
      ? '—'
      : ctx.text({ it: 'nessun avanzamento comunicato', en: 'no progress reported' });
  return where === 'cell' && c.andamento === 'in_ritardo' ? ctx.text({ it: '{stato}, in ritardo', en: '{stato}, late' }, { stato }) : stato;
}
