import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/paths.js';

// Issue 16: compute owns every number the report prints; render only formats. These checks read the
// sources: a view that reached for the project's rows, or an import loop between stages, fails here.

const src = path.join(repoRoot, 'src');
const read = (file: string) => readFileSync(path.join(src, file), 'utf8');
const filesIn = (dir: string): string[] =>
  readdirSync(path.join(src, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesIn(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : [],
  );

/** The modules a file loads at run time: static imports and dynamic import(), not `import type`. */
function runtimeImports(file: string): string[] {
  const text = read(file);
  const targets: string[] = [];
  for (const m of text.matchAll(/^import\s+(?!type\s)[^;]*?from\s+'([^']+)'/gms)) targets.push(m[1]!);
  for (const m of text.matchAll(/import\('([^']+)'\)/g)) targets.push(m[1]!);
  return targets.filter((t) => t.startsWith('.')).map((t) => path.normalize(path.join(path.dirname(file), t)).replace(/\.js$/, '.ts'));
}

const stageOf = (file: string) => file.split(path.sep)[0]!;

describe("render only formats: no view reads the project's rows", () => {
  const views = readdirSync(path.join(src, 'render'))
    .filter((f) => /^view-.*\.ts$/.test(f))
    .map((f) => path.join('render', f));

  it.each(views)('%s reads no data rows, validation files or submissions', (file) => {
    const text = read(file);
    expect(text).not.toMatch(/\bproject\.[a-z]/);
    expect(text).not.toMatch(/const \{[^}]*\bproject\b[^}]*\} = ctx/);
    expect(text).not.toMatch(
      /\.dati\b|dati\.get\(|\.cataloghi\b|\.contributi\b(?!\.)|\.report\.(summary|files)|\.values\.\w+\s*as\s+number/,
    );
    expect(text).not.toMatch(/computeSubmissionGrid|cantiereCompleteness|compareDefinitions/);
  });

  it('the view input and the view context carry the catalogue, never the validated project', () => {
    const model = read('render/view-model.ts');
    const context = read('render/view-context.ts');
    expect(model).not.toMatch(/ValidatedProject/);
    expect(model).toMatch(/catalogue: ReportCatalogue;/);
    expect(context).toMatch(
      /export type ReportCatalogue = Pick<ValidatedProject, 'territorio' \| 'enti' \| 'agenzie' \| 'servizi' \| 'anni' \| 'cantieri'>;/,
    );
    expect(context).toMatch(/readonly catalogue: ReportCatalogue,/);
  });

  it('the build gives render the catalogue without the rows', () => {
    expect(read('pipeline.ts')).toMatch(/catalogue: catalogueOf\(checked\.project\)/);
  });
});

describe('no import loops between stages', () => {
  const files = ['compute', 'render', 'participation', 'provenance'].flatMap(filesIn);
  const imports = new Map(files.map((f) => [f, runtimeImports(f)]));

  it('compute imports no later stage: render, participation, provenance, cli', () => {
    const out = files
      .filter((f) => stageOf(f) === 'compute')
      .flatMap((f) =>
        imports
          .get(f)!
          .filter((t) => ['render', 'participation', 'provenance', 'cli'].includes(stageOf(t)))
          .map((t) => `${f} → ${t}`),
      );
    expect(out).toEqual([]);
  });

  it('participation imports nothing of render; render loads nothing of participation (types only)', () => {
    const crossing = files.flatMap((f) =>
      imports
        .get(f)!
        .filter(
          (t) => (stageOf(f) === 'participation' && stageOf(t) === 'render') || (stageOf(f) === 'render' && stageOf(t) === 'participation'),
        )
        .map((t) => `${f} → ${t}`),
    );
    expect(crossing).toEqual([]);
  });

  it('lineage lives in compute, and no module imports it from provenance', () => {
    expect(files).toContain(path.join('compute', 'lineage.ts'));
    expect(files).not.toContain(path.join('provenance', 'lineage.ts'));
  });

  it('no module of these stages is part of an import cycle', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, trail: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...trail.slice(trail.indexOf(file)), file].join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const next of imports.get(file) ?? []) if (imports.has(next)) visit(next, [...trail, file]);
      state.set(file, 'done');
    };
    for (const file of files) visit(file, []);
    expect(cycles).toEqual([]);
  });
});
