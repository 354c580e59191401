import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';
import { INPUT_AREAS } from '../provenance/paths.js';

// Watches a project's inputs (config, territory, catalogues, data, contributions, templates, texts) and
// calls back once per burst of saves (an editor writes a file in several steps), with the files changed.
// Output folders (out/, dati-aperti/…), hidden files and editor backups are not inputs.

/** What the watcher reports: the changed files, relative to the project with '/'. */
export type OnChange = (files: string[]) => void;

const WATCHED = new Set(INPUT_AREAS);

/** True when a path (relative to the project) is one of its inputs. */
export function isProjectInput(relative: string): boolean {
  const parts = relative.split('/');
  const name = parts[parts.length - 1] ?? '';
  if (name.startsWith('.') || name.endsWith('~') || /^#.*#$/.test(name) || name.endsWith('.swp')) return false;
  return WATCHED.has(parts[0] ?? '');
}

/** Starts watching `root`; `quietMs` after the last event of a burst, `onChange` gets its files. */
export function watchProject(root: string, onChange: OnChange, quietMs = 40): { close(): void } {
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const watcher: FSWatcher = watch(root, { recursive: true }, (_event, name) => {
    if (name === null) return;
    const relative = name.toString().split(path.sep).join('/');
    if (!isProjectInput(relative)) return;
    pending.add(relative);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const files = [...pending].sort();
      pending = new Set();
      onChange(files);
    }, quietMs);
  });
  return {
    close() {
      clearTimeout(timer);
      watcher.close();
    },
  };
}
