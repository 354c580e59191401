import type { Problem, RawTable } from '../types.js';
import { phrase, type Bilingual } from '../i18n.js';
import { loadSchemas } from '../schemas/load-schemas.js';
import { validateTable } from './validate-table.js';

/** The dataset of territorio/mappa_tile.csv in schemas/. */
export const TILES_DATASET = 'mappa_tile';

// The shape of the quartieri map, from the project's territorio/ folder: a GeoJSON of the quartieri
// (territorio/quartieri.geojson) or, without one, a tile layout (territorio/mappa_tile.csv).
// Parsing is pure: bad input gives warnings (the map is optional), never an exception.

/** A [longitude, latitude] point; a ring closes on itself; a polygon is an outer ring and its holes. */
export type Position = [number, number];
export type Polygon = Position[][];

export interface TileLayout {
  kind: 'tiles';
  file: string;
  tiles: { codice: string; riga: number; colonna: number }[];
}

export interface ShapeLayout {
  kind: 'shapes';
  file: string;
  shapes: { codice: string; polygons: Polygon[] }[];
}

export type MapLayout = TileLayout | ShapeLayout;

export interface ParsedLayout {
  layout: MapLayout | null;
  problems: Problem[];
}

const MESSAGES = {
  column: {
    it: 'Manca la colonna {field}: la mappa a tessere non viene disegnata.',
    en: 'Column {field} is missing: the tile map is not drawn.',
  },
  integer: {
    it: '{field} deve essere un numero intero da 0 in su, non "{value}".',
    en: '{field} must be a whole number from 0 up, not "{value}".',
  },
  unknown: {
    it: 'Il quartiere {value} non è in territorio/quartieri.csv: non compare sulla mappa.',
    en: 'Quartiere {value} is not in territorio/quartieri.csv: it is left off the map.',
  },
  twice: { it: 'Il quartiere {value} compare due volte: vale la prima.', en: 'Quartiere {value} appears twice: the first one counts.' },
  overlap: {
    it: 'La tessera {value} è già occupata: il quartiere non compare sulla mappa.',
    en: 'Tile {value} is already taken: the quartiere is left off the map.',
  },
  missing: { it: 'Mancano sulla mappa {n} quartieri: {value}.', en: '{n} quartieri are missing from the map: {value}.' },
  json: {
    it: 'Il file non si legge come GeoJSON ({value}): la mappa usa le tessere, se ci sono.',
    en: 'The file cannot be read as GeoJSON ({value}): the map uses tiles, if any.',
  },
  feature: {
    it: "L'elemento {row} non ha un codice_quartiere o una geometria Polygon/MultiPolygon valida.",
    en: 'Feature {row} has no codice_quartiere or no valid Polygon/MultiPolygon geometry.',
  },
} satisfies Record<string, Bilingual>;

function problem(file: string, code: Problem['code'], key: keyof typeof MESSAGES, place: Partial<Problem> = {}, n = 0): Problem {
  const params = { field: place.field ?? '', value: place.value ?? '', row: place.row ?? '', n };
  return { code, severity: 'warning', file, ...place, message: phrase(MESSAGES[key], params) };
}

function missingProblem(file: string, codes: ReadonlyMap<string, string>, drawn: Set<string>): Problem[] {
  const missing = [...codes].filter(([code]) => !drawn.has(code)).map(([, nome]) => nome);
  return missing.length ? [problem(file, 'consistency-error', 'missing', { value: missing.join(', ') }, missing.length)] : [];
}

/**
 * The tile layout from territorio/mappa_tile.csv: codice_quartiere, riga, colonna, checked against
 * schemas/mappa_tile.schema.json like any table (its problems are warnings: the map is optional), then
 * each quartiere once and on a tile of its own.
 */
export function parseTiles(table: RawTable, quartieri: ReadonlyMap<string, string>): ParsedLayout {
  const file = table.file;
  const entry = loadSchemas().datasets.get(TILES_DATASET)!;
  const checked = validateTable(table, {
    dataset: TILES_DATASET,
    schema: entry.schema,
    validateRow: (row) => entry.validateRow(row) as boolean,
    rowErrors: () => entry.validateRow.errors,
    quartieri: null,
  });
  // A missing column is said with what it means for the map.
  const problems: Problem[] = checked.problems
    .filter((p) => p.code !== 'missing-label')
    .map((p) => ({ ...p, severity: 'warning' as const }));
  const missingColumns = checked.problems.filter((p) => p.code === 'missing-label').map((p) => p.field ?? '');
  for (const field of missingColumns) problems.push(problem(file, 'missing-label', 'column', { field }));
  if (missingColumns.length > 0 || table.problems.some((p) => p.severity === 'error') || checked.rows.length === 0) {
    return { layout: null, problems: byRow(problems) };
  }
  const tiles: TileLayout['tiles'] = [];
  const seen = new Set<string>();
  const taken = new Set<string>();
  for (const { values, row, invalid } of checked.rows) {
    if (invalid) continue;
    const codice = String(values.codice_quartiere).trim();
    const riga = Number(values.riga);
    const colonna = Number(values.colonna);
    if (!quartieri.has(codice)) {
      problems.push(problem(file, 'foreign-key', 'unknown', { row, field: 'codice_quartiere', value: codice }));
      continue;
    }
    if (seen.has(codice)) {
      problems.push(problem(file, 'unique-error', 'twice', { row, field: 'codice_quartiere', value: codice }));
      continue;
    }
    const place = `${riga},${colonna}`;
    if (taken.has(place)) {
      problems.push(problem(file, 'unique-error', 'overlap', { row, value: place }));
      continue;
    }
    seen.add(codice);
    taken.add(place);
    tiles.push({ codice, riga, colonna });
  }
  const ordered = byRow(problems);
  ordered.push(...missingProblem(file, quartieri, seen));
  return { layout: tiles.length ? { kind: 'tiles', file, tiles } : null, problems: ordered };
}

/** Problems in the order of the file's rows (those of the whole file first). */
function byRow(problems: Problem[]): Problem[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => (a.p.row ?? 0) - (b.p.row ?? 0) || a.i - b.i)
    .map(({ p }) => p);
}

const isPosition = (p: unknown): p is Position =>
  Array.isArray(p) &&
  p.length >= 2 &&
  typeof p[0] === 'number' &&
  typeof p[1] === 'number' &&
  Number.isFinite(p[0]) &&
  Number.isFinite(p[1]);
const isRing = (r: unknown): r is Position[] => Array.isArray(r) && r.length >= 4 && r.every(isPosition);
const isPolygon = (p: unknown): p is Polygon => Array.isArray(p) && p.length >= 1 && p.every(isRing);

function polygonsOf(geometry: unknown): Polygon[] | null {
  if (!geometry || typeof geometry !== 'object') return null;
  const { type, coordinates } = geometry as { type?: unknown; coordinates?: unknown };
  if (type === 'Polygon' && isPolygon(coordinates)) return [coordinates.map((ring) => ring.map(([x, y]) => [x, y] as Position))];
  if (type === 'MultiPolygon' && Array.isArray(coordinates) && coordinates.length > 0 && coordinates.every(isPolygon)) {
    return (coordinates as Polygon[]).map((polygon) => polygon.map((ring) => ring.map(([x, y]) => [x, y] as Position)));
  }
  return null;
}

/** The quartieri as shapes from territorio/quartieri.geojson (a FeatureCollection, WGS84 degrees). */
export function parseGeojson(text: string, file: string, quartieri: ReadonlyMap<string, string>): ParsedLayout {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return {
      layout: null,
      problems: [problem(file, 'source-error', 'json', { value: error instanceof Error ? error.message : String(error) })],
    };
  }
  const features = (json as { type?: unknown; features?: unknown } | null)?.features;
  if (!Array.isArray(features) || (json as { type?: unknown }).type !== 'FeatureCollection') {
    return { layout: null, problems: [problem(file, 'source-error', 'json', { value: 'FeatureCollection' })] };
  }
  const problems: Problem[] = [];
  const shapes: ShapeLayout['shapes'] = [];
  const seen = new Set<string>();
  features.forEach((feature: unknown, i) => {
    const row = i + 1;
    const properties = (feature as { properties?: Record<string, unknown> } | null)?.properties ?? {};
    const raw = properties['codice_quartiere'];
    const codice = typeof raw === 'number' || typeof raw === 'string' ? String(raw).trim() : '';
    const polygons = polygonsOf((feature as { geometry?: unknown } | null)?.geometry);
    if (!codice || !polygons) return problems.push(problem(file, 'type-error', 'feature', { row }));
    if (!quartieri.has(codice))
      return problems.push(problem(file, 'foreign-key', 'unknown', { row, field: 'codice_quartiere', value: codice }));
    if (seen.has(codice)) return problems.push(problem(file, 'unique-error', 'twice', { row, field: 'codice_quartiere', value: codice }));
    seen.add(codice);
    shapes.push({ codice, polygons });
  });
  problems.push(...missingProblem(file, quartieri, seen));
  return { layout: shapes.length ? { kind: 'shapes', file, shapes } : null, problems };
}
