import { accessSync, constants, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer';

// Finding and launching the headless Chromium that prints the PDFs of a command.

/**
 * Where Debian and other distributions put Chromium, in the order we try them. Chromium's headless shell
 * (Debian's chromium-headless-shell: the same Blink, without the browser around it) comes first: it
 * starts in half the time, with a second less of CPU taken from the build beside it, and prints the
 * same tagged PDF a little quicker (Brescia's report: about 10 s against 11.5 s, measured). Its program
 * itself, not /usr/bin/chromium-headless-shell: that script runs it as a child, which outlives a kill of
 * the process we started.
 */
export const SYSTEM_BROWSER_PATHS: readonly string[] = [
  '/usr/lib/chromium/chromium-headless-shell',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];

/** A quiet, offline printer: no sandbox (containers), no GPU, no phoning home. Puppeteer adds --headless. */
export const BROWSER_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Request interception does not see preconnect, prefetch or the navigation predictor, which open
  // sockets of their own (even to IP literals): with every host unresolvable none can be opened.
  '--host-resolver-rules=MAP * ~NOTFOUND',
  // Speed only: Chromium 15x preloads the omnibox popup as a WebUI page even when headless, 2 s of CPU
  // at each launch beside the build (measured). A Chromium without these features ignores the flag.
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup',
];

/** Thrown when no Chromium is installed; the CLI prints `message` on one line, with exit code 3. */
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

  constructor(
    readonly program: string,
    readonly detail: string,
  ) {
    super(`${program}: ${detail}`);
    this.name = 'BrowserFailedError';
  }

  /** The failure of `program` as puppeteer reported it, in a few lines without its troubleshooting link. */
  static from(program: string, error: unknown): BrowserFailedError {
    if (error instanceof BrowserFailedError) return error;
    const text = error instanceof Error ? error.message : String(error);
    const detail = text
      .split('\n')
      .filter((l) => l.trim() !== '' && !l.startsWith('TROUBLESHOOTING'))
      .slice(0, 4)
      .join(' ')
      .slice(0, 400);
    return new BrowserFailedError(program, detail);
  }
}

export type BrowserLookup = { path: string } | { error: 'browser-not-found'; tried: string[] };

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
  if (explicit) return isExecutableFile(explicit) ? { path: explicit } : { error: 'browser-not-found', tried: [explicit] };
  const own = puppeteerOwnBrowser();
  const tried = own ? [...SYSTEM_BROWSER_PATHS, own] : [...SYSTEM_BROWSER_PATHS];
  const path = tried.find(isExecutableFile);
  return path ? { path } : { error: 'browser-not-found', tried };
}

export interface LaunchOptions {
  /** Environment used to find the browser (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Milliseconds allowed for the launch (default 30 000). */
  timeoutMs?: number;
}

/** A launched headless Chromium and the temporary profile to delete with it. */
export interface LaunchedBrowser {
  browser: Browser;
  executablePath: string;
  /** Closes the browser and removes its profile folder; safe to call twice. */
  close(): Promise<void>;
}

/** Launches one headless Chromium with a fresh temporary profile; throws BrowserNotFoundError or BrowserFailedError. */
export async function launchBrowser(options: LaunchOptions = {}): Promise<LaunchedBrowser> {
  const found = findBrowser(options.env);
  if ('error' in found) throw new BrowserNotFoundError(found.tried);
  const userDataDir = await mkdtemp(join(tmpdir(), 'bilancio-chromium-'));
  const removeProfile = () => rm(userDataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      executablePath: found.path,
      headless: true,
      args: [...BROWSER_ARGS],
      userDataDir,
      // Crash reports go to the configuration folder (~/.config/chromium): into the profile instead.
      env: { ...process.env, CHROME_CONFIG_HOME: join(userDataDir, 'config') },
      // DevTools over a pipe, not a socket: if the command is killed (SIGKILL), the pipe closes and
      // Chromium exits with it instead of living on as an orphan.
      pipe: true,
      timeout: options.timeoutMs ?? 30_000,
    });
  } catch (error) {
    await removeProfile();
    throw BrowserFailedError.from(found.path, error);
  }
  const close = async (): Promise<void> => {
    try {
      await browser.close();
    } catch {
      browser.process()?.kill('SIGKILL'); // it had crashed, or its pipe broke
    } finally {
      await removeProfile();
    }
  };
  let closing: Promise<void> | undefined;
  return { browser, executablePath: found.path, close: () => (closing ??= close()) };
}
