import type { Command } from 'commander';
import { Option } from 'commander';
import { t } from '../../i18n.js';
import { diskEffects } from '../../effects.js';
import { checkProject, computeProject } from '../../pipeline.js';
import { computeDiff } from '../../participation/diff.js';
import { diffInLanguage, formatDiffText } from '../../render/diff-text.js';
import { CLI } from '../messages.js';
import { formatReportText } from '../print-report.js';
import { EXIT, ExitError, type CommandContext } from '../context.js';

const TEXT = {
  description: {
    it: 'che cosa è cambiato tra due anni: righe per dataset, file, enti che hanno inviato, valori degli indicatori di città e zone, indicatori di un solo anno, definizioni cambiate',
    en: 'what changed between two years: rows per dataset, files, organisations that sent data, city and zone indicator values, indicators of one year only, changed definitions',
  },
  anno: {
    it: "l'anno da confrontare (predefinito: anno di bilancio.config.json)",
    en: 'the year to compare (default: anno in bilancio.config.json)',
  },
  confronto: {
    it: "l'anno con cui confrontarlo (predefinito: anno_confronto, o l'anno prima)",
    en: 'the year to compare it with (default: anno_confronto, or the year before)',
  },
  badYear: { it: '"{value}" non è un anno (per esempio 2024).', en: '"{value}" is not a year (e.g. 2024).' },
  missingYear: {
    it: 'Il progetto non ha dati per il {anno}: gli anni presenti sono {anni}.',
    en: 'The project has no data for {anno}: the years present are {anni}.',
  },
  invalidConfig: {
    it: 'bilancio.config.json non è valido: non si possono calcolare gli indicatori.',
    en: 'bilancio.config.json is not valid: the indicators cannot be computed.',
  },
};

/** `bilancio diff [progetto] --anno A --confronto B`: an edition against another. */
export function registerDiff(program: Command, ctx: CommandContext): void {
  const { say, out } = ctx;
  const year = (value: string | undefined): number | undefined => {
    if (value === undefined) return undefined;
    if (!/^\d{4}$/.test(value)) throw new ExitError(EXIT.usage, say(TEXT.badYear, { value }));
    return Number(value);
  };
  ctx
    .command(program, 'diff')
    .description(say(TEXT.description))
    .argument('[progetto]', say(CLI.project))
    .option('--anno <anno>', say(TEXT.anno))
    .option('--confronto <anno>', say(TEXT.confronto))
    .addOption(
      new Option('--format <format>', say({ it: 'formato: text o json', en: 'format: text or json' }))
        .choices(['text', 'json'])
        .default('text'),
    )
    .addOption(ctx.langOption())
    .action(async (project: string | undefined, opts: { anno?: string; confronto?: string; format: string; lang?: string }) => {
      const requestedA = year(opts.anno);
      const requestedB = year(opts.confronto);
      const checked = await checkProject(
        { project: await ctx.project(project), lang: ctx.checkLang(opts.lang) },
        diskEffects(ctx.progress),
      );
      const lang = checked.lang;
      if (!checked.config) {
        out.stderr(formatReportText(checked.report, lang));
        throw new ExitError(EXIT.invalidData, t(lang, TEXT.invalidConfig));
      }
      const anno = requestedA ?? checked.config.anno;
      const confronto = requestedB ?? checked.config.annoConfronto ?? anno - 1;
      for (const y of [anno, confronto]) {
        if (!checked.project.anni.includes(y)) {
          throw new ExitError(EXIT.usage, t(lang, TEXT.missingYear, { anno: y, anni: checked.project.anni.join(', ') || '—' }));
        }
      }
      const result = computeProject(checked);
      const diff = computeDiff({
        project: checked.project,
        definitions: checked.definitions,
        values: result.values,
        anno,
        confronto,
        stored: checked.storedCatalogues,
      });
      const names = new Map(checked.project.enti.map((e) => [e.codice, e.nome]));
      const said = diffInLanguage(diff, lang);
      out.stdout(opts.format === 'json' ? `${JSON.stringify(said, null, 2)}\n` : formatDiffText(said, lang, names));
    });
}
