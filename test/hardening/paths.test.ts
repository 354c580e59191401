import { cp, mkdtemp, readFile, readdir, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkProject } from '../../src/pipeline.js';
import { bilancio } from '../helpers/cli.js';
import { SMALL_SERVIZI, writeSmallProject } from './helpers/small-project.js';
import { said } from '../helpers/said.js';
import type { ProblemText } from '../../src/problem-text.js';

// A project can make bilancio read only inside itself, and a build can never write over its inputs.

const fx = { writeFile: async () => {}, progress: () => {} };
let work: string;
let template: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'bilancio-paths-'));
  template = await writeSmallProject(path.join(work, 'modello'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** A fresh copy of the small project, changed by `edit`. */
async function project(name: string, edit: (dir: string) => Promise<void>): Promise<string> {
  const dir = path.join(work, name);
  await cp(template, dir, { recursive: true });
  await edit(dir);
  return dir;
}

/** The problems of a project as `validate --format json` gives them (in Italian). */
const problems = async (dir: string): Promise<ProblemText[]> =>
  said((await checkProject({ project: dir }, fx)).report.files.flatMap((f) => [...f.errors, ...f.warnings]));

describe('symbolic links', () => {
  it('refuses a data file that is a link to a file outside the project (dati/2024/popolazione.csv → /etc/passwd)', async () => {
    const dir = await project('link-file', async (d) => {
      await rm(path.join(d, 'dati/2024/popolazione.csv'));
      await symlink('/etc/passwd', path.join(d, 'dati/2024/popolazione.csv'));
    });
    const found = await problems(dir);
    const link = found.find((p) => p.file === 'dati/2024/popolazione.csv' && p.code === 'source-error');
    expect(link?.severity).toBe('error');
    expect(link?.message).toBe(
      'dati/2024/popolazione.csv è un collegamento simbolico che porta fuori dalla cartella del progetto: bilancio legge solo file che stanno nel progetto. Copiare il file nel progetto al posto del collegamento.',
    );
    expect(JSON.stringify(found)).not.toMatch(/root:|\/etc\/passwd/);
  });

  it('refuses a whole dati/ that is a link to a folder elsewhere, and reads nothing from it', async () => {
    const outside = path.join(work, 'fuori-dati');
    const dir = await project('link-folder', async (d) => {
      await rename(path.join(d, 'dati'), outside);
      await symlink(outside, path.join(d, 'dati'));
    });
    const checked = await checkProject({ project: dir }, fx);
    const found = said(checked.report.files.flatMap((f) => f.errors));
    expect(found).toContainEqual(
      expect.objectContaining({
        code: 'source-error',
        file: 'dati',
        message: expect.stringMatching(/^dati è un collegamento simbolico che porta fuori/),
      }),
    );
    expect(checked.project.dati.get(2024)?.get('popolazione') ?? []).toEqual([]);
    expect(checked.report.files.some((f) => f.path.startsWith('dati/') && f.rows > 0)).toBe(false);
  });

  it('refuses a link that leads nowhere', async () => {
    const dir = await project('link-dangling', async (d) => {
      await symlink(path.join(d, 'manca.csv'), path.join(d, 'dati/2024/famiglie_extra.csv'));
    });
    expect(await problems(dir)).toContainEqual(
      expect.objectContaining({
        code: 'source-error',
        file: 'dati/2024/famiglie_extra.csv',
        message: expect.stringMatching(/non porta a nessun file/),
      }),
    );
  });

  it('reads a link that stays inside the project like the file it points to', async () => {
    const dir = await project('link-inside', async (d) => {
      await rename(path.join(d, 'catalogo/servizi.csv'), path.join(d, 'servizi-archivio.csv'));
      await symlink('../servizi-archivio.csv', path.join(d, 'catalogo/servizi.csv'));
    });
    const checked = await checkProject({ project: dir }, fx);
    expect(checked.report.valid).toBe(true);
    expect(checked.project.servizi.map((s) => s.codice).sort()).toEqual([...SMALL_SERVIZI].sort());
  });
});

describe('manifest entries', () => {
  it('refuses a listed name that is a path (../../etc/passwd) with a source-error naming the manifest', async () => {
    const dir = await project('manifest', async (d) => {
      const file = path.join(d, 'contributi/acli/2024/manifest.json');
      const manifest = JSON.parse(await readFile(file, 'utf8')) as { file: string[] };
      manifest.file.push('../../etc/passwd');
      await writeFile(file, JSON.stringify(manifest));
    });
    const found = (await problems(dir)).filter((p) => p.file === 'contributi/acli/2024/manifest.json');
    expect(found).toEqual([
      expect.objectContaining({
        code: 'source-error',
        severity: 'error',
        field: 'file',
        value: '../../etc/passwd',
        message: expect.stringMatching(
          /^Il manifest elenca "\.\.\/\.\.\/etc\/passwd": non sono nomi di file della cartella del contributo/,
        ),
      }),
    ]);
  });
});

describe('--out over the inputs', () => {
  it.each([
    ['dati', /è dentro i file di ingresso del progetto \(dati\)/],
    ['.', /contiene il progetto/],
  ])('bilancio build --out <progetto>/%s exits 2 with one Italian line and touches nothing', async (sub, message) => {
    const dir = await project(`out-${sub === '.' ? 'root' : sub}`, async () => {});
    const before = await readdir(path.join(dir, 'dati/2024'));
    const result = await bilancio(['build', dir, '--out', path.join(dir, sub), '--no-pdf'], work);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(message);
    expect(await readdir(path.join(dir, 'dati/2024'))).toEqual(before);
    expect((await readdir(dir)).sort()).toEqual(['bilancio.config.json', 'catalogo', 'contributi', 'dati', 'territorio']);
  });
});
