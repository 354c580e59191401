import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFiles } from '../../src/check-files.js';
import { checkFileBytes } from '../../src/render/partner-page/check-file.js';
import { pageCatalogues, projectOfCatalogues } from '../../src/render/partner-page/page-data.js';
import { loadSchemas } from '../../src/schemas/load-schemas.js';
import { sayReport } from '../../src/problem-text.js';
import { bresciaCatalogues } from '../helpers/brescia-catalogues.js';
import { bresciaProject } from '../helpers/paths.js';

// The page's reading of one file in memory gives the report `validate <file>` gives from disk, through
// the catalogues as the page embeds them (JSON and back).

const quiet = { progress: () => undefined } as unknown as Parameters<typeof checkFiles>[1];

describe('checkFileBytes, the validation of the partners’ page, without a browser', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'bilancio-bytes-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const cases: [string, string | Uint8Array][] = [
    [
      'erogazioni_auser.csv',
      iconv.encode('anno;quartiere;codice_servizio;codice_ente;utenti\r\n2024;Sant Eufemiaa;SAD;auser;dodici\r\n', 'win1252'),
    ],
    ['erogazioni_auser.ods', 'non un foglio'],
    ['erogazioni_rotto.xlsx', 'PK non un zip'],
    ['sconosciuto.csv', 'a;b\r\n1;2\r\n'],
    ['erogazioni_vuoto.csv', ''],
  ];
  for (const [name, content] of cases) {
    it(`says of ${name} what validate says`, async () => {
      const file = path.join(dir, name);
      await writeFile(file, content);
      const fromDisk = await checkFiles({ files: [file], project: bresciaProject }, quiet);
      const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
      const catalogues = projectOfCatalogues(JSON.parse(JSON.stringify(pageCatalogues(await bresciaCatalogues()))));
      const inPage = await checkFileBytes(bytes, file, catalogues, loadSchemas());
      expect(fromDisk.valid).toBe(false);
      expect(sayReport('it', inPage)).toEqual(sayReport('it', fromDisk));
    });
  }
});
