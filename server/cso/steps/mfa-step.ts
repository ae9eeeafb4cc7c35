import { field } from '../../domain/form-fields.js';
import { checkOneTimeCode, mfaEnabled, TEXT, useOneTimeCode } from '../../domain/login-rules.js';
import { credentialDeps } from '../credential-deps.js';
import type { LoginStep } from './step.js';

/**
 * MFA (real since 2025, FIDELITY §3): after the password, a one-time passcode from an
 * authenticator app (RFC 6238 TOTP) or a single-use backup code. Form `mfaForm`, input
 * `mfaForm:mfaInput`, button `mfaForm:btnOk` (real names). The same rules as the API's otpCode
 * (login-rules.ts): a wrong code counts toward the lockout, a good one is used up.
 */
export const MFA_TEXT = {
  // Invented: the dialog's wording is not public.
  title: 'Multi-Factor Authentication',
  prompt: 'Enter the 6-digit one-time passcode from your authenticator app, or one of your backup codes.',
  label: 'One-Time Passcode',
  invalid: 'Invalid one-time passcode. Enter the current code from your authenticator app, or an unused backup code.',
  required: TEXT.required('One-Time Passcode'),
} as const;

export const mfaStep: LoginStep = {
  name: 'mfa',
  dialogId: 'mfaDialog',
  form: 'mfaForm',
  applies: (account) => mfaEnabled(account),
  submit(body, account, { app, request }) {
    const deps = credentialDeps(app);
    const host = request.headers.host ?? '';
    const outcome = checkOneTimeCode(deps, account, field(body, 'mfaForm:mfaInput', 64), host, 'screen');
    switch (outcome.kind) {
      case 'missing':
        return { kind: 'stay', messages: [{ severity: 'error', text: MFA_TEXT.required }] };
      case 'invalid':
        return { kind: 'stay', messages: [{ severity: 'error', text: MFA_TEXT.invalid }] };
      case 'locked':
        return { kind: 'abort', messages: [{ severity: 'error', text: TEXT.locked }] };
      case 'ok':
        // Another login used the same code a moment ago: single use means this one is refused.
        if (!useOneTimeCode(deps, account.id, outcome.use)) {
          return { kind: 'stay', messages: [{ severity: 'error', text: MFA_TEXT.invalid }] };
        }
        return { kind: 'next' };
    }
  },
  view: () => ({ mfaText: MFA_TEXT }),
};
