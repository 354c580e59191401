import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The side effects of a build, injected so tests can watch or fake them. */
export interface Effects {
  /** Writes a file, creating its folder. */
  writeFile(file: string, data: string | Uint8Array): Promise<void>;
  /** A progress line for the person waiting (stderr in the CLI). */
  progress(message: string): void;
}

/** Effects that write to disk and report progress through a callback. */
export function diskEffects(progress: (message: string) => void = () => {}): Effects {
  return {
    async writeFile(file, data) {
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, data);
    },
    progress,
  };
}
