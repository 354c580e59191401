import type { Command } from 'commander';
import { Option } from 'commander';
import { diskEffects } from '../../effects.js';
import { checkProject } from '../../pipeline.js';
import { CLI } from '../messages.js';
import { formatReportText } from '../print-report.js';
import { defaultProject, EXIT, type CommandContext } from '../context.js';

/** `bilancio validate [progetto]`: the checks alone, as text or JSON. */
export function registerValidate(program: Command, ctx: CommandContext): void {
  const { say, out } = ctx;
  ctx.command(program, 'validate')
    .description(say(CLI.validate))
    .argument('[progetto]', say(CLI.project))
    .addOption(new Option('--format <format>', say(CLI.format)).choices(['text', 'json']).default('text'))
    .addOption(ctx.langOption())
    .option('--consenti-soglia-bassa', say(CLI.lowThreshold))
    .action(async (project: string | undefined, opts: { format: string; lang?: string; consentiSogliaBassa?: boolean }) => {
      const checked = await checkProject({
        project: project ?? defaultProject,
        lang: ctx.checkLang(opts.lang),
        allowLowThreshold: opts.consentiSogliaBassa,
      }, diskEffects(ctx.progress));
      out.stdout(opts.format === 'json' ? `${JSON.stringify(checked.report, null, 2)}\n` : formatReportText(checked.report, checked.lang));
      if (!checked.report.valid) process.exitCode = EXIT.invalidData;
    });
}
