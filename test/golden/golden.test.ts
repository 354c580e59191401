import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bilancio } from '../helpers/cli.js';
import { hasBrowser, poppler } from '../report/build.js';
import type { GoldenCase } from './case.js';
import { checkGolden } from './golden.js';
import { reportOutline } from './outline.js';

// Golden tests: each folder here with a project.ts is a case. Its project is written into a temporary
// folder and built by the installed command; the PDF's text (pdftotext -layout) and the HTML's outline
// (headings and tables) must equal expected/report.txt and expected/report-outline.txt.
// A change of wording or layout shows up here; when it is meant: UPDATE_GOLDEN=1 npx vitest run test/golden.

const here = path.dirname(fileURLToPath(import.meta.url));
const cases = readdirSync(here, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(path.join(here, entry.name, 'project.ts')))
  .map((entry) => entry.name)
  .sort();

/** A fixed clock and zone: the PDF's dates come from SOURCE_DATE_EPOCH (30 June 2025), nothing from the machine. */
const deterministic: NodeJS.ProcessEnv = { TZ: 'UTC', SOURCE_DATE_EPOCH: '1751241600', LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' };

function environment(): NodeJS.ProcessEnv {
  const env = { ...process.env, ...deterministic };
  delete env.BILANCIO_BENCH;
  delete env.BILANCIO_DEBUG;
  return env;
}

it('finds the golden cases', () => {
  expect(cases.length).toBeGreaterThanOrEqual(2);
});

describe.skipIf(!hasBrowser).each(cases)('golden case %s', (name) => {
  const expected = path.join(here, name, 'expected');
  let work: string;
  let text: string;
  let outline: string;

  beforeAll(async () => {
    const { golden } = (await import(`./${name}/project.ts`)) as { golden: GoldenCase };
    work = await mkdtemp(path.join(tmpdir(), `bilancio-golden-${name}-`));
    await golden.writeProject(path.join(work, 'progetto'));
    const build = await bilancio(['build', 'progetto', '--out', 'out', ...golden.args], work, environment());
    if (build.code !== 0) throw new Error(`bilancio build exited ${build.code}:\n${build.stderr}`);
    text = await poppler('pdftotext', ['-layout', path.join(work, 'out/report.pdf'), '-']);
    outline = reportOutline(await readFile(path.join(work, 'out/report.html'), 'utf8'));
  }, 180_000);
  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('prints no path of the machine (the goldens would differ from one folder to another)', () => {
    for (const output of [text, outline]) {
      expect(output).not.toContain(work);
      expect(output).not.toContain(tmpdir());
    }
  });

  it('prints the text of expected/report.txt', async () => {
    const problem = await checkGolden(path.join(expected, 'report.txt'), text);
    if (problem) expect.fail(problem);
  });

  it('has the headings and tables of expected/report-outline.txt', async () => {
    const problem = await checkGolden(path.join(expected, 'report-outline.txt'), outline);
    if (problem) expect.fail(problem);
  });
});
