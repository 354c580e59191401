import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bilancio } from '../helpers/cli.js';
import { bresciaProject } from '../helpers/paths.js';

const run = promisify(execFile);

describe('bilancio build --per-zona', () => {
  let work: string;
  let stdout = '';
  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'bilancio-zone-'));
    const result = await bilancio(['build', '--out', path.join(work, 'out'), '--per-zona'], work);
    expect(result.code, result.stderr).toBe(0);
    stdout = result.stdout;
  }, 240_000);
  afterAll(() => rm(work, { recursive: true, force: true }));

  it("writes one booklet per zona holding exactly that zona's quartiere pages", async () => {
    const territory = (await readFile(path.join(bresciaProject, 'territorio/quartieri.csv'), 'utf8'))
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','));
    const zone = new Map<string, string[]>();
    for (const cells of territory) zone.set(cells[4]!, [...(zone.get(cells[4]!) ?? []), cells[2]!.replace(/^"|"$/g, '')]);
    expect([...zone.keys()].sort()).toEqual(['centro', 'est', 'nord', 'ovest', 'sud']);
    for (const [codice, names] of zone) {
      expect(stdout).toContain(`report-zona-${codice}.pdf`);
      const file = path.join(work, 'out', `report-zona-${codice}.pdf`);
      const pages = (await run('pdftotext', ['-layout', file, '-'])).stdout.split('\f');
      // The page titles: each quartiere of the zona has its page, none of another zona does.
      const titled = (name: string) => pages.some((p) => p.split('\n').slice(0, 6).join(' ').includes(name));
      for (const name of names) expect(titled(name), `${name} in ${codice}`).toBe(true);
      for (const [other, otherNames] of zone) {
        if (other !== codice) for (const name of otherNames) expect(titled(name), `${name} not in ${codice}`).toBe(false);
      }
    }
  });
});
