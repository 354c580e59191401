import type { ValidationReport } from '../types.js';
import type { ViewContext } from './view-context.js';
import { formatDateOn, formatNumber } from './format.js';
import { datasetsText } from './dataset-words.js';

export interface MethodView {
  id: string;
  title: string;
  paragraphs: string[];
  /** Each source: its name (nomeLang: the name's language where it is not the report's, else ''), and what it gave. */
  fonti: { nome: string; nomeLang: string; dettaglio: string }[];
  privacy: string[];
  soppressi: { indicatore: string; dove: string }[];
  /** The line before the list of withheld values: with the legend of * only when some value is marked. */
  soppressiTitolo: string;
  nonCalcolabili: { indicatore: string; mancano: string }[];
}

/** A source's name as MethodView holds it. */
const sourceName = (name: { text: string; lang: string }) => ({ nome: name.text, nomeLang: name.lang });
/** The method note: sources, period, rules of computation, privacy, omissions. */
export function methodView(
  ctx: ViewContext,
  options: { lowThresholdAllowed: boolean; validation: ValidationReport['summary'] },
): MethodView {
  const { result, catalogue, config, anno, lang } = ctx;
  const n = (value: number) => formatNumber(value, lang, 0);
  const paragraphs = [
    ctx.text(
      {
        it: "Il bilancio riguarda l'anno {anno}: i dati sulla popolazione sono al 31 dicembre, quelli sui servizi all'intero anno. {confronto}",
        en: 'The report covers {anno}: population data are at 31 December, service data cover the whole year. {confronto}',
      },
      {
        anno,
        confronto: ctx.annoPrecedente
          ? ctx.text(
              { it: 'Ogni indicatore è confrontato con il {p}.', en: 'Every indicator is compared with {p}.' },
              { p: ctx.annoPrecedente },
            )
          : '',
      },
    ),
    ctx.text({
      it: 'Ogni indicatore è un rapporto: numeratore / denominatore × scala. Per le zone e per {l_intero} numeratori e denominatori sono prima sommati {sulle_aree} e poi divisi: il valore di una zona non è la media dei valori {dei_aree} {suoi_aree} {aree}. I dati con {area} non indicat{area_o} (ND) sono contati solo nel totale {dell_intero}.',
      en: "Every indicator is a ratio: numerator / denominator × scale. For zones and the {intero}, numerators and denominators are first summed over the {aree} and then divided: a zone's value is not the mean of the values of its {aree}. Data whose {area} is not known (ND) count only in the {intero} total.",
    }),
    ctx.text({
      it: 'I valori sono arrotondati alla cifra indicata per ciascun indicatore, a partire dal rapporto esatto; un 5 si arrotonda per eccesso (0,05 diventa 0,1). Le variazioni sono differenze tra valori pubblicati.',
      en: "Values are rounded to each indicator's stated decimals, starting from the exact ratio; a 5 is rounded up (0.05 becomes 0.1). Changes are differences between published values.",
    }),
    ctx.text(
      {
        it: 'Sono stati letti {files} file con {rows} righe; la verifica ha trovato {errors} errori e {warnings} avvisi. Le righe con errori non entrano nei calcoli.',
        en: '{files} files with {rows} rows were read; checks found {errors} errors and {warnings} warnings. Rows with errors are left out of the computation.',
      },
      {
        files: n(options.validation.files),
        rows: n(options.validation.rows),
        errors: n(options.validation.errors),
        warnings: n(options.validation.warnings),
      },
    ),
  ];
  const fonti = [
    {
      // The project's own words (fonte_popolazione), else the ente's registry and statistics office.
      nome: ctx.text(
        ctx.config.fontePopolazione ??
          (ctx.config.ente
            ? { it: '{ente}, Anagrafe e Ufficio Statistica', en: '{ente}, population register and statistics office' }
            : { it: 'Anagrafe e Ufficio Statistica', en: 'Population register and statistics office' }),
        { ente: ctx.config.ente },
      ),
      nomeLang: '',
      dettaglio: ctx.text(
        {
          it: 'popolazione, famiglie e movimento demografico, anni {anni}',
          en: 'population, households and demographic movement, years {anni}',
        },
        { anni: catalogue.anni.join(', ') },
      ),
    },
    ...result.contributions.fonti.map((c) => ({
      // An organisation's name is its own, in the project's language.
      ...sourceName(ctx.projectText(catalogue.enti.find((e) => e.codice === c.ente)?.nome ?? c.ente)),
      dettaglio: ctx.text(
        c.inviatoIl ? { it: '{dati}, dati inviati {data}', en: '{dati}, data sent {data}' } : { it: '{dati}', en: '{dati}' },
        {
          dati: datasetsText(c.file, lang),
          data: c.inviatoIl ? formatDateOn(new Date(c.inviatoIl), lang) : '',
        },
      ),
    })),
  ];
  const withheldCells = result.privacy.cells.filter((c) => c.anno === anno);
  const secondary = withheldCells.filter((c) => c.motivo === 'secondaria').length;
  const primary = withheldCells.length - secondary;
  const privacy = [
    ctx.text(
      {
        it: 'Nessun conteggio inferiore a {soglia} persone è pubblicato (Garante per la protezione dei dati personali, Regole deontologiche per trattamenti a fini statistici, 2019, art. 5): quando il numeratore o il denominatore di un indicatore è un numero di persone compreso tra 1 e {max}, il valore è omesso ovunque (tabelle, grafici, schede {delle_aree}, dati aperti) e indicato con "n.d.". Lo zero è pubblicato.',
        en: 'No count below {soglia} people is published (Italian Data Protection Authority, rules for statistical processing, 2019, art. 5): when an indicator\'s numerator or denominator is a number of people between 1 and {max}, the value is withheld everywhere (tables, charts, {area} pages, open data) and shown as "n.a.". Zero is published.',
      },
      { soglia: config.sogliaRiservatezza, max: config.sogliaRiservatezza - 1 },
    ),
    ctx.text({
      it: 'Perché un valore omesso non si possa ricavare per differenza dai totali (zona = somma {dei_aree} {suoi_aree} {aree}, {intero} = somma delle zone), in ogni gruppo con un solo valore omesso se ne omette un altro: il più piccolo tra quelli pubblicati (a parità, il primo per codice). Il procedimento si ripete finché nessun gruppo ha un solo valore omesso.',
      en: 'So that a withheld value cannot be recovered by subtraction from the totals (zone = sum of its {aree}, {intero} = sum of the zones), in every group with a single withheld value another one is withheld: the smallest published one (ties by code). This repeats until no group has a single withheld value.',
    }),
    // Counted from the very cells listed below (the report year's), so that count and list agree.
    withheldCells.length === 0
      ? ctx.text({ it: 'Nel {anno} nessun valore è omesso.', en: 'No value is withheld in {anno}.' }, { anno })
      : ctx.text(
          {
            it: 'Valori omessi nel {anno}: per la soglia {p}, complementari {s}.',
            en: 'Values withheld in {anno}: {p} under the threshold, {s} as complements.',
          },
          { anno, p: n(primary), s: n(secondary) },
        ),
  ];
  if (options.lowThresholdAllowed && config.sogliaRiservatezza < 3) {
    privacy.push(
      ctx.text(
        {
          it: "ATTENZIONE: la soglia di riservatezza è stata abbassata a {soglia} con l'opzione esplicita --consenti-soglia-bassa.",
          en: 'WARNING: the privacy threshold was lowered to {soglia} with the explicit option --consenti-soglia-bassa.',
        },
        { soglia: config.sogliaRiservatezza },
      ),
    );
  }
  const where = new Map<string, string[]>();
  for (const cell of withheldCells) {
    const list = where.get(cell.indicatore) ?? [];
    list.push(`${cell.nome}${cell.motivo === 'secondaria' ? '*' : ''}`);
    where.set(cell.indicatore, list);
  }
  const soppressi = [...where].map(([id, list]) => ({ indicatore: ctx.indicatorName(id), dove: list.join(', ') }));
  const missing = new Map<string, string>();
  for (const item of result.notComputable.filter((x) => x.anno === anno)) {
    missing.set(item.indicatore, item.mancano.map((m) => `${m.dataset} ${m.anno}`).join(', '));
  }
  const nonCalcolabili = [...missing].map(([id, mancano]) => ({ indicatore: ctx.indicatorName(id), mancano }));
  // The legend of * only where a * is printed: the mark and its legend come from the same cells.
  const soppressiTitolo =
    secondary > 0
      ? ctx.text({ it: 'Dove (* = omissione complementare):', en: 'Where (* = complementary):' })
      : ctx.text({ it: 'Dove:', en: 'Where:' });
  return {
    id: 'nota-metodologica',
    title: ctx.label('notaMetodologica'),
    paragraphs,
    fonti,
    privacy,
    soppressi,
    soppressiTitolo,
    nonCalcolabili,
  };
}
