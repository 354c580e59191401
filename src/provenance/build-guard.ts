import path from 'node:path';
import type { Lang } from '../types.js';
import type { Effects } from '../effects.js';
import { outputFolderRefusal } from './paths.js';
import { pdfDateFor } from './source-date.js';
import { BuildRefusedError } from './stage-error.js';

/** Checks what a build is asked to do before it starts: where it writes and the PDF date; throws BuildRefusedError. */
export async function checkBuildRequest(
  root: string,
  out: string,
  sourceDateEpoch: string | undefined,
  dataPubblicazione: string | null | undefined,
  lang: Lang,
): Promise<{ pdfDate: Date | undefined }> {
  const refusal = await outputFolderRefusal(root, out, lang);
  if (refusal) throw new BuildRefusedError(refusal);
  const date = pdfDateFor(sourceDateEpoch, dataPubblicazione, lang);
  if ('error' in date) throw new BuildRefusedError(date.error);
  return { pdfDate: date.date };
}

/** Effects that also keep what was written below `dir` (path relative to it), for the manifest. */
export function recordingEffects(fx: Effects, dir: string): { fx: Effects; written: { file: string; data: string | Uint8Array }[] } {
  const written: { file: string; data: string | Uint8Array }[] = [];
  return {
    written,
    fx: {
      ...fx,
      async writeFile(file, data) {
        await fx.writeFile(file, data);
        written.push({ file: path.relative(dir, file).split(path.sep).join('/'), data });
      },
    },
  };
}
