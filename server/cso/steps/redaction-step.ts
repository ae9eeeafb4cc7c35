import { field, has } from '../../domain/form-fields.js';
import type { LoginStep, StepResult } from './step.js';

/**
 * Step 3 of the FLSD guide: the Redaction Agreement (real), form `regmsg`, checkbox
 * `regmsg:chkRedact` posted as `regmsg:chkRedact_input=on`, button `regmsg:bpmConfirm`.
 * Fidelity: shown to accounts with filer status only; Continue without the tick stays.
 *
 * Fidelity (jsc 5580f0cf9, audit "The CSO screen login"): PrimeFaces sends the tick on its own, as
 * an AJAX `valueChange` of `regmsg:chkRedact` that renders `regmsg:bpmConfirm` again (enabled),
 * and only Continue (`regmsg:bpmConfirm`, with `dialogName=redactionDlg`) finishes the login.
 */
const REDACTION = {
  checkbox: 'regmsg:chkRedact',
  confirm: 'regmsg:bpmConfirm',
} as const;

/** The tick itself, not Continue: the checkbox is the event's source and no button was pressed. */
function isValueChange(body: unknown): boolean {
  const source = field(body, 'javax.faces.source', 100) || field(body, 'jakarta.faces.source', 100);
  return source === REDACTION.checkbox && !has(body, REDACTION.confirm);
}

export const redactionStep: LoginStep = {
  name: 'redaction',
  dialogId: 'redactionConfirmation',
  form: 'regmsg',
  applies: (account) => account.filer,
  submit(body, account, { app, request }): StepResult {
    const ticked = field(body, `${REDACTION.checkbox}_input`, 10) === 'on';
    if (isValueChange(body)) {
      return { kind: 'refresh', state: { ticked }, parts: [{ id: REDACTION.confirm, template: 'cso/redaction-confirm' }] };
    }
    app.record(request, { actor: account.username, action: 'login.redaction', outcome: ticked ? 'accepted' : 'not_ticked' });
    if (ticked) return { kind: 'next' };
    // Invented: the real dialog simply stays; we also say why.
    return {
      kind: 'stay',
      messages: [{ severity: 'error', text: 'You must check the box to acknowledge the redaction rules before you continue.' }],
    };
  },
};
