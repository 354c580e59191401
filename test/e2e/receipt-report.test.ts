// `bilancio receipt` writes a receipt anywhere and reads where the data appear from the report named
// with --report (--pubblicati, its former name, still works) or, by default, the project's last build.
import { mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bilancio } from '../helpers/cli.js';
import { copyBrescia } from '../participation/project.js';
import { lastBuildOf } from '../../src/cli/last-build.js';
import { OUTPUT_MARK, outputMarkText } from '../../src/provenance/paths.js';

const NOT_BUILT = 'non è ancora stato costruito';

describe('bilancio receipt --report', () => {
  let work: Awaited<ReturnType<typeof copyBrescia>>;
  let elsewhere: string;
  const receipt = async (out: string, ...args: string[]) => {
    const result = await bilancio(
      ['receipt', 'contributi/auser/2024', '--progetto', work.project, '--out', out, '--no-pdf', ...args],
      elsewhere,
    );
    return { ...result, html: result.code === 0 ? await readFile(path.join(out, 'ricevuta-auser-2024.html'), 'utf8') : '' };
  };

  beforeAll(async () => {
    work = await copyBrescia('ricevuta-report');
    elsewhere = path.join(work.dir, 'altrove');
    await mkdir(elsewhere);
    // Built from inside the project: the build is in progetto/out, not in the folder the receipt is asked from.
    const build = await bilancio(['build', '--no-pdf'], work.project);
    expect(build.code, build.stderr).toBe(0);
  });
  afterAll(() => work.remove());

  it("by default reads the project's last build, wherever the command is run and the receipt written", async () => {
    const result = await receipt(path.join(work.dir, 'ricevute-a'));
    expect(result.code, result.stderr).toBe(0);
    expect(result.html).not.toContain(NOT_BUILT);
    expect(result.html).toContain('Dove compaiono i vostri dati');
  });

  it('--report names the build; --pubblicati still works as its former name', async () => {
    const named = await receipt(path.join(work.dir, 'ricevute-b'), '--report', path.join(work.project, 'out'));
    expect(named.code, named.stderr).toBe(0);
    expect(named.html).not.toContain(NOT_BUILT);
    const former = await receipt(path.join(work.dir, 'ricevute-c'), '--pubblicati', path.join(work.project, 'out'));
    expect(former.code, former.stderr).toBe(0);
    expect(former.html).toBe(named.html);
  });

  it('--report naming a folder without a build is a usage error that says so', async () => {
    const empty = path.join(work.dir, 'vuota');
    await mkdir(empty);
    const result = await receipt(path.join(work.dir, 'ricevute-d'), '--report', empty);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/non c'è indicatori\.json: --report deve indicare la cartella di una build/);
  });
});

describe('lastBuildOf', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'bilancio-last-build-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  /** A folder that looks like a build of a project whose config has `config` as its text. */
  async function fakeBuild(out: string, config: string, command: 'build' | 'compute' = 'build', time = Date.now() / 1000): Promise<void> {
    await mkdir(out, { recursive: true });
    await writeFile(path.join(out, OUTPUT_MARK), outputMarkText(command, '0.0.0', ['manifest.json']));
    const sha256 = createHash('sha256').update(config).digest('hex');
    const manifest = path.join(out, 'manifest.json');
    await writeFile(manifest, JSON.stringify({ ingressi: [{ file: 'bilancio.config.json', byte: config.length, sha256 }] }));
    await utimes(manifest, time, time);
  }

  it("picks the newest build of this project's config among out/ here and out/ in the project", async () => {
    const project = path.join(dir, 'p');
    const cwd = path.join(dir, 'cwd');
    await mkdir(project, { recursive: true });
    await mkdir(cwd, { recursive: true });
    await writeFile(path.join(project, 'bilancio.config.json'), '{"a":1}');
    expect(await lastBuildOf(project, cwd)).toBeNull();

    await fakeBuild(path.join(project, 'out'), '{"a":1}', 'build', 1_000_000);
    expect(await lastBuildOf(project, cwd)).toBe(path.join(project, 'out'));
    // A newer build of another project in the current folder is not this project's.
    await fakeBuild(path.join(cwd, 'out'), '{"a":2}', 'build', 2_000_000);
    expect(await lastBuildOf(project, cwd)).toBe(path.join(project, 'out'));
    // A newer build of this project is.
    await fakeBuild(path.join(cwd, 'out'), '{"a":1}', 'build', 2_000_000);
    expect(await lastBuildOf(project, cwd)).toBe(path.join(cwd, 'out'));
    // Another command's folder is no build.
    await fakeBuild(path.join(cwd, 'out'), '{"a":1}', 'compute', 3_000_000);
    expect(await lastBuildOf(project, cwd)).toBe(path.join(project, 'out'));
  });
});
