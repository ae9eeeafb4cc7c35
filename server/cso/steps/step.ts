import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { PacerAccount } from '../../../db/pacer-accounts-repository.js';
import type { TemplateName } from '../../plugins/views.js';

/**
 * One dialog a screen login passes through after the password (FIDELITY §3): the Redaction
 * Agreement, MFA, notices. Each step is a file in this folder; login-steps.ts orders them.
 *
 * A step's dialog is views/cso/dialogs/<name>.eta, shown over the login page; its form posts to
 * login.jsf with a hidden field named `form` (as JSF names every form), which is how the POST
 * handler knows which step answered.
 */
export type Message = { severity: 'error' | 'warn' | 'info'; text: string };

export interface StepContext {
  app: FastifyInstance;
  request: FastifyRequest;
  now: number;
}

export type StepResult =
  /** The step is satisfied: go on to the next step, or finish the login. */
  | { kind: 'next' }
  /** Show the dialog again with these messages. */
  | { kind: 'stay'; messages: Message[] }
  /** End the login attempt: the login page again with these messages, nobody logged in. */
  | { kind: 'abort'; messages: Message[] }
  /**
   * A value changed inside the dialog (a PrimeFaces `valueChange`): the login waits, and the parts
   * named are rendered again with `state` as extra dialog data. The AJAX variant gets exactly those
   * parts and the ViewState as updates; a plain POST gets the page with the dialog.
   */
  | { kind: 'refresh'; state: Record<string, unknown>; parts: readonly RefreshPart[] };

/** One part of a dialog a `refresh` renders again: the element id and the template that draws it. */
export interface RefreshPart {
  id: string;
  template: TemplateName;
}

/** A step's name is the name of its dialog's template, so a step without one fails the typecheck. */
type DialogOf<T> = T extends `cso/dialogs/${infer N}` ? N : never;
export type StepName = DialogOf<TemplateName>;

export interface LoginStep {
  /** Also the template name: views/cso/dialogs/<name>.eta. */
  readonly name: StepName;
  /** The id of the dialog's outer element: the AJAX variant sends the dialog as an update of it. */
  readonly dialogId: string;
  /** The JSF form id whose hidden field identifies this step's POST. */
  readonly form: string;
  /** Whether this account passes through the step at this login. */
  applies(account: PacerAccount, ctx: StepContext): boolean;
  /** Handles the dialog's POST. */
  submit(body: unknown, account: PacerAccount, ctx: StepContext): StepResult | Promise<StepResult>;
  /** Extra data for the dialog template. */
  view?(account: PacerAccount, ctx: StepContext): Record<string, unknown>;
}
