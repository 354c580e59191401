import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { build, type Plugin } from 'esbuild';
import { precompiledSource } from '../../schemas/precompile.js';

// The validation page's script: page-script and everything it imports (ingest, validate, problem-text),
// bundled for the browser by esbuild when `templates` runs, from the sources next to this module (the
// compiled dist/, or src/ under the tests). Node's modules are kept out: reading one file's bytes needs
// none of them, and each is replaced by a stand-in that fails loudly if the page ever calls it.

const here = path.dirname(fileURLToPath(import.meta.url));
/** `.js` in dist/, `.ts` when run from the sources. */
const extension = path.extname(fileURLToPath(import.meta.url));
const packageRoot = path.resolve(here, '../../..');
/** A folder of the sources this module sits in (src/ or dist/). */
const packageRootOf = (folder: string) => path.resolve(here, '../..', folder);

/** What page code may use of `node:path` (read-table's extension of a file name). */
const PATH_SHIM = `
const extname = (p) => { const base = p.slice(p.lastIndexOf('/') + 1); const dot = base.lastIndexOf('.'); return dot > 0 ? base.slice(dot) : ''; };
const basename = (p) => p.slice(p.lastIndexOf('/') + 1);
export default { extname, basename, sep: '/' };
export { extname, basename };
`;

/** Any other Node module: every property a function that throws, so a call in the page is an error, never a silent no-op. */
const REFUSING_SHIM = (name: string) => `
const refuse = () => { throw new Error(${JSON.stringify(`${name} is not available in the validation page`)}); };
module.exports = new Proxy({}, { get: (_, key) => (key === '__esModule' ? false : key === 'default' ? module.exports : refuse) });
`;

/** Replaces Node's modules, and the empty validators module by the code generated from schemas/. */
function pagePlugin(): Plugin {
  return {
    name: 'bilancio-validation-page',
    setup(page) {
      // Our modules name Node's own with `node:`; libraries' bare names (iconv-lite's stream) keep their browser fields.
      page.onResolve({ filter: /^node:/ }, (args) => ({
        path: args.path.slice('node:'.length),
        namespace: 'node-stand-in',
      }));
      page.onLoad({ filter: /.*/, namespace: 'node-stand-in' }, (args) => ({
        contents: args.path === 'path' ? PATH_SHIM : REFUSING_SHIM(`node:${args.path}`),
        loader: 'js',
      }));
      // validate/typing.ts takes isDate from load-schemas.ts, which reads schema files: the page takes it from its own module.
      page.onResolve({ filter: /[\\/]load-schemas(\.js)?$/ }, () => ({
        path: path.join(packageRootOf('schemas'), `date-format${extension}`),
      }));
      page.onResolve({ filter: /[\\/]page-validators(\.js)?$/ }, () => ({ path: 'validators', namespace: 'schemas' }));
      page.onLoad({ filter: /.*/, namespace: 'schemas' }, () => ({ contents: precompiledSource(), loader: 'js', resolveDir: packageRoot }));
    },
  };
}

let bundled: Promise<string> | undefined;

/** The page's script, as one self-contained piece of JavaScript (made once per process). */
export function pageScript(): Promise<string> {
  bundled ??= build({
    entryPoints: [path.join(here, `page-script${extension}`)],
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'iife',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'silent',
    absWorkingDir: packageRoot,
    inject: [path.join(here, `buffer-global${extension}`)],
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    plugins: [pagePlugin()],
  }).then((result) => result.outputFiles[0]!.text);
  return bundled;
}
