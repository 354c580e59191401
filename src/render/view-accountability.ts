import type { ViewContext, TableView } from './view-context.js';
import { formatNumber, formatDate } from './format.js';

export interface SimpleChapter {
  id: string;
  title: string;
  paragraphs: string[];
  tables: TableView[];
}

const RESOURCE_INDICATORS = ['spesa_pro_capite', 'ore_per_100', 'volontari_per_1000'];

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

/** Commitments: what was promised, its status and progress, and the indicator that measures it. */
export function commitmentsView(ctx: ViewContext): SimpleChapter {
  const { project, anno, values } = ctx;
  const catalogue = project.cataloghi.get('catalogo_impegni') ?? [];
  const progress = new Map((project.dati.get(anno)?.get('impegni') ?? []).map((r) => [String(r.values.codice_impegno), r.values]));
  const rows = catalogue.map(({ values: c }) => {
    const p = progress.get(String(c.codice_impegno));
    const indicator = c.indicatore ? String(c.indicatore) : null;
    const measured = indicator ? values.figure(indicator, 'citta', 'citta', anno) : null;
    const change = indicator ? values.change(indicator, 'citta', 'citta', anno) : '';
    return {
      cells: [
        { text: ctx.label(String(c.cantiere) as 'forza_comunita'), numeric: false },
        { text: String(c.descrizione), numeric: false, header: true },
        { text: p ? ctx.text(STATI[String(p.stato)] ?? { it: String(p.stato), en: String(p.stato) }) : '—', numeric: false },
        { text: p && typeof p.avanzamento_pct === 'number' ? `${formatNumber(p.avanzamento_pct, ctx.lang, 0)}%` : '—', numeric: true },
        { text: indicator && measured ? `${ctx.indicatorName(indicator)}: ${measured.text}${change ? ` (${change})` : ''}` : '—', numeric: false },
        { text: c.scadenza ? formatDate(new Date(String(c.scadenza)), ctx.lang) : '—', numeric: false },
        { text: p?.nota ? String(p.nota) : '', numeric: false },
      ],
    };
  });
  return {
    id: 'impegni',
    title: ctx.label('impegni'),
    paragraphs: [ctx.text({
      it: 'Gli impegni presi dal progetto, il loro stato al 31 dicembre {anno} e, dove c\'è, l\'indicatore che li misura con la variazione sull\'anno precedente.',
      en: 'The project\'s commitments, their status at 31 December {anno} and, where there is one, the indicator that measures them with its change from the previous year.',
    }, { anno })],
    tables: rows.length === 0 ? [] : [ctx.table('tab-impegni', ctx.text({ it: 'Impegni e avanzamento, {anno}', en: 'Commitments and progress, {anno}' }, { anno }), [
      ctx.text({ it: 'Cantiere', en: 'Cantiere' }), ctx.text({ it: 'Impegno', en: 'Commitment' }), ctx.text({ it: 'Stato', en: 'Status' }),
      ctx.text({ it: 'Avanzamento', en: 'Progress' }), ctx.text({ it: 'Indicatore', en: 'Indicator' }), ctx.text({ it: 'Scadenza', en: 'Deadline' }),
      ctx.text({ it: 'Nota', en: 'Note' }),
    ], rows)],
  };
}
