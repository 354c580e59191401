// The front matter of a project text: `---`, lines of `key: value`, `---`, then the Markdown body.

/** A front-matter field and the line where it is written (1-based, in the file). */
export interface FrontMatterField {
  value: string;
  line: number;
  /** 1-based column where the value starts. */
  column: number;
}

export interface FrontMatter {
  fields: Map<string, FrontMatterField>;
  /** Lines inside the front matter that are not `key: value`. */
  malformed: number[];
  body: string;
  /** The file line where the body starts (1-based). */
  bodyLine: number;
}

/** Splits a text into its front matter (absent: no fields) and body, keeping line numbers. */
export function splitFrontMatter(source: string): FrontMatter {
  const lines = source.split(/\r\n|\n|\r/);
  const fields = new Map<string, FrontMatterField>();
  const malformed: number[] = [];
  if (lines[0]?.trim() !== '---') return { fields, malformed, body: lines.join('\n'), bodyLine: 1 };
  const end = lines.findIndex((line, i) => i > 0 && line.trim() === '---');
  if (end < 0) return { fields, malformed: [1], body: lines.join('\n'), bodyLine: 1 };
  for (let i = 1; i < end; i++) {
    const line = lines[i]!;
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const match = /^(\s*)([A-Za-z_]\w*)\s*:\s*(.*?)\s*$/.exec(line);
    if (!match) {
      malformed.push(i + 1);
      continue;
    }
    const raw = match[3]!;
    const quoted = /^(["'])(.*)\1$/.exec(raw);
    const afterColon = line.slice(line.indexOf(':') + 1);
    fields.set(match[2]!.toLowerCase(), {
      value: quoted ? quoted[2]! : raw,
      line: i + 1,
      column: line.length - afterColon.trimStart().length + 1,
    });
  }
  return { fields, malformed, body: lines.slice(end + 1).join('\n'), bodyLine: end + 2 };
}
