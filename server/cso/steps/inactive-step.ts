import type { LoginStep } from './step.js';

/**
 * An account whose search status is inactive (real): the CSO shows the "PACER User Inactive"
 * dialog and the login still proceeds when the user continues (FIDELITY §3).
 */
export const INACTIVE_TEXT = {
  // Fidelity: the title and both paragraphs are the real dialog's (the CSO login page archived in
  // 2016, eot.us.archive.org/eot/20161207235215/http://pacer.uspci.uscourts.gov/; audit).
  title: 'PACER User Inactive',
  lead: 'PACER User Inactive:',
  first:
    'Although you have a PACER account, your account is currently inactive. For information on how to make your account status active, contact the PACER Service Center at (800) 676-6856 Monday through Friday between 8 AM and 6 PM CT, or email pacer@psc.uscourts.gov.',
  second:
    'You may continue to log in and perform other activities (e.g., e-file, request filing privileges), but you will not be able to perform a search until your account is active.',
  // Invented: the button's label is not in the archived text.
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
