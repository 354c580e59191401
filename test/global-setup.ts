import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// The end-to-end tests run the installed command (bin/bilancio.js → dist/): compile it once per run.
// Type errors are `npm run typecheck`'s business; here only the emitted JavaScript matters.
export default function setup(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const tsc = fileURLToPath(new URL('../node_modules/typescript/bin/tsc', import.meta.url));
  try {
    execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'pipe' });
  } catch (error) {
    const output = (error as { stdout?: Buffer }).stdout?.toString() ?? '';
    process.stderr.write(`tsc reported problems (the tests go on with the emitted code):\n${output}\n`);
  }
  if (!existsSync(new URL('../dist/cli/main.js', import.meta.url))) throw new Error('dist/cli/main.js was not emitted');
  // As `npm run build:ts` does: the validators of schemas/ as code, read at start-up instead of compiled.
  execFileSync(process.execPath, ['dist/schemas/precompile.js'], { cwd: root, stdio: 'pipe' });
}
