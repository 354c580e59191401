import { lstat, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Territorio } from '../types.js';
import { readTable } from '../ingest/read-table.js';
import { projectFileRefusal } from '../provenance/paths.js';
import { parseGeojson, parseTiles, type ParsedLayout } from './map-layout.js';

// Reading the map of the quartieri from the project: the one I/O of the map, at the edge.

export const GEOJSON_FILE = 'territorio/quartieri.geojson';
export const TILES_FILE = 'territorio/mappa_tile.csv';

// A regular file, not a link, whose real path is inside the project (territorio/ itself may be a
// link out, which the path guard reports): the project's files stay inside the project.
const isFile = async (root: string, abs: string): Promise<boolean> =>
  (await lstat(abs).then(
    (s) => s.isFile(),
    () => false,
  )) && (await projectFileRefusal(root, abs)) === null;

/** The project's map: its GeoJSON when it has one (and it reads), else its tile layout, else none. */
export async function readMapLayout(root: string, territorio: Territorio): Promise<ParsedLayout> {
  const quartieri = new Map(territorio.quartieri.map((q) => [q.codice, q.nome]));
  const problems: ParsedLayout['problems'] = [];
  const geojson = path.join(root, GEOJSON_FILE);
  if (await isFile(root, geojson)) {
    const parsed = parseGeojson(await readFile(geojson, 'utf8'), GEOJSON_FILE, quartieri);
    if (parsed.layout) return parsed;
    problems.push(...parsed.problems);
  }
  const tiles = path.join(root, TILES_FILE);
  if (await isFile(root, tiles)) {
    const parsed = parseTiles(await readTable(tiles, { displayPath: TILES_FILE }), quartieri);
    return { layout: parsed.layout, problems: [...problems, ...parsed.problems] };
  }
  return { layout: null, problems };
}
