// The chart specs the view model hands to the renderer: every number already computed.

/** One named row of values; null means suppressed for privacy (drawn as no bar, marked n.d.). */
export interface ChartSeries {
  label: string;
  values: (number | null)[];
}

/** Bars per category, one colour per series; optionally horizontal and with a target line. */
export interface BarSpec {
  kind: 'bar';
  title: string;
  labels: string[];
  series: ChartSeries[];
  unit?: string;
  decimals?: number;
  horizontal?: boolean;
  target?: { value: number; label: string };
}

/** A trend over years, one line per series. */
export interface LineSpec {
  kind: 'line';
  title: string;
  labels: string[];
  series: ChartSeries[];
  unit?: string;
  decimals?: number;
}

/**
 * Age pyramid: males to the left, females to the right. `male`/`female` are totals per band;
 * `maleForeign`/`femaleForeign`, when given, are the part of those totals with foreign citizenship.
 */
export interface PyramidSpec {
  kind: 'pyramid';
  title: string;
  bands: string[];
  male: number[];
  female: number[];
  maleForeign?: number[];
  femaleForeign?: number[];
  /** Cells withheld for privacy (drawn as empty bands, said as n.d. in the text alternative), per series. */
  withheld?: Partial<Record<'male' | 'female' | 'maleForeign' | 'femaleForeign', boolean[]>>;
  /** What compute says the pyramid shows in all (the text alternative reads them; render adds nothing up). */
  totals: { male: number; female: number; maleForeign?: number; femaleForeign?: number };
  largestBand: { band: string; residenti: number } | null;
}

/** Coverage per area against one target, as horizontal bars and a target line. */
export interface BulletSpec {
  kind: 'bullet';
  title: string;
  labels: string[];
  values: (number | null)[];
  target: number;
  targetLabel: string;
  unit: string;
  decimals: number;
  /** What the line is: a target to reach (default) or the city's value to compare with. */
  reference?: 'target' | 'average';
  /** Beside a target, the city's value as a second line (drawn apart from the target's, and said in the text). */
  city?: { value: number; label: string };
  /** The project's place words ({dell_intero}, {intero}…) for the legend and the text alternative; default città. */
  words?: Record<string, string>;
}

export type ChartSpec = BarSpec | LineSpec | PyramidSpec | BulletSpec;

/** Drawing options; part of the cache key. */
export interface ChartOptions {
  /** Pixels (CSS px at 96 dpi); 720×360 (pyramids 720×480) fills the text width of an A4 page. */
  width?: number;
  height?: number;
  /** Draw the title inside the image; off by default because the figure caption carries it. */
  showTitle?: boolean;
}

/** A rendered chart: an inline SVG (safe to embed as is) and its text alternative. */
export interface ChartImage {
  svg: string;
  alt: string;
  width: number;
  height: number;
}
