// `bilancio compute` must start fast (issue 8): no static import chain from the CLI may reach the
// heavy packages of the report (browser, charts, templates, workbooks); those load on demand.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/paths.js';

const HEAVY = ['puppeteer', 'puppeteer-core', 'chart.js', 'chartjs-node-canvas', 'canvas', 'handlebars', 'exceljs'];

// `import x from 'y'`, `import { a } from 'y'`, `export * from 'y'`, `import 'y'`: not `import type`, not `await import()`.
const STATIC_IMPORT = /^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;

/** Static imports of a source file: relative ones as .ts paths, packages by name. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(STATIC_IMPORT)].map((m) => {
    const target = m[1]!;
    if (target.startsWith('.')) return path.resolve(path.dirname(file), target.replace(/\.js$/, '.ts'));
    return target.startsWith('@') ? target.split('/').slice(0, 2).join('/') : target.split('/')[0]!;
  });
}

/** Every chain of static imports from `entry` to a heavy package, as readable paths. */
function heavyChains(entry: string): string[] {
  const chains: string[] = [];
  const seen = new Set<string>();
  const visit = (file: string, chain: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const target of importsOf(file)) {
      if (HEAVY.includes(target)) chains.push([...chain, target].join(' → '));
      else if (target.startsWith('/')) visit(target, [...chain, path.relative(repoRoot, target)]);
    }
  };
  visit(entry, [path.relative(repoRoot, entry)]);
  return chains;
}

describe('lazy heavy imports', () => {
  it('the CLI reaches no heavy package through static imports (compute loads none of them)', () => {
    expect(heavyChains(path.join(repoRoot, 'src/cli/main.ts'))).toEqual([]);
  });

  it('the check finds a static import when there is one', () => {
    expect(heavyChains(path.join(repoRoot, 'src/render/html.ts')).some((c) => c.endsWith('handlebars'))).toBe(true);
  });
});
