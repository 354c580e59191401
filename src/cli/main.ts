import { Command, CommanderError } from 'commander';
import type { Lang } from '../types.js';
import { say, t } from '../i18n.js';
import { CLI } from './messages.js';
import { ProjectNotFoundError } from '../project/read-project.js';
import { linkRefusalMessage } from '../provenance/paths.js';
import { createContext, EXIT, ExitError, helpTitles, type Output } from './context.js';
import { COMMANDS } from './commands/index.js';
import { terminalText } from './terminal-text.js';

// The only module that knows about the process: argv, stdout/stderr and exit codes.

export { EXIT, defaultProject } from './context.js';

function requestedLang(argv: string[]): Lang {
  const index = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const value = index < 0 ? undefined : argv[index]!.includes('=') ? argv[index]!.split('=')[1] : argv[index + 1];
  return value === 'en' ? 'en' : 'it';
}

/** Builds the command tree with help texts in `lang`. */
export function createProgram(lang: Lang, out: Output): Command {
  const ctx = createContext(lang, out);
  const program = new Command('bilancio')
    .description(ctx.say(CLI.description))
    .version('0.1.0', '-V, --version', ctx.say(CLI.version))
    .helpOption('-h, --help', ctx.say(CLI.help))
    .helpCommand(false)
    .exitOverride()
    .configureOutput({ writeOut: out.stdout, writeErr: out.stderr })
    .configureHelp(helpTitles(lang))
    .addHelpText('after', ctx.say(CLI.examples))
    .showHelpAfterError();
  for (const register of COMMANDS) register(program, ctx);
  return program;
}

/** Runs the CLI; resolves to the exit code (also set on the process). */
export async function main(argv: string[]): Promise<number> {
  const lang = requestedLang(argv);
  // Whatever a command prints may quote a partner's file: its control characters are shown escaped.
  const io: Output = { stdout: (s) => process.stdout.write(terminalText(s)), stderr: (s) => process.stderr.write(terminalText(s)) };
  const program = createProgram(lang, io);
  let code: number = EXIT.ok;
  try {
    await program.parseAsync(argv);
    code = typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (error) {
    code = exitCodeFor(error, lang, io.stderr);
  }
  process.exitCode = code;
  // The benchmark (npm run bench) reads the peak memory of the whole run from here.
  if (process.env.BILANCIO_BENCH) {
    const usage = process.resourceUsage();
    io.stderr(`bilancio-bench maxrss-kb ${usage.maxRSS} cpu-ms ${Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000)}\n`);
  }
  return code;
}

function exitCodeFor(error: unknown, lang: Lang, stderr: (s: string) => void): number {
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
    return EXIT.usage;
  }
  if (error instanceof ProjectNotFoundError) {
    stderr(`${say(lang, error.words)}\n`);
    return EXIT.usage;
  }
  if (error instanceof ExitError) {
    stderr(`${error.message}\n`);
    return error.exitCode;
  }
  const expected = expectedFailure(error, lang);
  if (expected) {
    stderr(`${expected.message}\n`);
    return expected.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  stderr(`${t(lang, CLI.internal, { message })}\n`);
  if (process.env.BILANCIO_DEBUG && error instanceof Error) stderr(`${error.stack}\n`);
  return EXIT.internal;
}

/** The errors that are not bugs, by their code: what to tell the person and the exit code. */
export function expectedFailure(error: unknown, lang: Lang): { exitCode: number; message: string } | null {
  if (!(error instanceof Error)) return null;
  const e = error as Error & Record<string, unknown>;
  const text = (value: unknown) => String(value ?? '');
  switch (e.code) {
    // Refused before anything was written: an output folder over the inputs or not ours, a bad SOURCE_DATE_EPOCH.
    case 'command-refused':
      return { exitCode: EXIT.usage, message: e.message };
    case 'source-refused':
      return {
        exitCode: EXIT.usage,
        message: t(lang, CLI.sourceRefused, { message: say(lang, linkRefusalMessage(text(e.file), e.dangling === true)) }),
      };
    case 'output-write-failed': {
      const words = e.reason === 'disk-full' ? CLI.diskFull : e.reason === 'read-only' ? CLI.readOnly : CLI.noPermission;
      return { exitCode: EXIT.environment, message: t(lang, words, { path: text(e.path), errno: text(e.errno) }) };
    }
    case 'output-locked':
      return { exitCode: EXIT.environment, message: t(lang, CLI.outputLocked, { target: text(e.target), lock: text(e.lockFile) }) };
    case 'browser-not-found':
      return {
        exitCode: EXIT.environment,
        message: t(lang, CLI.browserNotFound, { tried: Array.isArray(e.tried) ? e.tried.join(', ') : '—' }),
      };
    case 'browser-failed':
      return {
        exitCode: EXIT.environment,
        message: t(lang, CLI.browserFailed, { program: text(e.program), detail: text(e.detail) || '—' }),
      };
    // The machine refused a read or a write that no stage turned into a problem (a project file without
    // read permission, a disk error): the path and what to do, not a bug report.
    case 'EACCES':
    case 'EPERM':
      return { exitCode: EXIT.environment, message: t(lang, CLI.cannotAccess, { path: text(e.path), errno: text(e.code) }) };
    case 'EIO':
    case 'EMFILE':
    case 'ENFILE':
    case 'ENOSPC':
    case 'EROFS':
      return {
        exitCode: EXIT.environment,
        message: t(lang, CLI.systemError, { path: text(e.path) || '—', errno: text(e.code), detail: e.message }),
      };
    default:
      return null;
  }
}
