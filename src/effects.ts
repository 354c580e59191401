import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { StreamProgress } from './ingest/stream/stream-table.js';

/** The side effects of a build, injected so tests can watch or fake them. */
export interface Effects {
  /** Writes a file, creating its folder. */
  writeFile(file: string, data: string | Uint8Array): Promise<void>;
  /** A progress line for the person waiting (stderr in the CLI). */
  progress(message: string): void;
  /** Rows read so far from a large file read as a stream (residenti.csv): a live progress line. */
  progressRows?(progress: StreamProgress): void;
  /** How long a stage of the work took, in milliseconds (the benchmark's split of a build). */
  stage?(name: string, ms: number): void;
}

/** Runs one stage of the work and reports its duration through fx.stage, when there is one. */
export async function timed<T>(fx: Effects, name: string, work: () => Promise<T> | T): Promise<T> {
  if (!fx.stage) return work();
  const began = performance.now();
  try {
    return await work();
  } finally {
    fx.stage(name, performance.now() - began);
  }
}

/**
 * Writes a file, creating its folder. A failed write (a full disk) says which file: Node's error for
 * write() carries no path, and the CLI must name it.
 */
export async function writeFileNamed(file: string, data: string | Uint8Array): Promise<void> {
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, data);
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (e instanceof Error && typeof e.code === 'string' && e.path === undefined) e.path = file;
    throw error;
  }
}

/** Effects that write to disk and report progress through callbacks. */
export function diskEffects(
  progress: (message: string) => void = () => {},
  reporters: Pick<Effects, 'progressRows' | 'stage'> = {},
): Effects {
  return {
    writeFile: writeFileNamed,
    progress,
    ...(reporters.progressRows && { progressRows: reporters.progressRows }),
    ...(reporters.stage && { stage: reporters.stage }),
  };
}
