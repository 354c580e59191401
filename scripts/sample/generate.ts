// The whole sample on one screen: the pure generation (path → bytes) and the one function that writes it.

import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { agenzieCsv, cantieriCsv, entiCsv, serviziCsv } from './catalogue.js';
import { catalogoImpegniCsv, impegniCsv } from './commitments.js';
import { contributi, erogazioniComuneCsv } from './contributions.js';
import { famiglie, famiglieCsv } from './households.js';
import { movimento, movimentoCsv } from './movement.js';
import { popolazioni, popolazioneCsv } from './population.js';
import { Random } from './prng.js';
import { readme } from './readme.js';
import { personaleCsv, risorse, risorseCsv } from './resources.js';
import { erogazioni } from './services.js';
import { domandeCsv, effettiQuartiere, questionarioCsv } from './survey.js';
import { mappaTileCsv, quartieriCsv } from './territory.js';
import { vociJson } from './voices.js';

/** The seed of the committed data/brescia (Brescia's ISTAT municipality code). */
export const SEED_PREDEFINITO = 17029;

/** Files of the sample, by path relative to the project folder. */
export type FileCampione = Map<string, string | Uint8Array>;

/** Generates every file of the sample project from one seed, in memory. */
export function generaCampione(seed: number = SEED_PREDEFINITO): FileCampione {
  const rng = new Random(seed);
  const files: FileCampione = new Map();
  files.set('README.md', readme(seed));
  files.set('territorio/quartieri.csv', quartieriCsv());
  files.set('territorio/mappa_tile.csv', mappaTileCsv());
  files.set('catalogo/cantieri.csv', cantieriCsv());
  files.set('catalogo/enti.csv', entiCsv());
  files.set('catalogo/agenzie.csv', agenzieCsv());
  files.set('catalogo/servizi.csv', serviziCsv());
  files.set('catalogo/impegni.csv', catalogoImpegniCsv());

  const pops = popolazioni(rng);
  const righe = erogazioni(pops, rng.fork('erogazioni'));
  const effetti = effettiQuartiere(rng.fork('questionario'));
  const fondi = risorse(righe, rng.fork('risorse'));
  for (const [anno, pop] of pops) {
    const dir = `dati/${anno}`;
    files.set(`${dir}/popolazione.csv`, popolazioneCsv(pop));
    files.set(`${dir}/famiglie.csv`, famiglieCsv(anno, famiglie(pop, rng.fork(`famiglie-${anno}`))));
    files.set(`${dir}/movimento.csv`, movimentoCsv(anno, movimento(pop, rng.fork(`movimento-${anno}`))));
    files.set(`${dir}/erogazioni_comune.csv`, erogazioniComuneCsv(anno, righe));
    files.set(`${dir}/risorse.csv`, risorseCsv(anno, fondi));
    files.set(`${dir}/personale.csv`, personaleCsv(anno, righe, rng.fork(`personale-${anno}`)));
    // The participatory part (survey, voices, commitments) began with the project: 2023 and 2024 only.
    if (anno !== 2023 && anno !== 2024) continue;
    files.set(`${dir}/domande.csv`, domandeCsv());
    files.set(`${dir}/questionario.csv`, questionarioCsv(pop, effetti, rng.fork(`questionario-${anno}`)));
    files.set(`${dir}/voci.json`, vociJson(anno));
    files.set(`${dir}/impegni.csv`, impegniCsv(anno));
  }
  for (const [path, content] of contributi(righe, rng.fork('contributi'))) files.set(path, content);
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

// Folders the generator owns entirely; catalogo/ is shared with hand-written files, so only our files there are replaced.
const CARTELLE_GENERATE = ['territorio', 'dati', 'contributi'];

/** Writes the sample into a project folder, clearing the folders it owns first (so no stale file survives). */
export async function scriviCampione(cartella: string, files: FileCampione): Promise<void> {
  for (const sub of CARTELLE_GENERATE) await rm(join(cartella, sub), { recursive: true, force: true });
  for (const [path, content] of files) {
    const target = join(cartella, path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, content);
  }
}
