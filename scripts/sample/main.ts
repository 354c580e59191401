// npm run sample [-- <cartella>] [--seed N]: writes the synthetic Brescia project (default data/brescia).

import { parseArgs } from 'node:util';
import { generaCampione, scriviCampione, SEED_PREDEFINITO } from './generate.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { seed: { type: 'string' } },
});
const cartella = positionals[0] ?? 'data/brescia';
const seed = values.seed === undefined ? SEED_PREDEFINITO : Number(values.seed);
if (!Number.isInteger(seed)) {
  console.error(`--seed deve essere un intero, non "${values.seed}"`);
  process.exit(2);
}
const files = generaCampione(seed);
await scriviCampione(cartella, files);
console.log(`Scritti ${files.size} file in ${cartella} (seme ${seed}).`);
