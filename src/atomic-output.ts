import { chmod, mkdir, mkdtemp, open, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { withSwapLock } from './provenance/swap-lock.js';

// Outputs appear all at once or not at all. A build writes into `.<out>.nuovo-<pid>-XXXXXX` beside the
// output folder and only at the end swaps it in:
//   1. rename out → .<out>.vecchio    2. rename staging → out    3. delete .<out>.vecchio
// Linux cannot swap two folders in one step from Node (renameat2 RENAME_EXCHANGE is not exposed), and a
// symbolic link `out` would surprise people who copy the folder. So a kill between 1 and 2 leaves no
// `out` for an instant: every later build first restores `.<out>.vecchio` (see recoverOutput), so the
// previous complete outputs come back; a half-written folder never carries the `out` name. Staging
// folders of builds whose process is gone are deleted on the next run.

/** The names used beside an output folder: the staging prefix and the folder kept during the swap. */
export function sideNames(out: string): { target: string; parent: string; stagingPrefix: string; previous: string } {
  const target = path.resolve(out);
  const parent = path.dirname(target);
  const base = path.basename(target);
  return { target, parent, stagingPrefix: `.${base}.nuovo-`, previous: path.join(parent, `.${base}.vecchio`) };
}

const exists = (p: string) => stat(p).then(() => true, () => false);

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
    const stale = pid !== undefined
      ? Number(pid) !== process.pid && !isAlive(Number(pid))
      : Date.now() - (await stat(full).then((s) => s.mtimeMs, () => Date.now())) > LEGACY_STALE_MS;
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

/**
 * Runs `work` against a fresh temporary folder beside `out` and, only if it succeeds, puts that
 * folder in the place of `out`. A failed or killed build leaves the previous outputs as they were.
 */
export async function withAtomicOutput<T>(out: string, work: (dir: string) => Promise<T>): Promise<T> {
  const { target, parent, stagingPrefix, previous } = sideNames(out);
  await mkdir(parent, { recursive: true });
  await withSwapLock(target, () => recoverOutput(out));
  const staging = await mkdtemp(path.join(parent, `${stagingPrefix}${process.pid}-`));
  let result: T;
  try {
    // mkdtemp makes a private folder; the outputs are for publication.
    await chmod(staging, 0o755);
    result = await work(staging);
    await syncFolder(staging);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  await withSwapLock(target, async () => {
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
