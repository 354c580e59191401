import path from 'node:path';
import type { Lang } from '../types.js';
import type { Effects } from '../effects.js';
import { outputFolderRefusal, type OutputCommand } from './paths.js';
import { pdfDateFor } from './source-date.js';
import { CommandRefusedError } from './stage-error.js';

/** Checks where a command of the project `root` is asked to write, before it starts; throws CommandRefusedError. */
export async function checkOutputRequest(root: string, out: string, command: OutputCommand, lang: Lang): Promise<void> {
  const refusal = await outputFolderRefusal(root, out, command, lang);
  if (refusal) throw new CommandRefusedError(refusal);
}

/** Checks what a build is asked to do before it starts: where it writes and the PDF date; throws CommandRefusedError. */
export async function checkBuildRequest(
  root: string,
  out: string,
  sourceDateEpoch: string | undefined,
  dataPubblicazione: string | null | undefined,
  lang: Lang,
): Promise<{ pdfDate: Date | undefined }> {
  await checkOutputRequest(root, out, 'build', lang);
  const date = pdfDateFor(sourceDateEpoch, dataPubblicazione, lang);
  if ('error' in date) throw new CommandRefusedError(date.error);
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
