import type { ValidateFunction } from 'ajv';

// The row validators of schemas/ inside the validation page. Empty here: the page's bundle replaces this
// module with the code that precompile.ts generates from the schemas (see bundle-page.ts), because a
// page that forbids eval (its Content-Security-Policy) cannot compile schemas as Ajv does.

/** The validators by schema name. */
export const validators: Record<string, ValidateFunction> = {};
