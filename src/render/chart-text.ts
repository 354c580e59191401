import type { Plugin } from 'chart.js';
import { escapeXml } from './chart-svg.js';
import { TEXT_COLOUR, textGroupTag } from './chart-style.js';

// Chart text as real SVG <text>: cairo would draw every label as glyph outlines, which makes the
// HTML heavy, the PDF slow to print and the numbers of the charts impossible to search or copy.
// The plugin catches fillText, draws nothing on the canvas, and remembers where the text goes.

/** One string the chart wanted to draw, placed in the SVG's coordinates. */
export interface PlacedText {
  text: string;
  /** Alphabetic baseline, after textBaseline has been applied. */
  x: number;
  y: number;
  /** The canvas transform when it is not a plain translation (rotated tick labels). */
  matrix: [number, number, number, number, number, number] | null;
  size: number;
  bold: boolean;
  italic: boolean;
  fill: string;
  opacity: number;
  anchor: 'start' | 'middle' | 'end';
  /** The text's em box as measured on the canvas (null when rotated); not written to the SVG. */
  box: { left: number; top: number; right: number; bottom: number } | null;
}

const ANCHOR: Record<string, PlacedText['anchor']> = { left: 'start', start: 'start', center: 'middle', right: 'end', end: 'end' };

/** The part of the canvas 2D context this file reads (node-canvas; no DOM types in this project). */
interface Context {
  font: string;
  fillStyle: unknown;
  globalAlpha: number;
  textAlign: string;
  textBaseline: string;
  getTransform(): { a: number; b: number; c: number; d: number; e: number; f: number };
  measureText(text: string): {
    width: number;
    emHeightAscent?: number;
    emHeightDescent?: number;
    fontBoundingBoxAscent: number;
    fontBoundingBoxDescent: number;
  };
  fillText(text: string, x: number, y: number): void;
}

// The em box depends on the font only, not on the text: one measurement per font and baseline.
const shifts = new Map<string, number>();

/** Where the alphabetic baseline lies below `y` for the context's textBaseline (Pango's em box). */
function baselineShift(ctx: Context): number {
  if (ctx.textBaseline === 'alphabetic') return 0;
  const key = `${ctx.font}|${ctx.textBaseline}`;
  let shift = shifts.get(key);
  if (shift === undefined) {
    shift = measureShift(ctx);
    shifts.set(key, shift);
  }
  return shift;
}

const ems = new Map<string, { ascent: number; descent: number }>();

function emBox(ctx: Context): { ascent: number; descent: number } {
  let em = ems.get(ctx.font);
  if (!em) {
    const m = ctx.measureText('M');
    em = { ascent: m.emHeightAscent ?? m.fontBoundingBoxAscent, descent: m.emHeightDescent ?? m.fontBoundingBoxDescent };
    ems.set(ctx.font, em);
  }
  return em;
}

function measureShift(ctx: Context): number {
  const { ascent, descent } = emBox(ctx);
  switch (ctx.textBaseline) {
    case 'top':
    case 'hanging':
      return ascent;
    case 'middle':
      return (ascent - descent) / 2;
    default: // bottom, ideographic
      return -descent;
  }
}

/** Catches every fillText of the chart into `sink` instead of drawing it. */
export function svgText(sink: PlacedText[]): Plugin {
  return {
    id: 'bilancioSvgText',
    beforeInit(chart) {
      const ctx = chart.ctx as unknown as Context;
      ctx.fillText = (value: string, x: number, y: number) => {
        const text = String(value);
        if (text === '') return;
        const { a, b, c, d, e, f } = ctx.getTransform();
        const plain = a === 1 && b === 0 && c === 0 && d === 1;
        const shift = baselineShift(ctx);
        const font = ctx.font;
        const anchor = ANCHOR[ctx.textAlign] ?? 'start';
        const px = plain ? x + e : x;
        const py = (plain ? y + f : y) + shift;
        sink.push({
          text,
          x: px,
          y: py,
          matrix: plain ? null : [a, b, c, d, e, f],
          size: Number(/([\d.]+)px/.exec(font)?.[1] ?? 12),
          bold: /\b(bold|[6-9]00)\b/.test(font),
          italic: /\bitalic\b/.test(font),
          fill: typeof ctx.fillStyle === 'string' ? ctx.fillStyle : '#000000',
          opacity: ctx.globalAlpha,
          anchor,
          box: plain ? textBox(ctx, text, px, py, anchor) : null,
        });
      };
    },
  };
}

/** The em box of `text` drawn with its alphabetic baseline at (x, y). */
function textBox(ctx: Context, text: string, x: number, y: number, anchor: PlacedText['anchor']): PlacedText['box'] {
  const width = ctx.measureText(text).width;
  const left = anchor === 'start' ? x : anchor === 'middle' ? x - width / 2 : x - width;
  const { ascent, descent } = emBox(ctx);
  return { left, right: left + width, top: y - ascent, bottom: y + descent };
}

const round = (n: number): string => String(Math.round(n * 100) / 100);

/** The caught strings as SVG, in one group that carries the font family. */
export function textElements(texts: readonly PlacedText[]): string {
  if (texts.length === 0) return '';
  const items = texts.map((t) => {
    const attributes = [
      t.matrix ? `transform="matrix(${t.matrix.map(round).join(' ')})"` : '',
      `x="${round(t.x)}"`,
      `y="${round(t.y)}"`,
      `font-size="${round(t.size)}"`,
      t.bold ? 'font-weight="bold"' : '',
      t.italic ? 'font-style="italic"' : '',
      t.fill.toLowerCase() === TEXT_COLOUR ? '' : `fill="${escapeXml(t.fill)}"`,
      t.opacity < 1 ? `opacity="${round(t.opacity)}"` : '',
      t.anchor === 'start' ? '' : `text-anchor="${t.anchor}"`,
    ].filter(Boolean);
    return `<text ${attributes.join(' ')}>${escapeXml(t.text)}</text>`;
  });
  return `${textGroupTag(TEXT_COLOUR)}\n${items.join('\n')}\n</g>`;
}
