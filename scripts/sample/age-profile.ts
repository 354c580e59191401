// A smooth, life-table-like shape of the population by single year of age: the size of each
// birth cohort (Italian births by year, rounded) times Gompertz survival, plus the bump of young
// adults that a city attracts. Only the shape inside each ISTAT age band is used.

import type { Sesso } from './istat.js';

// Italian live births (thousands), by year, interpolated linearly between these points.
const NASCITE: [number, number][] = [
  [1900, 1050],
  [1915, 1100],
  [1918, 700],
  [1920, 1150],
  [1930, 1090],
  [1940, 1050],
  [1944, 830],
  [1946, 1030],
  [1950, 900],
  [1958, 870],
  [1964, 1016],
  [1970, 900],
  [1976, 780],
  [1980, 640],
  [1987, 555],
  [1995, 526],
  [2000, 544],
  [2008, 565],
  // From 2008 on, a city with many young foreign families: a gentler fall than Italy's.
  [2012, 535],
  [2015, 505],
  [2019, 460],
  [2021, 442],
  [2023, 425],
  [2025, 410],
];

/** Births in a calendar year, relative (thousands). */
export function nascite(anno: number): number {
  const first = NASCITE[0]!;
  if (anno <= first[0]) return first[1];
  for (let i = 1; i < NASCITE.length; i++) {
    const [y1, b1] = NASCITE[i]!;
    const [y0, b0] = NASCITE[i - 1]!;
    if (anno <= y1) return b0 + ((b1 - b0) * (anno - y0)) / (y1 - y0);
  }
  return NASCITE[NASCITE.length - 1]![1];
}

// Gompertz hazard A·e^(B·age), fitted by eye to Italian life tables: at 65 about 1.1% a year
// for men and 0.6% for women, at 95 about 33% and 22%.
const GOMPERTZ: Record<Sesso, number> = { M: 4.5e-6, F: 2.46e-6 };
const B = 0.12;

/** Yearly probability of dying at an age (used for deaths and for ageing the 2023 table). */
export function mortalita(sesso: Sesso, eta: number): number {
  const infant = eta === 0 ? 0.0025 : 0.0002;
  return Math.min(0.6, infant + GOMPERTZ[sesso] * Math.exp(B * eta));
}

/** Share of a birth cohort still alive at an age. */
function sopravvivenza(sesso: Sesso, eta: number): number {
  return Math.exp(-(GOMPERTZ[sesso] / B) * (Math.exp(B * eta) - 1)) * (eta > 0 ? 0.997 : 1);
}

/** Relative residents by single age 0..100 (100 = 100 and over) at 31 December of `anno`. */
export function profiloEta(anno: number, sesso: Sesso): number[] {
  const sexRatio = sesso === 'M' ? 1.05 : 1;
  const at = (eta: number): number =>
    nascite(anno - eta) * sexRatio * sopravvivenza(sesso, eta) * (1 + 0.35 * Math.exp(-(((eta - 32) / 10) ** 2)));
  const profile: number[] = [];
  for (let eta = 0; eta < 100; eta++) profile.push(at(eta));
  let over = 0;
  for (let eta = 100; eta <= 115; eta++) over += at(eta);
  profile.push(over);
  return profile;
}

/** Baseline share of foreign citizens by age in an Italian city (young, working-age heavy). */
export function quotaStranieri(eta: number): number {
  const punti: [number, number][] = [
    [0, 0.27],
    [5, 0.26],
    [14, 0.22],
    [18, 0.2],
    [24, 0.3],
    [32, 0.34],
    [40, 0.3],
    [50, 0.2],
    [58, 0.12],
    [65, 0.06],
    [75, 0.025],
    [85, 0.01],
    [100, 0.005],
  ];
  for (let i = 1; i < punti.length; i++) {
    const [a1, q1] = punti[i]!;
    const [a0, q0] = punti[i - 1]!;
    if (eta <= a1) return q0 + ((q1 - q0) * (eta - a0)) / (a1 - a0);
  }
  return 0.005;
}
