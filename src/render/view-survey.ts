import type { CellView, TableView, ViewContext } from './view-context.js';
import { cellText } from './project-text.js';
import { formatChange, formatNumber } from './format.js';
import type { SurveyAreaResult, SurveyComparison, SurveyItemResult, SurveyResult } from '../compute/survey/compute-survey.js';
import { SCALE } from '../compute/survey/read-survey.js';
import { itemKey } from '../compute/privacy/survey-figures.js';

// The survey tables of "La voce della comunità": means with 95% intervals, distributions of answers,
// and differences between zone and age groups as intervals, never as rankings. Every number and every
// n.d. comes from compute (compute/survey): this file only formats.

/** A dimension code as a readable label: `accesso_servizi` → `Accesso servizi`. */
export function dimensionLabel(code: string): string {
  const text = code.replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const dimKey = (code: string) => itemKey({ kind: 'dimension', code });

/** An item's label in the report's language: a dimension's English name or readable code, a question's text; marked where untranslated. */
function itemLabel(ctx: ViewContext, entry: SurveyResult['items'][number]): { text: string; lang?: string } {
  return cellText(ctx.projectText(entry.dimension ? dimensionLabel(entry.label) : entry.label, entry.labelEn));
}

/** The label of a dimension by its code, in the report's language. */
function dimensionName(ctx: ViewContext, survey: SurveyResult, code: string): string {
  const entry = survey.items.find((i) => i.dimension && i.item.code === code);
  return entry ? itemLabel(ctx, entry).text : dimensionLabel(code);
}

function cells(ctx: ViewContext) {
  const nd = (): CellView => ({ text: ctx.label('nd'), numeric: true, soppresso: true });
  const f2 = (v: number) => formatNumber(v, ctx.lang, 2);
  const estimate = (s: SurveyItemResult | undefined): CellView =>
    s?.estimate ? { text: `${f2(s.estimate.mean)} (${f2(s.estimate.low)}–${f2(s.estimate.high)})`, numeric: true, nowrap: true } : nd();
  const meanOnly = (s: SurveyItemResult | undefined): CellView => (s?.estimate ? { text: f2(s.estimate.mean), numeric: true } : nd());
  const interval = (s: SurveyItemResult | undefined): CellView =>
    s?.estimate ? { text: `${f2(s.estimate.low)}–${f2(s.estimate.high)}`, numeric: true, nowrap: true } : nd();
  const respondents = (n: number | null): CellView => (n === null ? nd() : { text: formatNumber(n, ctx.lang, 0), numeric: true });
  const shares = (s: SurveyItemResult | undefined): CellView[] =>
    SCALE.map((_, i) => (s?.distribution ? { text: formatNumber(100 * s.distribution.shares[i]!, ctx.lang, 0), numeric: true } : nd()));
  const difference = (c: SurveyComparison['differences'][string] | undefined): CellView => {
    if (!c?.difference) return nd();
    const d = c.difference;
    const text = `${formatChange(d.diff, ctx.lang, 2)} (${formatChange(d.low, ctx.lang, 2)}; ${formatChange(d.high, ctx.lang, 2)})`;
    return { text: d.distinguishable ? `${text} ●` : text, numeric: true };
  };
  return { nd, estimate, meanOnly, interval, respondents, shares, difference };
}

/** Every survey table of the report year; empty when the year has no survey. */
export function surveyTables(ctx: ViewContext): { tables: TableView[]; method: string } {
  const { anno } = ctx;
  const survey = ctx.result.survey.find((s) => s.anno === anno);
  if (!survey) return { tables: [], method: '' };
  const threshold = survey.threshold;
  const c = cells(ctx);
  const areaLabel = (area: SurveyAreaResult) => (area.livello === 'citta' ? ctx.label('citta') : `${ctx.label('zona')} ${area.nome}`);
  const ndNote =
    ctx.text(
      {
        it: 'n.d. = meno di {s} rispondenti: i risultati non sono mostrati.',
        en: 'n.a. = fewer than {s} respondents: results are not shown.',
      },
      { s: threshold },
    ) +
    (survey.privacy.secondary > 0
      ? ` ${ctx.text({
          it: 'n.d. anche dove il dato permetterebbe di ricavare per differenza quello di un gruppo più piccolo.',
          en: 'n.a. also where the figure would give away that of a smaller group by difference.',
        })}`
      : '');
  const tables: TableView[] = [];

  const meansRow = (area: SurveyAreaResult, emphasis = false) => ({
    emphasis,
    cells: [
      { text: areaLabel(area), numeric: false, header: true },
      c.respondents(area.respondents),
      ...survey.dimensions.map((d) => c.estimate(area.items[dimKey(d)])),
    ],
  });
  const dimHead = survey.dimensions.map((d) => dimensionName(ctx, survey, d));
  tables.push(
    ctx.table(
      'tab-questionario',
      ctx.text(
        {
          it: 'Questionario ai cittadini {anno}: punteggio medio da 1 a 5 per dimensione, con intervallo di confidenza al 95%',
          en: "Citizens' survey {anno}: mean score from 1 to 5 by dimension, with 95% confidence interval",
        },
        { anno },
      ),
      [ctx.text({ it: 'Territorio', en: 'Area' }), ctx.text({ it: 'Rispondenti', en: 'Respondents' }), ...dimHead],
      [meansRow(survey.city, true), ...survey.zone.map((z) => meansRow(z))],
      ndNote,
    ),
  );

  for (const [i, area] of [survey.city, ...survey.zone].entries()) tables.push(distributionTable(ctx, survey, area, areaLabel(area), i));

  tables.push(
    ctx.table(
      'tab-questionario-quartieri',
      ctx.text(
        {
          it: 'Punteggio medio per {area} e dimensione, {anno} (intervallo al 95%)',
          en: 'Mean score by {area} and dimension, {anno} (95% interval)',
        },
        { anno },
      ),
      [ctx.label('quartiere'), ctx.label('zona'), ctx.text({ it: 'Rispondenti', en: 'Respondents' }), ...dimHead],
      survey.quartieri.map((q) => ({
        cells: [
          { text: q.nome, numeric: false, header: true },
          { text: q.zona ?? '', numeric: false },
          c.respondents(q.respondents),
          ...survey.dimensions.map((d) => c.estimate(q.items[dimKey(d)])),
        ],
      })),
      ndNote,
    ),
  );

  tables.push(quartiereDistributionTable(ctx, survey));

  const diffNote = ctx.text({
    it: "Differenza tra la media della zona (o fascia) e quella di tutti gli altri rispondenti e, tra parentesi, il suo intervallo di confidenza al 95% (Welch). ● = l'intervallo non contiene lo zero: la differenza non si spiega con il solo caso. Le righe seguono l'ordine delle zone, non una graduatoria.",
    en: "Difference between the zone's (or group's) mean and that of all other respondents and, in brackets, its 95% confidence interval (Welch). ● = the interval excludes zero: the difference is not explained by chance alone. Rows follow the order of the zones, not a ranking.",
  });
  const differenceRows = (comparisons: SurveyComparison[]) =>
    comparisons.map((cmp) => ({
      cells: [
        { text: cmp.nome, numeric: false, header: true },
        c.respondents(cmp.respondents),
        ...survey.dimensions.map((d) => c.difference(cmp.differences[dimKey(d)])),
      ],
    }));
  tables.push(
    ctx.table(
      'tab-questionario-zone-diff',
      ctx.text(
        {
          it: 'Differenze tra zone, {anno}: ciascuna zona rispetto al resto {dell_intero}',
          en: 'Differences between zones, {anno}: each zone against the rest of the {intero}',
        },
        { anno },
      ),
      [ctx.label('zona'), ctx.text({ it: 'Rispondenti', en: 'Respondents' }), ...dimHead],
      differenceRows(survey.zoneDifferences),
      `${diffNote} ${ndNote}`,
    ),
  );

  const ageLabel = ctx.text({ it: "Fascia d'età", en: 'Age group' });
  tables.push(
    ctx.table(
      'tab-questionario-eta',
      ctx.text(
        {
          it: "Punteggio medio per fascia d'età, {anno} (intervallo al 95%)",
          en: 'Mean score by age group, {anno} (95% interval)',
        },
        { anno },
      ),
      [ageLabel, ctx.text({ it: 'Rispondenti', en: 'Respondents' }), ...dimHead],
      survey.fasce.map((f) => ({
        cells: [
          { text: f.nome, numeric: false, header: true },
          c.respondents(f.respondents),
          ...survey.dimensions.map((d) => c.estimate(f.items[dimKey(d)])),
        ],
      })),
      ndNote,
    ),
  );
  tables.push(
    ctx.table(
      'tab-questionario-eta-diff',
      ctx.text(
        {
          it: "Differenze tra fasce d'età, {anno}: ciascuna fascia rispetto a tutte le altre",
          en: 'Differences between age groups, {anno}: each group against all the others',
        },
        { anno },
      ),
      [ageLabel, ctx.text({ it: 'Rispondenti', en: 'Respondents' }), ...dimHead],
      differenceRows(survey.ageDifferences),
      `${diffNote} ${ndNote}`,
    ),
  );

  const method = ctx.text(
    {
      it: "Il questionario conta {n} rispondenti. Per ogni domanda si riportano le quote di risposte da 1 a 5 e la media; per ogni dimensione la media è calcolata prima per persona (media delle sue risposte nella dimensione) e poi tra le persone, così chi risponde a più domande non pesa di più. L'intervallo di confidenza al 95% è quello della t di Student sulle medie per persona; le differenze tra zone e tra fasce d'età sono confrontate con l'intervallo di Welch. I territori e i gruppi con meno di {s} rispondenti non sono mostrati (n.d.).",
      en: "The survey counts {n} respondents. For each question the shares of answers 1 to 5 and the mean are given; for each dimension the mean is taken first per person (mean of their answers in the dimension) and then across people, so that those who answer more questions do not weigh more. The 95% confidence interval is Student's t on the per-person means; differences between zones and age groups use Welch's interval. Areas and groups with fewer than {s} respondents are not shown (n.a.).",
    },
    { n: survey.city.respondents === null ? ctx.label('nd') : formatNumber(survey.city.respondents, ctx.lang, 0), s: threshold },
  );
  return { tables, method };
}

function distributionHead(ctx: ViewContext, first: string[]): string[] {
  return [
    ...first,
    ctx.text({ it: 'Risposte', en: 'Answers' }),
    ...SCALE.map((s) => `${s} (%)`),
    ctx.text({ it: 'Media', en: 'Mean' }),
    ctx.text({ it: 'IC 95%', en: '95% CI' }),
  ];
}

function distributionCells(ctx: ViewContext, s: SurveyItemResult | undefined): CellView[] {
  const c = cells(ctx);
  return [
    s?.distribution ? { text: formatNumber(s.distribution.answers, ctx.lang, 0), numeric: true } : c.nd(),
    ...c.shares(s),
    c.meanOnly(s),
    c.interval(s),
  ];
}

function distributionTable(ctx: ViewContext, survey: SurveyResult, area: SurveyAreaResult, label: string, index: number): TableView {
  const rows = survey.items.map((entry) => ({
    emphasis: entry.dimension,
    cells: [{ ...itemLabel(ctx, entry), numeric: false, header: true }, ...distributionCells(ctx, area.items[entry.key])],
  }));
  return ctx.table(
    `tab-questionario-distribuzione-${index}`,
    ctx.text(
      {
        it: 'Distribuzione delle risposte per domanda e dimensione: {area}, {anno}',
        en: 'Distribution of answers by question and dimension: {area}, {anno}',
      },
      { area: label, anno: ctx.anno },
    ),
    distributionHead(ctx, [ctx.text({ it: 'Domanda', en: 'Question' })]),
    rows,
    ctx.text(
      {
        it: 'Quote sulle risposte date (le risposte vuote non contano). n.d. = meno di {s} rispondenti.',
        en: 'Shares of the answers given (blank answers do not count). n.a. = fewer than {s} respondents.',
      },
      { s: survey.threshold },
    ),
  );
}

function quartiereDistributionTable(ctx: ViewContext, survey: SurveyResult): TableView {
  const rows = survey.quartieri.flatMap((q) => {
    // A quartiere of which compute publishes no item at all takes one row of n.d.
    if (survey.items.every(({ key }) => !q.items[key]?.distribution && !q.items[key]?.estimate)) {
      return [
        { cells: [{ text: q.nome, numeric: false, header: true }, { text: '—', numeric: false }, ...distributionCells(ctx, undefined)] },
      ];
    }
    return survey.items.map((entry) => ({
      emphasis: entry.dimension,
      cells: [
        { text: q.nome, numeric: false, header: true },
        entry.dimension ? { ...itemLabel(ctx, entry), numeric: false } : { text: entry.item.code, numeric: false },
        ...distributionCells(ctx, q.items[entry.key]),
      ],
    }));
  });
  return ctx.table(
    'tab-questionario-quartieri-distribuzione',
    ctx.text(
      {
        it: 'Distribuzione delle risposte per {area}, dimensione e domanda, {anno}',
        en: 'Distribution of answers by {area}, dimension and question, {anno}',
      },
      { anno: ctx.anno },
    ),
    distributionHead(ctx, [ctx.label('quartiere'), ctx.text({ it: 'Dimensione o domanda', en: 'Dimension or question' })]),
    rows,
    ctx.text(
      {
        it: 'Le domande sono indicate con il codice (il testo è nella tabella {dell_intero}). n.d. = meno di {s} rispondenti.',
        en: 'Questions are given by code (the text is in the {intero} table). n.a. = fewer than {s} respondents.',
      },
      { s: survey.threshold },
    ),
    // 33 quartieri × every question: a dozen printed pages; on paper the per-quartiere dimensions table stands for it.
    { screenOnly: true },
  );
}
