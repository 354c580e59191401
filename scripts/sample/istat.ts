// The real figures the sample is calibrated to (Comune di Brescia, 31 December 2019-2024).
// Sources: ISTAT Censimento permanente (age structure, households) and bilancio demografico,
// via Stocastico/brescia-dataviz (CC BY 4.0). Copied here so the generator needs nothing outside the repo.

export type Sesso = 'M' | 'F';

/** The years of the sample, oldest first. */
export const ANNI = [2019, 2020, 2021, 2022, 2023, 2024] as const;
export type Anno = (typeof ANNI)[number];

/** One year's city-level targets. */
export interface CityTargets {
  anno: number;
  /** Census population at 31 December (popolazione censita). */
  totale: number;
  /** 0-14 is derived by ISTAT (total − 15+); its split by sex is ours (51.5% M). */
  eta0_14: number;
  /** Bands 15-24, 25-49, 50-64, 65+ by sex, from the census table. */
  bande: { da: number; a: number; F: number; M: number }[];
  /** True when the age structure is interpolated (2020: ISTAT's table lacks it). */
  strutturaInterpolata: boolean;
  /** Foreign residents: 2023 from the reference (18.9%); the other years are synthetic estimates, not ISTAT. */
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

/** Age structure as ISTAT gives it: total, 0-14, then F and M of 15-24, 25-49, 50-64, 65+. */
type Struttura = [number, number, [number, number], [number, number], [number, number], [number, number]];

// brescia_comune_struttura_eta_istat_censimento.csv (2020 is missing there).
const STRUTTURA: Record<Exclude<Anno, 2020>, Struttura> = {
  2019: [196_340, 25_048, [8_976, 9_880], [30_099, 30_695], [22_414, 20_451], [28_993, 19_784]],
  2021: [195_906, 24_884, [8_902, 9_821], [29_353, 30_698], [22_712, 21_075], [28_747, 19_714]],
  2022: [197_236, 24_678, [9_080, 9_967], [29_585, 30_909], [22_982, 21_445], [28_726, 19_864]],
  2023: [198_259, 24_370, [9_337, 10_125], [29_480, 31_045], [23_137, 21_840], [28_824, 20_101]],
  2024: [199_853, 24_105, [9_490, 10_391], [29_590, 31_280], [23_320, 22_189], [29_048, 20_440]],
};
/** 2020's census population (bilancio demografico, popolazione_censita): its structure is interpolated to it. */
export const TOTALE_2020 = 197_304;

// brescia_comune_bilancio_demografico_istat.csv: nati, morti, iscritti (interni + estero), cancellati (interni + estero).
const BILANCIO: Record<Anno, [number, number, number, number]> = {
  2019: [1_479, 2_106, 5_727 + 2_016, 4_861 + 716],
  2020: [1_424, 2_936, 4_876 + 1_252, 4_366 + 819],
  2021: [1_406, 2_508, 5_390 + 1_839, 5_116 + 766],
  2022: [1_356, 2_464, 5_387 + 2_381, 4_775 + 773],
  2023: [1_418, 2_252, 5_058 + 2_704, 4_835 + 892],
  2024: [1_339, 2_171, 5_154 + 2_828, 4_699 + 954],
};

// brescia_comune_famiglie_per_ampiezza_istat.csv: all households, one-person households.
const FAMIGLIE: Record<Anno, [number, number]> = {
  2019: [93_224, 41_172],
  2020: [95_372, 43_760],
  2021: [94_870, 43_575],
  2022: [95_820, 44_441],
  2023: [96_609, 45_215],
  2024: [97_803, 46_329],
};

// Foreign residents: only 2023 is a reference figure (37,478); the others are synthetic estimates.
const STRANIERI: Record<Anno, number> = { 2019: 36_950, 2020: 36_420, 2021: 35_870, 2022: 36_610, 2023: 37_478, 2024: 38_406 };

/** 2020's structure: the mean of 2019 and 2021, band by band, scaled to 2020's census total (largest remainders). */
function struttura2020(): Struttura {
  const a = STRUTTURA[2019];
  const b = STRUTTURA[2021];
  const parti = [a[1], ...a.slice(2).flat()].map((v, i) => (v + [b[1], ...b.slice(2).flat()][i]!) / 2);
  const scala = TOTALE_2020 / parti.reduce((s, v) => s + v, 0);
  const esatte = parti.map((v) => v * scala);
  const intere = esatte.map(Math.floor);
  let resto = TOTALE_2020 - intere.reduce((s, v) => s + v, 0);
  const ordine = esatte.map((v, i) => ({ i, f: v - Math.floor(v) })).sort((x, y) => y.f - x.f || x.i - y.i);
  for (const { i } of ordine) if (resto-- > 0) intere[i] = intere[i]! + 1;
  const [e014, ...r] = intere as [number, ...number[]];
  const coppia = (k: number): [number, number] => [r[2 * k]!, r[2 * k + 1]!];
  return [TOTALE_2020, e014, coppia(0), coppia(1), coppia(2), coppia(3)];
}

function targets(anno: Anno): CityTargets {
  const s = anno === 2020 ? struttura2020() : STRUTTURA[anno];
  const [nati, morti, iscritti, cancellati] = BILANCIO[anno];
  const [famiglie, famiglieUnipersonali] = FAMIGLIE[anno];
  const limiti: [number, number][] = [
    [15, 24],
    [25, 49],
    [50, 64],
    [65, 100],
  ];
  return {
    anno,
    totale: s[0],
    eta0_14: s[1],
    bande: limiti.map(([da, a], i) => {
      const [F, M] = s[2 + i] as [number, number];
      return { da, a, F, M };
    }),
    strutturaInterpolata: anno === 2020,
    stranieri: STRANIERI[anno],
    famiglie,
    famiglieUnipersonali,
    nati,
    morti,
    iscritti,
    cancellati,
  };
}

export const ISTAT: Record<Anno, CityTargets> = Object.fromEntries(ANNI.map((anno) => [anno, targets(anno)])) as Record<Anno, CityTargets>;
