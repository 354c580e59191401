import type { Problem } from '../../types.js';
import { phrase, type Phrase } from '../../i18n.js';
import { MAX_IMAGE_BYTES, type TextSource, type TextSources } from '../../project/read-texts.js';
import { splitFrontMatter, type FrontMatter } from './front-matter.js';
import { checkFigures, type FigureScope } from './figures.js';
import type { CheckedTexts, ProjectText, TextBody, TextPlace } from './text-types.js';

// The analysts' texts checked: front matter (title, place, order), live figures, images. Every problem
// names the file, line and column; a text with an error is left out of the report.

/** The report's chapters a text may open or close, besides the declared cantieri (by their code). */
export const TEXT_CHAPTERS = ['sintesi', 'metodo', 'rete', 'citta', 'comunita', 'risorse', 'impegni', 'quartieri', 'appendici'] as const;

/** What a text may name: figures' scope and the declared cantieri. */
export interface TextScope extends FigureScope {
  cantieri: string[];
}

/** The entries of a text's front matter (a twin's: titolo only). */
export const TEXT_FIELDS = ['titolo', 'posizione', 'ordine'];

const PLACES: Phrase = phrase({
  it: 'apertura (prima della sintesi), inizio <capitolo>, fine <capitolo>, area <codice del quartiere>, appendice; i capitoli sono {capitoli}',
  en: 'apertura (before the summary), inizio <chapter>, fine <chapter>, area <quartiere code>, appendice; the chapters are {capitoli}',
});

function placeOf(value: string, scope: TextScope): TextPlace | null {
  const [kind, target, ...rest] = value.trim().split(/\s+/);
  if (rest.length > 0) return null;
  if ((kind === 'apertura' || kind === 'appendice') && target === undefined) return { kind };
  if ((kind === 'inizio' || kind === 'fine') && target) {
    const chapters: string[] = [...TEXT_CHAPTERS, ...scope.cantieri];
    return chapters.includes(target) ? { kind, capitolo: target } : null;
  }
  if (kind === 'area' && target && scope.territorio.quartieri.some((q) => q.codice === target)) return { kind, codice: target };
  return null;
}

function bodyOf(source: TextSource, front: FrontMatter, scope: TextScope, problems: Problem[]): TextBody {
  const { figures, problems: found } = checkFigures(source.file, front.body, front.bodyLine, scope);
  problems.push(...found);
  return { file: source.file, titolo: front.fields.get('titolo')?.value ?? '', markdown: front.body, figures };
}

/** Images: only files of the project that were read (readTexts embeds them); a remote one is refused. */
function checkImages(source: TextSource, front: FrontMatter, images: Set<string>, problems: Problem[]): void {
  front.body.split('\n').forEach((text, index) => {
    for (const match of text.matchAll(/!\[[^\]]*\]\(\s*<?([^)\s>]+)>?/g)) {
      const target = match[1]!;
      const remote = /^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//');
      const dir = source.file.slice(0, source.file.lastIndexOf('/'));
      const local = remote ? '' : normalize(`${dir}/${safeDecode(target)}`);
      if (!remote && images.has(local)) continue;
      problems.push({
        code: remote ? 'constraint-error' : 'foreign-key',
        severity: 'error',
        file: source.file,
        row: front.bodyLine + index,
        column: match.index + 1,
        value: target,
        message: remote
          ? phrase({
              it: "Un'immagine del testo viene dalla rete: il report non carica nulla da fuori. Mettere il file dell'immagine nella cartella del progetto (per esempio testi/immagini/) e scriverne il percorso.",
              en: 'An image of the text comes from the network: the report loads nothing from outside. Put the image file in the project folder (for example testi/immagini/) and write its path.',
            })
          : phrase(
              {
                it: "L'immagine «{file}» non si trova nel progetto, o non è PNG, JPEG, GIF o WebP, o supera {mb} MB: scrivere il percorso di un'immagine della cartella del progetto, relativo al testo.",
                en: 'The image "{file}" is not in the project, or is not PNG, JPEG, GIF or WebP, or is larger than {mb} MB: write the path of an image in the project folder, relative to the text.',
              },
              { file: target, mb: MAX_IMAGE_BYTES / 1_000_000 },
            ),
      });
    }
  });
}

function safeDecode(text: string): string {
  try {
    return decodeURI(text);
  } catch {
    return text;
  }
}

/** A '/' path without `.` and with `..` resolved where it can be ('..' left at the front means outside). */
function normalize(file: string): string {
  const parts: string[] = [];
  for (const part of file.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && parts.length > 0 && parts[parts.length - 1] !== '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}

/** A warning where a text holds markup: the report shows it as text, never as markup. */
function checkMarkup(source: TextSource, front: FrontMatter, problems: Problem[]): void {
  const lines = front.body.split('\n');
  const index = lines.findIndex((line) => /<\/?[a-z!][^>]*>/i.test(line));
  if (index < 0) return;
  problems.push({
    code: 'constraint-error',
    severity: 'warning',
    file: source.file,
    row: front.bodyLine + index,
    column: lines[index]!.search(/<\/?[a-z!]/i) + 1,
    message: phrase({
      it: 'Il testo contiene marcatori HTML: il report li mostra come testo, non li esegue. Per titoli, elenchi, grassetto e collegamenti usare Markdown.',
      en: 'The text holds HTML markup: the report shows it as text and never runs it. Use Markdown for headings, lists, bold and links.',
    }),
  });
}

function checkFront(source: TextSource, front: FrontMatter, problems: Problem[], twin: boolean): void {
  for (const line of front.malformed) {
    problems.push({
      code: 'constraint-error',
      severity: 'error',
      file: source.file,
      row: line,
      column: 1,
      message: phrase({
        it: "L'intestazione del testo (tra le due righe ---) si scrive una voce per riga, come «titolo: Lettera del Sindaco»: correggere questa riga o chiudere l'intestazione con ---.",
        en: 'The text\'s heading (between the two --- lines) is written one entry a line, like "titolo: Lettera del Sindaco": correct this line or close the heading with ---.',
      }),
    });
  }
  for (const [key, field] of front.fields) {
    if (TEXT_FIELDS.includes(key) && !(twin && key !== 'titolo')) continue;
    problems.push({
      code: 'constraint-error',
      severity: 'warning',
      file: source.file,
      row: field.line,
      column: 1,
      field: key,
      message: twin
        ? phrase(
            {
              it: 'La traduzione prende posto e ordine dal testo italiano: qui conta solo «titolo». La voce «{voce}» non è usata.',
              en: 'The translation takes its place and order from the Italian text: only "titolo" counts here. The entry "{voce}" is not used.',
            },
            { voce: key },
          )
        : phrase(
            {
              it: 'La voce «{voce}» non è usata: le voci di un testo sono titolo, posizione e ordine.',
              en: 'The entry "{voce}" is not used: a text\'s entries are titolo, posizione and ordine.',
            },
            { voce: key },
          ),
    });
  }
}

/** Checks the project's texts: those that pass, in report order, and every problem found. */
export function checkTexts(sources: TextSources, scope: TextScope): { checked: CheckedTexts; problems: Problem[] } {
  const problems: Problem[] = [...sources.problems];
  const imageFiles = new Set(sources.images.map((i) => i.file));
  const twins = new Map(sources.texts.filter((s) => s.twin).map((s) => [s.name, s]));
  const texts: ProjectText[] = [];
  for (const source of sources.texts.filter((s) => !s.twin)) {
    const before = problems.filter((p) => p.severity === 'error').length;
    const front = splitFrontMatter(source.source);
    checkFront(source, front, problems, false);
    checkImages(source, front, imageFiles, problems);
    checkMarkup(source, front, problems);
    const at = (field: string) => front.fields.get(field) ?? { value: '', line: 1, column: 1 };
    const posizione = placeOf(at('posizione').value, scope);
    if (!posizione) {
      problems.push({
        code: 'constraint-error',
        severity: 'error',
        file: source.file,
        row: at('posizione').line,
        column: at('posizione').column,
        field: 'posizione',
        value: at('posizione').value,
        message: phrase(
          {
            it: "Il testo non dice dove va nel report, o lo dice in un modo che non si capisce: scrivere nell'intestazione «posizione:» seguito da {posti}.",
            en: 'The text does not say where it goes in the report, or says it in a way that cannot be read: write in its heading "posizione:" followed by {posti}.',
          },
          { posti: phrase(PLACES.text, { capitoli: [...TEXT_CHAPTERS, ...scope.cantieri].join(', ') }) },
        ),
      });
    }
    const ordine = Number(at('ordine').value || 0);
    const body = bodyOf(source, front, scope, problems);
    const twinSource = twins.get(source.name);
    twins.delete(source.name);
    let twin: TextBody | null = null;
    if (twinSource) {
      const twinFront = splitFrontMatter(twinSource.source);
      checkFront(twinSource, twinFront, problems, true);
      checkImages(twinSource, twinFront, imageFiles, problems);
      checkMarkup(twinSource, twinFront, problems);
      twin = bodyOf(twinSource, twinFront, scope, problems);
    }
    if (problems.filter((p) => p.severity === 'error').length > before || !posizione) continue;
    texts.push({ name: source.name, posizione, ordine: Number.isFinite(ordine) ? ordine : 0, body, twin });
  }
  for (const orphan of twins.values()) {
    problems.push({
      code: 'foreign-key',
      severity: 'warning',
      file: orphan.file,
      message: phrase(
        {
          it: 'Questa traduzione non ha il suo testo: manca testi/{nome}.md. Il report non la usa.',
          en: 'This translation has no text of its own: testi/{nome}.md is missing. The report does not use it.',
        },
        { nome: orphan.name },
      ),
    });
  }
  texts.sort((a, b) => a.ordine - b.ordine || a.name.localeCompare(b.name));
  return { checked: { texts, images: new Map(sources.images.map((i) => [i.file, i.dataUri])) }, problems };
}
