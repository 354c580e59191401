import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { PRECOMPILED_FILE, createAjv, isDate, readSchemaFiles, schemasDir, schemasHash } from './load-schemas.js';

// Run by the build (`npm run build:ts`, `prepare`, the tests' setup) after tsc: writes the validators
// of `schemas/` as code (Ajv's standalone output), so that a run reads them instead of compiling 16
// schemas at start-up (about 0.2 s with Ajv's import, measured). loadSchemas uses them only while the
// schemas are exactly those they were generated from.

const require = createRequire(import.meta.url);

/** The CommonJS module of validators, by schema name, with the hash of the schemas it was made from. */
export function precompiledSource(dir = schemasDir): string {
  const { _Code } = require('ajv/dist/compile/codegen/code.js') as typeof import('ajv/dist/compile/codegen/code.js');
  const standalone = (require('ajv/dist/standalone/index.js') as typeof import('ajv/dist/standalone/index.js')).default;
  // The generated code refers to `format: date` through this expression: the same function, as source.
  const formats = new _Code(`({ date: { type: "string", validate: ${isDate.toString()} } })`);
  const ajv = createAjv({ code: { source: true, formats } });
  const files = readSchemaFiles(dir);
  const refs: Record<string, string> = {};
  for (const { name, text } of files) {
    const schema = JSON.parse(text) as { $id: string };
    ajv.addSchema(schema);
    refs[name] = schema.$id;
  }
  const code = standalone(ajv, refs);
  return `${code}\nmodule.exports.validators = { ${files.map(({ name }) => `${JSON.stringify(name)}: module.exports[${JSON.stringify(name)}]`).join(', ')} };\nmodule.exports.SCHEMAS_HASH = ${JSON.stringify(schemasHash(files))};\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(PRECOMPILED_FILE, precompiledSource());
}
