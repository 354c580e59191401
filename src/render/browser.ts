import { accessSync, constants, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { TimeoutError, type Browser } from 'puppeteer';

// Finding and launching the one headless Chromium that prints every PDF of a build.

/** Where Debian and other distributions put Chromium, in the order we try them. */
export const SYSTEM_BROWSER_PATHS: readonly string[] = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];

/** Flags for a quiet, offline-minded printer: no sandbox (containers), no phoning home. */
export const BROWSER_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--disable-quic',
  // Request interception does not see preconnect, prefetch or the navigation predictor, which open
  // sockets of their own (even to IP literals): with every host unresolvable none can be opened.
  '--host-resolver-rules=MAP * ~NOTFOUND',
  // Chromium 15x preloads the omnibox popup and its "AI mode" as WebUI pages even when headless: a
  // renderer busy for 1.5 s of CPU at each launch, beside the core that builds the report (measured:
  // the report's first load 1.9 s → 1.3 s). Puppeteer merges this list with its own.
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup',
];

/**
 * How Chromium spreads itself over processes. `single-process` (the default) runs the page's renderer
 * and the print compositor inside the browser process: a tagged print hands Chromium's recording of
 * every page (10 MB for the report) from the renderer to the browser and on to the compositor, and
 * in one process that is no copy, and no second and third process to start beside the build
 * (measured: the report's load and print 4.0–4.8 s → 3.1–3.6 s, the same pages and text; a whole
 * build 8.3 s → 7.2 s). The sandbox is off either way, the pages run no JavaScript and reach nothing
 * outside themselves. Its one known fault (Chromium 156): if the first raster image it loads comes
 * after a print (a PNG logo, a broken image's icon), it crashes. The warm-up document loads one
 * first, and should it crash all the same, openRenderer prints again with a `multi-process` one.
 */
export type ProcessModel = 'single-process' | 'multi-process';

/** The flags each process model adds to BROWSER_ARGS. */
export const PROCESS_MODEL_ARGS: Readonly<Record<ProcessModel, readonly string[]>> = {
  // Nothing is forked from a zygote in one process: starting the two zygotes only slowed the build
  // that runs beside the launch (measured: the print starts 0.27 s sooner without them).
  'single-process': ['--single-process', '--no-zygote'],
  'multi-process': [],
};

export type BrowserLookup = { path: string } | { error: 'browser-not-found'; tried: string[] };

/** Thrown by openRenderer when no Chromium is installed; the CLI prints `message` on one line. */
export class BrowserNotFoundError extends Error {
  readonly code = 'browser-not-found';
  readonly tried: string[];

  constructor(tried: string[]) {
    super(
      'Nessun browser Chromium trovato. Installare il pacchetto Debian `chromium` ' +
        '(sudo apt-get install chromium) oppure indicare il percorso con la variabile ' +
        `PUPPETEER_EXECUTABLE_PATH. Percorsi provati: ${tried.join(', ') || 'nessuno'}.`,
    );
    this.name = 'BrowserNotFoundError';
    this.tried = tried;
  }
}

/**
 * A Chromium that was found but failed: it did not start, crashed, or hung. Not a bug of bilancio: the
 * CLI names the program (and PUPPETEER_EXECUTABLE_PATH) with exit code 3; `detail` is what it said.
 */
export class BrowserFailedError extends Error {
  readonly code = 'browser-failed';

  constructor(readonly program: string, readonly detail: string) {
    super(`${program}: ${detail}`);
    this.name = 'BrowserFailedError';
  }

  /** The failure of `program` as puppeteer reported it, in a few lines without its troubleshooting link. */
  static from(program: string, error: unknown): BrowserFailedError {
    if (error instanceof BrowserFailedError) return error;
    const text = error instanceof Error ? error.message : String(error);
    const detail = text.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('TROUBLESHOOTING')).slice(0, 4).join(' ').slice(0, 400);
    return new BrowserFailedError(program, detail);
  }
}

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function puppeteerOwnBrowser(): string | undefined {
  try {
    // Throws or points to a missing file when the download was skipped (PUPPETEER_SKIP_DOWNLOAD).
    return puppeteer.executablePath();
  } catch {
    return undefined;
  }
}

/** Finds a Chromium to drive: $PUPPETEER_EXECUTABLE_PATH, then the system paths, then puppeteer's own. */
export function findBrowser(env: NodeJS.ProcessEnv = process.env): BrowserLookup {
  const explicit = env['PUPPETEER_EXECUTABLE_PATH'];
  // An explicit path that is wrong is a mistake to report, not a reason to pick another browser.
  if (explicit) {
    return isExecutableFile(explicit)
      ? { path: explicit }
      : { error: 'browser-not-found', tried: [explicit] };
  }
  const tried: string[] = [];
  for (const path of SYSTEM_BROWSER_PATHS) {
    tried.push(path);
    if (isExecutableFile(path)) return { path };
  }
  const own = puppeteerOwnBrowser();
  if (own) {
    tried.push(own);
    if (isExecutableFile(own)) return { path: own };
  }
  return { error: 'browser-not-found', tried };
}

export interface LaunchOptions {
  /** Environment used to find the browser (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Milliseconds allowed for the launch (default 30 000). */
  timeoutMs?: number;
  /** Default single-process (see ProcessModel). */
  processModel?: ProcessModel;
}

/** A launched headless Chromium and the temporary profile to delete with it. */
export interface LaunchedBrowser {
  browser: Browser;
  executablePath: string;
  processModel: ProcessModel;
  /** Closes the browser and removes its profile folder; safe to call twice. */
  close(): Promise<void>;
}

/**
 * Launches one headless Chromium with a fresh temporary profile; throws BrowserNotFoundError. A
 * single-process Chromium that fails to start (one died while starting, once, in a full test run) is
 * replaced by a multi-process one; a launch that timed out is not tried again.
 */
export async function launchBrowser(options: LaunchOptions = {}): Promise<LaunchedBrowser> {
  const found = findBrowser(options.env);
  if ('error' in found) throw new BrowserNotFoundError(found.tried);
  const processModel = options.processModel ?? 'single-process';
  try {
    return await launchAs(found.path, processModel, options);
  } catch (error) {
    if (processModel !== 'single-process' || error instanceof TimeoutError) throw BrowserFailedError.from(found.path, error);
    return launchAs(found.path, 'multi-process', options).catch((again: unknown) => {
      throw BrowserFailedError.from(found.path, again);
    });
  }
}

async function launchAs(executablePath: string, processModel: ProcessModel, options: LaunchOptions): Promise<LaunchedBrowser> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'bilancio-chromium-'));
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      executablePath,
      headless: true,
      args: [...BROWSER_ARGS, ...PROCESS_MODEL_ARGS[processModel]],
      userDataDir,
      // Chromium keeps its crash reports in its configuration folder, ~/.config/chromium by default:
      // in the temporary profile instead, they go with it (a crash is handled: see ProcessModel).
      env: { ...process.env, CHROME_CONFIG_HOME: join(userDataDir, 'config') },
      // DevTools over a pipe, not a socket: if the build is killed (SIGKILL), the pipe closes and
      // Chromium exits with it instead of living on as an orphan.
      pipe: true,
      timeout: options.timeoutMs ?? 30_000,
    });
  } catch (error) {
    await removeProfile(userDataDir);
    throw error;
  }
  let closed = false;
  return {
    browser,
    executablePath,
    processModel,
    async close() {
      if (closed) return;
      closed = true;
      try {
        await stopBrowser(browser);
      } finally {
        await removeProfile(userDataDir);
      }
    },
  };
}

/**
 * Ends Chromium and its helper processes at once. A polite close takes a quarter of a second, spent
 * saving a profile that is deleted next: puppeteer starts Chromium as the leader of its own process
 * group, so one SIGKILL to the group ends every process of it (as puppeteer's own kill does).
 */
async function stopBrowser(browser: Browser): Promise<void> {
  const child = browser.process();
  const pid = child?.pid;
  if (!child || pid === undefined || process.platform === 'win32' || child.exitCode !== null || child.signalCode !== null) {
    await browser.close().catch(() => child?.kill('SIGKILL'));
    return;
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
  await exited;
  // The connection ended with the process; let puppeteer drop it too.
  await browser.disconnect().catch(() => undefined);
}

async function removeProfile(dir: string): Promise<void> {
  // Chromium may still be flushing its profile for a moment after exit.
  await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
}
