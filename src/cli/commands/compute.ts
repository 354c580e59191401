import path from 'node:path';
import type { Command } from 'commander';
import { t } from '../../i18n.js';
import { diskEffects } from '../../effects.js';
import { checkProject, computeProject, writeOpenData } from '../../pipeline.js';
import { withAtomicOutput } from '../../atomic-output.js';
import { checkOutputRequest } from '../../provenance/build-guard.js';
import { DEFAULT_OUT } from '../../provenance/paths.js';
import { CLI } from '../messages.js';
import { refuseInvalidData, refusePrivacyLeak, type CommandContext } from '../context.js';

/** `bilancio compute [progetto]`: the indicators as open data, without the report. */
export function registerCompute(program: Command, ctx: CommandContext): void {
  const { say, out } = ctx;
  ctx
    .command(program, 'compute')
    .description(say(CLI.compute))
    .argument('[progetto]', say(CLI.project))
    .option('--out <dir>', say(CLI.out), DEFAULT_OUT.compute)
    .addOption(ctx.langOption())
    .option('--ignora-errori', say(CLI.ignoreErrors))
    .option('--consenti-soglia-bassa', say(CLI.lowThreshold))
    .action(
      async (project: string | undefined, opts: { out: string; lang?: string; ignoraErrori?: boolean; consentiSogliaBassa?: boolean }) => {
        const fx = diskEffects(ctx.progress, ctx);
        const checked = await checkProject(
          { project: await ctx.project(project), lang: ctx.checkLang(opts.lang), allowLowThreshold: opts.consentiSogliaBassa },
          fx,
        );
        await checkOutputRequest(checked.root, opts.out, 'compute', checked.lang);
        if (!checked.config || (!checked.report.valid && !opts.ignoraErrori)) refuseInvalidData(checked.report, checked.lang, out);
        const result = computeProject(checked);
        if (result.privacy.leaks.length > 0) refusePrivacyLeak(result.privacy.leaks, result.privacy.threshold, checked.lang);
        const files = await withAtomicOutput(opts.out, { command: 'compute', lang: checked.lang }, (dir) =>
          writeOpenData(checked, result, dir, fx),
        );
        out.stdout(`${t(checked.lang, CLI.built, { out: path.resolve(opts.out), files: files.join(', ') })}\n`);
        for (const missing of result.notComputable.filter((m) => m.anno === Math.max(...result.anni))) {
          out.stderr(
            `${t(checked.lang, CLI.notComputable, { id: missing.indicatore, anno: missing.anno, mancano: missing.mancano.map((m) => `${m.dataset} ${m.anno}`).join(', ') })}\n`,
          );
        }
      },
    );
}
