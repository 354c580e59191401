import { open, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';

// Two builds into the same folder may run at once (two terminals, CI): each writes its own staging
// folder, and this lock makes their swaps and recoveries take turns. The lock file holds the pid of its
// owner; a lock whose owner is gone (killed build) is taken over.

const RETRY_MS = 100;
// BILANCIO_LOCK_TIMEOUT_MS shortens the wait in tests.
const TIMEOUT_MS = Number(process.env.BILANCIO_LOCK_TIMEOUT_MS) || 60_000;
const EMPTY_STALE_MS = 5_000;

function ownerAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function tryLock(file: string): Promise<boolean> {
  try {
    const handle = await open(file, 'wx');
    await handle.writeFile(String(process.pid));
    await handle.close();
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const owner = Number(await readFile(file, 'utf8').catch(() => ''));
    // An empty file is a lock being written this instant, unless it has been empty for a while.
    const age =
      Date.now() -
      (await stat(file).then(
        (s) => s.mtimeMs,
        () => Date.now(),
      ));
    if (owner > 0 ? !ownerAlive(owner) : age > EMPTY_STALE_MS) await rm(file, { force: true });
    return false;
  }
}

/** Another command held the lock on an output folder for longer than we wait; the CLI words it. */
export class OutputLockedError extends Error {
  readonly code = 'output-locked';

  constructor(
    readonly target: string,
    readonly lockFile: string,
  ) {
    super(`${target}: ${lockFile}`);
    this.name = 'OutputLockedError';
  }
}

/** Runs `work` holding `.<out>.lock` beside the output folder, so swaps into one folder take turns. */
export async function withSwapLock<T>(target: string, work: () => Promise<T>): Promise<T> {
  const file = path.join(path.dirname(target), `.${path.basename(target)}.lock`);
  const deadline = Date.now() + TIMEOUT_MS;
  while (!(await tryLock(file))) {
    if (Date.now() > deadline) {
      throw new OutputLockedError(target, file);
    }
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
  }
  try {
    return await work();
  } finally {
    await rm(file, { force: true });
  }
}
