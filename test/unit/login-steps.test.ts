import { describe, expect, it } from 'vitest';
import { PASSWORD_MAX_AGE_DAYS } from '../../server/domain/password-rules.js';
import { LOGIN_STEPS, nextStep, stepForBody, stepNamed } from '../../server/cso/login-steps.js';
import { mfaStep } from '../../server/cso/steps/mfa-step.js';
import type { StepContext } from '../../server/cso/steps/step.js';
import { FIXTURE_NOW, pacerAccount } from '../support/account-fixtures.js';

/** The steps' `applies` read the account and the time only; the app and request are not needed. */
const ctx = { now: FIXTURE_NOW } as StepContext;
const DAY = 86_400_000;
const expired = FIXTURE_NOW - (PASSWORD_MAX_AGE_DAYS + 1) * DAY;

/** Every step an account passes through, in order, as nextStep walks them. */
function walk(overrides: Parameters<typeof pacerAccount>[0]): string[] {
  const account = pacerAccount(overrides);
  const names: string[] = [];
  for (let step = nextStep(account, ctx); step; step = nextStep(account, ctx, step.name)) names.push(step.name);
  return names;
}

describe('the screen login steps (login-steps.ts)', () => {
  it('are in the real order: MFA first, the password prompt last', () => {
    expect(LOGIN_STEPS.map((s) => s.name)).toEqual(['mfa', 'inactive', 'redaction', 'password-update']);
  });

  it('take an account through every step that applies to it, and only those', () => {
    const everything = { mfaSecret: 'JBSWY3DPEHPK3PXP', status: 'inactive' as const, filer: true, passwordChangedAt: expired };
    expect(walk(everything)).toEqual(['mfa', 'inactive', 'redaction', 'password-update']);
    expect(walk({})).toEqual([]);
    expect(walk({ filer: true })).toEqual(['redaction']);
    expect(walk({ mfaSecret: 'JBSWY3DPEHPK3PXP', filer: true })).toEqual(['mfa', 'redaction']);
    expect(walk({ status: 'inactive', passwordChangedAt: expired })).toEqual(['inactive', 'password-update']);
  });

  it('ask for a new password only once it is older than the limit', () => {
    const young = FIXTURE_NOW - (PASSWORD_MAX_AGE_DAYS - 1) * DAY;
    expect(nextStep(pacerAccount({ passwordChangedAt: young }), ctx)).toBeUndefined();
    expect(nextStep(pacerAccount({ passwordChangedAt: expired }), ctx)?.name).toBe('password-update');
  });

  it('go on after the step named, never back to it or before it', () => {
    const filer = pacerAccount({ filer: true, mfaSecret: 'JBSWY3DPEHPK3PXP' });
    expect(nextStep(filer, ctx, 'mfa')?.name).toBe('redaction');
    expect(nextStep(filer, ctx, 'redaction')).toBeUndefined();
    expect(nextStep(filer, ctx, 'password-update')).toBeUndefined();
  });

  it('find the step whose form a POST carries', () => {
    expect(stepForBody({ regmsg: 'regmsg', 'regmsg:chkRedact_input': 'on' })?.name).toBe('redaction');
    expect(stepForBody({ mfaForm: 'mfaForm', 'mfaForm:mfaInput': '123456' })?.name).toBe('mfa');
    expect(stepForBody({ inactiveForm: '' })?.name).toBe('inactive');
    expect(stepForBody({ frmUserUpdate: 'frmUserUpdate' })?.name).toBe('password-update');
    // The login form itself, and bodies that are not forms at all, are no step's.
    expect(stepForBody({ loginForm: 'loginForm', 'loginForm:loginName': 'x' })).toBeUndefined();
    for (const body of [undefined, null, 'regmsg', 42]) expect(stepForBody(body)).toBeUndefined();
  });

  it('have their own form and dialog each, so a POST and an AJAX update name one step', () => {
    expect(new Set(LOGIN_STEPS.map((s) => s.form)).size).toBe(LOGIN_STEPS.length);
    expect(new Set(LOGIN_STEPS.map((s) => s.dialogId)).size).toBe(LOGIN_STEPS.length);
    expect(stepNamed('mfa')).toBe(mfaStep);
    expect(stepNamed('loginForm')).toBeUndefined();
  });
});
