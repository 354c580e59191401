import path from 'node:path';
import type { Command } from 'commander';
import { diskEffects } from '../../effects.js';
import { readProject } from '../../project/read-project.js';
import { loadSchemas } from '../../schemas/load-schemas.js';
import { validateProject } from '../../validate/validate-project.js';
import { datasetTemplate } from '../../render/dataset-templates.js';
import { withAtomicOutput } from '../../atomic-output.js';
import { checkOutputRequest } from '../../provenance/build-guard.js';
import { DEFAULT_OUT } from '../../provenance/paths.js';
import { EXIT, ExitError, type CommandContext } from '../context.js';

/** `bilancio templates [progetto]`: empty files per dataset with a guide to each column, for partners. */
export function registerTemplates(program: Command, ctx: CommandContext): void {
  const { say, out } = ctx;
  ctx
    .command(program, 'templates')
    .description(
      say({
        it: 'scrive un file vuoto (CSV per Excel, con le intestazioni giuste) e una guida alle colonne per ogni dataset',
        en: 'writes an empty file (CSV for Excel, with the right headers) and a guide to the columns for each dataset',
      }),
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
      });
      out.stdout(
        `${say({ it: 'Scritti in {out}: {files}', en: 'Written to {out}: {files}' }, { out: path.resolve(opts.out), files: written.join(', ') })}\n`,
      );
    });
}
