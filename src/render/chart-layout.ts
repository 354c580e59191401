// The geometry of bar charts of areas (quartieri, frazioni, zone), from 2 to 60 and more: how tall the
// chart is, which way the bars run, how thick they are, how area names are shortened and where each
// value label goes so that no label covers another label or a reference line. Pure functions of the
// text widths (`Measure`, the canvas that draws the chart) and of the bars Chart.js has laid out: the
// renderer and the tests use the same ones. Nothing here computes a figure: a label that cannot be
// placed is left out of the drawing, and the chart's text alternative still states every value.

/** Width in px of `text` at `size` px in the charts' font. */
export type Measure = (text: string, size: number) => number;

/** A rectangle in the chart's pixels; y grows downwards. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export const LAYOUT = {
  /** Bars thinner than this are hard to see and to tell apart (px). */
  minThickness: 8,
  /** Horizontal bars thicker than this look like blocks (px); vertical bars get `maxColumn`. */
  maxThickness: 28,
  maxColumn: 64,
  /** Height given to each area when there is room (px), and the least it may get. */
  idealBand: 20,
  minBand: 13,
  /** Limits of an automatic height: a short chart still reads, a long one still fits an A4 page. */
  minHeight: 180,
  maxHeight: 900,
  /** Vertical bars only up to this many areas (their names and values must fit across). */
  verticalMax: 8,
  /** Names of areas on the left of horizontal bars take at most this share of the width. */
  nameShare: 0.3,
  /** The reference line's label beside vertical bars takes at most this many px. */
  referenceLabelMax: 170,
  /** Space between a bar (or a line) and its label (px). */
  gap: 4,
  /** Half the width kept clear on each side of a reference line (px, dashed line 1.5 px). */
  lineClearance: 2,
  /** Font sizes (px): names and values shrink a little when the areas are many. */
  fontSize: 12,
  smallFontSizes: [11, 10] as readonly number[],
} as const;

/** Height of a line of text at `size` px (DejaVu Sans em box: ascent 0.93 em, descent 0.24 em, rounded up). */
export function lineHeight(size: number): number {
  return Math.ceil(size * 1.17);
}

export function intersects(a: Box, b: Box): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

const ELLIPSIS = '…';

/**
 * `text` shortened with an ellipsis so that `text + suffix` fits `maxWidth`; the suffix (such as
 * ` (n.d.)`) is always kept whole. Cuts at a word boundary when that keeps most of the text.
 */
export function fitText(text: string, maxWidth: number, size: number, measure: Measure, suffix = ''): string {
  if (measure(text + suffix, size) <= maxWidth) return text + suffix;
  const chars = [...text];
  let lo = 0;
  let hi = chars.length;
  // The longest prefix that fits with the ellipsis (binary search: widths grow with the prefix).
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (measure(chars.slice(0, mid).join('').trimEnd() + ELLIPSIS + suffix, size) <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  let prefix = chars.slice(0, lo).join('');
  const space = prefix.lastIndexOf(' ');
  if (space > prefix.length * 0.6) prefix = prefix.slice(0, space);
  prefix = prefix.replace(/[\s\-–,;.]+$/u, '');
  return prefix === '' ? ELLIPSIS + suffix : prefix + ELLIPSIS + suffix;
}

/**
 * Up to `maxLines` lines of at most `maxWidth`, breaking after spaces and hyphens; the last line
 * shortened with an ellipsis if the text does not fit, the suffix kept whole on it.
 */
export function wrapText(text: string, maxWidth: number, size: number, measure: Measure, maxLines: number, suffix = ''): string[] {
  if (maxLines <= 1 || measure(text + suffix, size) <= maxWidth) return [fitText(text, maxWidth, size, measure, suffix)];
  const words = text.split(/(?<=[\s-])/u);
  const lines: string[] = [];
  let current = '';
  let i = 0;
  while (i < words.length && lines.length < maxLines - 1) {
    // The last word is measured with the suffix that will follow it.
    const next = current + words[i] + (i === words.length - 1 ? suffix : '');
    if (current !== '' && measure(next.trimEnd(), size) > maxWidth) {
      lines.push(current.trimEnd());
      current = '';
    } else {
      current += words[i];
      i++;
    }
  }
  const rest = (current + words.slice(i).join('')).trim();
  lines.push(fitText(rest, maxWidth, size, measure, suffix));
  // A first line too long for its width (a single long word) is shortened too.
  return lines.map((line, k) =>
    k === lines.length - 1 || measure(line, size) <= maxWidth ? line : fitText(line, maxWidth, size, measure),
  );
}

/** What the layout needs to know of a bar chart of areas. */
export interface AreaBarInput {
  names: string[];
  /** Appended to a name and never shortened away (` (n.d.)` for a value withheld). */
  suffixes: string[];
  seriesCount: number;
  /** The value labels that will be drawn (empty when none are). */
  valueTexts: string[];
  preferHorizontal: boolean;
  /**
   * The labels of the reference lines (a target, the city's value), drawn beside (vertical) or above
   * (horizontal) the plot, there one row each: the first next to the plot, the next above it.
   */
  referenceTexts: string[];
  legend: boolean;
  subtitle: boolean;
  axisTitle: boolean;
  width: number;
  /** A height the caller asked for; otherwise the layout chooses it. */
  height?: number;
}

export interface AreaBarLayout {
  horizontal: boolean;
  width: number;
  height: number;
  /** Font size of the area names and the value labels. */
  fontSize: number;
  /** Area names as drawn: up to two lines (beside horizontal bars only where the band has room for two). */
  names: (string | string[])[];
  maxBarThickness: number;
  padding: { top: number; right: number; bottom: number; left: number };
  /** The reference lines' labels as drawn (beside vertical bars shortened to their room). */
  referenceTexts: string[];
}

/** Space the axes, legend and notes take around the bars of a horizontal chart (px). */
function horizontalOverhead(input: AreaBarInput, top: number): number {
  return top + 26 + (input.axisTitle ? 18 : 0) + (input.legend ? 34 : 0) + (input.subtitle ? 20 : 0) + 6;
}

/** Lays out a bar chart of areas: orientation, height, name fitting, padding. */
export function areaBarLayout(input: AreaBarInput, measure: Measure): AreaBarLayout {
  const n = Math.max(1, input.names.length);
  const size = LAYOUT.fontSize;
  const widestValue = Math.max(0, ...input.valueTexts.map((text) => measure(text, size)));
  // Vertical bars only when every name and value label fits across its own column.
  const valueAxis = 60;
  const widestReference = Math.max(0, ...input.referenceTexts.map((text) => Math.min(LAYOUT.referenceLabelMax, measure(text, size))));
  const columnReference = input.referenceTexts.length > 0 ? widestReference + 10 : 12;
  const column = (input.width - valueAxis - columnReference) / n;
  const vertical =
    !input.preferHorizontal && n <= LAYOUT.verticalMax && n * input.seriesCount <= 16 && widestValue + 2 * LAYOUT.gap <= column * 0.8;
  if (vertical) {
    const lineWidth = column - 8;
    const names = input.names.map((name, i) => {
      const lines = wrapText(name, lineWidth, size, measure, 2, input.suffixes[i] ?? '');
      return lines.length === 1 ? lines[0]! : lines;
    });
    return {
      horizontal: false,
      width: input.width,
      height: input.height ?? 360,
      fontSize: size,
      names,
      maxBarThickness: LAYOUT.maxColumn,
      padding: { top: lineHeight(size) + 6, right: columnReference, bottom: 0, left: 0 },
      referenceTexts: input.referenceTexts.map((text) => fitReference(text, size, measure)),
    };
  }
  const top = input.referenceTexts.length > 0 ? input.referenceTexts.length * lineHeight(size) + 8 : 6;
  const overhead = horizontalOverhead(input, top);
  const wanted = overhead + n * Math.max(LAYOUT.idealBand, input.seriesCount * 12 + 8);
  const height = input.height ?? Math.min(LAYOUT.maxHeight, Math.max(LAYOUT.minHeight, wanted));
  const band = (height - overhead) / n;
  const fontSize = [LAYOUT.fontSize, ...LAYOUT.smallFontSizes].find((s) => lineHeight(s) + 2 <= band) ?? 10;
  const nameWidth = Math.floor(input.width * LAYOUT.nameShare);
  // A name that does not fit on one line takes two where the band has room for them (a long service name).
  const twoLines = band >= 2 * lineHeight(fontSize) + 4;
  const names = input.names.map((name, i) => {
    if (!twoLines) return fitText(name, nameWidth, fontSize, measure, input.suffixes[i] ?? '');
    const lines = wrapText(name, nameWidth, fontSize, measure, 2, input.suffixes[i] ?? '');
    return lines.length === 1 ? lines[0]! : lines;
  });
  const valueWidth = Math.max(0, ...input.valueTexts.map((text) => measure(text, fontSize)));
  return {
    horizontal: true,
    width: input.width,
    height,
    fontSize,
    names,
    maxBarThickness: LAYOUT.maxThickness,
    padding: { top, right: Math.ceil(valueWidth) + 2 * LAYOUT.gap + 4, bottom: 0, left: 4 },
    referenceTexts: input.referenceTexts,
  };
}

function fitReference(text: string, size: number, measure: Measure): string {
  // Keep the value (the last word) whole and shorten the name before it.
  const cut = text.lastIndexOf(' ');
  if (cut <= 0) return fitText(text, LAYOUT.referenceLabelMax, size, measure);
  return fitText(text.slice(0, cut), LAYOUT.referenceLabelMax, size, measure, text.slice(cut));
}

/** One bar as Chart.js laid it out, with the label it should carry. */
export interface BarGeometry {
  /** Pixel of the bar's base and of its end along the value axis; equal for a withheld value. */
  base: number;
  end: number;
  /** Pixel of the bar's middle across the value axis, and its thickness. */
  center: number;
  thickness: number;
  text: string;
  /** The bar's colour, to choose the colour of a label drawn inside it. */
  colour: string;
  /** A withheld value: its mark sits at the base and never inside a bar. */
  withheld: boolean;
}

/** A label with where it is drawn: `x`, `y` are the anchor for `align` and a middle baseline. */
export interface PlacedLabel {
  text: string;
  x: number;
  y: number;
  align: 'left' | 'right' | 'center';
  box: Box;
  colour: string;
}

export interface ReferenceGeometry {
  /** Pixel of the line along the value axis. */
  at: number;
  /** Its label's box, if drawn. */
  label: Box | null;
}

/** The box of the reference line itself, with its clearance. */
export function referenceLineBox(at: number, horizontal: boolean, area: Box): Box {
  const c = LAYOUT.lineClearance;
  return horizontal
    ? { left: at - c, right: at + c, top: area.top, bottom: area.bottom }
    : { left: area.left, right: area.right, top: at - c, bottom: at + c };
}

/** Where a reference line's label goes and in which colour it is written. */
export interface ReferenceLabelInput {
  text: string;
  /** Pixel of the line along the value axis. */
  at: number;
  colour: string;
  /** Above horizontal bars, the row counted from the plot up (0 next to it); vertical bars have one line only. */
  row: number;
}

/** Where a reference line's label goes: above the plot, in its row (horizontal bars), or beside it (vertical). */
export function placeReferenceLabel(
  label: ReferenceLabelInput,
  horizontal: boolean,
  area: Box,
  width: number,
  size: number,
  measure: Measure,
): PlacedLabel {
  const { text, at, colour } = label;
  const w = measure(text, size);
  const h = lineHeight(size);
  if (horizontal) {
    const left = Math.min(Math.max(at - w / 2, area.left), width - 2 - w);
    const bottom = area.top - 3 - label.row * h;
    return { text, x: left, y: bottom - h / 2, align: 'left', box: { left, right: left + w, top: bottom - h, bottom }, colour };
  }
  const left = area.right + 6;
  const y = Math.min(Math.max(at, area.top + h / 2 - 8), area.bottom - h / 2);
  return { text, x: left, y, align: 'left', box: { left, right: left + w, top: y - h / 2, bottom: y + h / 2 }, colour };
}

/** Dark or white text, whichever reads better on `hex` (WCAG relative luminance). */
export function textColourOn(hex: string): string {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return '#000000';
  const channel = (s: string): number => {
    const c = parseInt(s, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * channel(m[1]!) + 0.7152 * channel(m[2]!) + 0.0722 * channel(m[3]!);
  return 1.05 / (l + 0.05) >= (l + 0.05) / 0.05 ? '#ffffff' : '#000000';
}

export interface LabelPlacementInput {
  bars: BarGeometry[];
  horizontal: boolean;
  /** The plot area and the whole image. */
  area: Box;
  width: number;
  height: number;
  /** The reference lines (none, a target, a target and the city's value). */
  references: ReferenceGeometry[];
  size: number;
  textColour: string;
}

/**
 * Places each bar's value label: after the bar's end; past a reference line when it would cross
 * it (the nearest first); inside the bar's end when that fits; otherwise the label is left out. A label
 * never covers another label, a reference line or its label, and stays inside the image.
 */
export function placeValueLabels(input: LabelPlacementInput, measure: Measure): (PlacedLabel | null)[] {
  const { horizontal, area, references, size } = input;
  const h = lineHeight(size);
  const gap = LAYOUT.gap;
  const obstacles: Box[] = [];
  for (const reference of references) {
    obstacles.push(referenceLineBox(reference.at, horizontal, area));
    if (reference.label) obstacles.push(reference.label);
  }
  const placed: Box[] = [];
  const bounds: Box = horizontal
    ? { left: area.left, right: input.width - 1, top: area.top, bottom: area.bottom }
    : { left: 0, right: input.width, top: 1, bottom: area.bottom };
  const inside = (box: Box): boolean =>
    box.left >= bounds.left && box.right <= bounds.right && box.top >= bounds.top - 0.5 && box.bottom <= bounds.bottom + 0.5;
  const free = (box: Box): boolean => inside(box) && !obstacles.some((o) => intersects(o, box)) && !placed.some((p) => intersects(p, box));
  return input.bars.map((bar) => {
    const w = measure(bar.text, size);
    // Direction of growth along the value axis: +1 right (horizontal) or up (vertical, pixels decrease).
    const forward = horizontal ? (bar.end >= bar.base ? 1 : -1) : bar.end <= bar.base ? 1 : -1;
    const at = (along: number, colour: string, towards: 1 | -1): PlacedLabel => {
      // `along` is the pixel where the label starts, growing `towards` along the value axis.
      if (horizontal) {
        const left = towards === 1 ? along : along - w;
        return {
          text: bar.text,
          x: left,
          y: bar.center,
          align: 'left',
          box: { left, right: left + w, top: bar.center - h / 2, bottom: bar.center + h / 2 },
          colour,
        };
      }
      const bottom = towards === 1 ? along : along + h;
      return {
        text: bar.text,
        x: bar.center,
        y: bottom - h / 2,
        align: 'center',
        box: { left: bar.center - w / 2, right: bar.center + w / 2, top: bottom - h, bottom },
        colour,
      };
    };
    const step = (pixel: number, by: number, sign: number): number => (horizontal ? pixel + sign * by : pixel - sign * by);
    const candidates: { label: PlacedLabel; within: boolean }[] = [
      { label: at(step(bar.end, gap, forward), input.textColour, forward as 1 | -1), within: false },
    ];
    // Past each line ahead of the bar's end, the nearest first.
    const distance = (reference: ReferenceGeometry): number => (horizontal ? reference.at - bar.end : bar.end - reference.at) * forward;
    for (const reference of references.filter((r) => distance(r) > 0).sort((a, b) => distance(a) - distance(b))) {
      const past = step(reference.at, gap + LAYOUT.lineClearance, forward);
      candidates.push({ label: at(past, input.textColour, forward as 1 | -1), within: false });
    }
    const length = Math.abs(bar.end - bar.base);
    const fitsWithin = horizontal ? length >= w + 2 * gap : length >= h + 2 * gap && w <= bar.thickness - 2;
    if (!bar.withheld && fitsWithin) {
      candidates.push({ label: at(step(bar.end, gap, -forward), textColourOn(bar.colour), -forward as 1 | -1), within: true });
    }
    const chosen = candidates.find((c) => free(c.label.box))?.label;
    if (chosen) placed.push(chosen.box);
    return chosen ?? null;
  });
}
