import { checkProject, computeProject } from '../src/pipeline.js';
import { diskEffects } from '../src/effects.js';
const checked = await checkProject({ project: process.argv[2] ?? 'data/brescia' }, diskEffects());
const t = performance.now();
const r = computeProject(checked);
console.log('compute ms', (performance.now() - t).toFixed(0), 'primary', r.privacy.primary, 'secondary', r.privacy.secondary, 'pyramid', r.privacy.pyramidCells, JSON.stringify(r.privacy.audit), 'leaks', r.privacy.leaks.length);
