import type { Lang } from '../types.js';
import { t, type Bilingual } from '../i18n.js';

// A build that fails says which stage failed and why, and that the previous outputs were kept.

/** The stages of a build after validation, in order. */
export type Stage = 'lettura' | 'calcolo' | 'dati-aperti' | 'report' | 'html' | 'pdf' | 'manifest' | 'sostituzione';

const STAGE_FAILED: Record<Stage, Bilingual> = {
  lettura: { it: 'Lettura dei file del progetto non riuscita', en: 'Reading the project files failed' },
  calcolo: { it: 'Calcolo degli indicatori non riuscito', en: 'Computing the indicators failed' },
  'dati-aperti': { it: 'Scrittura dei dati aperti non riuscita', en: 'Writing the open data failed' },
  report: { it: 'Preparazione dei contenuti e dei grafici del report non riuscita', en: 'Preparing the report contents and charts failed' },
  html: { it: 'Composizione del report HTML non riuscita', en: 'Composing the HTML report failed' },
  pdf: { it: 'Stampa del PDF non riuscita', en: 'Printing the PDF failed' },
  manifest: { it: 'Scrittura di manifest.json non riuscita', en: 'Writing manifest.json failed' },
  sostituzione: { it: 'Sostituzione della cartella dei risultati non riuscita', en: 'Replacing the output folder failed' },
};

const KEPT: Bilingual = {
  it: 'I risultati precedenti in "{out}" non sono stati toccati.',
  en: 'The previous outputs in "{out}" were left untouched.',
};

/** An unexpected failure inside one stage of a build; `cause` is the original error. */
export class StageError extends Error {
  readonly code = 'stage-failed';

  constructor(
    readonly stage: Stage,
    lang: Lang,
    out: string,
    override readonly cause: unknown,
  ) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    super(`${t(lang, STAGE_FAILED[stage])}: ${detail.replace(/\s+$/, '')} ${t(lang, KEPT, { out })}`);
    this.name = 'StageError';
  }
}

/** Errors the CLI words itself: a missing project or Chromium, a refused command, a write the system refused. */
const EXPECTED_CODES: ReadonlySet<unknown> = new Set([
  'project-not-found',
  'browser-not-found',
  'browser-failed',
  'command-refused',
  'source-refused',
  'output-write-failed',
  'output-locked',
]);

/** Errors that already speak to the user (or that the CLI words): never wrapped. */
function isExpected(error: unknown): boolean {
  return error instanceof StageError || EXPECTED_CODES.has((error as { code?: unknown } | null)?.code);
}

/** Runs one stage; an unexpected exception becomes a StageError naming the stage. */
export async function atStage<T>(stage: Stage, lang: Lang, out: string, work: () => Promise<T> | T): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isExpected(error)) throw error;
    throw new StageError(stage, lang, out, error);
  }
}

/** A command refused before it writes, for a mistake in the command (an output folder over the inputs or not ours, a bad SOURCE_DATE_EPOCH). */
export class CommandRefusedError extends Error {
  readonly code = 'command-refused';

  constructor(message: string) {
    super(message);
    this.name = 'CommandRefusedError';
  }
}
