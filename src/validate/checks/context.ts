import type { DatasetRows, Servizio, Severity, Territorio } from '../../types.js';

/** Severity and threshold per rule id, from bilancio.config.json `regole`. */
export type RuleSettings = Record<string, { gravita: Severity; soglia?: number }>;

/** What every cross-file rule receives. */
export interface CheckContext {
  dati: Map<number, DatasetRows>;
  territorio: Territorio;
  servizi: Servizio[];
  rules: RuleSettings;
}

/** A rule's severity and threshold, with the rule's own defaults. */
export function ruleSetting(context: CheckContext, rule: string, defaults: { gravita: Severity; soglia?: number }) {
  return { ...defaults, ...context.rules[rule] };
}
