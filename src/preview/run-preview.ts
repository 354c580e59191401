import type { Effects } from '../effects.js';
import { PreviewSession, type PreviewBuild, type PreviewOptions } from './session.js';
import { BOX_ID, previewPage, problemsBox, reportPatch } from './page.js';
import { startPreviewServer, type PreviewServer } from './server.js';
import { watchProject } from './watch.js';

// `bilancio anteprima` without the process: build, serve, watch, rebuild what changed, publish.
// The CLI owns the words in the terminal, the port and Ctrl-C.

export interface RunningPreview {
  server: PreviewServer;
  /** The first build (for the terminal). */
  first: PreviewBuild;
  /** Resolves when the rebuild in progress (if any) and those queued behind it are done. */
  idle(): Promise<void>;
  /** Stops watching and serving. */
  close(): Promise<void>;
}

export interface PreviewHooks {
  /** After each rebuild, with the files that caused it. */
  rebuilt?(build: PreviewBuild, files: string[]): void;
  /** A rebuild that failed (a bug or the machine): the page keeps the last report. */
  failed?(error: unknown): void;
}

/** Builds the project, serves it on 127.0.0.1:`port` and rebuilds on every save of an input. */
export async function runPreview(
  options: PreviewOptions & { port: number },
  fx: Effects,
  hooks: PreviewHooks = {},
): Promise<RunningPreview> {
  const session = new PreviewSession(options, fx);
  const first = await session.update('all');
  const server = await startPreviewServer(options.port, previewPage(first));
  let shown = first.html;
  // One rebuild at a time: saves during a rebuild are gathered and redone together after it.
  let running: Promise<void> = Promise.resolve();
  let queued: Set<string> | null = null;
  const rebuild = (files: string[]): void => {
    if (queued) {
      for (const file of files) queued.add(file);
      return;
    }
    queued = new Set(files);
    running = running.then(async () => {
      const batch = [...queued!];
      queued = null;
      try {
        const build = await session.update(batch);
        // Only the parts that changed are swapped in the open page: laying out the whole report again is slower.
        const patch = shown && build.html ? reportPatch(shown, build.html) : null;
        shown = build.html;
        server.publish(previewPage(build), patch ? { ...patch, [BOX_ID]: problemsBox(build) } : undefined);
        hooks.rebuilt?.(build, batch);
      } catch (error) {
        hooks.failed?.(error);
      }
    });
  };
  const watcher = watchProject(session.root, rebuild);
  return {
    server,
    first,
    idle: async () => {
      while (true) {
        const current = running;
        await current;
        if (current === running && !queued) return;
      }
    },
    async close() {
      watcher.close();
      await running;
      await server.close();
    },
  };
}
