import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import type { Lang, ValidationReport } from '../../types.js';
import { diskEffects } from '../../effects.js';
import { checkProject } from '../../pipeline.js';
import { checkFiles } from '../../check-files.js';
import { CLI } from '../messages.js';
import { formatReportText } from '../print-report.js';
import { sayReport } from '../../problem-text.js';
import { EXIT, ExitError, type CommandContext } from '../context.js';

async function isProjectFolder(target: string): Promise<boolean> {
  return stat(path.join(target, 'bilancio.config.json')).then(
    () => true,
    () => false,
  );
}

/** `bilancio validate [progetto | file...]`: the checks alone, as text, JSON or an HTML page for partners. */
export function registerValidate(program: Command, ctx: CommandContext): void {
  const { say, out } = ctx;
  ctx
    .command(program, 'validate')
    .description(say(CLI.validate))
    .argument('[percorsi...]', say(CLI.validatePaths))
    .addOption(new Option('--format <format>', say(CLI.format)).choices(['text', 'json', 'html']).default('text'))
    .option('--progetto <dir>', say(CLI.catalogueProject))
    .option('--dataset <nome>', say(CLI.datasetOption))
    .addOption(ctx.langOption())
    .option('--consenti-soglia-bassa', say(CLI.lowThreshold))
    .action(
      async (
        paths: string[],
        opts: { format: string; progetto?: string; dataset?: string; lang?: string; consentiSogliaBassa?: boolean },
      ) => {
        const fx = diskEffects(ctx.progress, ctx);
        const requested = ctx.checkLang(opts.lang);
        let report: ValidationReport;
        let lang: Lang;
        if (paths.length === 0 || (paths.length === 1 && (await isProjectFolder(paths[0]!)))) {
          const checked = await checkProject(
            { project: await ctx.project(paths[0]), lang: requested, allowLowThreshold: opts.consentiSogliaBassa },
            fx,
          );
          report = checked.report;
          lang = checked.lang;
        } else {
          for (const file of paths) {
            const info = await stat(file).catch(() => null);
            if (!info?.isFile()) {
              throw new ExitError(EXIT.usage, say(info ? CLI.notAFile : CLI.noSuchFile, { file }));
            }
          }
          lang = requested ?? 'it';
          // A partner's file inside a project is checked against that project's quartieri and catalogues.
          const project = await ctx.project(opts.progetto, [...paths, process.cwd()]);
          report = await checkFiles({ files: paths, project, dataset: opts.dataset }, fx);
        }
        if (opts.format === 'json') out.stdout(`${JSON.stringify(sayReport(lang, report), null, 2)}\n`);
        else if (opts.format === 'html') {
          const { loadTemplates } = await import('../../render/html.js');
          const { renderValidationPage } = await import('../../render/validation-page.js');
          out.stdout(renderValidationPage(report, await loadTemplates(), lang, say(CLI.validationTitle)));
        } else out.stdout(formatReportText(report, lang));
        if (!report.valid) process.exitCode = EXIT.invalidData;
      },
    );
}
