import type { Command } from 'commander';
import type { Lang, Problem } from '../../types.js';
import { say as sayWords } from '../../i18n.js';
import { diskEffects } from '../../effects.js';
import type { PreviewBuild } from '../../preview/session.js';
import { EXIT, ExitError, type CommandContext } from '../context.js';

// `bilancio anteprima [progetto]`: the report in the browser while the analysts write, rebuilt on each save.

const WORDS = {
  description: {
    it: 'mostra il report nel browser (su 127.0.0.1) e lo aggiorna a ogni salvataggio di un testo o di un file dei dati; non apre nulla da sé e non stampa il PDF (quello è build)',
    en: 'shows the report in the browser (on 127.0.0.1) and updates it each time a text or data file is saved; opens nothing by itself and prints no PDF (that is build)',
  },
  port: { it: 'la porta (predefinita: una libera, scritta all’avvio)', en: 'the port (default: a free one, printed at start)' },
  badPort: {
    it: 'La porta «{port}» non va bene: scrivere un numero da 1 a 65535.',
    en: 'The port "{port}" is not valid: write a number from 1 to 65535.',
  },
  busy: {
    it: 'La porta {port} è già in uso da un altro programma: sceglierne un’altra con --port, o toglierla per averne una libera.',
    en: 'Port {port} is already in use by another program: choose another with --port, or leave it out to get a free one.',
  },
  serving: {
    it: 'Anteprima su {url} : aprire l’indirizzo nel browser. La pagina si aggiorna da sola a ogni salvataggio. Ctrl-C per chiudere.',
    en: 'Preview at {url} : open the address in the browser. The page updates by itself on each save. Ctrl-C to stop.',
  },
  rebuilt: { it: 'Aggiornata in {ms} ms ({what}): {files}.', en: 'Updated in {ms} ms ({what}): {files}.' },
  texts: { it: 'solo i testi', en: 'texts only' },
  all: { it: 'tutto il report', en: 'the whole report' },
  summary: { it: '{errors} errori, {warnings} avvisi.', en: '{errors} errors, {warnings} warnings.' },
  failed: {
    it: 'L’aggiornamento non è riuscito: {message}. La pagina mostra il report di prima.',
    en: 'The update failed: {message}. The page shows the previous report.',
  },
  stopped: { it: 'Anteprima chiusa.', en: 'Preview stopped.' },
};

function problemLines(problems: Problem[], lang: Lang): string {
  return problems
    .map((p) => {
      const place = [p.file, p.row, p.column].filter((part) => part !== undefined).join(':');
      return `  ${p.severity === 'error' ? '✗' : '!'} ${place} ${sayWords(lang, p.message)}\n`;
    })
    .join('');
}

/** `bilancio anteprima`: serves the report on loopback and rebuilds what each save changes. */
export function registerAnteprima(program: Command, ctx: CommandContext): void {
  const { say, out } = ctx;
  ctx
    .command(program, 'anteprima')
    .description(say(WORDS.description))
    .argument('[progetto]', say({ it: 'la cartella del progetto', en: 'the project folder' }))
    .option('--port <n>', say(WORDS.port))
    .addOption(ctx.langOption())
    .option('--consenti-soglia-bassa', say({ it: 'consente una soglia di riservatezza sotto 3', en: 'allows a privacy threshold below 3' }))
    .action(async (project: string | undefined, opts: { port?: string; lang?: string; consentiSogliaBassa?: boolean }) => {
      const port = opts.port === undefined ? 0 : Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535 || (opts.port !== undefined && port === 0))
        throw new ExitError(EXIT.usage, say(WORDS.badPort, { port: opts.port ?? '' }));
      const lang = ctx.checkLang(opts.lang);
      const report = (build: PreviewBuild) => {
        const errors = build.problems.filter((p) => p.severity === 'error').length;
        // The errors, each at its place; the warnings counted (the page and `validate` list them).
        const text = `${problemLines(
          build.problems.filter((p) => p.severity === 'error'),
          build.lang,
        )}${sayWords(build.lang, { text: WORDS.summary, params: { errors, warnings: build.problems.length - errors } })}\n`;
        out.stderr(text);
      };
      const { runPreview } = await import('../../preview/run-preview.js');
      let preview;
      try {
        preview = await runPreview(
          { project: await ctx.project(project), lang, allowLowThreshold: opts.consentiSogliaBassa, port },
          diskEffects(ctx.progress, ctx),
          {
            rebuilt(build, files) {
              const what = build.kind === 'testi' ? WORDS.texts : WORDS.all;
              out.stderr(
                `${sayWords(build.lang, { text: WORDS.rebuilt, params: { ms: Math.round(build.ms), what: { text: what }, files: files.join(', ') } })}\n`,
              );
              report(build);
            },
            failed(error) {
              out.stderr(`${say(WORDS.failed, { message: error instanceof Error ? error.message : String(error) })}\n`);
            },
          },
        );
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new ExitError(EXIT.usage, say(WORDS.busy, { port }));
        throw error;
      }
      report(preview.first);
      out.stdout(`${sayWords(preview.first.lang, { text: WORDS.serving, params: { url: preview.server.url } })}\n`);
      const running = preview;
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off('SIGINT', stop);
          process.off('SIGTERM', stop);
          void running.close().then(() => {
            out.stderr(`${sayWords(running.first.lang, { text: WORDS.stopped })}\n`);
            resolve();
          });
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      });
    });
}
