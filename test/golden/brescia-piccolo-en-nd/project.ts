import { appendFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { writeSmallProject } from '../../hardening/helpers/small-project.js';
import type { GoldenCase } from '../case.js';

// The same small Brescia, printed in English, with the two things a real year brings and the Brescia
// sample lacks: a count too small to publish (2 users of home care in Sanpolino, withheld with its
// complements up the zona and city) and rows whose quartiere is not known (ND), counted only in the city.
export const golden: GoldenCase = {
  description: 'the small Brescia in English (--lang en), with a suppressed count and ND rows',
  args: ['--lang', 'en'],
  async writeProject(dir) {
    await writeSmallProject(dir);
    const comune = path.join(dir, 'dati/2024/erogazioni_comune.csv');
    const rows = await readFile(comune, 'utf8');
    const sanpolino = /^2024,17029032,SAD,comune,\d+,/m;
    if (!sanpolino.test(rows)) throw new Error('the small project has no SAD row for Sanpolino (17029032) in 2024');
    await writeFile(comune, rows.replace(sanpolino, '2024,17029032,SAD,comune,2,'));
    // As many cells as the Comune's header has (its columns for nidi and new users stay empty).
    const width = rows.split('\n')[0]!.split(',').length;
    await appendFile(
      comune,
      `${['2024', 'ND', 'SAD', 'comune', '6', '', '590.0', '14800.00'].concat(Array(width - 8).fill('')).join(',')}\n`,
    );
    await appendFile(path.join(dir, 'dati/2024/popolazione.csv'), '2024,ND,F,85,ITA,4\n');
    // ACLI writes Excel's Italian CSV: ';' and decimal commas.
    await appendFile(path.join(dir, 'contributi/acli/2024/erogazioni_acli.csv'), '2024;ND;EMPORIO;acli;9;1;1.250,00\n');
  },
};
