// Every word that belongs to one comune comes from its project (bilancio.config.json, its catalogues, its
// data): none is written in bilancio. The rule, checked on what the program can say or print:
//
// - src/**/*.ts: no string or template literal names Brescia (or its project, "Città del Noi").
//   Comments may: they speak to developers about the embedded example. The one exception is the CLI's
//   help, which tells the user what the default project is: a string under src/cli/ may name Brescia
//   when it also says that it is the default / embedded project (predefinito, incluso, default, embedded),
//   and src/cli/context.ts names the embedded project's folder (../../data/brescia).
// - templates/**: nothing outside comments ({{!-- --}}, {{! }}, <!-- -->, /* */) names Brescia.
//
// Brescia's own words live in data/brescia/bilancio.config.json (see docs/contratto-dati.md, section 9).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/paths.js';

const COMUNE = /brescia|città del noi/i;
const NAMES_THE_DEFAULT = /predefinit|incluso|default|embedded/i;
/** The embedded project's folder (src/cli/context.ts): a path, not a sentence. */
const EMBEDDED_PATH = /^(\.\.\/)*data\/brescia$/;

function filesUnder(dir: string, extensions: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return filesUnder(file, extensions);
    return extensions.test(name) ? [file] : [];
  });
}

/** The text of every string and template literal of a TypeScript source, with its line. */
function literals(source: string): { text: string; line: number }[] {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, /* skipTrivia */ true, ts.LanguageVariant.Standard, source);
  const found: { text: string; line: number }[] = [];
  const line = (pos: number) => source.slice(0, pos).split('\n').length;
  // The scanner alone does not know what a `}` or a `/` is: braces are counted (a `}` that closes a
  // template's `${` continues the template), and a `/` after a value is a division, else a regex.
  const braces: ('block' | 'template')[] = [];
  const value = new Set([
    ts.SyntaxKind.Identifier,
    ts.SyntaxKind.NumericLiteral,
    ts.SyntaxKind.StringLiteral,
    ts.SyntaxKind.CloseParenToken,
    ts.SyntaxKind.CloseBracketToken,
    ts.SyntaxKind.NoSubstitutionTemplateLiteral,
    ts.SyntaxKind.TemplateTail,
  ]);
  let previous = ts.SyntaxKind.Unknown;
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; previous = token, token = scanner.scan()) {
    if (token === ts.SyntaxKind.OpenBraceToken) braces.push('block');
    if (token === ts.SyntaxKind.CloseBraceToken && braces.pop() === 'template') token = scanner.reScanTemplateToken(false);
    if (token === ts.SyntaxKind.TemplateHead || token === ts.SyntaxKind.TemplateMiddle) braces.push('template');
    if ((token === ts.SyntaxKind.SlashToken || token === ts.SyntaxKind.SlashEqualsToken) && !value.has(previous)) {
      token = scanner.reScanSlashToken();
    }
    if (
      token === ts.SyntaxKind.StringLiteral ||
      token === ts.SyntaxKind.NoSubstitutionTemplateLiteral ||
      token === ts.SyntaxKind.TemplateHead ||
      token === ts.SyntaxKind.TemplateMiddle ||
      token === ts.SyntaxKind.TemplateTail
    ) {
      found.push({ text: scanner.getTokenValue(), line: line(scanner.getTokenStart()) });
    }
  }
  return found;
}

/** A template without its comments. */
function withoutComments(template: string): string {
  return template
    .replace(/\{\{!--[\s\S]*?--~?\}\}/g, '')
    .replace(/\{\{![\s\S]*?\}\}/g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\/\*[\s\S]*?\*\//g, '');
}

describe('no sentence of bilancio names a comune: its words come from its project', () => {
  it('finds the literals of a source, and not its comments', () => {
    const found = literals("// Brescia\nconst a = 'uno', b = `due ${a} tre`; /* Brescia */ const r = /x\\/y/g;\n");
    expect(found.map((f) => f.text)).toEqual(['uno', 'due ', ' tre']);
  });

  it('src/: no string names Brescia, but the CLI help naming the default project', () => {
    const offending = filesUnder(path.join(repoRoot, 'src'), /\.ts$/).flatMap((file) => {
      const relative = path.relative(repoRoot, file);
      const cliHelp = relative.startsWith(`src${path.sep}cli${path.sep}`);
      return literals(readFileSync(file, 'utf8'))
        .filter((l) => COMUNE.test(l.text) && !(cliHelp && (NAMES_THE_DEFAULT.test(l.text) || EMBEDDED_PATH.test(l.text))))
        .map((l) => `${relative}:${l.line}: ${l.text.slice(0, 100)}`);
    });
    expect(offending).toEqual([]);
  });

  it('templates/: nothing outside comments names Brescia', () => {
    const offending = filesUnder(path.join(repoRoot, 'templates'), /\.(hbs|css|html)$/).filter((file) =>
      COMUNE.test(withoutComments(readFileSync(file, 'utf8'))),
    );
    expect(offending.map((file) => path.relative(repoRoot, file))).toEqual([]);
  });
});
