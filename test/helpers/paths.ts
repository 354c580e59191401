import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The repository root. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
/** Test material kept in the repository: upstream suites (csv-spectrum, frictionless-py), ISTAT values. */
export const fixturesDir = path.join(repoRoot, 'test/fixtures');
/** The embedded default project. */
export const bresciaProject = path.join(repoRoot, 'data/brescia');
