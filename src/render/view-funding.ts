import type { ViewContext, TableView } from './view-context.js';
import { formatChange, formatNumber } from './format.js';
import { cantiereWords } from './cantiere-text.js';
import type { FundingYear } from '../compute/funding.js';
import type { PeopleYear } from '../compute/people.js';
import { cellText } from './project-text.js';

/** A service's name as a cell: its English twin for `en` when the catalogue gives one, else marked with its language. */
function serviceCell(ctx: ViewContext, codice: string) {
  const servizio = ctx.catalogue.servizi.find((x) => x.codice === codice);
  return cellText(ctx.projectText(servizio?.nome ?? codice, servizio?.nomeEn));
}

// The resources chapter's money (where it comes from, where it goes, what a person served costs) and the
// people chapter (operators and volunteers by organisation), from compute's funding and people.

const FONTI: Record<string, { it: string; en: string }> = {
  comune: { it: 'Comune', en: 'Comune (municipality)' },
  partner: { it: 'Fondi propri dei partner', en: "Partners' own funds" },
  fondazioni: { it: 'Fondazioni', en: 'Foundations' },
  fondi_nazionali: { it: 'Fondi nazionali e regionali', en: 'National and regional funds' },
  pnrr: { it: 'PNRR', en: 'PNRR (recovery plan)' },
  altro: { it: 'Altre fonti', en: 'Other sources' },
};

const euro = (ctx: ViewContext, n: number) => formatNumber(n, ctx.lang, 0);
const pct = (ctx: ViewContext, n: number | null) => (n === null ? '—' : `${formatChange(n, ctx.lang, 1)}%`);

/** The paragraph and tables of the money in the report year; none when the project has no risorse that year. */
export function fundingParts(ctx: ViewContext): { paragraphs: string[]; tables: TableView[] } {
  const year: FundingYear | undefined = ctx.result.funding.find((f) => f.anno === ctx.anno);
  if (!year) return { paragraphs: [], tables: [] };
  const prev = ctx.anno - 1;
  const changeHead = ctx.text({ it: 'Variazione sul {anno}', en: 'Change on {anno}' }, { anno: prev });
  const paragraph = ctx.text(
    year.totale.variazionePct === null
      ? { it: 'Nel {anno} il progetto ha avuto {tot} euro di risorse.', en: 'In {anno} the project had {tot} euro of resources.' }
      : {
          it: 'Nel {anno} il progetto ha avuto {tot} euro di risorse ({var} sul {prev}).',
          en: 'In {anno} the project had {tot} euro of resources ({var} on {prev}).',
        },
    { anno: ctx.anno, tot: euro(ctx, year.totale.importo), var: pct(ctx, year.totale.variazionePct), prev },
  );
  const bySource = ctx.table(
    'tab-risorse-fonti',
    ctx.text({ it: 'Risorse per fonte di finanziamento, {anno}', en: 'Resources by funding source, {anno}' }, { anno: ctx.anno }),
    [ctx.text({ it: 'Fonte', en: 'Source' }), 'euro', ctx.text({ it: 'Quota', en: 'Share' }), changeHead],
    [
      ...year.perFonte.map((f) => ({
        emphasis: false,
        cells: [
          { text: FONTI[f.fonte]?.[ctx.lang] ?? f.fonte, numeric: false, header: true },
          { text: euro(ctx, f.importo), numeric: true },
          {
            text: year.totale.importo > 0 ? `${formatNumber((100 * f.importo) / year.totale.importo, ctx.lang, 1)}%` : '—',
            numeric: true,
          },
          { text: pct(ctx, f.variazionePct), numeric: true },
        ],
      })),
      {
        emphasis: true,
        cells: [
          { text: ctx.text({ it: 'Totale', en: 'Total' }), numeric: false, header: true },
          { text: euro(ctx, year.totale.importo), numeric: true },
          { text: '100%', numeric: true },
          { text: pct(ctx, year.totale.variazionePct), numeric: true },
        ],
      },
    ],
  );
  const rows = ctx.catalogue.cantieri.flatMap((cantiere) => {
    const total = year.perCantiere.find((c) => c.cantiere === cantiere.codice);
    if (!total) return [];
    const title = cantiereWords(cantiere, ctx.lang, ctx.config.lingua).titolo.text;
    const services = year.perServizio
      .filter((s) => s.cantiere === cantiere.codice)
      .map((s) => ({
        emphasis: false,
        cells: [
          {
            ...serviceCell(ctx, s.servizio),
            numeric: false,
            header: true,
          },
          { text: euro(ctx, s.importo), numeric: true },
          {
            text: s.soppresso ? ctx.label('nd') : s.utenti === null ? '—' : formatNumber(s.utenti, ctx.lang, 0),
            numeric: true,
            soppresso: s.soppresso,
          },
          {
            text: s.soppresso ? ctx.label('nd') : s.costoPerUtente === null ? '—' : euro(ctx, s.costoPerUtente),
            numeric: true,
            soppresso: s.soppresso,
          },
          { text: pct(ctx, s.variazionePct), numeric: true },
        ],
      }));
    return [
      {
        emphasis: true,
        cells: [
          { text: title, numeric: false, header: true },
          { text: euro(ctx, total.importo), numeric: true },
          { text: '', numeric: true },
          { text: '', numeric: true },
          { text: pct(ctx, total.variazionePct), numeric: true },
        ],
      },
      ...services,
    ];
  });
  const byService = ctx.table(
    'tab-risorse-servizi',
    ctx.text(
      {
        it: 'Risorse per cantiere e servizio e costo per utente, {anno}',
        en: 'Resources by cantiere and service, and cost per user, {anno}',
      },
      { anno: ctx.anno },
    ),
    [
      ctx.text({ it: 'Cantiere e servizio', en: 'Cantiere and service' }),
      'euro',
      ctx.text({ it: 'Utenti', en: 'Users' }),
      ctx.text({ it: 'Euro per utente', en: 'Euro per user' }),
      changeHead,
    ],
    rows,
  );
  const note = ctx.text({
    it: "Il costo per utente è la somma delle risorse di un servizio divisa per le persone servite nell'anno (dati sulle erogazioni dei servizi, residenza nota o no).",
    en: 'The cost per user is the sum of a service’s resources divided by the people it served in the year (service delivery data, residence known or not).',
  });
  return { paragraphs: [paragraph, note], tables: [bySource, byService] };
}

/** A chapter of paragraphs and tables (the shape of capitolo-semplice.hbs, as view-accountability's SimpleChapter). */
export interface PeopleChapter {
  id: string;
  title: string;
  paragraphs: string[];
  tables: TableView[];
}

/** The people chapter: operators and volunteers by organisation in the report year; null without personale data. */
export function peopleView(ctx: ViewContext): PeopleChapter | null {
  const year: PeopleYear | undefined = ctx.result.people.find((p) => p.anno === ctx.anno);
  if (!year) return null;
  const prev = ctx.anno - 1;
  const change = (n: number | null) => (n === null ? '—' : formatChange(n, ctx.lang, 0));
  const count = (n: number | null) => (n === null ? '—' : formatNumber(n, ctx.lang, 0));
  const changeHead = ctx.text({ it: 'Variazione sul {anno}', en: 'Change on {anno}' }, { anno: prev });
  return {
    id: 'persone',
    title: ctx.text({ it: 'Le persone', en: 'The people' }),
    paragraphs: [
      ctx.text(
        {
          it: 'Nel {anno} hanno lavorato nei servizi del progetto {op} operatori retribuiti e {vol} volontari di {n} enti, ciascuno contato una volta anche se attivo in più servizi o {aree}.',
          en: "In {anno} the project's services were run by {op} paid staff and {vol} volunteers of {n} organisations, each counted once even when active in several services or {aree}.",
        },
        { anno: ctx.anno, op: count(year.operatori), vol: count(year.volontari), n: year.enti.length },
      ),
    ],
    tables: [
      ctx.table(
        'tab-persone',
        ctx.text({ it: 'Operatori e volontari per ente, {anno}', en: 'Staff and volunteers by organisation, {anno}' }, { anno: ctx.anno }),
        [
          ctx.text({ it: 'Ente', en: 'Organisation' }),
          ctx.text({ it: 'Operatori', en: 'Staff' }),
          changeHead,
          ctx.text({ it: 'Volontari', en: 'Volunteers' }),
          changeHead,
        ],
        [
          ...year.enti.map((e) => ({
            emphasis: false,
            cells: [
              {
                ...cellText(ctx.projectText(ctx.catalogue.enti.find((x) => x.codice === e.ente)?.nome ?? e.ente)),
                numeric: false,
                header: true,
              },
              { text: count(e.operatori), numeric: true },
              { text: change(e.variazioneOperatori), numeric: true },
              { text: count(e.volontari), numeric: true },
              { text: change(e.variazioneVolontari), numeric: true },
            ],
          })),
          {
            emphasis: true,
            cells: [
              { text: ctx.text({ it: 'Totale', en: 'Total' }), numeric: false, header: true },
              { text: count(year.operatori), numeric: true },
              { text: '', numeric: true },
              { text: count(year.volontari), numeric: true },
              { text: '', numeric: true },
            ],
          },
        ],
      ),
    ],
  };
}
