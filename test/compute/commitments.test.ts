// How commitments stand at the report's reference date: late ones flagged, next year's listed, counts not means.
import { describe, expect, it } from 'vitest';
import { andamentoOf, computeCommitments } from '../../src/compute/commitments.js';
import type { TypedRow } from '../../src/types.js';

const row = (file: string, n: number, values: TypedRow['values']): TypedRow => ({ file, row: n, values });

/** A project with one cantiere, no territory, the given catalogue rows and the 2024 progress rows. */
function project(catalogo: [string, string | null][], progress: [string, string, number][]) {
  return {
    territorio: { quartieri: [], zone: [] },
    cantieri: [{ codice: 'giovani', titolo: 'Giovani', titoloEn: null, introduzione: '', introduzioneEn: null }],
    cataloghi: new Map([
      [
        'catalogo_impegni',
        catalogo.map(([codice, scadenza], i) =>
          row('catalogo/impegni.csv', i + 2, { codice_impegno: codice, cantiere: 'giovani', descrizione: codice, scadenza }),
        ),
      ],
    ]),
    dati: new Map([
      [
        2024,
        new Map([
          [
            'impegni',
            progress.map(([codice, stato, pct], i) =>
              row('dati/2024/impegni.csv', i + 2, { codice_impegno: codice, anno: 2024, stato, avanzamento_pct: pct }),
            ),
          ],
        ]),
      ],
    ]),
  };
}

describe('andamentoOf', () => {
  it.each([
    ['completato', '2024-06-30', 'completato'],
    ['in_corso', '2024-12-31', 'in_ritardo'],
    ['in_corso', '2025-01-01', 'nei_tempi'],
    ['in_corso', null, 'nei_tempi'],
    ['non_avviato', '2024-03-31', 'in_ritardo'],
    ['non_avviato', '2025-03-31', 'non_avviato'],
    ['sospeso', '2025-03-31', 'sospeso'],
    ['sospeso', '2023-12-31', 'in_ritardo'],
    [null, '2026-12-31', 'non_rilevato'],
    [null, '2024-01-31', 'in_ritardo'],
  ] as const)('%s due %s stands %s at 31 December 2024', (stato, scadenza, expected) => {
    expect(andamentoOf(stato, scadenza, '2024-12-31')).toBe(expected);
  });
});

describe('computeCommitments', () => {
  const result = computeCommitments(
    project(
      [
        ['A', '2024-12-31'],
        ['B', '2024-12-31'],
        ['C', '2025-06-30'],
        ['D', '2025-12-31'],
        ['E', '2026-12-31'],
        ['F', null],
      ],
      [
        ['A', 'in_corso', 80],
        ['B', 'completato', 100],
        ['C', 'in_corso', 20],
        ['D', 'non_avviato', 0],
        ['E', 'sospeso', 10],
      ],
    ),
    2024,
    null,
  );

  it('measures deadlines against 31 December of the report year and counts the late ones', () => {
    expect(result.dataRiferimento).toBe('2024-12-31');
    expect(result.impegni.find((c) => c.codice === 'A')?.andamento).toBe('in_ritardo');
    expect(result.inRitardo).toBe(1);
  });

  it('counts commitments by how they stand, with no mean of percentages', () => {
    expect(result.totale.perAndamento).toEqual({
      completato: 1,
      nei_tempi: 1,
      in_ritardo: 1,
      non_avviato: 1,
      sospeso: 1,
      non_rilevato: 1,
    });
    expect(result.totale).not.toHaveProperty('avanzamentoMedio');
  });

  it("lists the commitments due in the next year as that year's targets", () => {
    expect(result.annoSuccessivo.anno).toBe(2025);
    expect(result.annoSuccessivo.impegni.map((c) => c.codice)).toEqual(['C', 'D']);
  });
});
