import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { clip } from '../../src/validate/clip.js';
import { bilancio } from '../helpers/cli.js';
import { say } from '../../src/i18n.js';

// A long value is cut in every message and report, and says how long it was in the report's language.

describe('clip', () => {
  it('keeps short values, cuts long ones and gives their length in the language of the report', () => {
    expect(clip('Folzano')).toBe('Folzano');
    const long = 'x'.repeat(1_234_567);
    expect(say('it', clip(long))).toBe(`${'x'.repeat(80)}… (1.234.567 caratteri)`);
    expect(say('en', clip(long))).toBe(`${'x'.repeat(80)}… (1,234,567 characters)`);
  });

  it('validate --lang en reports a long value in English', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'bilancio-clip-'));
    try {
      const file = path.join(work, 'erogazioni_ente.csv');
      await writeFile(file, `anno,codice_quartiere,codice_servizio,codice_ente,utenti\n2024,${'Q'.repeat(500)},SAD,comune,3\n`);
      const { stdout } = await bilancio(['validate', file, '--format', 'json', '--lang', 'en'], work);
      const values: string[] = JSON.parse(stdout).files.flatMap((f: { errors: { value?: string }[] }) =>
        f.errors.map((p) => p.value ?? ''),
      );
      expect(
        values.some((v) => v.endsWith('(500 characters)')),
        values.join('\n'),
      ).toBe(true);
      expect(values.some((v) => v.includes('caratteri'))).toBe(false);
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});
