import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The repository root. */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
/** The shared reference material beside the repository. */
export const sharedDir = path.resolve(repoRoot, '../shared');
/** The embedded default project. */
export const bresciaProject = path.join(repoRoot, 'data/brescia');
