import type { Command } from 'commander';
import { t } from '../../i18n.js';
import { diskEffects } from '../../effects.js';
import { checkProject, computeProject } from '../../pipeline.js';
import { explainValue } from '../../provenance/explain.js';
import { explainSurvey, SURVEY_PREFIX } from '../../provenance/explain-survey.js';
import { ATTENTION_SUBJECT, explainAttention, explainFinding, SUMMARY_SUBJECT } from '../../provenance/explain-summary.js';
import { explainText, TEXT_SUBJECT } from '../../provenance/explain-text.js';
import { CLI } from '../messages.js';
import { formatReportText } from '../print-report.js';
import { EXIT, ExitError, type CommandContext } from '../context.js';

const TEXT = {
  description: {
    it:
      'spiega come è stato calcolato un valore: definizione, espressioni, somme, file e righe di origine, arrotondamento, riservatezza. ' +
      'Per un risultato del questionario: explain questionario:<dimensione o domanda> <gruppo>, es. explain questionario:coesione centro. ' +
      "Per un risultato della Sintesi: explain sintesi <id> (l'id è nel report HTML, data-sintesi); per i punti di attenzione di un quartiere: explain attenzione <quartiere>. " +
      'Per le cifre di un testo del progetto (testi/<nome>.md): explain testo <nome>, o explain testo <nome>:<riga> per quelle di una riga, es. explain testo lettera:15',
    en:
      'explains how a value was computed: definition, expressions, sums, source files and rows, rounding, privacy. ' +
      'For a survey result: explain questionario:<dimension or question> <group>, e.g. explain questionario:coesione centro. ' +
      'For a finding of the Summary: explain sintesi <id> (the id is in the HTML report, data-sintesi); for an area page: explain attenzione <quartiere>. ' +
      'For the figures of a project text (testi/<name>.md): explain testo <name>, or explain testo <name>:<line> for those of one line, e.g. explain testo lettera:15',
  },
  indicator: {
    it: "identificativo dell'indicatore (es. quota_65_plus), oppure questionario:<voce> per un risultato del questionario (es. questionario:coesione, questionario:D01)",
    en: 'indicator id (e.g. quota_65_plus), or questionario:<item> for a survey result (e.g. questionario:coesione, questionario:D01)',
  },
  area: {
    it: "codice del territorio: quartiere (es. 17029001), zona (es. centro) o citta; per il questionario anche una fascia d'età; dopo testo, il nome di un testo (es. lettera o lettera:15)",
    en: 'area code: quartiere (e.g. 17029001), zona (e.g. centro) or citta; for the survey also an age group; after testo, the name of a text (e.g. lettera or lettera:15)',
  },
  year: { it: "anno (predefinito: l'anno del report)", en: 'year (default: the report year)' },
  badYear: { it: 'Anno "{value}" non valido: scrivere per esempio --anno 2024.', en: 'Invalid year "{value}": write e.g. --anno 2024.' },
};

/** `bilancio explain <indicatore> <codice> [progetto]`: how one published figure (an indicator or a survey result) was computed. */
export function registerExplain(program: Command, ctx: CommandContext): void {
  const { say, out } = ctx;
  ctx
    .command(program, 'explain')
    .description(say(TEXT.description))
    .argument('<indicatore>', say(TEXT.indicator))
    .argument('<codice>', say(TEXT.area))
    .argument('[progetto]', say(CLI.project))
    .option('--anno <anno>', say(TEXT.year))
    .addOption(ctx.langOption())
    .option('--ignora-errori', say(CLI.ignoreErrors))
    .option('--consenti-soglia-bassa', say(CLI.lowThreshold))
    .action(
      async (
        indicatore: string,
        codice: string,
        project: string | undefined,
        opts: { anno?: string; lang?: string; ignoraErrori?: boolean; consentiSogliaBassa?: boolean },
      ) => {
        const lang = ctx.checkLang(opts.lang);
        if (opts.anno !== undefined && !/^\d{4}$/.test(opts.anno)) throw new ExitError(EXIT.usage, say(TEXT.badYear, { value: opts.anno }));
        const checked = await checkProject(
          { project: await ctx.project(project), lang, allowLowThreshold: opts.consentiSogliaBassa },
          diskEffects(ctx.progress),
        );
        if (!checked.config || (!checked.report.valid && !opts.ignoraErrori)) {
          out.stderr(formatReportText(checked.report, checked.lang));
          throw new ExitError(EXIT.invalidData, t(checked.lang, CLI.invalid, { errors: checked.report.summary.errors }));
        }
        const result = computeProject(checked);
        const defaultYear = result.anni.includes(checked.config.anno) ? checked.config.anno : Math.max(...result.anni);
        const year = opts.anno === undefined ? undefined : Number(opts.anno);
        const findings = {
          lang: checked.lang,
          sintesi: result.sintesi,
          attenzione: result.attenzione,
          rules: checked.summaryRules,
          values: result.values,
          definitions: result.definitions,
        };
        const explanation =
          indicatore === TEXT_SUBJECT
            ? explainText(
                {
                  lang: checked.lang,
                  textLang: checked.config.lingua,
                  texts: checked.texts.texts,
                  figures: result.testi ?? { written: [], byFile: new Map() },
                  values: result.values,
                  definitions: result.definitions,
                  threshold: checked.config.sogliaRiservatezza,
                  anno: result.anno,
                },
                codice,
              )
            : indicatore === SUMMARY_SUBJECT
              ? explainFinding(findings, codice)
              : indicatore === ATTENTION_SUBJECT
                ? explainAttention(findings, codice)
                : indicatore.startsWith(SURVEY_PREFIX)
                  ? explainSurvey(
                      { lang: checked.lang, survey: result.survey, defaultYear },
                      indicatore.slice(SURVEY_PREFIX.length),
                      codice,
                      year,
                    )
                  : explainValue(
                      {
                        lang: checked.lang,
                        definitions: result.definitions,
                        values: result.values,
                        notComputable: result.notComputable,
                        dati: checked.project.dati,
                        territorio: checked.project.territorio,
                        servizi: checked.project.servizi,
                        threshold: checked.config.sogliaRiservatezza,
                        defaultYear,
                      },
                      indicatore,
                      codice,
                      year,
                    );
        if ('error' in explanation) throw new ExitError(EXIT.usage, explanation.error);
        out.stdout(`${explanation.lines.join('\n')}\n`);
      },
    );
}
