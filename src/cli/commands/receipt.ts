import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { t } from '../../i18n.js';
import { diskEffects } from '../../effects.js';
import { checkProject } from '../../pipeline.js';
import { computeSubmissionGrid } from '../../compute/submissions.js';
import { receiptData } from '../../participation/receipt.js';
import { receiptView } from '../../render/receipt-page.js';
import { parsePublished } from '../../participation/data-use.js';
import { withAtomicOutput } from '../../atomic-output.js';
import { checkOutputRequest } from '../../provenance/build-guard.js';
import { DEFAULT_OUT } from '../../provenance/paths.js';
import { lastBuildOf } from '../last-build.js';
import { CLI } from '../messages.js';
import { EXIT, ExitError, type CommandContext } from '../context.js';

const TEXT = {
  description: {
    it: "la ricevuta di un contributo per l'ente che l'ha inviato (HTML e PDF): che cosa è arrivato, che cosa correggere (riga e colonna) e, dopo build, dove compaiono i suoi dati",
    en: 'the receipt of a submission for the organisation that sent it (HTML and PDF): what arrived, what to fix (row and column) and, after build, where its data appear',
  },
  contributo: { it: 'la cartella del contributo: contributi/<ente>/<anno>', en: 'the submission folder: contributi/<ente>/<anno>' },
  progetto: {
    it: 'cartella del progetto (predefinita: quella che contiene il contributo, o quella in cui ci si trova, altrimenti il progetto di Brescia incluso)',
    en: 'project folder (default: the one holding the submission, or the one you are in, else the embedded Brescia project)',
  },
  noPdf: { it: 'non stampa il PDF (solo HTML)', en: 'does not print the PDF (HTML only)' },
  out: {
    it: 'cartella delle ricevute, una coppia di file per contributo accanto alle altre (predefinita: ricevute; mai quella di una build, che la build successiva sostituirebbe)',
    en: "folder of the receipts, one pair of files per submission beside the others (default: ricevute; never a build's, which the next build would replace)",
  },
  report: {
    it: "la cartella di una build, il cui indicatori.json dice dove compaiono i dati (predefinita: l'ultima build del progetto, in out/ qui o nel progetto)",
    en: "a build's folder, whose indicatori.json says where the data appear (default: the project's last build, in out/ here or in the project)",
  },
  pubblicati: {
    it: 'come --report (il nome di prima)',
    en: 'as --report (its former name)',
  },
  noReport: {
    it: 'In "{dir}" non c\'è indicatori.json: --report deve indicare la cartella di una build (per esempio out).',
    en: 'There is no indicatori.json in "{dir}": --report must name the folder of a build (for example out).',
  },
  badPath: {
    it: '"{arg}" non è la cartella di un contributo: scrivere contributi/<ente>/<anno>, per esempio contributi/auser/2024.',
    en: '"{arg}" is not a submission folder: write contributi/<ente>/<anno>, for example contributi/auser/2024.',
  },
  notFound: {
    it: "Nel progetto {project} non c'è il contributo contributi/{ente}/{anno}.",
    en: 'The project {project} has no submission contributi/{ente}/{anno}.',
  },
};

const SUBMISSION = /(?:^|[\\/])contributi[\\/]([^\\/]+)[\\/](\d{4})[\\/]?$/;

async function isDir(p: string): Promise<boolean> {
  return stat(p).then(
    (s) => s.isDirectory(),
    () => false,
  );
}

/** `bilancio receipt contributi/<ente>/<anno>`: the partner's receipt, as HTML and PDF. */
export function registerReceipt(program: Command, ctx: CommandContext): void {
  const { say, out } = ctx;
  ctx
    .command(program, 'receipt')
    .description(say(TEXT.description))
    .argument('<contributo>', say(TEXT.contributo))
    .option('--progetto <dir>', say(TEXT.progetto))
    .option('--out <dir>', say(TEXT.out), DEFAULT_OUT.receipt)
    .option('--report <dir>', say(TEXT.report))
    .addOption(new Option('--pubblicati <dir>', say(TEXT.pubblicati)).hideHelp())
    .option('--no-pdf', say(TEXT.noPdf))
    .addOption(ctx.langOption())
    .action(
      async (arg: string, opts: { progetto?: string; out: string; report?: string; pubblicati?: string; pdf: boolean; lang?: string }) => {
        const match = SUBMISSION.exec(arg);
        if (!match) throw new ExitError(EXIT.usage, say(TEXT.badPath, { arg }));
        const ente = match[1]!;
        const anno = Number(match[2]);
        // A path that exists from here names its project too: <project>/contributi/<ente>/<anno>.
        const project = opts.progetto ?? ((await isDir(arg)) ? path.resolve(arg, '../../..') : await ctx.project(undefined));
        const fx = diskEffects(ctx.progress);
        const checked = await checkProject({ project, lang: ctx.checkLang(opts.lang) }, fx);
        if (!checked.project.contributi.some((c) => c.ente === ente && c.anno === anno)) {
          throw new ExitError(EXIT.usage, t(checked.lang, TEXT.notFound, { project, ente, anno }));
        }
        await checkOutputRequest(checked.root, opts.out, 'receipt', checked.lang);
        // Wherever the receipt is written, it reads the report named, else the project's last build.
        const report = opts.report ?? opts.pubblicati ?? (await lastBuildOf(checked.root));
        const publishedText = report === null ? null : await readFile(path.join(report, 'indicatori.json'), 'utf8').catch(() => null);
        if (publishedText === null && opts.report !== undefined)
          throw new ExitError(EXIT.usage, t(checked.lang, TEXT.noReport, { dir: opts.report }));
        const view = receiptView(
          receiptData({
            checked,
            grid: computeSubmissionGrid(checked),
            ente,
            anno,
            published: publishedText === null ? null : parsePublished(publishedText),
          }),
          checked.lang,
        );
        // Loaded on demand: handlebars must not slow down the start of every command (issue 8).
        const [{ loadTemplates }, { renderPage }, { pageCss }] = await Promise.all([
          import('../../render/html.js'),
          import('../../render/page.js'),
          import('../../render/page-css.js'),
        ]);
        const pages = pageCss({ lang: checked.lang, title: `${view.title}: ${view.ente}`, footer: view.footer, sections: [] });
        const html = renderPage('receipt', view, await loadTemplates(checked.root), pages);
        const base = `ricevuta-${ente}-${anno}`;
        const written = [`${base}.html`];
        // Added to the receipts folder beside the other partners' receipts: both files, or neither.
        await withAtomicOutput(opts.out, { command: 'receipt', lang: checked.lang }, async (dir) => {
          await fx.writeFile(path.join(dir, `${base}.html`), html);
          if (!opts.pdf) return;
          const { withPrinter } = await import('../../render/pdf.js');
          const pdf = await withPrinter((printer) => printer.printPdf(html));
          await fx.writeFile(path.join(dir, `${base}.pdf`), pdf);
          written.push(`${base}.pdf`);
        });
        out.stdout(`${t(checked.lang, CLI.built, { out: path.resolve(opts.out), files: written.join(', ') })}\n`);
      },
    );
}
