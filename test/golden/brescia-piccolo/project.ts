import { writeSmallProject } from '../../hardening/helpers/small-project.js';
import type { GoldenCase } from '../case.js';

// The small cut of Brescia (five quartieri, one per zona; three services; the Comune and ACLI), in Italian.
export const golden: GoldenCase = {
  description: 'una piccola Brescia: 5 quartieri, 3 servizi, report in italiano',
  args: [],
  async writeProject(dir) {
    await writeSmallProject(dir);
  },
};
