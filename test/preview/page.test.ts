import { describe, expect, it } from 'vitest';
import { previewPage, problemsBox, reportPatch } from '../../src/preview/page.js';
import type { PreviewBuild } from '../../src/preview/session.js';

// The preview's page: problems on top, the reload script only here, and a text swapped in place when
// nothing else of the report changed.

const page = (letter: string, extra = '') =>
  `<!DOCTYPE html><html><body><nav>Indice</nav>${extra}<section class="testo-progetto capitolo" id="testo-lettera"><h2>Lettera</h2><p>${letter}</p>\n</section><section class="capitolo" id="x"></section></body></html>`;

describe('preview page', () => {
  it('patches only the texts that changed, and reloads when the rest of the page changed', () => {
    expect(reportPatch(page('Cari'), page('Care'))).toEqual({
      'testo-lettera': '<section class="testo-progetto capitolo" id="testo-lettera"><h2>Lettera</h2><p>Care</p>\n</section>',
    });
    expect(reportPatch(page('Cari'), page('Cari'))).toEqual({});
    expect(reportPatch(page('Cari'), page('Care', '<p>un capitolo cambiato</p>'))).toBeNull();
  });

  it('after a data change, gives the smallest parts that changed: a quartiere page, not its chapter', () => {
    const report = (folzano: string, title = 'I quartieri') =>
      `<body><main><section class="capitolo" id="sintesi"><p>Sintesi</p><section class="cambiamenti"><p>${folzano === '9,8' ? 'a' : 'b'}</p></section></section>` +
      `<section class="capitolo" id="i-quartieri"><h2>${title}</h2>` +
      `<article class="scheda-quartiere" id="q-01"><p>Brescia Antica</p></article>` +
      `<article class="scheda-quartiere" id="q-21"><p>Folzano ${folzano}</p></article></section></main></body>`;
    const before = report('9,8');
    // A section without an id changed: its chapter is sent whole; a quartiere's page (an article) alone, not its chapter.
    expect(reportPatch(before, report('10,1'))).toEqual({
      sintesi: '<section class="capitolo" id="sintesi"><p>Sintesi</p><section class="cambiamenti"><p>b</p></section></section>',
      'q-21': '<article class="scheda-quartiere" id="q-21"><p>Folzano 10,1</p></article>',
    });
    // The chapter's own text changed: the chapter whole.
    expect(Object.keys(reportPatch(before, report('10,1', 'Quartieri'))!)).toEqual(['sintesi', 'i-quartieri']);
    // A quartiere added: its chapter whole. A chapter added, or sections that do not nest: the page reloads.
    const added = before.replace('</article></section></main>', '</article><article id="q-34"></article></section></main>');
    expect(Object.keys(reportPatch(before, added)!)).toEqual(['i-quartieri']);
    expect(reportPatch(before, before.replace('</main>', '<section class="capitolo" id="appendici"></section></main>'))).toBeNull();
    expect(reportPatch(before, before.replace('</main>', '</section></main>'))).toBeNull();
  });

  it('shows errors at their place, escaped, and adds the reload script before </body>', () => {
    const build: PreviewBuild = {
      html: page('Cari'),
      lang: 'it',
      problems: [
        { code: 'foreign-key', severity: 'error', file: 'testi/a.md', row: 3, column: 7, message: 'c’è <b>questo</b>' },
        { code: 'constraint-error', severity: 'warning', file: 'dati/x.csv', message: 'avviso' },
      ],
      blocked: null,
      kind: 'tutto',
      ms: 1,
    };
    const html = previewPage(build);
    expect(html).toContain('<body><aside id="anteprima-problemi"');
    expect(html).toContain('<strong>testi/a.md, riga 3, colonna 7</strong>: c’è &lt;b&gt;questo&lt;/b&gt;');
    expect(html).toMatch(/<details><summary>Avvisi \(1\)<\/summary>/);
    expect(html).toMatch(/<script id="anteprima-ricarica">[\s\S]*<\/script><\/body><\/html>$/);
    expect(problemsBox({ ...build, problems: [] })).toBe('');
  });
});
