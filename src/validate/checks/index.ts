import type { Problem } from '../../types.js';
import type { CheckContext } from './context.js';
import { checkHouseholds } from './households.js';
import { checkParts } from './parts.js';
import { checkUsersWithinTarget } from './users-target.js';
import { checkYearOverYear } from './year-over-year.js';

// The context lives in context.ts so that the rules need not import this file back (no cycle).
export type { CheckContext, RuleSettings } from './context.js';

/** Runs every consistency-error rule across rows and files. */
export function runConsistencyChecks(context: CheckContext): Problem[] {
  return [checkHouseholds, checkParts, checkUsersWithinTarget, checkYearOverYear].flatMap((rule) => rule(context));
}
