// A fresh sample generated into a temporary folder, for the tests to read back.

import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generaCampione, scriviCampione } from '../../scripts/sample/generate.js';

/** Generates the default sample into a new temporary folder and returns its path. */
export async function campioneTemporaneo(etichetta: string): Promise<string> {
  const cartella = await mkdtemp(join(tmpdir(), `bilancio-sample-${etichetta}-`));
  await scriviCampione(cartella, generaCampione());
  return cartella;
}

/** The ISTAT figures the population must reproduce exactly (those of scripts/sample/istat.ts). */
export const ATTESI = {
  2023: {
    totale: 198_259,
    eta0_14: 24_370,
    bande: { '15-24': [9_337, 10_125], '25-49': [29_480, 31_045], '50-64': [23_137, 21_840], '65+': [28_824, 20_101] },
    stranieri: 37_478,
    famiglie: 96_609,
    unipersonali: 45_215,
    nati: 1_418,
    morti: 2_252,
    iscritti: 5_058 + 2_704,
    cancellati: 4_835 + 892,
  },
  2024: {
    totale: 199_853,
    eta0_14: 24_105,
    bande: { '15-24': [9_490, 10_391], '25-49': [29_590, 31_280], '50-64': [23_320, 22_189], '65+': [29_048, 20_440] },
    stranieri: undefined,
    famiglie: 97_803,
    unipersonali: 46_329,
    nati: 1_339,
    morti: 2_171,
    iscritti: 5_154 + 2_828,
    cancellati: 4_699 + 954,
  },
} as const;

/** Age band `15-24` or `65+` as [from, to]. */
export function banda(nome: string): [number, number] {
  const m = /^(\d+)(?:-(\d+)|\+)$/.exec(nome);
  if (!m) throw new Error(nome);
  return [Number(m[1]), m[2] === undefined ? 100 : Number(m[2])];
}
