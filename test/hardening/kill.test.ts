import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recoverOutput } from '../../src/atomic-output.js';
import { findBrowser } from '../../src/render/browser.js';
import { bilancio } from '../helpers/cli.js';
import { repoRoot } from '../helpers/paths.js';
import { hashTree, pdfInfo } from './helpers/files.js';
import { writeSmallProject } from './helpers/small-project.js';
import { BUILD_FILES } from './helpers/build-files.js';

// A build killed with SIGKILL at any moment leaves either the previous complete outputs or the new
// complete ones under the output name, never a half-written folder; Chromium dies with it; the next run
// cleans what the killed one left beside the folder.

const hasBrowser = 'path' in findBrowser();
const KILLS = 5;
const FILES = BUILD_FILES;
const cli = path.join(repoRoot, 'bin/bilancio.js');

let work: string;
let project: string;
let out: string;
let duration: number;

const exists = (p: string) =>
  stat(p).then(
    () => true,
    () => false,
  );

/** The folder holds a whole build: every file, each matching the manifest, and a PDF that parses. */
async function expectComplete(dir: string): Promise<string> {
  expect((await readdir(dir)).sort()).toEqual(FILES);
  const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as {
    uscite: { file: string; sha256: string }[];
    ingressi: { file: string; sha256: string }[];
  };
  const hashes = await hashTree(dir);
  for (const output of manifest.uscite) expect(hashes.get(output.file), output.file).toBe(output.sha256);
  expect(await pdfInfo(path.join(dir, 'report.pdf'))).toMatch(/^Pages:\s+\d+$/m);
  // Which build this is: the config's fingerprint (its title changes before every run).
  return manifest.ingressi.find((i) => i.file === 'bilancio.config.json')!.sha256;
}

async function retitle(run: number): Promise<void> {
  const file = path.join(project, 'bilancio.config.json');
  const config = JSON.parse(await readFile(file, 'utf8')) as { titolo: string };
  config.titolo = `Bilancio sociale partecipativo 2024 (prova ${run})`;
  await writeFile(file, JSON.stringify(config, null, 2));
}

const children = (pid: number): number[] => {
  try {
    return execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .map(Number)
      .filter((n) => n > 0);
  } catch {
    return [];
  }
};
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe.skipIf(!hasBrowser)('a build killed with SIGKILL', () => {
  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'bilancio-kill-'));
    project = await writeSmallProject(path.join(work, 'progetto'));
    out = path.join(work, 'out');
    await retitle(0);
    const started = Date.now();
    const first = await bilancio(['build', project, '--out', out], work);
    duration = Date.now() - started;
    expect(first.code).toBe(0);
  }, 180_000);
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it(`at ${KILLS} random moments never leaves a half-written out/, nor Chromium running`, async () => {
    let previous = await expectComplete(out);
    const outcomes: string[] = [];
    for (let run = 1; run <= KILLS; run++) {
      await retitle(run);
      const delay = 200 + Math.random() * (duration - 200);
      const child = spawn(process.execPath, [cli, 'build', project, '--out', out], { cwd: work, stdio: 'ignore' });
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      const finished = await Promise.race([exited.then(() => true), new Promise<false>((r) => setTimeout(() => r(false), delay))]);
      const browsers = children(child.pid!);
      if (!finished) child.kill('SIGKILL');
      await exited;
      // A kill between the two renames leaves no out/ for an instant: the next run puts it back.
      if (!(await exists(out))) {
        expect(await exists(path.join(work, '.out.vecchio'))).toBe(true);
        await recoverOutput(out);
        outcomes.push('ripristinato');
      }
      const now = await expectComplete(out);
      outcomes.push(`${Math.round(delay)} ms: ${finished ? 'finita' : now === previous ? 'precedente' : 'nuova'}`);
      previous = now;
      // Chromium notices the closed DevTools pipe and exits; a busy one may take a few seconds.
      for (let waited = 0; waited < 10_000 && browsers.some(alive); waited += 250) await new Promise((resolve) => setTimeout(resolve, 250));
      const orphans = browsers.filter(alive);
      for (const pid of orphans) process.kill(pid, 'SIGKILL');
      expect(orphans, 'Chromium outlived the killed build').toEqual([]);
    }
    console.info(`build ${duration} ms; kills: ${outcomes.join('; ')}`);
    // The next run deletes what the killed ones left beside out/.
    const next = await bilancio(['build', project, '--out', out, '--no-pdf'], work);
    expect(next.code).toBe(0);
    expect(await readdir(work)).toEqual(expect.not.arrayContaining([expect.stringMatching(/^\.out\./)]));
    expect((await readdir(work)).filter((name) => name.startsWith('.'))).toEqual([]);
  }, 240_000);
});
