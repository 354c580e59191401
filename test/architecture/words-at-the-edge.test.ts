// Words at the edge: the stages that find things (reading, checking, computing) describe them as phrases
// in both languages and never pick one. Only the places that show them (render, the CLI, the receipt) say
// them in the reader's language. Read with the TypeScript compiler: a parameter, a variable or a property
// named `lang`, or a use of i18n's `t`, `say` or `countOf`, in those stages fails this test.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/paths.js';

/** The stages that find things, as folders (or files) of src/. */
const FINDING = [
  'ingest/',
  'validate/',
  'compute/',
  'config/',
  'project/',
  'schemas/',
  'check-files.ts',
  'participation/definitions.ts',
  'participation/diff.ts',
];
/** i18n functions that pick a language. */
const SAYING = new Set(['t', 'say', 'countOf']);

const srcDir = path.join(repoRoot, 'src');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return files(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Each use of a language in a file: `lang` declared or read, and i18n's saying functions imported. */
function languageUses(full: string): string[] {
  const source = ts.createSourceFile(full, readFileSync(full, 'utf8'), ts.ScriptTarget.Latest, true);
  const uses: string[] = [];
  const at = (node: ts.Node) => `${path.relative(srcDir, full)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && node.text === 'lang') uses.push(`${at(node)} lang`);
    if (ts.isImportDeclaration(node) && /i18n\.js$/.test((node.moduleSpecifier as ts.StringLiteral).text)) {
      const named = node.importClause?.namedBindings;
      if (named && ts.isNamedImports(named)) {
        for (const element of named.elements) if (SAYING.has(element.name.text)) uses.push(`${at(element)} ${element.name.text}()`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return uses;
}

describe('words at the edge', () => {
  const finding = files(srcDir).filter((full) => {
    const file = path.relative(srcDir, full).split(path.sep).join('/');
    return FINDING.some((member) => (member.endsWith('/') ? file.startsWith(member) : file === member));
  });

  it('finds the stages that find things', () => {
    expect(finding.length).toBeGreaterThan(50);
  });

  it('ingest, validate and compute never pick a language: no `lang`, no t()/say()/countOf()', () => {
    expect(finding.flatMap(languageUses)).toEqual([]);
  });

  it('the check sees a language where there is one (render picks it)', () => {
    expect(languageUses(path.join(srcDir, 'render/validation-page.ts')).length).toBeGreaterThan(0);
  });
});
