// Where the project's last build is, for the commands that read a build (a receipt says where a
// partner's data appear): nothing records it, so the build folders a user may mean are looked at, and
// the newest one whose manifest fingerprints this project's config wins.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { digestFile, MANIFEST_FILE, type BuildManifest } from '../provenance/manifest.js';
import { DEFAULT_OUT, readOutputMark } from '../provenance/paths.js';

const CONFIG = 'bilancio.config.json';

/**
 * The folder of the project's last build among `out` in the current folder and `out` in the
 * project, or null when neither holds a build of this project (same bilancio.config.json).
 */
export async function lastBuildOf(project: string, cwd: string = process.cwd()): Promise<string | null> {
  const candidates = [...new Set([path.resolve(cwd, DEFAULT_OUT.build), path.resolve(project, DEFAULT_OUT.build)])];
  const config = await digestFile(path.join(project, CONFIG), CONFIG).catch(() => null);
  if (config === null) return null;
  let newest: { dir: string; time: number } | null = null;
  for (const dir of candidates) {
    const time = await buildTime(dir, config.sha256);
    if (time !== null && (newest === null || time > newest.time)) newest = { dir, time };
  }
  return newest?.dir ?? null;
}

/** When the build in `dir` was written (its manifest's time), or null when it is no build of a project with that config. */
async function buildTime(dir: string, configSha: string): Promise<number | null> {
  const mark = await readOutputMark(dir);
  if (mark?.command !== 'build') return null;
  try {
    const file = path.join(dir, MANIFEST_FILE);
    const manifest = JSON.parse(await readFile(file, 'utf8')) as Partial<BuildManifest>;
    const config = manifest.ingressi?.find((entry) => entry.file === CONFIG);
    if (config?.sha256 !== configSha) return null;
    return (await stat(file)).mtimeMs;
  } catch {
    return null;
  }
}
