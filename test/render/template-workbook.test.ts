import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseWorkbook } from '../../src/ingest/xlsx.js';
import { validateFiles } from '../../src/validate/validate-files.js';
import { loadSchemas } from '../../src/schemas/load-schemas.js';
import { sayReport } from '../../src/problem-text.js';
import { TEMPLATE_ROWS, templateWorkbook } from '../../src/render/template-workbook.js';
import { columnGuide } from '../../src/render/dataset-templates.js';
import { partnerWorkbooks } from '../../src/render/partner-workbooks.js';
import { bresciaCatalogues } from '../helpers/brescia-catalogues.js';
import type { ValidatedProject } from '../../src/types.js';

// The workbook a partner fills in: what Excel will check, and that bilancio reads it back unchanged.

const schemas = loadSchemas();
const erogazioni = schemas.datasets.get('erogazioni')!.schema;

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return book;
}

/** Fills rows as a partner does in Excel: typed cells, and the code formula computed as Excel computes it on saving. */
function fill(sheet: ExcelJS.Worksheet, rows: (string | number)[][]): void {
  const header = (sheet.getRow(1).values as unknown[]).slice(1);
  const codeColumn = header.indexOf('codice_ente') + 1;
  rows.forEach((values, i) => {
    const row = sheet.getRow(i + 2);
    values.forEach((value, j) => {
      if (j + 1 === codeColumn) {
        const cell = row.getCell(j + 1);
        const formula = (cell.value as { formula: string }).formula;
        const code = /"([^"]+)"\)$/.exec(formula)![1]!;
        cell.value = { formula, result: code };
      } else row.getCell(j + 1).value = value;
    });
  });
}

async function validateWorkbook(book: ExcelJS.Workbook, project: ValidatedProject) {
  const bytes = new Uint8Array(await book.xlsx.writeBuffer());
  const table = await parseWorkbook(bytes, 'erogazioni_auser.xlsx', { dataset: 'erogazioni' });
  return sayReport('it', validateFiles([{ dataset: 'erogazioni', table }], project, schemas));
}

describe('which workbooks templates writes', () => {
  it('one per organisation that runs a service, for each dataset whose rows name their organisation', async () => {
    const project = await bresciaCatalogues();
    const datasets = new Map([...schemas.datasets].map(([name, entry]) => [name, entry.schema]));
    const books = partnerWorkbooks(datasets, project);
    const running = project.enti.filter((e) => project.servizi.some((s) => s.enti.includes(e.codice))).map((e) => e.codice);
    expect(running.length).toBeGreaterThan(1);
    expect(running.length).toBeLessThan(project.enti.length);
    // enti and servizi name organisations too, but as catalogues: no partner fills them in.
    expect(new Set(books.map((b) => b.dataset))).toEqual(new Set(['erogazioni', 'personale']));
    for (const dataset of ['erogazioni', 'personale']) {
      expect(books.filter((b) => b.dataset === dataset).map((b) => b.ente.codice)).toEqual(running);
    }
    expect(books.find((b) => b.ente.codice === 'auser')?.file).toBe('erogazioni_auser.xlsx');
  });
});

describe("a partner's workbook (erogazioni for Auser)", () => {
  let project: ValidatedProject;
  let book: ExcelJS.Workbook;
  beforeAll(async () => {
    project = await bresciaCatalogues();
    const auser = project.enti.find((e) => e.codice === 'auser')!;
    book = await load(await templateWorkbook({ dataset: 'erogazioni', schema: erogazioni, lang: 'it', project, ente: auser }));
  });

  it('has the data sheet named after the dataset, then the guide and the lists', () => {
    expect(book.worksheets.map((s) => s.name)).toEqual(['erogazioni', 'guida', 'elenchi']);
    const sheet = book.getWorksheet('erogazioni')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      'anno',
      'quartiere',
      'codice_servizio',
      'codice_ente',
      'utenti',
      'posti',
      'ore',
      'volontari',
      'spesa_euro',
      'domande',
      'lista_attesa',
      'nuovi_utenti',
      'utenti_neet',
    ]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect((sheet as unknown as { sheetProtection: unknown }).sheetProtection).toMatchObject({ sheet: true });
    expect(sheet.getCell('A1').protection?.locked).not.toBe(false);
    expect(sheet.getCell('A2').protection?.locked).toBe(false);
  });

  it('offers the quartieri by name and the services, and checks numbers as the schema says', () => {
    const sheet = book.getWorksheet('erogazioni')!;
    const quartiere = sheet.getCell('B2').dataValidation;
    expect(quartiere.type).toBe('list');
    const lists = book.getWorksheet('elenchi')!;
    const range = /\$([A-Z]+)\$2:\$[A-Z]+\$(\d+)$/.exec(quartiere.formulae[0] as string)!;
    const names = Array.from({ length: Number(range[2]) - 1 }, (_, i) => lists.getCell(`${range[1]}${i + 2}`).text);
    expect(names).toEqual([...project.territorio.quartieri.map((q) => q.nome), 'ND']);
    // Auser's own services come first in the list of codes.
    const service = sheet.getCell(`C${TEMPLATE_ROWS + 1}`).dataValidation;
    const serviceColumn = /\$([A-Z]+)\$2/.exec(service.formulae[0] as string)![1]!;
    const own = project.servizi.filter((s) => s.enti.includes('auser')).map((s) => s.codice);
    expect(own.length).toBeGreaterThan(0);
    expect(Array.from({ length: own.length }, (_, i) => lists.getCell(`${serviceColumn}${i + 2}`).text)).toEqual(own);
    expect(sheet.getCell('E2').dataValidation).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual', formulae: [0] });
    expect(sheet.getCell('G2').dataValidation).toMatchObject({ type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0] });
    expect(sheet.getCell('A2').dataValidation).toMatchObject({ type: 'whole', operator: 'between', formulae: [1900, 2100] });
    // No check beyond the rows the template offers.
    expect(sheet.getCell(`E${TEMPLATE_ROWS + 2}`).dataValidation).toBeUndefined();
  });

  it("fills in the partner's code, and explains every column with the CSV guide's words", () => {
    const sheet = book.getWorksheet('erogazioni')!;
    expect((sheet.getCell('D2').value as { formula: string }).formula).toMatch(/"auser"\)$/);
    // Open to a pasted block of rows, and only the partner's code is accepted when typed.
    expect(sheet.getCell('D2').protection?.locked).toBe(false);
    expect(sheet.getCell('D2').dataValidation).toMatchObject({ type: 'list', formulae: ['"auser"'] });
    const guide = book.getWorksheet('guida')!;
    const text: string[] = [];
    guide.eachRow((row) => text.push((row.values as unknown[]).slice(1).join(' | ')));
    for (const column of columnGuide(erogazioni, 'it')) {
      expect(text.some((line) => line.includes(column.description))).toBe(true);
    }
    expect(text.join('\n')).toContain('Auser Volontariato Brescia');
  });

  it('is the same file each time it is written (dates fixed), and still a workbook Excel and the reader open', async () => {
    const auser = project.enti.find((e) => e.codice === 'auser')!;
    const write = () => templateWorkbook({ dataset: 'erogazioni', schema: erogazioni, lang: 'it', project, ente: auser });
    const first = await write();
    await new Promise((resolve) => setTimeout(resolve, 2100)); // beyond the 2 s a zip's clock can tell apart
    expect(Buffer.from(await write()).equals(Buffer.from(first))).toBe(true);
    expect(book.created?.toISOString()).toBe('1980-01-01T00:00:00.000Z');
  });

  it('comes back with no problem once filled, and a quartiere typed over the drop-down is reported at its row and column', async () => {
    const sheet = book.getWorksheet('erogazioni')!;
    fill(sheet, [
      [2024, "Sant'Eufemia", 'SAD', 'auser', 12, 3, 140.5, 4, 1234.5],
      [2024, 'ND', 'SAD', 'auser', 2, 0, 10, 1, 0],
    ]);
    const clean = await validateWorkbook(book, project);
    expect(clean.valid).toBe(true);
    expect(clean.files[0]!.errors).toEqual([]);
    expect(clean.files[0]!.warnings).toEqual([]);
    expect(clean.files[0]!.rows).toBe(2);

    sheet.getCell('B3').value = 'Quartiere Inventato';
    const wrong = await validateWorkbook(book, project);
    expect(wrong.valid).toBe(false);
    expect(wrong.files[0]!.errors).toHaveLength(1);
    expect(wrong.files[0]!.errors[0]).toMatchObject({ row: 3, columnLetter: 'B', value: 'Quartiere Inventato' });
    expect(wrong.files[0]!.errors[0]!.message).toMatch(/^Riga 3, colonna B: il quartiere "Quartiere Inventato" non esiste/);
  });
});
