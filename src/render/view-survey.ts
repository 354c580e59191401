import type { CellView, TableView, ViewContext } from './view-context.js';
import { formatChange, formatNumber } from './format.js';
import {
  compareGroups, itemsInOrder, readSurvey, summarize, SCALE,
  type GroupComparison, type Item, type ItemSummary, type Respondent, type Survey,
} from '../compute/survey/read-survey.js';

// The survey tables of "La voce della comunità": means with 95% intervals, distributions of answers,
// and differences between zone and age groups as intervals, never as rankings.

/** Age groups of the survey, in their natural order (never sorted by result). */
export const FASCE_ETA = ['18-29', '30-44', '45-64', '65-74', '75+'];

interface Area {
  label: string;
  members: Respondent[];
}

/** A dimension code as a readable label: `accesso_servizi` → `Accesso servizi`. */
export function dimensionLabel(code: string): string {
  const text = code.replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function cells(ctx: ViewContext) {
  const nd = (): CellView => ({ text: ctx.label('nd'), numeric: true, soppresso: true });
  const f2 = (v: number) => formatNumber(v, ctx.lang, 2);
  const estimate = (s: ItemSummary): CellView =>
    s.shown && s.estimate ? { text: `${f2(s.estimate.mean)} (${f2(s.estimate.low)}–${f2(s.estimate.high)})`, numeric: true } : nd();
  const meanOnly = (s: ItemSummary): CellView => (s.shown && s.estimate ? { text: f2(s.estimate.mean), numeric: true } : nd());
  const interval = (s: ItemSummary): CellView => (s.shown && s.estimate ? { text: `${f2(s.estimate.low)}–${f2(s.estimate.high)}`, numeric: true } : nd());
  const respondents = (n: number): CellView =>
    n > 0 && n < ctx.config.sogliaRiservatezza ? nd() : { text: formatNumber(n, ctx.lang, 0), numeric: true };
  const shares = (s: ItemSummary): CellView[] =>
    SCALE.map((_, i) => (s.shown && s.distribution ? { text: formatNumber(100 * s.distribution.shares[i]!, ctx.lang, 0), numeric: true } : nd()));
  const difference = (c: GroupComparison): CellView => {
    if (!c.shown || !c.difference) return nd();
    const d = c.difference;
    const text = `${formatChange(d.diff, ctx.lang, 2)} (${formatChange(d.low, ctx.lang, 2)}; ${formatChange(d.high, ctx.lang, 2)})`;
    return { text: d.distinguishable ? `${text} ●` : text, numeric: true };
  };
  return { nd, estimate, meanOnly, interval, respondents, shares, difference };
}

/** Every survey table of the report year; empty when the year has no survey. */
export function surveyTables(ctx: ViewContext): { tables: TableView[]; method: string } {
  const { project, anno, config } = ctx;
  const rows = project.dati.get(anno)?.get('questionario') ?? [];
  const domande = project.dati.get(anno)?.get('domande') ?? [];
  if (rows.length === 0 || domande.length === 0) return { tables: [], method: '' };
  const survey = readSurvey(rows, domande, project.territorio);
  const threshold = config.sogliaRisposte;
  const c = cells(ctx);
  const dims: Item[] = survey.dimensions.map((code) => ({ kind: 'dimension', code }));
  const zone: Area[] = project.territorio.zone.map((z) => ({
    label: `${ctx.label('zona')} ${z.nome}`, members: survey.respondents.filter((r) => r.zona === z.codice),
  }));
  const city: Area = { label: ctx.label('citta'), members: survey.respondents };
  const ndNote = ctx.text({
    it: 'n.d. = meno di {s} rispondenti: i risultati non sono mostrati.',
    en: 'n.a. = fewer than {s} respondents: results are not shown.',
  }, { s: threshold });
  const tables: TableView[] = [];

  const meansRow = (area: Area, emphasis = false) => ({
    emphasis,
    cells: [
      { text: area.label, numeric: false, header: true },
      c.respondents(area.members.length),
      ...dims.map((item) => c.estimate(summarize(survey, area.members, item, threshold))),
    ],
  });
  const dimHead = survey.dimensions.map(dimensionLabel);
  tables.push(ctx.table('tab-questionario', ctx.text({
    it: 'Questionario ai cittadini {anno}: punteggio medio da 1 a 5 per dimensione, con intervallo di confidenza al 95%',
    en: 'Citizens\' survey {anno}: mean score from 1 to 5 by dimension, with 95% confidence interval',
  }, { anno }), [ctx.text({ it: 'Territorio', en: 'Area' }), ctx.text({ it: 'Rispondenti', en: 'Respondents' }), ...dimHead],
  [meansRow(city, true), ...zone.map((z) => meansRow(z))], ndNote));

  for (const [i, area] of [city, ...zone].entries()) tables.push(distributionTable(ctx, survey, area, i, threshold));

  const quartieri = project.territorio.zone.flatMap((z) => z.quartieri.map((code) => ({
    code, zona: z.nome, nome: project.territorio.quartieri.find((q) => q.codice === code)?.nome ?? code,
    members: survey.respondents.filter((r) => r.quartiere === code),
  })));
  tables.push(ctx.table('tab-questionario-quartieri', ctx.text({
    it: 'Punteggio medio per quartiere e dimensione, {anno} (intervallo al 95%)', en: 'Mean score by quartiere and dimension, {anno} (95% interval)',
  }, { anno }), [ctx.label('quartiere'), ctx.label('zona'), ctx.text({ it: 'Rispondenti', en: 'Respondents' }), ...dimHead],
  quartieri.map((q) => ({
    cells: [
      { text: q.nome, numeric: false, header: true },
      { text: q.zona, numeric: false },
      c.respondents(q.members.length),
      ...dims.map((item) => c.estimate(summarize(survey, q.members, item, threshold))),
    ],
  })), ndNote));

  tables.push(quartiereDistributionTable(ctx, survey, quartieri, threshold));

  const zoneComparisons = dims.map((item) => compareGroups(survey, project.territorio.zone.map((z) => z.codice), (r) => r.zona, item, threshold));
  const diffNote = ctx.text({
    it: 'Differenza tra la media della zona (o fascia) e quella di tutti gli altri rispondenti e, tra parentesi, il suo intervallo di confidenza al 95% (Welch). ● = l\'intervallo non contiene lo zero: la differenza non si spiega con il solo caso. Le righe seguono l\'ordine delle zone, non una graduatoria.',
    en: 'Difference between the zone\'s (or group\'s) mean and that of all other respondents and, in brackets, its 95% confidence interval (Welch). ● = the interval excludes zero: the difference is not explained by chance alone. Rows follow the order of the zones, not a ranking.',
  });
  tables.push(ctx.table('tab-questionario-zone-diff', ctx.text({
    it: 'Differenze tra zone, {anno}: ciascuna zona rispetto al resto della città', en: 'Differences between zones, {anno}: each zone against the rest of the city',
  }, { anno }), [ctx.label('zona'), ctx.text({ it: 'Rispondenti', en: 'Respondents' }), ...dimHead],
  project.territorio.zone.map((z, i) => ({
    cells: [{ text: z.nome, numeric: false, header: true }, c.respondents(zone[i]!.members.length), ...zoneComparisons.map((cmp) => c.difference(cmp[i]!))],
  })), `${diffNote} ${ndNote}`));

  const fasce = FASCE_ETA.filter((f) => survey.respondents.some((r) => r.fascia === f));
  const ageComparisons = dims.map((item) => compareGroups(survey, fasce, (r) => r.fascia, item, threshold));
  const ageLabel = ctx.text({ it: 'Fascia d\'età', en: 'Age group' });
  tables.push(ctx.table('tab-questionario-eta', ctx.text({
    it: 'Punteggio medio per fascia d\'età, {anno} (intervallo al 95%)', en: 'Mean score by age group, {anno} (95% interval)',
  }, { anno }), [ageLabel, ctx.text({ it: 'Rispondenti', en: 'Respondents' }), ...dimHead],
  fasce.map((f) => {
    const members = survey.respondents.filter((r) => r.fascia === f);
    return { cells: [{ text: f, numeric: false, header: true }, c.respondents(members.length), ...dims.map((item) => c.estimate(summarize(survey, members, item, threshold)))] };
  }), ndNote));
  tables.push(ctx.table('tab-questionario-eta-diff', ctx.text({
    it: 'Differenze tra fasce d\'età, {anno}: ciascuna fascia rispetto a tutte le altre', en: 'Differences between age groups, {anno}: each group against all the others',
  }, { anno }), [ageLabel, ctx.text({ it: 'Rispondenti', en: 'Respondents' }), ...dimHead],
  fasce.map((f, i) => ({
    cells: [{ text: f, numeric: false, header: true }, c.respondents(ageComparisons[0]?.[i]?.respondents ?? 0), ...ageComparisons.map((cmp) => c.difference(cmp[i]!))],
  })), `${diffNote} ${ndNote}`));

  const method = ctx.text({
    it: 'Il questionario conta {n} rispondenti. Per ogni domanda si riportano le quote di risposte da 1 a 5 e la media; per ogni dimensione la media è calcolata prima per persona (media delle sue risposte nella dimensione) e poi tra le persone, così chi risponde a più domande non pesa di più. L\'intervallo di confidenza al 95% è quello della t di Student sulle medie per persona; le differenze tra zone e tra fasce d\'età sono confrontate con l\'intervallo di Welch. I territori e i gruppi con meno di {s} rispondenti non sono mostrati (n.d.).',
    en: 'The survey counts {n} respondents. For each question the shares of answers 1 to 5 and the mean are given; for each dimension the mean is taken first per person (mean of their answers in the dimension) and then across people, so that those who answer more questions do not weigh more. The 95% confidence interval is Student\'s t on the per-person means; differences between zones and age groups use Welch\'s interval. Areas and groups with fewer than {s} respondents are not shown (n.a.).',
  }, { n: formatNumber(survey.respondents.length, ctx.lang, 0), s: threshold });
  return { tables, method };
}

function distributionHead(ctx: ViewContext, first: string[]): string[] {
  return [...first, ctx.text({ it: 'Risposte', en: 'Answers' }), ...SCALE.map((s) => `${s} (%)`), ctx.text({ it: 'Media', en: 'Mean' }), ctx.text({ it: 'IC 95%', en: '95% CI' })];
}

function distributionCells(ctx: ViewContext, s: ItemSummary): CellView[] {
  const c = cells(ctx);
  return [s.shown && s.distribution ? { text: formatNumber(s.distribution.answers, ctx.lang, 0), numeric: true } : c.nd(), ...c.shares(s), c.meanOnly(s), c.interval(s)];
}

function distributionTable(ctx: ViewContext, survey: Survey, area: Area, index: number, threshold: number): TableView {
  const rows = itemsInOrder(survey).map(({ item, label, dimension }) => ({
    emphasis: dimension,
    cells: [
      { text: dimension ? dimensionLabel(label) : label, numeric: false, header: true },
      ...distributionCells(ctx, summarize(survey, area.members, item, threshold)),
    ],
  }));
  return ctx.table(`tab-questionario-distribuzione-${index}`, ctx.text({
    it: 'Distribuzione delle risposte per domanda e dimensione: {area}, {anno}', en: 'Distribution of answers by question and dimension: {area}, {anno}',
  }, { area: area.label, anno: ctx.anno }), distributionHead(ctx, [ctx.text({ it: 'Domanda', en: 'Question' })]), rows,
  ctx.text({ it: 'Quote sulle risposte date (le risposte vuote non contano). n.d. = meno di {s} rispondenti.', en: 'Shares of the answers given (blank answers do not count). n.a. = fewer than {s} respondents.' }, { s: threshold }));
}

function quartiereDistributionTable(
  ctx: ViewContext, survey: Survey, quartieri: { code: string; nome: string; members: Respondent[] }[], threshold: number,
): TableView {
  const items = itemsInOrder(survey);
  const rows = quartieri.flatMap((q) => {
    if (q.members.length < threshold) {
      return [{ cells: [{ text: q.nome, numeric: false, header: true }, { text: '—', numeric: false }, ...distributionCells(ctx, summarize(survey, q.members, items[0]!.item, threshold))] }];
    }
    return items.map(({ item, label, dimension }) => ({
      emphasis: dimension,
      cells: [
        { text: q.nome, numeric: false, header: true },
        { text: dimension ? dimensionLabel(label) : item.code, numeric: false },
        ...distributionCells(ctx, summarize(survey, q.members, item, threshold)),
      ],
    }));
  });
  return ctx.table('tab-questionario-quartieri-distribuzione', ctx.text({
    it: 'Distribuzione delle risposte per quartiere, dimensione e domanda, {anno}', en: 'Distribution of answers by quartiere, dimension and question, {anno}',
  }, { anno: ctx.anno }), distributionHead(ctx, [ctx.label('quartiere'), ctx.text({ it: 'Dimensione o domanda', en: 'Dimension or question' })]), rows,
  ctx.text({ it: 'Le domande sono indicate con il codice (il testo è nella tabella della città). n.d. = meno di {s} rispondenti.', en: 'Questions are given by code (the text is in the city table). n.a. = fewer than {s} respondents.' }, { s: threshold }),
  // 33 quartieri × every question: a dozen printed pages; on paper the per-quartiere dimensions table stands for it.
  { screenOnly: true });
}
