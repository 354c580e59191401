import { chmod, mkdir, mkdtemp, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * Runs `work` against a fresh temporary folder beside `out` and, only if it succeeds, puts that
 * folder in the place of `out`. A failed or killed build leaves the previous outputs as they were.
 */
export async function withAtomicOutput<T>(out: string, work: (dir: string) => Promise<T>): Promise<T> {
  const target = path.resolve(out);
  const parent = path.dirname(target);
  await mkdir(parent, { recursive: true });
  const staging = await mkdtemp(path.join(parent, `.${path.basename(target)}.nuovo-`));
  // mkdtemp makes a private folder; the outputs are for publication.
  await chmod(staging, 0o755);
  let result: T;
  try {
    result = await work(staging);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  const previous = `${staging}.vecchio`;
  const hadPrevious = await stat(target).then(() => true, () => false);
  if (hadPrevious) await rename(target, previous);
  await rename(staging, target);
  if (hadPrevious) await rm(previous, { recursive: true, force: true });
  return result;
}
