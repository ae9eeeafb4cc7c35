import { field, has } from '../../domain/form-fields.js';
import {
  passwordExpired,
  passwordProblems,
  PASSWORD_MAX_AGE_DAYS,
  PASSWORD_PROMPT_SKIPS,
  PASSWORD_RULES,
} from '../../domain/password-rules.js';
import { hashPassword, verifyPassword } from '../../domain/passwords.js';
import type { LoginStep, Message, StepContext } from './step.js';
import type { PacerAccount } from '../../../db/pacer-accounts-repository.js';

/**
 * The 180-day password rule (FIDELITY §7: "change every 180 days"), on the virtual clock. A login
 * whose password is older than that is asked to update it; the prompt can be skipped three times
 * (the count is kept on the account), then the dialog becomes "User Update Required" and the login
 * cannot go on until a new password meeting the 2025 standard is set.
 *
 * Fidelity: the form is `frmUserUpdate` and its skip button `frmUserUpdate:bpmSkip`, as a
 * browser-automation client clicks it (audit, "The CSO screen login").
 * Invented (not public): the other field and button names (`frmUserUpdate:newPassword`,
 * `:confirmPassword`, `:btnUpdate`), the number of skips, and every sentence of the dialog except
 * its "User Update Required" title.
 */
const FORM = 'frmUserUpdate';

const error = (text: string): Message => ({ severity: 'error', text });

export const PASSWORD_UPDATE_TEXT = {
  required: 'User Update Required',
  prompt: 'Update Your Password',
  mustChange: `Your password is more than ${PASSWORD_MAX_AGE_DAYS} days old. You must change it before you can continue.`,
  mismatch: 'The new password and the confirmation do not match.',
  same: 'The new password must be different from your current password.',
  empty: 'New Password: Validation Error: Value is required.',
} as const;

function skipsUsed(account: PacerAccount, ctx: StepContext): number {
  return ctx.app.repos.pacerAccounts.promptSkips(account.id);
}

export const passwordUpdateStep: LoginStep = {
  name: 'password-update',
  dialogId: 'passwordUpdateDialog',
  form: FORM,
  applies: (account, { now }) => passwordExpired(account.passwordChangedAt, now),
  view(account, ctx) {
    const used = skipsUsed(account, ctx);
    return {
      required: used >= PASSWORD_PROMPT_SKIPS,
      skipsLeft: Math.max(0, PASSWORD_PROMPT_SKIPS - used),
      maxAgeDays: PASSWORD_MAX_AGE_DAYS,
      rules: PASSWORD_RULES,
      text: PASSWORD_UPDATE_TEXT,
    };
  },
  async submit(body, account, ctx) {
    const { app, request, now } = ctx;
    const journal = (outcome: string, detail = '') =>
      app.record(request, { actor: account.username, action: 'login.password_update', outcome, detail });
    const used = skipsUsed(account, ctx);

    if (has(body, `${FORM}:bpmSkip`)) {
      if (used >= PASSWORD_PROMPT_SKIPS) {
        journal('skip_refused');
        return { kind: 'stay', messages: [error(PASSWORD_UPDATE_TEXT.mustChange)] };
      }
      app.repos.pacerAccounts.recordSkip(account.id);
      journal('skipped', `skip ${used + 1} of ${PASSWORD_PROMPT_SKIPS}`);
      return { kind: 'next' };
    }

    const password = field(body, `${FORM}:newPassword`, 1024);
    const confirm = field(body, `${FORM}:confirmPassword`, 1024);
    if (password === '') return { kind: 'stay', messages: [error(PASSWORD_UPDATE_TEXT.empty)] };
    const problems = passwordProblems(password, account);
    if (problems.length > 0) {
      journal('refused', `${problems.length} rule(s) broken`);
      return { kind: 'stay', messages: problems.map(error) };
    }
    if (password !== confirm) return { kind: 'stay', messages: [error(PASSWORD_UPDATE_TEXT.mismatch)] };
    if (await verifyPassword(password, account.passwordHash)) return { kind: 'stay', messages: [error(PASSWORD_UPDATE_TEXT.same)] };

    app.repos.pacerAccounts.changePassword(account.id, hashPassword(password, app.config.passwordHashCost), now);
    journal('changed');
    return { kind: 'next' };
  },
};
