import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { writeFileNamed } from '../../effects.js';
import { createNewFolder } from '../../atomic-output.js';
import { readTable } from '../../ingest/read-table.js';
import { say as sayIn } from '../../i18n.js';
import { defaultProject, EXIT, ExitError, type CommandContext } from '../context.js';
import { initProjectFiles, placeholderAreas, type InitArea } from '../init-project.js';

const TEXT = {
  description: {
    it: 'crea un progetto nuovo per un comune (territorio, cataloghi, indicatori, dati di esempio) che si valida e si costruisce subito',
    en: 'creates a new project for a comune (territory, catalogues, indicators, sample data) that validates and builds at once',
  },
  folder: { it: 'la cartella del progetto, nuova o vuota', en: 'the project folder, new or empty' },
  comune: { it: 'il nome del comune, es. "Comune di Prova"', en: 'the name of the comune, e.g. "Comune di Prova"' },
  territorio: {
    it: "un file (CSV o Excel) con le aree del comune (colonne codice_quartiere, quartiere, codice_zona, zona), copiato com'è in territorio/quartieri.csv (o .xlsx)",
    en: "a file (CSV or Excel) with the comune's areas (columns codice_quartiere, quartiere, codice_zona, zona), copied as it is to territorio/quartieri.csv (or .xlsx)",
  },
  aree: {
    it: 'senza --territorio: quante aree segnaposto creare, tre per zona (predefinito 6)',
    en: 'without --territorio: how many placeholder areas to create, three per zone (default 6)',
  },
  anno: { it: "l'anno del report (predefinito: l'anno scorso)", en: "the report's year (default: last year)" },
  notEmpty: {
    it: 'La cartella "{dir}" esiste e non è vuota: bilancio init non scrive tra file che ci sono già. Scegliere una cartella nuova o vuota.',
    en: 'The folder "{dir}" exists and is not empty: bilancio init does not write among existing files. Choose a new or empty folder.',
  },
  noComune: {
    it: 'Il nome del comune non può essere vuoto (--comune "Comune di …").',
    en: 'The comune\'s name cannot be empty (--comune "Comune di …").',
  },
  both: { it: 'Usare --territorio oppure --aree, non tutti e due.', en: 'Use --territorio or --aree, not both.' },
  badAree: {
    it: '--aree vuole un numero intero da 1 a 200, non "{value}".',
    en: '--aree takes a whole number from 1 to 200, not "{value}".',
  },
  badAnno: { it: '--anno vuole un anno da 1900 a 2100, non "{value}".', en: '--anno takes a year from 1900 to 2100, not "{value}".' },
  noTerritory: { it: 'Il file "{file}" non esiste.', en: 'The file "{file}" does not exist.' },
  badTerritory: {
    it: 'Il territorio "{file}" non si può usare: {detail}',
    en: 'The territory "{file}" cannot be used: {detail}',
  },
  missingColumn: {
    it: 'manca la colonna {column} (servono codice_quartiere, quartiere, codice_zona, zona).',
    en: 'column {column} is missing (codice_quartiere, quartiere, codice_zona, zona are needed).',
  },
  emptyCell: { it: 'alla riga {row} la colonna {column} è vuota.', en: 'at row {row} column {column} is empty.' },
  noRows: { it: 'non elenca nessuna area.', en: 'it lists no area.' },
  created: {
    it: 'Creato il progetto "{comune}" in {dir}. Per continuare: cd {dir} && npx bilancio build; poi sostituire i dati di esempio (vedi README.md nella cartella).',
    en: 'Created the project "{comune}" in {dir}. Next: cd {dir} && npx bilancio build; then replace the sample data (see README.md in the folder).',
  },
};

const COLUMNS = ['codice_quartiere', 'quartiere', 'codice_zona', 'zona'] as const;

/** The areas of the user's territory file, or why they cannot be used (ExitError, invalid data). */
async function territoryAreas(file: string, ctx: CommandContext): Promise<{ areas: InitArea[]; extension: string; bytes: Uint8Array }> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) throw new ExitError(EXIT.usage, ctx.say(TEXT.noTerritory, { file }));
  const fail = (detail: string): never => {
    throw new ExitError(EXIT.invalidData, ctx.say(TEXT.badTerritory, { file, detail }));
  };
  const table = await readTable(path.resolve(file), { displayPath: file, dataset: 'quartieri' });
  const broken = table.problems.find((p) => p.severity === 'error');
  if (broken) fail(sayIn(ctx.lang, broken.message));
  const index = (column: string) => table.header.findIndex((label) => label.trim().toLowerCase().replace(/\s+/g, '_') === column);
  const at = Object.fromEntries(COLUMNS.map((c) => [c, index(c)])) as Record<(typeof COLUMNS)[number], number>;
  for (const column of COLUMNS) if (at[column] < 0) fail(ctx.say(TEXT.missingColumn, { column }));
  if (table.rows.length === 0) fail(ctx.say(TEXT.noRows));
  const areas = table.rows.map((cells, i) => {
    const value = (column: (typeof COLUMNS)[number]) => {
      const text = (cells[at[column]] ?? '').trim();
      if (!text) fail(ctx.say(TEXT.emptyCell, { row: table.rowNumbers[i] ?? i + 2, column }));
      return text;
    };
    return { codice: value('codice_quartiere'), nome: value('quartiere'), codiceZona: value('codice_zona'), zona: value('zona') };
  });
  // Kept as it is, with its extension: a workbook stays a workbook (.txt and .tsv are read as CSV too).
  return { areas, extension: path.extname(file).toLowerCase() || '.csv', bytes: await readFile(file) };
}

/** The standard indicators: the demographic set and the coverage of each service, from the embedded catalogue. */
async function standardIndicators(): Promise<unknown[]> {
  const all = JSON.parse(await readFile(path.join(defaultProject, 'catalogo/indicatori.json'), 'utf8')) as Record<string, unknown>[];
  return all.filter((d) => d.cantiere === 'demografia');
}

/** `bilancio init <cartella> --comune "Comune di …"`: a new project that validates and builds at once. */
export function registerInit(program: Command, ctx: CommandContext): void {
  const { say, out } = ctx;
  ctx
    .command(program, 'init')
    .description(say(TEXT.description))
    .argument('<cartella>', say(TEXT.folder))
    .requiredOption('--comune <nome>', say(TEXT.comune))
    .option('--territorio <file>', say(TEXT.territorio))
    .option('--aree <n>', say(TEXT.aree))
    .option('--anno <anno>', say(TEXT.anno))
    .addOption(ctx.langOption())
    .action(async (folder: string, opts: { comune: string; territorio?: string; aree?: string; anno?: string; lang?: string }) => {
      ctx.checkLang(opts.lang);
      const comune = opts.comune.trim();
      if (!comune) throw new ExitError(EXIT.usage, say(TEXT.noComune));
      if (opts.territorio !== undefined && opts.aree !== undefined) throw new ExitError(EXIT.usage, say(TEXT.both));
      const n = opts.aree === undefined ? 6 : Number(opts.aree);
      if (!Number.isInteger(n) || n < 1 || n > 200) throw new ExitError(EXIT.usage, say(TEXT.badAree, { value: opts.aree ?? '' }));
      const anno = opts.anno === undefined ? new Date().getFullYear() - 1 : Number(opts.anno);
      if (!Number.isInteger(anno) || anno < 1900 || anno > 2100)
        throw new ExitError(EXIT.usage, say(TEXT.badAnno, { value: opts.anno ?? '' }));
      const notEmpty = () => say(TEXT.notEmpty, { dir: folder });
      // Refused before anything is read: an existing folder with files is the user's.
      const info = await stat(folder).catch(() => null);
      if (info && (!info.isDirectory() || (await readdir(folder)).length > 0)) {
        throw new ExitError(EXIT.usage, notEmpty());
      }
      const territory = opts.territorio === undefined ? null : await territoryAreas(opts.territorio, ctx);
      const files = initProjectFiles({
        comune,
        anno,
        areas: territory?.areas ?? placeholderAreas(n),
        territoryFile: territory ? { extension: territory.extension, bytes: territory.bytes } : null,
        indicators: await standardIndicators(),
      });
      await createNewFolder(folder, notEmpty, async (dir) => {
        for (const [name, data] of Object.entries(files)) await writeFileNamed(path.join(dir, name), data);
      });
      out.stdout(`${say(TEXT.created, { comune, dir: folder })}\n`);
    });
}
