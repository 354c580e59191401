import path from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import { t } from '../../i18n.js';
import { diskEffects } from '../../effects.js';
import { checkProject } from '../../pipeline.js';
import { computeSubmissionGrid } from '../../compute/submissions.js';
import { formatGridText } from '../../render/submissions-text.js';
import { gridPageView } from '../../render/submissions-page.js';
import { withAtomicOutput } from '../../atomic-output.js';
import { checkOutputRequest } from '../../provenance/build-guard.js';
import { DEFAULT_OUT } from '../../provenance/paths.js';
import { CLI } from '../messages.js';
import { EXIT, type CommandContext } from '../context.js';

const TEXT = {
  description: {
    it: 'la griglia dei contributi attesi e ricevuti per ente, dataset e anno (nei tempi, validi, righe usate) e i servizi con dati per quartiere; scrive contributi.html e contributi.json',
    en: 'the grid of expected and received submissions per organisation, dataset and year (on time, valid, rows used) and the services with data per quartiere; writes contributi.html and contributi.json',
  },
  strict: {
    it: 'esce con 1 se un contributo manca, è in ritardo o ha errori',
    en: 'exits 1 when a submission is missing, late or has errors',
  },
  noConfig: {
    it: 'Attenzione: bilancio.config.json non è valido, le scadenze non sono note (vedi `bilancio validate`).',
    en: 'Warning: bilancio.config.json is not valid, deadlines are unknown (see `bilancio validate`).',
  },
  incomplete: {
    it: 'Contributi incompleti (--strict): {mancanti} mancanti, {inRitardo} in ritardo, {conErrori} con errori.',
    en: 'Incomplete submissions (--strict): {mancanti} missing, {inRitardo} late, {conErrori} with errors.',
  },
};

/** `bilancio submissions [progetto]`: who was expected to send what, and what arrived. */
export function registerSubmissions(program: Command, ctx: CommandContext): void {
  const { say, out } = ctx;
  ctx
    .command(program, 'submissions')
    .description(say(TEXT.description))
    .argument('[progetto]', say(CLI.project))
    .option('--out <dir>', say(CLI.out), DEFAULT_OUT.submissions)
    .option('--strict', say(TEXT.strict))
    .addOption(
      new Option('--format <format>', say({ it: 'formato: text o json', en: 'format: text or json' }))
        .choices(['text', 'json'])
        .default('text'),
    )
    .addOption(ctx.langOption())
    .action(async (project: string | undefined, opts: { out: string; strict?: boolean; format: string; lang?: string }) => {
      const fx = diskEffects(ctx.progress);
      const checked = await checkProject({ project: await ctx.project(project), lang: ctx.checkLang(opts.lang) }, fx);
      const lang = checked.lang;
      await checkOutputRequest(checked.root, opts.out, 'submissions', lang);
      if (!checked.config) out.stderr(`${t(lang, TEXT.noConfig)}\n`);
      const grid = computeSubmissionGrid(checked);
      const json = `${JSON.stringify(grid, null, 2)}\n`;
      // Loaded on demand: handlebars must not slow down the start of every command (issue 8).
      const [{ loadTemplates }, { renderPage }] = await Promise.all([import('../../render/html.js'), import('../../render/page.js')]);
      const html = renderPage('contributi', gridPageView(grid, lang, checked.config?.titolo ?? ''), await loadTemplates(checked.root));
      await withAtomicOutput(opts.out, { command: 'submissions', lang }, async (dir) => {
        await fx.writeFile(path.join(dir, 'contributi.json'), json);
        await fx.writeFile(path.join(dir, 'contributi.html'), html);
      });
      if (opts.format === 'json') out.stdout(json);
      else {
        out.stdout(formatGridText(grid, lang));
        out.stdout(`${t(lang, CLI.built, { out: path.resolve(opts.out), files: 'contributi.html, contributi.json' })}\n`);
      }
      if (opts.strict && !grid.completo) {
        out.stderr(`${t(lang, TEXT.incomplete, { ...grid.riepilogo })}\n`);
        process.exitCode = EXIT.invalidData;
      }
    });
}
