import { createCanvas } from 'canvas';
import { escapeXml } from './chart-svg.js';
import { FONT_FAMILY, textGroupTag } from './chart-style.js';
import { DARK_TEXT } from './map-classes.js';
import type { MapLayout, Polygon, ShapeLayout, TileLayout } from '../validate/map-layout.js';

// The map of the quartieri as inline SVG: tiles or projected shapes, filled by class, labelled,
// with the legend below. Every text is XML-escaped; no script, no link, nothing focusable.

/** One quartiere as the map shows it. */
export interface MapArea {
  nome: string;
  /** The printed value, e.g. `24,8` or `n.d.`. */
  valore: string;
  /** Fill of its class; null for no published value (grey hatching). */
  fill: string | null;
  textColour: string;
}

export interface MapDrawing {
  /** Prefix of every id in the SVG, unique in the page. */
  id: string;
  title: string;
  desc: string;
  layout: MapLayout;
  areas: ReadonlyMap<string, MapArea>;
  legend: { title: string; items: { label: string; fill: string | null }[] };
}

export const MAP_WIDTH = 720;
const TILE_HEIGHT = 50;
const GAP = 4;
const MAX_SHAPE_HEIGHT = 560;
const ND_FILL = '#e6e6e6';

const r = (n: number): string => String(Math.round(n * 10) / 10);

let measurer: ReturnType<ReturnType<typeof createCanvas>['getContext']> | undefined;

/** Width of a text in the map's font, in px (the canvas that charts measure with, so it matches print). */
export function textWidth(text: string, size: number, bold = false): number {
  measurer ??= createCanvas(10, 10).getContext('2d');
  measurer.font = `${bold ? 'bold ' : ''}${size}px "${FONT_FAMILY}"`;
  return measurer.measureText(text).width;
}

/** Breaks a name into lines that fit `width` (after spaces and hyphens), shrinking the font if needed. */
export function wrapName(name: string, width: number, maxLines = 3): { lines: string[]; size: number } {
  const words = name
    .split(/(?<=[\s-])/)
    .map((w) => w.trimEnd())
    .filter(Boolean);
  for (const size of [9.5, 8.5, 7.5, 6.5]) {
    const lines: string[] = [];
    for (const word of words) {
      const last = lines[lines.length - 1];
      const joined = last === undefined ? word : last.endsWith('-') ? `${last}${word}` : `${last} ${word}`;
      if (last !== undefined && textWidth(joined, size) <= width) lines[lines.length - 1] = joined;
      else lines.push(word);
    }
    if (lines.length <= maxLines && lines.every((line) => textWidth(line, size) <= width)) return { lines, size };
  }
  return { lines: [name], size: 6.5 };
}

function label(x: number, y: number, area: MapArea, width: number, plate: boolean): string {
  const { lines, size } = wrapName(area.nome, width);
  const lineHeight = size * 1.15;
  const total = lines.length * lineHeight + 11;
  const top = y - total / 2 + size;
  const fill = plate ? DARK_TEXT : area.textColour;
  const names = lines.map((line, i) => `<tspan x="${r(x)}" y="${r(top + i * lineHeight)}">${escapeXml(line)}</tspan>`).join('');
  const text =
    `<text text-anchor="middle" font-size="${size}" fill="${fill}">${names}` +
    `<tspan x="${r(x)}" y="${r(top + lines.length * lineHeight + 1.5)}" font-size="10" font-weight="bold">${escapeXml(area.valore)}</tspan></text>`;
  if (!plate) return text;
  // A white plate under the label where the fill is hatched or crossed by borders. Not a stroked
  // halo: Chromium prints stroked text as Type 3 glyph outlines, which are not searchable.
  const widest = Math.max(textWidth(area.valore, 10, true), ...lines.map((line) => textWidth(line, size)));
  const plateTop = top - size;
  return `<rect x="${r(x - widest / 2 - 2)}" y="${r(plateTop)}" width="${r(widest + 4)}" height="${r(total + 2)}" rx="2" fill="#ffffff" fill-opacity="0.85"/>${text}`;
}

function fillOf(drawing: MapDrawing, area: MapArea | undefined): string {
  return area?.fill ?? `url(#${drawing.id}-nd)`;
}

function drawTiles(drawing: MapDrawing, layout: TileLayout): { body: string; height: number } {
  const columns = Math.max(...layout.tiles.map((t) => t.colonna)) + 1;
  const rows = Math.max(...layout.tiles.map((t) => t.riga)) + 1;
  const cell = MAP_WIDTH / columns;
  const parts = layout.tiles.map((tile) => {
    const area = drawing.areas.get(tile.codice);
    const x = tile.colonna * cell + GAP / 2;
    const y = tile.riga * TILE_HEIGHT + GAP / 2;
    const w = cell - GAP;
    const h = TILE_HEIGHT - GAP;
    const rect = `<rect x="${r(x)}" y="${r(y)}" width="${r(w)}" height="${r(h)}" rx="3" fill="${fillOf(drawing, area)}" stroke="#5a5a5a" stroke-width="0.5"/>`;
    return area ? rect + label(x + w / 2, y + h / 2, area, w - 6, area.fill === null) : rect;
  });
  return { body: parts.join('\n'), height: rows * TILE_HEIGHT };
}

function ringArea(ring: readonly [number, number][]): number {
  let sum = 0;
  ring.forEach(([x1, y1], i) => {
    const [x2, y2] = ring[(i + 1) % ring.length]!;
    sum += x1 * y2 - x2 * y1;
  });
  return sum / 2;
}

function centroid(ring: readonly [number, number][]): [number, number] {
  const a = ringArea(ring);
  if (Math.abs(a) < 1e-9) return ring[0] ?? [0, 0];
  let cx = 0;
  let cy = 0;
  ring.forEach(([x1, y1], i) => {
    const [x2, y2] = ring[(i + 1) % ring.length]!;
    const f = x1 * y2 - x2 * y1;
    cx += (x1 + x2) * f;
    cy += (y1 + y2) * f;
  });
  return [cx / (6 * a), cy / (6 * a)];
}

function drawShapes(drawing: MapDrawing, layout: ShapeLayout): { body: string; height: number } {
  const points = layout.shapes.flatMap((s) => s.polygons.flat(2));
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  const [minLon, maxLon, minLat, maxLat] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  // Equirectangular: a degree of longitude is cos(latitude) of a degree of latitude.
  const kx = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const spanX = Math.max((maxLon - minLon) * kx, 1e-9);
  const spanY = Math.max(maxLat - minLat, 1e-9);
  const scale = Math.min((MAP_WIDTH - 8) / spanX, (MAX_SHAPE_HEIGHT - 8) / spanY);
  const offsetX = (MAP_WIDTH - spanX * scale) / 2;
  const project = ([lon, lat]: [number, number]): [number, number] => [offsetX + (lon - minLon) * kx * scale, 4 + (maxLat - lat) * scale];
  const path = (polygons: Polygon[]): string =>
    polygons.flatMap((polygon) => polygon.map((ring) => `M${ring.map((p) => project(p).map(r).join(' ')).join('L')}Z`)).join('');
  const shapes = layout.shapes.map((shape) => {
    const area = drawing.areas.get(shape.codice);
    return `<path d="${path(shape.polygons)}" fill="${fillOf(drawing, area)}" fill-rule="evenodd" stroke="#ffffff" stroke-width="1"/>`;
  });
  const labels = layout.shapes.map((shape) => {
    const area = drawing.areas.get(shape.codice);
    const outer = shape.polygons.map((p) => p[0]!.map(project)).sort((a, b) => Math.abs(ringArea(b)) - Math.abs(ringArea(a)))[0];
    if (!area || !outer) return '';
    const [x, y] = centroid(outer);
    return label(x, y, area, 80, true);
  });
  return { body: [...shapes, ...labels].join('\n'), height: spanY * scale + 8 };
}

function legend(drawing: MapDrawing, top: number): { body: string; height: number } {
  const perRow = 3;
  const itemWidth = MAP_WIDTH / perRow;
  const items = drawing.legend.items.map((item, i) => {
    const x = (i % perRow) * itemWidth;
    const y = top + 30 + Math.floor(i / perRow) * 20;
    const fill = item.fill ?? `url(#${drawing.id}-nd)`;
    return (
      `<rect x="${r(x)}" y="${r(y - 10)}" width="18" height="12" fill="${fill}" stroke="#5a5a5a" stroke-width="0.5"/>` +
      `<text x="${r(x + 24)}" y="${r(y)}" font-size="11.5">${escapeXml(item.label)}</text>`
    );
  });
  const rows = Math.ceil(drawing.legend.items.length / perRow);
  const title = `<text x="0" y="${r(top + 12)}" font-size="12" font-weight="bold">${escapeXml(drawing.legend.title)}</text>`;
  return { body: [title, ...items].join('\n'), height: 26 + rows * 20 };
}

/** The map as an inline SVG with its title, description and legend. */
export function drawMap(drawing: MapDrawing): { svg: string; width: number; height: number } {
  const map = drawing.layout.kind === 'tiles' ? drawTiles(drawing, drawing.layout) : drawShapes(drawing, drawing.layout);
  const key = legend(drawing, map.height + 10);
  const height = Math.ceil(map.height + 10 + key.height);
  const id = escapeXml(drawing.id);
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${MAP_WIDTH} ${height}" width="${MAP_WIDTH}" height="${height}" role="img" aria-labelledby="${id}-title ${id}-desc">`,
    `<title id="${id}-title">${escapeXml(drawing.title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(drawing.desc)}</desc>`,
    `<defs><pattern id="${id}-nd" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
      `<rect width="6" height="6" fill="${ND_FILL}"/><line x1="0" y1="0" x2="0" y2="6" stroke="#8c8c8c" stroke-width="2"/></pattern></defs>`,
    textGroupTag(DARK_TEXT),
    map.body,
    key.body,
    '</g>',
    '</svg>',
  ].join('\n');
  return { svg, width: MAP_WIDTH, height };
}
