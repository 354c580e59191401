import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, Option } from 'commander';
import type { Lang } from '../types.js';
import { t, type Bilingual } from '../i18n.js';
import { CLI } from './messages.js';
import type { ValidationReport } from '../types.js';
import type { Leak } from '../compute/privacy/protect.js';
import { formatReportText } from './print-report.js';
import type { StreamProgress } from '../ingest/stream/stream-table.js';
import { writeProgressRows } from './progress-rows.js';

/** Exit codes: 0 fine, 1 invalid data, 2 wrong use of the command, 3 missing system component, 70 a bug. */
export const EXIT = { ok: 0, invalidData: 1, usage: 2, environment: 3, internal: 70 } as const;

/** The embedded default project: Brescia's territory and sample data. */
export const defaultProject = fileURLToPath(new URL('../../data/brescia', import.meta.url));

/** The project whose folder holds `start` (a folder or a file): the nearest folder at or above it with bilancio.config.json. */
export async function projectAround(start: string): Promise<string | undefined> {
  let dir = path.resolve(start);
  const info = await stat(dir).catch(() => null);
  if (info && !info.isDirectory()) dir = path.dirname(dir);
  for (;;) {
    const config = await stat(path.join(dir, 'bilancio.config.json')).catch(() => null);
    if (config?.isFile()) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** An expected end of a command: its exit code and the one line to print. */
export class ExitError extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
  ) {
    super(message);
  }
}

const TITLES_IT: Record<string, string> = {
  'Usage:': 'Uso:',
  'Options:': 'Opzioni:',
  'Commands:': 'Comandi:',
  'Arguments:': 'Argomenti:',
  'Global Options:': 'Opzioni generali:',
};

export interface Output {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

/** What every command module gets: the help language, output streams and shared option helpers. */
export interface CommandContext {
  lang: Lang;
  out: Output;
  say(text: Bilingual, params?: Record<string, string | number>): string;
  /** A new subcommand with the help option and titles in the help language. */
  command(program: Command, name: string): Command;
  langOption(): Option;
  /** Checks --lang: undefined when absent, ExitError(usage) when not it/en. */
  checkLang(value: string | undefined): Lang | undefined;
  /**
   * The project a command works on: the one named, else the one around the first of `near` that has one
   * (the working folder when none is given), else the embedded Brescia project, said in one line on stderr.
   */
  project(named: string | undefined, near?: string[]): Promise<string>;
  /** A progress line on stderr when it is a terminal; quiet otherwise. */
  progress(message: string): void;
  /** The live line of a long streamed read (rows, rate, time left), on a terminal only. */
  progressRows(progress: StreamProgress): void;
  /** A stage's duration: printed for the benchmark (`BILANCIO_BENCH=1`), otherwise ignored. */
  stage(name: string, ms: number): void;
}

/** Commander's help titles in the help language. */
export function helpTitles(lang: Lang) {
  return { styleTitle: (title: string) => (lang === 'it' ? (TITLES_IT[title] ?? title) : title) };
}

/** Creates the context shared by the command modules. */
export function createContext(lang: Lang, out: Output): CommandContext {
  const say = (text: Bilingual, params: Record<string, string | number> = {}) => t(lang, text, params);
  return {
    lang,
    out,
    say,
    command: (program, name) => program.command(name).helpOption('-h, --help', say(CLI.help)).configureHelp(helpTitles(lang)),
    langOption: () => new Option('--lang <lang>', say(CLI.lang)),
    checkLang(value) {
      if (value === undefined) return undefined;
      if (value !== 'it' && value !== 'en') throw new ExitError(EXIT.usage, say(CLI.unknownLang, { lang: value }));
      return value;
    },
    async project(named, near = [process.cwd()]) {
      if (named !== undefined) return named;
      for (const start of near) {
        const found = await projectAround(start);
        if (found) return found;
      }
      out.stderr(`${say(CLI.defaultProjectUsed, { dir: process.cwd() })}\n`);
      return defaultProject;
    },
    progress(message) {
      if (process.stderr.isTTY) process.stderr.write(`… ${message}\n`);
    },
    progressRows: (progress) => writeProgressRows(progress, lang),
    stage: (name, ms) => {
      if (!process.env.BILANCIO_BENCH) return;
      // Stages may overlap (the PDF prints while open data is written): their span since the process began, too.
      const end = performance.now();
      process.stderr.write(
        `bilancio-bench stage ${name} ${ms.toFixed(1)}\nbilancio-bench span ${name} ${(end - ms).toFixed(0)} ${end.toFixed(0)}\n`,
      );
    },
  };
}

/**
 * Ends a command whose publication the privacy audit refused (a protected count would be determined by
 * the published figures): names the count and the figures that give it away. Exit 70: the protection
 * that decided what to withhold should never leave a leak, so this is bilancio's fault, not the data's.
 */
export function refusePrivacyLeak(leaks: Leak[], threshold: number, lang: Lang): never {
  const first = leaks[0]!;
  const shown = first.figures.slice(0, 12).map((f) => `  - ${f.label}, ${f.part}`);
  if (first.figures.length > 12) shown.push(`  - ${t(lang, CLI.andMore, { n: first.figures.length - 12 })}`);
  throw new ExitError(
    EXIT.internal,
    t(lang, CLI.privacyLeak, {
      n: leaks.length,
      count: first.count.label,
      max: threshold - 1,
      figures: shown.join('\n'),
    }),
  );
}

/** Prints the problems of invalid data and ends the command with exit code 1 (shared by build and compute). */
export function refuseInvalidData(report: ValidationReport, lang: Lang, out: Output): never {
  out.stderr(formatReportText(report, lang));
  throw new ExitError(EXIT.invalidData, t(lang, CLI.invalid, { errors: report.summary.errors }));
}
