import type { LoginStep } from './step.js';

/**
 * An account whose search status is inactive (real): the CSO shows the "PACER User Inactive"
 * dialog and the login still proceeds when the user continues (FIDELITY §3).
 */
export const INACTIVE_TEXT = {
  // Fidelity: the title and the first sentence are real.
  title: 'PACER User Inactive',
  first: 'Although you have a PACER account, your account is currently inactive.',
  // Invented: the rest of the real text is not public.
  rest: 'You may continue to log in. To reactivate your account, update your account information in Manage My Account or contact the PACER Service Center at (800) 676-6856.',
  button: 'Continue',
} as const;

export const inactiveStep: LoginStep = {
  name: 'inactive',
  dialogId: 'inactiveDialog',
  // Invented: the real form and button ids are not public.
  form: 'inactiveForm',
  applies: (account) => account.status === 'inactive',
  submit(_body, account, { app, request }) {
    app.record(request, { actor: account.username, action: 'login.inactive', outcome: 'continued' });
    return { kind: 'next' };
  },
  view: () => ({ inactiveText: INACTIVE_TEXT }),
};
