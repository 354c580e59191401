// A project's own templates (templates/*.hbs, templates/partials/*.hbs) are inputs like its data: a
// template that does not parse is reported by `validate`, at its line, before a build stops on it.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { phrase } from '../i18n.js';
import type { Problem } from '../types.js';
import { projectFileRefusal } from '../provenance/paths.js';

/** The parse errors of the project's templates (a link out of the project is the path guard's to report). */
export async function checkProjectTemplates(root: string): Promise<Problem[]> {
  const problems: Problem[] = [];
  // Loaded only for a project that has templates of its own: handlebars costs start-up time (issue 8).
  let parse: ((source: string) => unknown) | undefined;
  for (const folder of ['templates', 'templates/partials']) {
    const names = await readdir(path.join(root, folder)).catch(() => [] as string[]);
    for (const name of names.filter((n) => n.endsWith('.hbs')).sort()) {
      const abs = path.join(root, folder, name);
      if (await projectFileRefusal(root, abs)) continue;
      const source = await readFile(abs, 'utf8').catch(() => null);
      if (source === null) continue;
      parse ??= (await import('handlebars')).default.parse;
      try {
        parse(source);
      } catch (error) {
        problems.push(templateProblem(`${folder}/${name}`, error));
      }
    }
  }
  return problems;
}

function templateProblem(file: string, error: unknown): Problem {
  const text = error instanceof Error ? error.message : String(error);
  const line = /line (\d+)/.exec(text)?.[1];
  // Handlebars' own words, on one line: what it expected and what it found.
  const detail = text.split('\n').at(-1) ?? text;
  return {
    code: 'source-error',
    severity: 'error',
    file,
    ...(line !== undefined && { row: Number(line) }),
    value: detail,
    message: phrase(
      {
        it: 'Il modello {file} non si legge (riga {line}): un blocco {{#…}} non chiuso da {{/…}}, o parentesi graffe che non tornano. Correggerlo, o toglierlo per usare quello di bilancio.',
        en: 'The template {file} cannot be read (line {line}): a {{#…}} block not closed by {{/…}}, or braces that do not match. Fix it, or remove it to use bilancio’s own.',
      },
      { file, line: line ?? '?' },
    ),
  };
}
