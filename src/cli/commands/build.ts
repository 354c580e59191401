import path from 'node:path';
import type { Command } from 'commander';
import { t } from '../../i18n.js';
import { diskEffects } from '../../effects.js';
import { buildProject } from '../../pipeline.js';
import { CLI } from '../messages.js';
import { formatReportText } from '../print-report.js';
import { EXIT, refuseInvalidData, refusePrivacyLeak, type CommandContext } from '../context.js';

/** `bilancio build [progetto]`: the whole report. */
export function registerBuild(program: Command, ctx: CommandContext): void {
  const { say, out } = ctx;
  ctx
    .command(program, 'build')
    .description(say(CLI.build))
    .argument('[progetto]', say(CLI.project))
    .option('--out <dir>', say(CLI.out), 'out')
    .addOption(ctx.langOption())
    .option('--ignora-errori', say(CLI.ignoreErrors))
    .option('--consenti-soglia-bassa', say(CLI.lowThreshold))
    .option('--no-pdf', say(CLI.noPdf))
    .option(
      '--per-zona',
      say({
        it: 'stampa anche un fascicolo PDF per zona (copertina e schede dei suoi quartieri)',
        en: 'also prints one PDF booklet per zone (cover and its quartiere pages)',
      }),
    )
    .action(
      async (
        project: string | undefined,
        opts: { out: string; lang?: string; ignoraErrori?: boolean; consentiSogliaBassa?: boolean; pdf: boolean; perZona?: boolean },
      ) => {
        const outcome = await buildProject(
          {
            project: await ctx.project(project),
            out: opts.out,
            lang: ctx.checkLang(opts.lang),
            ignoreErrors: opts.ignoraErrori,
            allowLowThreshold: opts.consentiSogliaBassa,
            noPdf: !opts.pdf,
            perZona: opts.perZona,
          },
          diskEffects(ctx.progress, ctx),
        );
        const reportLang = outcome.checked.lang;
        const { report } = outcome.checked;
        if (outcome.status === 'invalid') refuseInvalidData(report, reportLang, out);
        if (outcome.status === 'leak') refusePrivacyLeak(outcome.result.privacy.leaks, outcome.result.privacy.threshold, reportLang);
        if (!report.valid) out.stderr(formatReportText(report, reportLang));
        else if (report.summary.warnings > 0) out.stderr(`${t(reportLang, CLI.warningsSummary, { n: report.summary.warnings })}\n`);
        out.stdout(`${t(reportLang, CLI.built, { out: path.resolve(opts.out), files: outcome.files.join(', ') })}\n`);
        if (!report.valid) process.exitCode = EXIT.invalidData;
      },
    );
}
