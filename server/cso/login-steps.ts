import type { PacerAccount } from '../../db/pacer-accounts-repository.js';
import { inactiveStep } from './steps/inactive-step.js';
import { mfaStep } from './steps/mfa-step.js';
import { passwordUpdateStep } from './steps/password-update-step.js';
import { redactionStep } from './steps/redaction-step.js';
import type { LoginStep, StepContext } from './steps/step.js';

/**
 * The screen login after the password, as a table: every step in the order the real CSO shows
 * them. A login passes through the steps whose `applies` is true for the account.
 */
// MFA first: nothing about the account (its status, its filer duty) shows before the second factor.
// The 180-day password prompt comes last, once the user has passed every other check.
export const LOGIN_STEPS: readonly LoginStep[] = [mfaStep, inactiveStep, redactionStep, passwordUpdateStep];

export function stepNamed(name: string): LoginStep | undefined {
  return LOGIN_STEPS.find((s) => s.name === name);
}

/** The first step after `after` (or from the start) that applies to this account. */
export function nextStep(account: PacerAccount, ctx: StepContext, after?: string): LoginStep | undefined {
  const start = after === undefined ? 0 : LOGIN_STEPS.findIndex((s) => s.name === after) + 1;
  return LOGIN_STEPS.slice(start).find((s) => s.applies(account, ctx));
}

/** The step whose form the POST body carries, if any. */
export function stepForBody(body: unknown): LoginStep | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  return LOGIN_STEPS.find((s) => (body as Record<string, unknown>)[s.form] !== undefined);
}
