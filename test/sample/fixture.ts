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

/** One year's ISTAT figures for the Comune di Brescia (31 December). */
export interface Attesi {
  totale: number;
  eta0_14: number;
  /** [F, M] by band; absent for 2020, whose structure the sample interpolates. */
  bande?: Record<'15-24' | '25-49' | '50-64' | '65+', readonly [number, number]>;
  /** Foreign residents: a reference figure for 2023 only. */
  stranieri?: number;
  famiglie: number;
  unipersonali: number;
  nati: number;
  morti: number;
  iscritti: number;
  cancellati: number;
}

/**
 * The ISTAT figures the population must reproduce exactly, typed here from /work/shared/reference
 * (census age structure, households by size, bilancio demografico), not read from the generator.
 * 2020 has no age structure there: its total is the census population, its 0-14 is not given.
 */
export const ATTESI: Record<2019 | 2020 | 2021 | 2022 | 2023 | 2024, Attesi> = {
  2019: {
    totale: 196_340,
    eta0_14: 25_048,
    bande: { '15-24': [8_976, 9_880], '25-49': [30_099, 30_695], '50-64': [22_414, 20_451], '65+': [28_993, 19_784] },
    famiglie: 93_224,
    unipersonali: 41_172,
    nati: 1_479,
    morti: 2_106,
    iscritti: 5_727 + 2_016,
    cancellati: 4_861 + 716,
  },
  2020: {
    totale: 197_304,
    eta0_14: Number.NaN,
    famiglie: 95_372,
    unipersonali: 43_760,
    nati: 1_424,
    morti: 2_936,
    iscritti: 4_876 + 1_252,
    cancellati: 4_366 + 819,
  },
  2021: {
    totale: 195_906,
    eta0_14: 24_884,
    bande: { '15-24': [8_902, 9_821], '25-49': [29_353, 30_698], '50-64': [22_712, 21_075], '65+': [28_747, 19_714] },
    famiglie: 94_870,
    unipersonali: 43_575,
    nati: 1_406,
    morti: 2_508,
    iscritti: 5_390 + 1_839,
    cancellati: 5_116 + 766,
  },
  2022: {
    totale: 197_236,
    eta0_14: 24_678,
    bande: { '15-24': [9_080, 9_967], '25-49': [29_585, 30_909], '50-64': [22_982, 21_445], '65+': [28_726, 19_864] },
    famiglie: 95_820,
    unipersonali: 44_441,
    nati: 1_356,
    morti: 2_464,
    iscritti: 5_387 + 2_381,
    cancellati: 4_775 + 773,
  },
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
    famiglie: 97_803,
    unipersonali: 46_329,
    nati: 1_339,
    morti: 2_171,
    iscritti: 5_154 + 2_828,
    cancellati: 4_699 + 954,
  },
};

/** The years of the sample. */
export const ANNI_CAMPIONE = [2019, 2020, 2021, 2022, 2023, 2024] as const;

/** Age band `15-24` or `65+` as [from, to]. */
export function banda(nome: string): [number, number] {
  const m = /^(\d+)(?:-(\d+)|\+)$/.exec(nome);
  if (!m) throw new Error(nome);
  return [Number(m[1]), m[2] === undefined ? 100 : Number(m[2])];
}
