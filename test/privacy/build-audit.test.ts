import { appendFile, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { writeSmallProject } from '../hardening/helpers/small-project.js';

// The build runs the privacy audit every time and refuses to publish when it finds a leak. The authority
// never leaves one, so to see the refusal its audit-driven step is switched off here (as if it had a bug),
// and a project is given rows whose quartiere is not known (ND): city − Σ zone would give back 2 users.

vi.mock('../../src/compute/privacy/protect.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/compute/privacy/protect.js')>();
  return { ...original, protectFigures: (figures: never, counts: never) => original.protectFigures(figures, counts, { audit: false }) };
});

const { buildProject } = await import('../../src/pipeline.js');
const { diskEffects } = await import('../../src/effects.js');
const { refusePrivacyLeak, ExitError, EXIT } = await import('../../src/cli/context.js');

describe('a build whose publication would give a protected count away', () => {
  let work: string;
  let project: string;

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'bilancio-audit-'));
    project = await writeSmallProject(path.join(work, 'progetto'));
    const file = path.join(project, 'dati/2024/erogazioni_comune.csv');
    // As many cells as the header has (the Comune's file grew columns for nidi and new users).
    const header = (await readFile(file, 'utf8')).split('\n')[0]!.split(',');
    await appendFile(file, `${['2024', 'ND', 'SAD', 'comune', '2', ...header.slice(5).map(() => '')].join(',')}\n`);
  }, 60_000);
  afterAll(() => rm(work, { recursive: true, force: true }));

  it('writes nothing, and names the count and the figures that give it away', async () => {
    const out = path.join(work, 'out');
    const outcome = await buildProject({ project, out, noPdf: true }, diskEffects());
    expect(outcome.status, JSON.stringify(outcome.checked.report.files.flatMap((f) => f.errors).slice(0, 3))).toBe('leak');
    if (outcome.status !== 'leak') return;
    const leak = outcome.result.privacy.leaks.find((l) => /ND/.test(l.count.label) && /servizio=SAD/.test(l.count.label));
    expect(leak, outcome.result.privacy.leaks.map((l) => l.count.label).join('\n')).toBeDefined();
    expect(await readdir(work)).not.toContain('out');
    let message = '';
    try {
      refusePrivacyLeak(outcome.result.privacy.leaks, 3, 'it');
    } catch (error) {
      expect(error).toBeInstanceOf(ExitError);
      expect((error as InstanceType<typeof ExitError>).exitCode).toBe(EXIT.internal);
      message = (error as Error).message;
    }
    expect(message).toMatch(/Nulla è stato pubblicato/);
    expect(message).toMatch(/copertura_SAD 2024, città/);
    expect(message).toMatch(/copertura_SAD 2024, zona/);
  });
});
