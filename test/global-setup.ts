import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// The end-to-end tests run the installed command (bin/bilancio.js → dist/): compile it once per run.
// Type errors are `npm run typecheck`'s business (`npm run check` runs it before the tests): locally the
// tests go on with the emitted code and print tsc's report; in CI (CI set) a type error fails the run here too.
export default function setup(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const tsc = fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url));
  try {
    execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'pipe' });
  } catch (error) {
    const output = (error as { stdout?: Buffer }).stdout?.toString() ?? '';
    if (process.env.CI) throw new Error(`tsc reported problems:\n${output}`);
    process.stderr.write(`tsc reported problems (the tests go on with the emitted code; CI would stop here):\n${output}\n`);
  }
  if (!existsSync(new URL('../dist/cli/main.js', import.meta.url))) throw new Error('dist/cli/main.js was not emitted');
  // As `npm run build:ts` does: the validators of schemas/ as code, read at start-up instead of compiled.
  execFileSync(process.execPath, ['dist/schemas/precompile.js'], { cwd: root, stdio: 'pipe' });
}
