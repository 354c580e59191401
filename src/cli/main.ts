import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import type { Lang } from '../types.js';
import { t } from '../i18n.js';
import { CLI } from './messages.js';
import { diskEffects } from '../effects.js';
import { buildProject, checkProject, computeProject, writeOpenData } from '../pipeline.js';
import { ProjectNotFoundError } from '../project/read-project.js';
import { formatReportText } from './print-report.js';

// The only module that knows about the process: argv, stdout/stderr and exit codes.

/** Exit codes: 0 fine, 1 invalid data, 2 wrong use of the command, 3 missing system component, 70 a bug. */
export const EXIT = { ok: 0, invalidData: 1, usage: 2, environment: 3, internal: 70 } as const;

/** The embedded default project: Brescia's territory and sample data. */
export const defaultProject = fileURLToPath(new URL('../../data/brescia', import.meta.url));

class ExitError extends Error {
  constructor(readonly exitCode: number, message: string) {
    super(message);
  }
}

function requestedLang(argv: string[]): Lang {
  const index = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const value = index < 0 ? undefined : argv[index]!.includes('=') ? argv[index]!.split('=')[1] : argv[index + 1];
  return value === 'en' ? 'en' : 'it';
}

const TITLES_IT: Record<string, string> = {
  'Usage:': 'Uso:',
  'Options:': 'Opzioni:',
  'Commands:': 'Comandi:',
  'Arguments:': 'Argomenti:',
  'Global Options:': 'Opzioni generali:',
};

function stderrProgress(message: string): void {
  if (process.stderr.isTTY) process.stderr.write(`… ${message}\n`);
}

/** Builds the command tree with help texts in `lang`. */
export function createProgram(lang: Lang, out: { stdout: (s: string) => void; stderr: (s: string) => void }): Command {
  const say = (text: (typeof CLI)[keyof typeof CLI], params: Record<string, string | number> = {}) => t(lang, text, params);
  const program = new Command('bilancio')
    .description(say(CLI.description))
    .version('0.1.0', '-V, --version', say(CLI.version))
    .helpOption('-h, --help', say(CLI.help))
    .helpCommand(false)
    .exitOverride()
    .configureOutput({ writeOut: out.stdout, writeErr: out.stderr })
    .configureHelp({ styleTitle: (title) => (lang === 'it' ? TITLES_IT[title] ?? title : title) })
    .addHelpText('after', say(CLI.examples))
    .showHelpAfterError();

  const langOption = () => new Option('--lang <lang>', say(CLI.lang));
  const checkLang = (value: string | undefined): Lang | undefined => {
    if (value === undefined) return undefined;
    if (value !== 'it' && value !== 'en') throw new ExitError(EXIT.usage, say(CLI.unknownLang, { lang: value }));
    return value;
  };
  const withDefaults = (cmd: Command) =>
    cmd.helpOption('-h, --help', say(CLI.help)).configureHelp({ styleTitle: (title) => (lang === 'it' ? TITLES_IT[title] ?? title : title) });

  withDefaults(program.command('build'))
    .description(say(CLI.build))
    .argument('[progetto]', say(CLI.project))
    .option('--out <dir>', say(CLI.out), 'out')
    .addOption(langOption())
    .option('--ignora-errori', say(CLI.ignoreErrors))
    .option('--consenti-soglia-bassa', say(CLI.lowThreshold))
    .option('--no-pdf', say(CLI.noPdf))
    .action(async (project: string | undefined, opts: { out: string; lang?: string; ignoraErrori?: boolean; consentiSogliaBassa?: boolean; pdf: boolean }) => {
      const outcome = await buildProject({
        project: project ?? defaultProject,
        out: opts.out,
        lang: checkLang(opts.lang),
        ignoreErrors: opts.ignoraErrori,
        allowLowThreshold: opts.consentiSogliaBassa,
        noPdf: !opts.pdf,
      }, diskEffects(stderrProgress));
      const reportLang = outcome.checked.lang;
      if (outcome.status === 'invalid') {
        out.stderr(formatReportText(outcome.checked.report, reportLang));
        throw new ExitError(EXIT.invalidData, t(reportLang, CLI.invalid, { errors: outcome.checked.report.summary.errors }));
      }
      if (!outcome.checked.report.valid) out.stderr(formatReportText(outcome.checked.report, reportLang));
      else if (outcome.checked.report.summary.warnings > 0) {
        out.stderr(`${t(reportLang, CLI.warningsSummary, { n: outcome.checked.report.summary.warnings })}\n`);
      }
      out.stdout(`${t(reportLang, CLI.built, { out: path.resolve(opts.out), files: outcome.files.join(', ') })}\n`);
      if (!outcome.checked.report.valid) process.exitCode = EXIT.invalidData;
    });

  withDefaults(program.command('validate'))
    .description(say(CLI.validate))
    .argument('[progetto]', say(CLI.project))
    .addOption(new Option('--format <format>', say(CLI.format)).choices(['text', 'json']).default('text'))
    .addOption(langOption())
    .option('--consenti-soglia-bassa', say(CLI.lowThreshold))
    .action(async (project: string | undefined, opts: { format: string; lang?: string; consentiSogliaBassa?: boolean }) => {
      const checked = await checkProject({
        project: project ?? defaultProject,
        lang: checkLang(opts.lang),
        allowLowThreshold: opts.consentiSogliaBassa,
      }, diskEffects(stderrProgress));
      out.stdout(opts.format === 'json' ? `${JSON.stringify(checked.report, null, 2)}\n` : formatReportText(checked.report, checked.lang));
      if (!checked.report.valid) process.exitCode = EXIT.invalidData;
    });

  withDefaults(program.command('compute'))
    .description(say(CLI.compute))
    .argument('[progetto]', say(CLI.project))
    .option('--out <dir>', say(CLI.out), 'out')
    .addOption(langOption())
    .option('--ignora-errori', say(CLI.ignoreErrors))
    .option('--consenti-soglia-bassa', say(CLI.lowThreshold))
    .action(async (project: string | undefined, opts: { out: string; lang?: string; ignoraErrori?: boolean; consentiSogliaBassa?: boolean }) => {
      const fx = diskEffects(stderrProgress);
      const checked = await checkProject({ project: project ?? defaultProject, lang: checkLang(opts.lang), allowLowThreshold: opts.consentiSogliaBassa }, fx);
      if (!checked.config || (!checked.report.valid && !opts.ignoraErrori)) {
        out.stderr(formatReportText(checked.report, checked.lang));
        throw new ExitError(EXIT.invalidData, t(checked.lang, CLI.invalid, { errors: checked.report.summary.errors }));
      }
      const result = computeProject(checked);
      const files = await writeOpenData(checked, result, opts.out, fx);
      out.stdout(`${t(checked.lang, CLI.built, { out: path.resolve(opts.out), files: files.join(', ') })}\n`);
    });
  return program;
}

/** Runs the CLI; resolves to the exit code (also set on the process). */
export async function main(argv: string[]): Promise<number> {
  const lang = requestedLang(argv);
  const io = { stdout: (s: string) => process.stdout.write(s), stderr: (s: string) => process.stderr.write(s) };
  const program = createProgram(lang, io);
  let code: number = EXIT.ok;
  try {
    await program.parseAsync(argv);
    code = typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (error) {
    code = exitCodeFor(error, lang, io.stderr);
  }
  process.exitCode = code;
  return code;
}

function exitCodeFor(error: unknown, lang: Lang, stderr: (s: string) => void): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
    return EXIT.usage;
  }
  if (error instanceof ExitError) {
    stderr(`${error.message}\n`);
    return error.exitCode;
  }
  if (error instanceof ProjectNotFoundError) {
    stderr(`${error.message}\n`);
    return EXIT.usage;
  }
  if (error instanceof Error && (error as { code?: string }).code === 'browser-not-found') {
    stderr(`${error.message}\n`);
    return EXIT.environment;
  }
  const message = error instanceof Error ? error.message : String(error);
  stderr(`${t(lang, CLI.internal, { message })}\n`);
  if (process.env.BILANCIO_DEBUG && error instanceof Error) stderr(`${error.stack}\n`);
  return EXIT.internal;
}
