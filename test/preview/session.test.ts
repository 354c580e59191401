import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PreviewSession } from '../../src/preview/session.js';
import { reportPatch } from '../../src/preview/page.js';
import { diskEffects } from '../../src/effects.js';
import { bresciaProject } from '../helpers/paths.js';

// Issue 20: after a partner's file is saved, the preview reads and checks that file only, and the page
// it gives is the one a fresh preview of the same files gives; the open page gets only the parts that changed.

describe('the live preview after a partner file is saved', () => {
  let work: string;
  let project: string;
  const file = 'contributi/auser/2024/erogazioni_auser.csv';

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'bilancio-sessione-'));
    project = path.join(work, 'brescia');
    await cp(bresciaProject, project, { recursive: true, filter: (source) => !/[/\\]out$/.test(source) });
  });
  afterAll(() => rm(work, { recursive: true, force: true }));

  it('re-reads and re-checks that file alone, keeps the survey, and gives the page of a fresh preview', async () => {
    const session = new PreviewSession({ project }, diskEffects());
    const first = await session.update('all');
    const [reads, checked] = [session.tables.reads, session.checks.checked];
    expect(checked).toBeGreaterThan(20);

    const source = await readFile(path.join(project, file), 'latin1');
    // Brescia Antica's company for the elderly: 40 users more.
    const edited = source.replace(
      /^(2024;Brescia Antica;COMPAGNIA_ANZIANI;auser;)(\d+);/m,
      (_all, head: string, n: string) => `${head}${Number(n) + 40};`,
    );
    expect(edited).not.toBe(source);
    await writeFile(path.join(project, file), edited, 'latin1');
    const after = await session.update([file]);
    expect(session.tables.reads - reads).toBe(1);
    expect(session.checks.checked - checked).toBe(1);
    // The survey's answers did not change: its statistics and privacy decisions are not redone.
    expect(session.memo.surveysComputed).toBe(1);

    const fresh = await new PreviewSession({ project }, diskEffects()).update('all');
    expect(after.html).toBe(fresh.html);
    expect(after.problems).toEqual(fresh.problems);

    // The open page gets the changed parts only: Brescia Antica's page, and those of the quartieri whose
    // page shows the service's city value; not the chapter of the quartieri whole, nor the others.
    const patch = reportPatch(first.html!, after.html!)!;
    expect(patch).not.toBeNull();
    const parts = Object.keys(patch);
    expect(parts.length).toBeGreaterThan(0);
    expect(parts.join(' ')).not.toMatch(/\bi-quartieri\b/);
    const quartieri = parts.filter((id) => first.html!.includes(`class="scheda-quartiere" id="${id}"`));
    expect(quartieri).toContain('quartiere-17029001');
    expect(quartieri.length).toBeLessThan(33);
    const sent = Object.values(patch).reduce((n, html) => n + html.length, 0);
    expect(sent).toBeLessThan(after.html!.length / 2);
  }, 180_000);
});
