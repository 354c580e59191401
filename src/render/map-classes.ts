// Classes of a map: quantiles of the quartieri's values, ties kept in one class, with a sequential
// colour-blind-safe palette (ColorBrewer YlGnBu, light = low) and a readable text colour for each.

/** ColorBrewer YlGnBu, five classes: safe for colour-blind readers and in greyscale. */
export const SEQUENTIAL = ['#ffffcc', '#a1dab4', '#41b6c4', '#2c7fb8', '#253494'] as const;
// Pure black: on the middle blue of the ramp, #1a1a1a and white both fall short of 4.5:1.
export const DARK_TEXT = '#000000';
export const LIGHT_TEXT = '#ffffff';

export interface MapClass {
  min: number;
  max: number;
  colour: string;
  /** Dark or white, whichever reads better on `colour`. */
  textColour: string;
  codici: string[];
}

export interface Classification {
  classes: MapClass[];
  /** Areas without a published value (withheld or not available). */
  nd: string[];
}

function luminance(hex: string): number {
  const channel = (i: number): number => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/** WCAG contrast ratio of two #rrggbb colours. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The text colour that reads best on a fill. */
export function textOn(fill: string): string {
  return contrast(fill, DARK_TEXT) >= contrast(fill, LIGHT_TEXT) ? DARK_TEXT : LIGHT_TEXT;
}

/** Palette entries for k classes, spread over the whole ramp. */
function paletteFor(k: number): string[] {
  if (k <= 1) return [SEQUENTIAL[2]];
  return Array.from({ length: k }, (_, i) => SEQUENTIAL[Math.round((i * (SEQUENTIAL.length - 1)) / (k - 1))]!);
}

/** Up to `k` quantile classes of the values (as printed: already rounded); equal values share a class. */
export function classify(areas: readonly { codice: string; value: number | null }[], k = 5): Classification {
  const nd = areas.filter((a) => a.value === null).map((a) => a.codice);
  const known = areas
    .filter((a): a is { codice: string; value: number } => a.value !== null)
    .sort((a, b) => a.value - b.value || a.codice.localeCompare(b.codice));
  const n = known.length;
  const groups: { codice: string; value: number }[][] = [];
  known.forEach((area, i) => {
    const current = groups[groups.length - 1];
    const previous = known[i - 1];
    // A new class starts once the current one has its share, but never between two equal values.
    const share = Math.floor((groups.length * n) / k);
    if (!current || (i >= share && previous !== undefined && area.value !== previous.value && groups.length < k)) groups.push([area]);
    else current.push(area);
  });
  const colours = paletteFor(groups.length);
  const classes = groups.map((group, i): MapClass => {
    const colour = colours[i]!;
    return {
      min: group[0]!.value,
      max: group[group.length - 1]!.value,
      colour,
      textColour: textOn(colour),
      codici: group.map((a) => a.codice),
    };
  });
  return { classes, nd };
}
