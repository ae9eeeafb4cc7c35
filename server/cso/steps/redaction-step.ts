import { field } from '../../domain/form-fields.js';
import type { LoginStep } from './step.js';

/**
 * Step 3 of the FLSD guide: the Redaction Agreement (real), form `regmsg`, checkbox
 * `regmsg:chkRedact` posted as `regmsg:chkRedact_input=on`, button `regmsg:bpmConfirm`.
 * Fidelity: shown to accounts with filer status only; Continue without the tick stays.
 */
export const redactionStep: LoginStep = {
  name: 'redaction',
  dialogId: 'redactionConfirmation',
  form: 'regmsg',
  applies: (account) => account.filer,
  submit(body, account, { app, request }) {
    const ticked = field(body, 'regmsg:chkRedact_input', 10) === 'on';
    app.record(request, { actor: account.username, action: 'login.redaction', outcome: ticked ? 'accepted' : 'not_ticked' });
    if (ticked) return { kind: 'next' };
    // Invented: the real dialog simply stays; we also say why.
    return {
      kind: 'stay',
      messages: [{ severity: 'error', text: 'You must check the box to acknowledge the redaction rules before you continue.' }],
    };
  },
};
