import path from 'node:path';
import type { Command } from 'commander';
import { diskEffects } from '../../effects.js';
import { readProject } from '../../project/read-project.js';
import { normalizeConfig } from '../../config/normalize-config.js';
import { loadSchemas } from '../../schemas/load-schemas.js';
import { validateProject } from '../../validate/validate-project.js';
import { datasetTemplate } from '../../render/dataset-templates.js';
import { partnerWorkbooks } from '../../render/partner-workbooks.js';
import { withAtomicOutput } from '../../atomic-output.js';
import { checkOutputRequest } from '../../provenance/build-guard.js';
import { DEFAULT_OUT } from '../../provenance/paths.js';
import { EXIT, ExitError, type CommandContext } from '../context.js';

/** The partners' offline validation page, written beside the templates. */
export const VALIDATION_PAGE = 'verifica-dati.html';

/** `bilancio templates [progetto]`: partners' workbooks, their offline validation page, empty CSVs and column guides. */
export function registerTemplates(program: Command, ctx: CommandContext): void {
  const { say, out } = ctx;
  ctx
    .command(program, 'templates')
    .description(
      say({
        it: 'scrive i modelli per i partner, perché inviino il file giusto al primo colpo',
        en: 'writes the templates for partners, so that they send the right file the first time',
      }),
    )
    .addHelpText(
      'after',
      `\n${say({
        it: `Scrive nella cartella --out:
  <dataset>_<ente>.xlsx  per ogni ente che gestisce un servizio, una cartella di lavoro Excel da compilare e
                         rimandare così com'è: il codice dell'ente già scritto, quartieri (per nome) e servizi
                         in elenchi a tendina, i numeri controllati come vuole lo schema, le intestazioni
                         bloccate; un foglio di guida alle colonne e uno con gli elenchi
  verifica-dati.html     una pagina da aprire anche senza rete: l'ente vi trascina il suo file (CSV o Excel) e
                         vede gli stessi problemi, con le stesse parole, che darebbe bilancio validate; il file
                         non lascia il computer
  <dataset>.csv          per ogni dataset un CSV vuoto con le intestazioni (separatore ;, per Excel in italiano)
  <dataset>.guida.txt    e la sua guida alle colonne`,
        en: `Writes into the --out folder:
  <dataset>_<ente>.xlsx  for each organisation that runs a service, an Excel workbook to fill in and send back
                         as it is: the organisation's code filled in, quartieri (by name) and services as
                         drop-down lists, numbers checked as the schema wants them, the headers locked; a
                         sheet guiding through the columns and one with the lists
  verifica-dati.html     a page to open even offline: the organisation drops its file (CSV or Excel) on it and
                         sees the same problems, in the same words, as bilancio validate; the file never
                         leaves the computer
  <dataset>.csv          for each dataset an empty CSV with the headers (separator ;, for Excel in Italian)
  <dataset>.guida.txt    and its guide to the columns`,
      })}\n`,
    )
    .argument(
      '[progetto]',
      say({
        it: 'progetto di cui elencare quartieri, servizi ed enti (predefinito: quello in cui ci si trova, altrimenti Brescia)',
        en: 'project whose quartieri, services and organisations to list (default: the one you are in, else Brescia)',
      }),
    )
    .option('--dataset <nome>', say({ it: 'solo questo dataset (es. erogazioni)', en: 'only this dataset (e.g. erogazioni)' }))
    .option(
      '--out <dir>',
      say({
        it: 'cartella dove scrivere i modelli (gli altri file della cartella restano)',
        en: "folder for the templates (the folder's other files stay)",
      }),
      DEFAULT_OUT.templates,
    )
    .addOption(ctx.langOption())
    .action(async (project: string | undefined, opts: { dataset?: string; out: string; lang?: string }) => {
      const lang = ctx.checkLang(opts.lang) ?? ctx.lang;
      const schemas = loadSchemas();
      const names = [...schemas.datasets.keys()].filter((n) => !opts.dataset || n === opts.dataset);
      if (names.length === 0) {
        throw new ExitError(
          EXIT.usage,
          say(
            { it: 'Dataset "{d}" sconosciuto. Quelli previsti: {list}.', en: 'Unknown dataset "{d}". Known ones: {list}.' },
            {
              d: opts.dataset ?? '',
              list: [...schemas.datasets.keys()].join(', '),
            },
          ),
        );
      }
      const sources = await readProject(await ctx.project(project), 'catalogues');
      await checkOutputRequest(sources.root, opts.out, 'templates', lang);
      const catalogues = validateProject(sources, schemas);
      const fx = diskEffects(ctx.progress);
      const written: string[] = [];
      // Added to the folder, one dataset's files beside the others' (--dataset rewrites only its own).
      await withAtomicOutput(opts.out, { command: 'templates', lang }, async (dir) => {
        for (const name of names) {
          const template = datasetTemplate(name, schemas.datasets.get(name)!.schema, lang, catalogues);
          await fx.writeFile(path.join(dir, `${name}.csv`), template.csv);
          await fx.writeFile(path.join(dir, `${name}.guida.txt`), template.guide);
          written.push(`${name}.csv`, `${name}.guida.txt`);
        }
        const wanted = new Map(names.map((name) => [name, schemas.datasets.get(name)!.schema]));
        if (partnerWorkbooks(wanted, catalogues).length > 0) {
          // Loaded on demand, as the reader does: exceljs costs a few hundred ms at start-up.
          const { templateWorkbook } = await import('../../render/template-workbook.js');
          for (const { dataset, ente, file } of partnerWorkbooks(wanted, catalogues)) {
            const schema = wanted.get(dataset)!;
            await fx.writeFile(path.join(dir, file), await templateWorkbook({ dataset, schema, lang, project: catalogues, ente }));
            written.push(file);
          }
        }
        // The page where a partner checks a file before sending it, offline, with validate's own code and words.
        const { partnerValidationPage } = await import('../../render/partner-page/partner-page.js');
        const config = normalizeConfig(sources.config, schemas.config, { file: 'bilancio.config.json' });
        const ente = 'config' in config ? config.config.ente : null;
        await fx.writeFile(path.join(dir, VALIDATION_PAGE), await partnerValidationPage(catalogues, schemas, lang, ente));
        written.push(VALIDATION_PAGE);
      });
      out.stdout(
        `${say({ it: 'Scritti in {out}: {files}', en: 'Written to {out}: {files}' }, { out: path.resolve(opts.out), files: written.join(', ') })}\n`,
      );
    });
}
