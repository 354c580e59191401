// The dependency rule of src/: a stage imports earlier stages (their types and functions), never a later one,
// and no module imports itself back through others. Imports are read with the TypeScript compiler
// (ts.preProcessFile: static, type-only and dynamic `import()` alike), without compiling anything.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/paths.js';

/**
 * The stages in order: a file may import files of its own stage or of an earlier one. Each entry is a
 * folder (`ingest/`) or a file of src/. Most folders are one stage; provenance/ and participation/ hold
 * modules of several stages (safe paths used while reading a project, `explain` built on compute and render,
 * receipts built on the pipeline), so their files are placed one by one. A new file under a listed folder
 * takes its folder's stage; a new folder or top-level file must be placed here (a test below says so).
 */
const STAGES: readonly { stage: string; members: readonly string[] }[] = [
  {
    // What every stage shares: the contracts between stages, messages, the schemas as data, small helpers.
    stage: 'base',
    members: [
      'types.ts',
      'i18n.ts',
      'problem-text.ts',
      'service-target.ts',
      'schemas/',
      'provenance/paths.ts',
      'provenance/source-date.ts',
      'provenance/stage-error.ts',
      'provenance/swap-lock.ts',
      'provenance/manifest.ts',
      'provenance/explain-messages.ts',
    ],
  },
  // Reading inputs: bytes → tables, the project folder, the config file, the I/O interface (Effects).
  { stage: 'ingest', members: ['ingest/', 'project/', 'config/', 'effects.ts'] },
  { stage: 'validate', members: ['validate/', 'check-files.ts'] },
  {
    stage: 'compute',
    members: ['compute/', 'participation/definitions.ts', 'participation/diff.ts', 'participation/data-use.ts', 'participation/receipt.ts'],
  },
  {
    stage: 'render',
    members: [
      'render/',
      'provenance/explain.ts',
      'provenance/explain-survey.ts',
      'provenance/explain-summary.ts',
      'provenance/explain-text.ts',
    ],
  },
  // The whole program through Effects, and the writing of its outputs.
  { stage: 'pipeline', members: ['pipeline.ts', 'atomic-output.ts', 'provenance/build-guard.ts'] },
  // The live preview (bilancio anteprima): the pipeline kept in memory, served on loopback, rebuilt on save.
  { stage: 'preview', members: ['preview/'] },
  { stage: 'cli', members: ['cli/'] },
];

/**
 * Imports against the rule that exist today, `importer -> imported` (paths under src/). Other work is moving
 * this code: remove an entry when its import goes; never add one to let a new import through.
 */
const KNOWN_EXCEPTIONS: readonly string[] = [];

/** Import cycles that exist today, each as its files sorted and joined by ` <-> `. Same policy as above. */
const KNOWN_CYCLES: readonly string[] = [];

const srcDir = path.join(repoRoot, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

/** The stage of a file (path relative to src/, with `/`), by its most specific member. */
function stageOf(file: string): number | undefined {
  let found: { index: number; length: number } | undefined;
  STAGES.forEach(({ members }, index) => {
    for (const member of members) {
      const matches = member.endsWith('/') ? file.startsWith(member) : file === member;
      if (matches && (!found || member.length > found.length)) found = { index, length: member.length };
    }
  });
  return found?.index;
}

/** src/ as a graph: each file (relative to src/) → the files of src/ it imports. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const full of sourceFiles(srcDir)) {
    const file = path.relative(srcDir, full).split(path.sep).join('/');
    const { importedFiles } = ts.preProcessFile(readFileSync(full, 'utf8'), true, true);
    const targets = importedFiles
      .map((i) => i.fileName)
      .filter((name) => name.startsWith('.'))
      .map((name) =>
        path
          .relative(srcDir, path.resolve(path.dirname(full), name))
          .split(path.sep)
          .join('/')
          .replace(/\.js$/, '.ts'),
      )
      .filter((target) => !target.startsWith('../'));
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** The import cycles: strongly connected components of more than one file, or a file importing itself (Tarjan). */
function cycles(graph: Map<string, string[]>): string[] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[] = [];
  let next = 0;
  const visit = (node: string): void => {
    index.set(node, next);
    low.set(node, next);
    next++;
    stack.push(node);
    onStack.add(node);
    for (const target of graph.get(node) ?? []) {
      if (!graph.has(target)) continue;
      if (!index.has(target)) {
        visit(target);
        low.set(node, Math.min(low.get(node)!, low.get(target)!));
      } else if (onStack.has(target)) low.set(node, Math.min(low.get(node)!, index.get(target)!));
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (graph.get(node) ?? []).includes(node)) found.push(component.sort().join(' <-> '));
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found.sort();
}

describe('dependency rule of src/: ingest → validate → compute → render → pipeline → cli', () => {
  const graph = importGraph();

  it('finds the sources and their imports', () => {
    expect(graph.size).toBeGreaterThan(100);
    expect(graph.get('pipeline.ts')?.length).toBeGreaterThan(5);
  });

  it('places every file of src/ in a stage', () => {
    expect([...graph.keys()].filter((file) => stageOf(file) === undefined)).toEqual([]);
  });

  it('no file imports a later stage (except the known exceptions, which must still exist)', () => {
    const backward: string[] = [];
    for (const [file, targets] of graph) {
      for (const target of targets) {
        const from = stageOf(file);
        const to = stageOf(target);
        if (from !== undefined && to !== undefined && to > from) {
          backward.push(`${file} -> ${target} (${STAGES[from]!.stage} imports ${STAGES[to]!.stage})`);
        }
      }
    }
    const edge = (line: string) => line.replace(/ \(.*\)$/, '');
    expect(backward.filter((line) => !KNOWN_EXCEPTIONS.includes(edge(line)))).toEqual([]);
    expect(KNOWN_EXCEPTIONS.filter((known) => !backward.some((line) => edge(line) === known))).toEqual([]);
  });

  it('no import cycles (except the known ones, which must still exist)', () => {
    const found = cycles(graph);
    expect(found.filter((cycle) => !KNOWN_CYCLES.includes(cycle))).toEqual([]);
    expect(KNOWN_CYCLES.filter((known) => !found.includes(known))).toEqual([]);
  });
});
