import { chmod, mkdir, mkdtemp, open, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Lang } from './types.js';
import { writeFileNamed } from './effects.js';
import { withSwapLock } from './provenance/swap-lock.js';
import { markRefusal, OUTPUT_MARK, OUTPUT_MODE, outputMarkText, readOutputMark, type OutputCommand } from './provenance/paths.js';
import { toolVersion } from './provenance/manifest.js';
import { CommandRefusedError } from './provenance/stage-error.js';

// Outputs appear all at once or not at all. A build writes into `.<out>.nuovo-<pid>-XXXXXX` beside the
// output folder and only at the end swaps it in:
//   1. rename out → .<out>.vecchio    2. rename staging → out    3. delete .<out>.vecchio
// Linux cannot swap two folders in one step from Node (renameat2 RENAME_EXCHANGE is not exposed), and a
// symbolic link `out` would surprise people who copy the folder. So a kill between 1 and 2 leaves no
// `out` for an instant: every later build first restores `.<out>.vecchio` (see recoverOutput), so the
// previous complete outputs come back; a half-written folder never carries the `out` name. Staging
// folders of builds whose process is gone are deleted on the next run.
//
// Every command that writes goes through here, and each leaves bilancio's mark (OUTPUT_MARK) in its
// folder: a folder is replaced (build, compute, submissions) or added to (receipt, templates: one file
// per partner or dataset, the others kept) only when it is new, empty or marked by the same command.
// A write that the system refuses (disk full, read-only, no permission) becomes an OutputWriteError
// naming the output path, for the CLI to word; nothing half written is left behind.

/** The names used beside an output folder: the staging prefix and the folder kept during the swap. */
export function sideNames(out: string): { target: string; parent: string; stagingPrefix: string; previous: string } {
  const target = path.resolve(out);
  const parent = path.dirname(target);
  const base = path.basename(target);
  return { target, parent, stagingPrefix: `.${base}.nuovo-`, previous: path.join(parent, `.${base}.vecchio`) };
}

const exists = (p: string) =>
  stat(p).then(
    () => true,
    () => false,
  );

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Staging folders without a pid (older versions) count as stale after this long. */
const LEGACY_STALE_MS = 10 * 60_000;

/** Finishes or undoes a swap that a killed build left half done, and deletes stale staging folders. */
export async function recoverOutput(out: string): Promise<{ restored: boolean; removed: string[] }> {
  const { target, parent, stagingPrefix, previous } = sideNames(out);
  let restored = false;
  if (await exists(previous)) {
    if (await exists(target)) {
      await rm(previous, { recursive: true, force: true });
    } else {
      await rename(previous, target);
      restored = true;
    }
  }
  const removed: string[] = [];
  const entries = await readdir(parent).catch(() => [] as string[]);
  for (const name of entries.filter((e) => e.startsWith(stagingPrefix))) {
    const full = path.join(parent, name);
    const pid = /^(\d+)-/.exec(name.slice(stagingPrefix.length))?.[1];
    const stale =
      pid !== undefined
        ? Number(pid) !== process.pid && !isAlive(Number(pid))
        : Date.now() -
            (await stat(full).then(
              (s) => s.mtimeMs,
              () => Date.now(),
            )) >
          LEGACY_STALE_MS;
    if (!stale) continue;
    await rm(full, { recursive: true, force: true });
    removed.push(name);
  }
  return { restored, removed };
}

/** Flushes every file of a folder and the folder itself to disk, so a power cut after the swap finds them whole. */
async function syncFolder(dir: string): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await syncFolder(full);
    else if (entry.isFile()) await syncPath(full);
  }
  await syncPath(dir);
}

async function syncPath(p: string): Promise<void> {
  const handle = await open(p, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Which command writes (for the mark, and how: OUTPUT_MODE) and the language of a refusal. */
export interface OutputSpec {
  command: OutputCommand;
  lang: Lang;
}

/** Why the system refused a write, as the person can act on it. */
export type WriteFailure = 'disk-full' | 'read-only' | 'no-permission';

const WRITE_FAILURES: Record<string, WriteFailure> = {
  ENOSPC: 'disk-full',
  EDQUOT: 'disk-full',
  EROFS: 'read-only',
  EACCES: 'no-permission',
  EPERM: 'no-permission',
};

/** Writing the outputs failed for a reason of the machine, not of bilancio: `path` is where, as the user named it. */
export class OutputWriteError extends Error {
  readonly code = 'output-write-failed';

  constructor(
    readonly reason: WriteFailure,
    readonly path: string,
    readonly errno: string,
  ) {
    super(`${errno}: ${path}`);
    this.name = 'OutputWriteError';
  }
}

/** The system error (with errno code and path) inside an error or its causes (a StageError wraps one). */
function systemCause(error: unknown): NodeJS.ErrnoException | null {
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && code in WRITE_FAILURES) return e as NodeJS.ErrnoException;
  }
  return null;
}

const isInside = (parent: string, child: string) => child === parent || child.startsWith(parent + path.sep);

/**
 * An OutputWriteError when `error` is the system refusing a write of this output (in the staging
 * folder, the output folder, the files beside it or the folders above it), with the path moved from
 * the staging folder to the output folder the user named; otherwise `error` itself (a project file
 * that cannot be read is not an output problem).
 */
function asWriteError(error: unknown, out: string, staging: string | null): unknown {
  const cause = systemCause(error);
  if (!cause) return error;
  const { target, parent } = sideNames(out);
  const base = path.basename(target);
  const where = cause.path === undefined ? null : path.resolve(cause.path);
  const ours =
    where === null ||
    isInside(target, where) ||
    (staging !== null && isInside(staging, where)) ||
    (path.dirname(where) === parent && path.basename(where).startsWith(`.${base}.`)) ||
    isInside(where, parent);
  if (!ours) return error;
  const shown =
    where !== null && staging !== null && isInside(staging, where)
      ? path.join(target, path.relative(staging, where))
      : where !== null && isInside(target, where)
        ? where
        : target;
  return new OutputWriteError(WRITE_FAILURES[cause.code!]!, shown, cause.code!);
}

/**
 * Runs `work` against a fresh temporary folder beside `out` and, only if it succeeds, puts that
 * folder in the place of `out` (or, in `add` mode, its files into `out`), with bilancio's mark. A
 * failed or killed command leaves the previous outputs as they were; a folder that is not new, empty
 * or marked by the same command is refused (CommandRefusedError) before and again just before the swap.
 */
export async function withAtomicOutput<T>(out: string, spec: OutputSpec, work: (dir: string) => Promise<T>): Promise<T> {
  const refuse = async () => {
    const refusal = await markRefusal(out, spec.command, spec.lang);
    if (refusal) throw new CommandRefusedError(refusal);
  };
  const state: { staging: string | null } = { staging: null };
  try {
    return await stageAndSwap(out, spec, refuse, state, work);
  } catch (error) {
    throw asWriteError(error, out, state.staging);
  }
}

async function stageAndSwap<T>(
  out: string,
  spec: OutputSpec,
  refuse: () => Promise<void>,
  state: { staging: string | null },
  work: (dir: string) => Promise<T>,
): Promise<T> {
  const { target, parent, stagingPrefix, previous } = sideNames(out);
  await refuse();
  await mkdir(parent, { recursive: true });
  await withSwapLock(target, () => recoverOutput(out));
  const staging = await mkdtemp(path.join(parent, `${stagingPrefix}${process.pid}-`));
  state.staging = staging;
  let result: T;
  try {
    // mkdtemp makes a private folder; the outputs are for publication.
    await chmod(staging, 0o755);
    result = await work(staging);
    // The mark lists what bilancio wrote; in add mode also what it wrote there before.
    const written = await readdir(staging);
    const before = OUTPUT_MODE[spec.command] === 'add' ? ((await readOutputMark(target))?.files ?? []) : [];
    await writeFileNamed(path.join(staging, OUTPUT_MARK), outputMarkText(spec.command, await toolVersion(), [...before, ...written]));
    await syncFolder(staging);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  await withSwapLock(target, async () => {
    try {
      await refuse();
    } catch (error) {
      await rm(staging, { recursive: true, force: true });
      throw error;
    }
    if (OUTPUT_MODE[spec.command] === 'add') return addFiles(staging, target, parent);
    await recoverOutput(out);
    const hadPrevious = await exists(target);
    if (hadPrevious) await rename(target, previous);
    try {
      await rename(staging, target);
    } catch (error) {
      if (hadPrevious && !(await exists(target))) await rename(previous, target);
      await rm(staging, { recursive: true, force: true });
      throw error;
    }
    await syncPath(parent);
    if (hadPrevious) await rm(previous, { recursive: true, force: true });
  });
  return result;
}

/** Moves each staged file into `target` (the mark first), one rename each: every file is whole, old or new. */
async function addFiles(staging: string, target: string, parent: string): Promise<void> {
  try {
    await mkdir(target, { recursive: true });
    const names = (await readdir(staging)).sort((a, b) => Number(b === OUTPUT_MARK) - Number(a === OUTPUT_MARK));
    for (const name of names) await rename(path.join(staging, name), path.join(target, name));
    await syncPath(target);
    await syncPath(parent);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/**
 * Creates the new folder `out` with what `work` writes into a temporary folder beside it, all at once (one
 * rename): for `bilancio init`, whose folder becomes the user's project. Refused (CommandRefusedError with
 * `refusal`'s words) when `out` exists and is not an empty folder, before and again just before the rename:
 * nothing of the user's is ever overwritten. No mark: what it writes is the user's, not bilancio's outputs.
 */
export async function createNewFolder(out: string, refusal: () => string, work: (dir: string) => Promise<void>): Promise<void> {
  const { target, parent, stagingPrefix } = sideNames(out);
  const refuse = async () => {
    const info = await stat(target).catch(() => null);
    if (info && (!info.isDirectory() || (await readdir(target)).length > 0)) throw new CommandRefusedError(refusal());
  };
  await refuse();
  const state: { staging: string | null } = { staging: null };
  try {
    await mkdir(parent, { recursive: true });
    const staging = await mkdtemp(path.join(parent, `${stagingPrefix}${process.pid}-`));
    state.staging = staging;
    try {
      await chmod(staging, 0o755);
      await work(staging);
      await syncFolder(staging);
      await withSwapLock(target, async () => {
        await refuse();
        // An empty folder is replaced by the rename; a missing one is created by it.
        await rename(staging, target);
      });
      await syncPath(parent);
    } catch (error) {
      await rm(staging, { recursive: true, force: true });
      throw error;
    }
  } catch (error) {
    throw asWriteError(error, out, state.staging);
  }
}
