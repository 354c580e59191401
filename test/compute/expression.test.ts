import { describe, expect, it } from 'vitest';
import { evaluate, parseExpression, referencesOf } from '../../src/compute/expression.js';
import { loadIndicators } from '../../src/compute/catalogue.js';
import { loadSchemas } from '../../src/schemas/load-schemas.js';
import { computeYear } from '../../src/compute/indicators.js';
import { miniTerritorio, populationRows, yearData } from '../helpers/fixtures.js';
import { say } from '../../src/i18n.js';

describe('indicator expressions', () => {
  it('parses references with conditions, measures and year offsets', () => {
    const parsed = parseExpression('(popolazione + popolazione@-1) / 2 - erogazioni[servizio=NIDO, eta>=3].posti');
    expect('expression' in parsed).toBe(true);
    if (!('expression' in parsed)) return;
    const refs = referencesOf(parsed.expression);
    expect(refs.map((r) => [r.dataset, r.yearOffset, r.measure])).toEqual([
      ['popolazione', 0, undefined],
      ['popolazione', -1, undefined],
      ['erogazioni', 0, 'posti'],
    ]);
    expect(refs[2]!.conditions).toEqual([
      { field: 'servizio', op: '=', value: 'NIDO', position: 48 },
      { field: 'eta', op: '>=', value: 3, position: 63 },
    ]);
    expect(evaluate(parsed.expression, (r) => (r.dataset === 'popolazione' ? (r.yearOffset === 0 ? 100 : 80) : 5))).toBe(85);
  });

  it.each([
    ['popolazione[eta>=65', 19, /"\]"/],
    ['popolazione[eta 65]', 16, /confronto/],
    ['popolazione +', 13, /incompleta/],
    ['popolazione # 2', 12, /carattere inatteso/],
  ])('reports a syntax error in %s at its position', (text, position, message) => {
    const parsed = parseExpression(text);
    expect('error' in parsed && parsed.error.position).toBe(position);
    expect('error' in parsed && parsed.error.message.it).toMatch(message);
  });

  it('a catalogue error names the indicator and the character', () => {
    const { problems } = loadIndicators(
      [
        {
          id: 'rotto',
          nome: 'Rotto',
          cantiere: 'demografia',
          numeratore: 'popolazione[etta>=65]',
          denominatore: 'popolazione',
          scala: 100,
          unita: '%',
          polarita: 'neutro',
          definizione: 'x',
        },
      ],
      loadSchemas().indicatori!,
      [],
    );
    expect(problems).toHaveLength(1);
    expect(say('it', problems[0]!.message)).toMatch(/Indicatore "rotto", numeratore, carattere 13: "etta" non è un campo di popolazione/);
  });

  it('an indicator added to the catalogue is computed with no code change', () => {
    const { definitions, problems } = loadIndicators(
      [
        {
          id: 'quota_donne_straniere',
          nome: 'Quota di donne straniere',
          cantiere: 'demografia',
          numeratore: 'popolazione[sesso=F, cittadinanza=STR]',
          denominatore: 'popolazione[sesso=F]',
          scala: 100,
          unita: '%',
          decimali: 2,
          polarita: 'neutro',
          definizione: 'Donne straniere per 100 donne.',
        },
      ],
      loadSchemas().indicatori!,
      [],
    );
    expect(problems).toEqual([]);
    const rows = populationRows(2024, [
      ['Q1', 30, 60, 'F', 'ITA'],
      ['Q1', 30, 40, 'F', 'STR'],
      ['Q1', 30, 999, 'M', 'STR'],
    ]);
    const { values } = computeYear(2024, definitions, yearData(2024, { popolazione: rows }), miniTerritorio, 'Città');
    expect(values.find((v) => v.codice === 'Q1')!.valore).toBe(40);
  });
});
