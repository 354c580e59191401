// The real figures the sample is calibrated to (Comune di Brescia, 31 December).
// Sources: ISTAT Censimento permanente and bilancio demografico, via Stocastico/brescia-dataviz
// (CC BY 4.0). Copied here so the generator needs nothing outside the repo.

export type Sesso = 'M' | 'F';

/** One year's city-level targets. */
export interface CityTargets {
  anno: number;
  totale: number;
  /** 0-14 is derived by ISTAT (total − 15+); its split by sex is ours (51.5% M). */
  eta0_14: number;
  /** Bands 15-24, 25-49, 50-64, 65+ by sex, from the census table. */
  bande: { da: number; a: number; F: number; M: number }[];
  /** Foreign residents: 2023 from the reference (18.9%); 2024 is a synthetic estimate, not ISTAT. */
  stranieri: number;
  famiglie: number;
  famiglieUnipersonali: number;
  nati: number;
  morti: number;
  /** immigrati interni + immigrati dall'estero. */
  iscritti: number;
  /** emigrati interni + emigrati per l'estero. */
  cancellati: number;
}

export const QUOTA_MASCHI_0_14 = 0.515;

export const ISTAT: Record<2023 | 2024, CityTargets> = {
  2023: {
    anno: 2023,
    totale: 198_259,
    eta0_14: 24_370,
    bande: [
      { da: 15, a: 24, F: 9_337, M: 10_125 },
      { da: 25, a: 49, F: 29_480, M: 31_045 },
      { da: 50, a: 64, F: 23_137, M: 21_840 },
      { da: 65, a: 100, F: 28_824, M: 20_101 },
    ],
    stranieri: 37_478,
    famiglie: 96_609,
    famiglieUnipersonali: 45_215,
    nati: 1_418,
    morti: 2_252,
    iscritti: 5_058 + 2_704,
    cancellati: 4_835 + 892,
  },
  2024: {
    anno: 2024,
    totale: 199_853,
    eta0_14: 24_105,
    bande: [
      { da: 15, a: 24, F: 9_490, M: 10_391 },
      { da: 25, a: 49, F: 29_590, M: 31_280 },
      { da: 50, a: 64, F: 23_320, M: 22_189 },
      { da: 65, a: 100, F: 29_048, M: 20_440 },
    ],
    stranieri: 38_406,
    famiglie: 97_803,
    famiglieUnipersonali: 46_329,
    nati: 1_339,
    morti: 2_171,
    iscritti: 5_154 + 2_828,
    cancellati: 4_699 + 954,
  },
};

export const ANNI = [2023, 2024] as const;
export type Anno = (typeof ANNI)[number];
