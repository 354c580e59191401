import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decideNumberStyle, parseNumber, parseNumberWith, type NumberFormat } from '../../src/ingest/numbers.js';
import { FRICTIONLESS_SUITE } from './helpers.js';

interface NumberCase {
  input: string;
  options: NumberFormat;
  expected: string | null;
}

const { cases } = JSON.parse(readFileSync(`${FRICTIONLESS_SUITE}number-parsing-cases.json`, 'utf8')) as { cases: NumberCase[] };

describe('parseNumberWith: the Frictionless number cases', () => {
  it('has all 45 cases', () => {
    expect(cases).toHaveLength(45);
  });

  it.each(cases.map((c) => [c.input, c.options, c.expected] as const))('%j %j → %j', (input, options, expected) => {
    const value = parseNumberWith(input, options);
    expect(value === null ? null : String(value)).toBe(expected);
  });

  it('rejects NaN, infinities and percentages with the default bareNumber', () => {
    for (const input of ['NaN', 'INF', '-inf', 'Infinity', '95%', '$4.00 ']) expect(parseNumberWith(input)).toBeNull();
    expect(parseNumberWith('1e3')).toBe(1000);
  });
});

describe('parseNumber: Italian and international styles', () => {
  it.each([
    ['12,5', 'comma-decimal', 12.5],
    ['1.234,5', 'comma-decimal', 1234.5],
    ['1.234.567', 'comma-decimal', 1234567],
    ['-3', 'comma-decimal', -3],
    [' 0,25 ', 'comma-decimal', 0.25],
    ['1 234,5', 'comma-decimal', 1234.5],
    ['1\u00a0234,5', 'comma-decimal', 1234.5],
    ['1,5E+3', 'comma-decimal', 1500],
    ['12.5', 'dot-decimal', 12.5],
    ['1,234.5', 'dot-decimal', 1234.5],
    ['1234.5', 'dot-decimal', 1234.5],
    ['-0', 'dot-decimal', 0],
    // Misread guards: these are not numbers in that style.
    ['1.5', 'comma-decimal', null],
    ['1.23,4', 'comma-decimal', null],
    ['0.500', 'comma-decimal', null],
    ['12,5', 'dot-decimal', null],
    ['1.234,5', 'dot-decimal', null],
    ['', 'comma-decimal', null],
    ['12,', 'comma-decimal', null],
    ['NaN', 'dot-decimal', null],
    ['95%', 'dot-decimal', null],
    ['1e999', 'dot-decimal', null],
  ] as const)('%j as %s → %j', (text, style, expected) => {
    expect(parseNumber(text, style)).toBe(expected);
  });
});

describe('decideNumberStyle', () => {
  it('`1.234` alone is ambiguous: Italian by default, reported', () => {
    expect(decideNumberStyle(['1.234', '12', ''])).toEqual({ style: 'comma-decimal', ambiguous: ['1.234'], basis: 'default' });
  });

  it('in a column that also has `1,5`, `1.234` is comma-decimal: 1234', () => {
    const decision = decideNumberStyle(['1.234', '1,5', '7']);
    expect(decision).toEqual({ style: 'comma-decimal', ambiguous: ['1.234'], basis: 'column' });
    expect(parseNumber('1.234', decision.style)).toBe(1234);
  });

  it('in a column that also has `0.25`, `1.234` is dot-decimal: 1.234', () => {
    const decision = decideNumberStyle(['1.234', '0.25', '3.75']);
    expect(decision).toEqual({ style: 'dot-decimal', ambiguous: ['1.234'], basis: 'column' });
    expect(parseNumber('1.234', decision.style)).toBe(1.234);
  });

  it('the majority wins; each ambiguous value is listed once', () => {
    expect(decideNumberStyle(['1,234', '1,234', '2.5', '3.5', '4,5'])).toEqual({
      style: 'dot-decimal',
      ambiguous: ['1,234'],
      basis: 'column',
    });
  });
});
