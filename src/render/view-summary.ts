import type { ViewContext, TableView, RichText } from './view-context.js';
import type { Finding, KeyFigure } from '../compute/findings/types.js';
import { byCount, t, type Bilingual } from '../i18n.js';
import { formatChange, formatDate, formatNumber } from './format.js';
import { commitmentState } from './view-accountability.js';
import { trendText } from './trend-words.js';

// The Sintesi at the front of the report: the year's key figures (rates beside absolute numbers), then
// the findings compute chose by the project's declared rules, each said in one sentence. Every number
// here is compute's; each finding carries its id, so that `bilancio explain sintesi <id>` traces it.

/** One finding as printed: its sentence and the id `bilancio explain sintesi` takes. */
export interface SummaryItem {
  id: string;
  testo: RichText;
  /** Sub-items (the late commitments), one sentence each. */
  voci: RichText[];
}

export interface SummarySection {
  titolo: string;
  items: SummaryItem[];
}

export interface SummaryView {
  id: string;
  title: string;
  intro: string;
  cifre: TableView | null;
  sections: SummarySection[];
  /** Said when the rules found nothing to report: every target met, no wide gap, no large change, nothing late. */
  nothing: string;
}

function percent(ctx: ViewContext, pct: number): string {
  return `${formatChange(pct, ctx.lang, 0)}%`;
}

function keyFiguresTable(ctx: ViewContext, cifre: KeyFigure[]): TableView | null {
  if (cifre.length === 0) return null;
  const prev = ctx.annoPrecedente;
  const head = [
    ctx.text({ it: 'Indicatore', en: 'Indicator' }),
    String(ctx.anno),
    ctx.text({ it: 'In numeri', en: 'In numbers' }),
    ...(prev !== null ? [ctx.label('variazione', { anno: prev })] : []),
  ];
  const rows = cifre.map((c) => {
    const def = ctx.values.definition(c.indicatore);
    const absolute =
      c.assoluto === null || c.nomeAssoluto === null
        ? ''
        : `${formatNumber(c.assoluto, ctx.lang, 0)} ${t(ctx.lang, c.nomeAssoluto)}` +
          (c.assolutoPrecedente !== null ? ` (${formatChange(c.assoluto - c.assolutoPrecedente, ctx.lang, 0)})` : '');
    return {
      cells: [
        { text: ctx.indicatorName(c.indicatore), numeric: false, header: true },
        { text: ctx.values.withUnit(c.indicatore, c.valore), numeric: true },
        { text: absolute || '—', numeric: false },
        ...(prev !== null
          ? [{ text: c.variazione === null ? '—' : formatChange(c.variazione, ctx.lang, def?.decimali ?? 1), numeric: true }]
          : []),
      ],
    };
  });
  return ctx.table(
    'tab-sintesi',
    ctx.text({ it: "L'anno in cifre, {anno}", en: 'The year in figures, {anno}' }, { anno: ctx.anno }),
    head,
    rows,
  );
}

function findingText(ctx: ViewContext, f: Finding): SummaryItem {
  const nome = (id: string) => ctx.indicatorName(id);
  switch (f.tipo) {
    case 'sotto_obiettivo': {
      const worst = f.sotto[0]!;
      // The target's label in the report's language (the catalogue's English twin where it gives one).
      const label = ctx.values.definition(f.indicatore)?.obiettivi[0]?.etichetta ?? f.etichetta;
      const testo = ctx.rich(
        byCount(
          f.sotto.length,
          {
            it: "{nome}: 1 {area} su {tot} è {lato} l'obiettivo di {o}{etichetta}, {worst} con {wv}.{citta}",
            en: '{nome}: 1 of {tot} {aree} is {lato} the target of {o}{etichetta}, {worst} at {wv}.{citta}',
          },
          {
            it: "{nome}: {n} {aree} su {tot} sono {lato} l'obiettivo di {o}{etichetta}; {l_area} più lontan{area_o} è {worst} con {wv}.{citta}",
            en: '{nome}: {n} of {tot} {aree} are {lato} the target of {o}{etichetta}; the furthest is {worst} at {wv}.{citta}',
          },
        ),
        {
          nome: nome(f.indicatore),
          // Where lower is better the target is a ceiling: the areas that miss it are above it.
          lato:
            ctx.values.definition(f.indicatore)?.polarita === 'basso_meglio'
              ? ctx.text({ it: 'sopra', en: 'above' })
              : ctx.text({ it: 'sotto', en: 'below' }),
          n: f.sotto.length,
          tot: f.aree,
          o: ctx.values.withUnit(f.indicatore, f.obiettivo),
          etichetta: label ? ` (${label})` : '',
          worst: worst.nome,
          wv: ctx.values.withUnit(f.indicatore, worst.valore),
          citta:
            f.citta === null
              ? ''
              : ctx.text(
                  { it: ' {L_intero} nel suo insieme è a {v}.', en: ' The {intero} as a whole stands at {v}.' },
                  {
                    v: ctx.values.withUnit(f.indicatore, f.citta),
                  },
                ),
        },
      );
      return { id: f.id, testo, voci: [] };
    }
    case 'divario_tra_aree': {
      const testo =
        f.aZero > 0
          ? ctx.rich(
              byCount(
                f.aZero,
                {
                  it: '{nome}: il servizio non raggiunge nessuno in 1 {area} su {tot}; il valore più alto è {max} a {maxNome}.',
                  en: '{nome}: the service reaches no one in 1 of {tot} {aree}; the highest value is {max} in {maxNome}.',
                },
                {
                  it: '{nome}: il servizio non raggiunge nessuno in {n} {aree} su {tot}; il valore più alto è {max} a {maxNome}.',
                  en: '{nome}: the service reaches no one in {n} of {tot} {aree}; the highest value is {max} in {maxNome}.',
                },
              ),
              {
                nome: nome(f.indicatore),
                n: f.aZero,
                tot: ctx.result.equity.find((e) => e.indicatore === f.indicatore && e.anno === ctx.anno)?.quartieri ?? f.aZero,
                max: ctx.values.withUnit(f.indicatore, f.max.valore),
                maxNome: f.max.nome,
              },
            )
          : ctx.rich(
              {
                it: '{nome}: va da {min} a {minNome} a {max} a {maxNome}, {r} volte tanto.',
                en: '{nome}: from {min} in {minNome} to {max} in {maxNome}, {r} times as much.',
              },
              {
                nome: nome(f.indicatore),
                min: ctx.values.withUnit(f.indicatore, f.min.valore),
                minNome: f.min.nome,
                max: ctx.values.withUnit(f.indicatore, f.max.valore),
                maxNome: f.max.nome,
                r: formatNumber(f.rapporto ?? 0, ctx.lang, 1),
              },
            );
      return { id: f.id, testo, voci: [] };
    }
    case 'variazione': {
      const first = f.serie[0];
      const last = f.serie[f.serie.length - 1];
      const trend =
        f.tendenza && first && last
          ? `; ${trendText(ctx, f.tendenza, first.anno, {
              primo: ctx.values.withUnit(f.indicatore, first.valore),
              ultimo: ctx.values.withUnit(f.indicatore, last.valore),
            })}`
          : '';
      const testo = ctx.rich(
        {
          it: '{nome}: da {prima} nel {annoPrima} a {ora} nel {anno} ({diff}, {pct}){trend}.',
          en: '{nome}: from {prima} in {annoPrima} to {ora} in {anno} ({diff}, {pct}){trend}.',
        },
        {
          nome: nome(f.indicatore),
          prima: ctx.values.withUnit(f.indicatore, f.precedente),
          annoPrima: f.annoPrecedente,
          ora: ctx.values.withUnit(f.indicatore, f.valore),
          anno: ctx.anno,
          diff: formatChange(f.variazione, ctx.lang, ctx.values.definition(f.indicatore)?.decimali ?? 1),
          pct: percent(ctx, f.pct),
          trend,
        },
      );
      return { id: f.id, testo, voci: [] };
    }
    case 'impegni_in_ritardo': {
      const testo = ctx.rich(
        byCount(
          f.impegni.length,
          {
            it: '1 impegno su {dovuti} con scadenza entro il {al} non è completato:',
            en: '1 of the {dovuti} commitments due by {al} is not completed:',
          },
          {
            it: '{n} impegni su {dovuti} con scadenza entro il {al} non sono completati:',
            en: '{n} of the {dovuti} commitments due by {al} are not completed:',
          },
        ),
        { n: f.impegni.length, dovuti: f.dovuti, al: formatDate(new Date(f.al), ctx.lang) },
      );
      const voci = f.impegni.map((c) =>
        ctx.rich(
          { it: '{descrizione} (scadenza {scadenza}; {stato}{avanzamento})', en: '{descrizione} (due {scadenza}; {stato}{avanzamento})' },
          {
            descrizione: ctx.projectText(c.descrizione, c.descrizioneEn),
            scadenza: formatDate(new Date(c.scadenza), ctx.lang),
            stato: commitmentState(ctx, c, 'sentence'),
            avanzamento: c.avanzamento === null ? '' : `, ${formatNumber(c.avanzamento, ctx.lang, 0)}%`,
          },
        ),
      );
      return { id: f.id, testo, voci };
    }
  }
}

const SECTIONS: { tipi: Finding['tipo'][]; titolo: Bilingual }[] = [
  { tipi: ['sotto_obiettivo'], titolo: { it: "Dove non si raggiunge l'obiettivo", en: 'Where the target is not reached' } },
  { tipi: ['divario_tra_aree'], titolo: { it: 'I divari più grandi tra {aree}', en: 'The widest gaps between {aree}' } },
  { tipi: ['variazione'], titolo: { it: 'Che cosa è cambiato di più', en: 'What changed most' } },
  { tipi: ['impegni_in_ritardo'], titolo: { it: 'Impegni in ritardo', en: 'Late commitments' } },
];

/** The Sintesi: key figures, then the findings grouped by kind, in the order the rules found them. */
export function summaryView(ctx: ViewContext): SummaryView {
  const { sintesi } = ctx.result;
  const cifre = keyFiguresTable(ctx, sintesi.cifre);
  const sections = SECTIONS.map((s) => ({
    titolo: ctx.text(s.titolo),
    items: sintesi.risultati.filter((f) => s.tipi.includes(f.tipo)).map((f) => findingText(ctx, f)),
  })).filter((s) => s.items.length > 0);
  return {
    id: 'sintesi',
    title: ctx.text({ it: 'Sintesi', en: 'Summary' }),
    intro: ctx.text(
      {
        it: "Il {anno} in breve: le cifre dell'anno, dove i servizi non arrivano ancora, che cosa è cambiato e che cosa resta da fare. I risultati sono scelti con regole dichiarate dal progetto (la nota metodologica le descrive) e ogni numero è nei dati aperti del bilancio.",
        en: "{anno} in brief: the year's figures, where services do not reach yet, what changed and what remains to be done. The findings are chosen by rules the project declares (the method note describes them), and every number is in the report's open data.",
      },
      { anno: ctx.anno },
    ),
    cifre,
    sections,
    nothing:
      sections.length === 0
        ? ctx.text({
            it: 'Le regole della sintesi non trovano obiettivi mancati, divari ampi, grandi variazioni né impegni in ritardo.',
            en: 'The rules of the summary find no missed target, wide gap, large change or late commitment.',
          })
        : '',
  };
}

/** The method note's paragraph on how the Sintesi and the areas' points of attention are chosen. */
export function summaryMethodNote(ctx: ViewContext): string {
  const rules = ctx.result.sintesi.regole;
  return ctx.text(
    {
      it: "La Sintesi e i punti di attenzione delle pagine {dei_aree} seguono regole {chi}: sono riportati gli indicatori con {aree} sotto l'obiettivo, i divari più ampi tra {aree}, le variazioni più grandi {dell_intero} sull'anno di confronto e gli impegni scaduti e non completati; per ogni {area}, i servizi che non l{area_o} raggiungono e i valori sotto l'obiettivo o lontani da quello {dell_intero} più del {tol}. Si usano solo valori pubblicati: un valore omesso per riservatezza non è mai un risultato.",
      en: "The Summary and the points of attention on the {aree}' pages follow rules {chi}: they report the indicators with {aree} below target, the widest gaps between {aree}, the largest changes of the {intero} on the year compared and the commitments past due and not completed; for each {area}, the services that do not reach it and the values below target or further than {tol} from the {intero}'s. Only published values are used: a value withheld for privacy is never a finding.",
    },
    {
      chi: rules.predefinite
        ? ctx.text({ it: 'predefinite di bilancio', en: "that are bilancio's defaults" })
        : ctx.text({ it: 'dichiarate dal progetto nel suo catalogo', en: 'the project declares in its catalogue' }),
      tol: `${formatNumber(rules.tolleranza * 100, ctx.lang, 0)}%`,
    },
  );
}
