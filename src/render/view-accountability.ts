import { CANTIERI, type Cantiere } from '../types.js';
import type { ViewContext, TableView } from './view-context.js';
import { formatChange, formatNumber, formatDate } from './format.js';

export interface SimpleChapter {
  id: string;
  title: string;
  paragraphs: string[];
  tables: TableView[];
}

/** The indicators of the resources chapter (also named in partners' receipts). */
export const RESOURCE_INDICATORS = ['spesa_pro_capite', 'ore_per_100', 'volontari_per_1000'];

/** Resources: spending, hours and volunteers per zona, from the service files. */
export function resourcesView(ctx: ViewContext): SimpleChapter {
  const { values, anno, project } = ctx;
  const ids = RESOURCE_INDICATORS.filter((id) => values.get(id, 'citta', 'citta', anno));
  const rows = [
    ...project.territorio.zone.map((z) => ({ livello: 'zona' as const, codice: z.codice, nome: z.nome })),
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
  const totals = { spesa: 0, ore: 0, volontari: 0 };
  for (const r of project.dati.get(anno)?.get('erogazioni') ?? []) {
    totals.spesa += (r.values.spesa_euro as number) ?? 0;
    totals.ore += (r.values.ore as number) ?? 0;
    totals.volontari += (r.values.volontari as number) ?? 0;
  }
  return {
    id: 'risorse',
    title: ctx.label('risorse'),
    paragraphs: [ctx.text({
      it: 'Nel {anno} i servizi del progetto hanno impiegato {spesa} euro, {ore} ore di servizio e {vol} volontari (somme dei dati del Comune e dei partner).',
      en: 'In {anno} the project\'s services used {spesa} euro, {ore} hours of service and {vol} volunteers (sums of the Comune\'s and partners\' data).',
    }, { anno, spesa: formatNumber(totals.spesa, ctx.lang, 0), ore: formatNumber(totals.ore, ctx.lang, 0), vol: formatNumber(totals.volontari, ctx.lang, 0) })],
    tables: ids.length === 0 ? [] : [ctx.table('tab-risorse', ctx.text({ it: 'Risorse per zona, {anno}', en: 'Resources by zone, {anno}' }, { anno }),
      [ctx.label('zona'), ...ids.map((id) => `${ctx.indicatorName(id)} (${values.definition(id)?.unita ?? ''})`)], rows)],
  };
}

const STATI: Record<string, { it: string; en: string }> = {
  non_avviato: { it: 'non avviato', en: 'not started' },
  in_corso: { it: 'in corso', en: 'in progress' },
  completato: { it: 'completato', en: 'completed' },
  sospeso: { it: 'sospeso', en: 'suspended' },
};

/** One commitment with where it applies, its progress this and last year, and its indicator. */
interface Commitment {
  codice: string;
  cantiere: string;
  descrizione: string;
  zona: string | null;
  quartiere: string | null;
  indicatore: string | null;
  obiettivo: number | null;
  scadenza: string | null;
  stato: string | null;
  avanzamento: number | null;
  avanzamentoPrima: number | null;
  nota: string;
}

function readCommitments(ctx: ViewContext): Commitment[] {
  const { project, anno, annoPrecedente } = ctx;
  const progress = (year: number | null) => new Map((year === null ? [] : project.dati.get(year)?.get('impegni') ?? []).map((r) => [String(r.values.codice_impegno), r.values]));
  const now = progress(anno);
  const before = progress(annoPrecedente);
  const text = (v: unknown) => (v === null || v === undefined || v === '' ? null : String(v));
  const order = (c: string) => { const i = CANTIERI.indexOf(c as Cantiere); return i < 0 ? CANTIERI.length : i; };
  return (project.cataloghi.get('catalogo_impegni') ?? []).map(({ values: c }): Commitment => {
    const p = now.get(String(c.codice_impegno));
    const q = before.get(String(c.codice_impegno));
    const quartiere = text(c.codice_quartiere);
    return {
      codice: String(c.codice_impegno),
      cantiere: String(c.cantiere),
      descrizione: String(c.descrizione),
      // A quartiere's commitment belongs to its zona too.
      zona: text(c.codice_zona) ?? (quartiere ? project.territorio.quartieri.find((x) => x.codice === quartiere)?.codiceZona ?? null : null),
      quartiere,
      indicatore: text(c.indicatore),
      obiettivo: typeof c.obiettivo === 'number' ? c.obiettivo : null,
      scadenza: text(c.scadenza),
      stato: p ? text(p.stato) : null,
      avanzamento: p && typeof p.avanzamento_pct === 'number' ? p.avanzamento_pct : null,
      avanzamentoPrima: q && typeof q.avanzamento_pct === 'number' ? q.avanzamento_pct : null,
      nota: p?.nota ? String(p.nota) : '',
    };
  }).sort((a, b) => order(a.cantiere) - order(b.cantiere) || a.codice.localeCompare(b.codice));
}

/** The commitment's indicator measured where the commitment applies (quartiere, zona or city), with its change. */
function measureText(ctx: ViewContext, c: Commitment): string {
  if (!c.indicatore) return c.obiettivo === null ? '—' : ctx.text({ it: 'obiettivo {o}', en: 'target {o}' }, { o: formatNumber(c.obiettivo, ctx.lang, 0) });
  const [livello, codice] = c.quartiere ? ['quartiere', c.quartiere] as const : c.zona ? ['zona', c.zona] as const : ['citta', 'citta'] as const;
  const figure = ctx.values.figure(c.indicatore, livello, codice, ctx.anno);
  const change = figure.soppresso ? '' : ctx.values.change(c.indicatore, livello, codice, ctx.anno);
  const def = ctx.values.definition(c.indicatore);
  const parts = [`${ctx.indicatorName(c.indicatore)}: ${figure.text}${def && !figure.soppresso && figure.value !== null ? ` ${def.unita}` : ''}`];
  if (change && ctx.annoPrecedente) parts.push(ctx.text({ it: '{c} sul {a}', en: '{c} on {a}' }, { c: change, a: ctx.annoPrecedente }));
  if (c.obiettivo !== null) parts.push(ctx.text({ it: 'obiettivo {o}', en: 'target {o}' }, { o: formatNumber(c.obiettivo, ctx.lang, def?.decimali ?? 0) }));
  return parts.join('; ');
}

function whereText(ctx: ViewContext, c: Commitment): string {
  if (c.quartiere) return ctx.project.territorio.quartieri.find((q) => q.codice === c.quartiere)?.nome ?? c.quartiere;
  if (c.zona) return `${ctx.label('zona')} ${ctx.project.territorio.zone.find((z) => z.codice === c.zona)?.nome ?? c.zona}`;
  return ctx.text({ it: 'Tutta la città', en: 'Whole city' });
}

function progressText(ctx: ViewContext, c: Commitment): string {
  if (c.avanzamento === null) return '—';
  const now = `${formatNumber(c.avanzamento, ctx.lang, 0)}%`;
  if (c.avanzamentoPrima === null) return now;
  return `${now} (${formatChange(c.avanzamento - c.avanzamentoPrima, ctx.lang, 0)})`;
}

/** Counts by status and mean progress of a group of commitments, as table cells. */
function summaryCells(ctx: ViewContext, label: string, group: Commitment[], emphasis = false) {
  const count = (stato: string) => ({ text: formatNumber(group.filter((c) => c.stato === stato).length, ctx.lang, 0), numeric: true });
  const measured = group.filter((c) => c.avanzamento !== null);
  const mean = measured.length ? measured.reduce((s, c) => s + c.avanzamento!, 0) / measured.length : null;
  return {
    emphasis,
    cells: [
      { text: label, numeric: false, header: true },
      { text: formatNumber(group.length, ctx.lang, 0), numeric: true },
      ...Object.keys(STATI).map(count),
      { text: mean === null ? '—' : `${formatNumber(mean, ctx.lang, 0)}%`, numeric: true },
    ],
  };
}

/** Commitments: by cantiere and by zona, status and progress, and the indicator that measures each with its change. */
export function commitmentsView(ctx: ViewContext): SimpleChapter {
  const { anno } = ctx;
  const list = readCommitments(ctx);
  const summaryHead = (first: string) => [first, ctx.text({ it: 'Impegni', en: 'Commitments' }), ...Object.values(STATI).map((s) => ctx.text(s)),
    ctx.text({ it: 'Avanzamento medio', en: 'Mean progress' })];
  const cantieri = [...new Set(list.map((c) => c.cantiere))];
  const byCantiere = ctx.table('tab-impegni-cantieri', ctx.text({ it: 'Impegni per cantiere e stato, {anno}', en: 'Commitments by cantiere and status, {anno}' }, { anno }),
    summaryHead(ctx.text({ it: 'Cantiere', en: 'Cantiere' })), [
      ...cantieri.map((k) => summaryCells(ctx, CANTIERI.includes(k as Cantiere) ? ctx.label(k as Cantiere) : k, list.filter((c) => c.cantiere === k))),
      summaryCells(ctx, ctx.label('totale'), list, true),
    ]);
  const byZona = ctx.table('tab-impegni-zone', ctx.text({ it: 'Impegni per zona e stato, {anno}', en: 'Commitments by zone and status, {anno}' }, { anno }),
    summaryHead(ctx.label('zona')), [
      ...ctx.project.territorio.zone.map((z) => summaryCells(ctx, z.nome, list.filter((c) => c.zona === z.codice))),
      summaryCells(ctx, ctx.text({ it: 'Tutta la città', en: 'Whole city' }), list.filter((c) => c.zona === null)),
    ], ctx.text({ it: 'Un impegno per un quartiere conta nella sua zona.', en: 'A commitment for a quartiere counts in its zone.' }));
  const rows = list.map((c) => ({
    cells: [
      { text: CANTIERI.includes(c.cantiere as Cantiere) ? ctx.label(c.cantiere as Cantiere) : c.cantiere, numeric: false },
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
    paragraphs: [ctx.text({
      it: 'Gli impegni presi dal progetto, il loro stato al 31 dicembre {anno} per cantiere e per zona e, dove c\'è, l\'indicatore che li misura nel territorio a cui si riferiscono, con la variazione sull\'anno precedente. Tra parentesi, accanto all\'avanzamento, la variazione in punti percentuali sul {prima}.',
      en: 'The project\'s commitments, their status at 31 December {anno} by cantiere and by zone and, where there is one, the indicator that measures them in the area they refer to, with its change from the previous year. In brackets, beside progress, the change in percentage points from {prima}.',
    }, { anno, prima: ctx.annoPrecedente ?? anno - 1 })],
    tables: list.length === 0 ? [] : [byCantiere, byZona, ctx.table('tab-impegni', ctx.text({ it: 'Impegni e avanzamento, {anno}', en: 'Commitments and progress, {anno}' }, { anno }), [
      ctx.text({ it: 'Cantiere', en: 'Cantiere' }), ctx.text({ it: 'Impegno', en: 'Commitment' }), ctx.text({ it: 'Dove', en: 'Where' }),
      ctx.text({ it: 'Stato', en: 'Status' }), ctx.text({ it: 'Avanzamento', en: 'Progress' }), ctx.text({ it: 'Indicatore', en: 'Indicator' }),
      ctx.text({ it: 'Scadenza', en: 'Deadline' }), ctx.text({ it: 'Nota', en: 'Note' }),
    ], rows)],
  };
}
