import type { EcfAccount, EcfAccountsRepository } from '../../db/ecf-accounts-repository.js';
import type { PacerAccount, PacerAccountsRepository } from '../../db/pacer-accounts-repository.js';
import type { Court } from '../../db/courts-repository.js';
import type { OutboxRepository } from '../../db/outbox-repository.js';
import { fullName, LINK_TEXT } from './link-rules.js';
import type { ServiceDeps } from './service-deps.js';

/** What linking needs from the app: the accounts and the outbox, besides the journal, transaction and time. */
export interface LinkingDeps extends ServiceDeps {
  ecfAccounts: Pick<EcfAccountsRepository, 'byId' | 'linkedTo' | 'link'>;
  pacerAccounts: Pick<PacerAccountsRepository, 'byId'>;
  outbox: Pick<OutboxRepository, 'add'>;
}

export interface LinkRequest {
  court: Court;
  /** The PACER account of the session confirming. */
  account: PacerAccount;
  /** The CM/ECF account shown on the confirmation page (the form's signed ecfAccountId). */
  ecfId: number;
  /** The Host the confirmation came to, for the journal. */
  host: string;
}

/** Linked, or refused with the text the refusal page shows. */
export type LinkResult = { ok: true; ecf: EcfAccount } | { ok: false; text: string };

/**
 * Steps 9-10 of the link journey (FIDELITY §6): the link, its notice e-mail and its journal
 * entry are made in one transaction, all three or none. Every rule is checked again inside it,
 * so two confirmations racing for the same accounts make one link and one refusal.
 */
export function createLinkingService(deps: LinkingDeps) {
  function linkInTransaction(req: LinkRequest, now: number): LinkResult {
    const { court, account } = req;
    const ecf = deps.ecfAccounts.byId(req.ecfId);
    if (!ecf || ecf.court !== court.code) return { ok: false, text: LINK_TEXT.invalid };
    if (deps.ecfAccounts.linkedTo(court.code, account.id)) return { ok: false, text: LINK_TEXT.alreadyLinkedHere };
    if (!deps.ecfAccounts.link(ecf.id, account.id, now)) return { ok: false, text: LINK_TEXT.ecfAlreadyLinked };
    const pacer = deps.pacerAccounts.byId(account.id) ?? account;
    // Fidelity: a notification email is sent when the accounts are linked (real); the text is invented.
    deps.outbox.add({
      at: now,
      to: pacer.email || `${pacer.username}@example.invalid`,
      subject: `CM/ECF account linked: ${court.name}`,
      body:
        `The CM/ECF account ${ecf.login} (${fullName(ecf)}) at the ${court.name} ` +
        `is now linked to PACER account ${pacer.username} (${fullName(pacer)}).\n\n` +
        `Use your upgraded PACER account to e-file in this court. ` +
        `If you did not make this change, contact the court's CM/ECF help desk.\n`,
    });
    deps.journal.add({
      at: now,
      actor: account.username,
      host: req.host,
      action: 'link',
      outcome: 'linked',
      detail: `court=${court.code} login=${JSON.stringify(ecf.login)}`,
    });
    return { ok: true, ecf };
  }

  return {
    /** Links the session's PACER account to the CM/ECF account, permanently; the caller journals a refusal. */
    confirm(req: LinkRequest): LinkResult {
      const now = deps.now();
      try {
        return deps.transaction(() => linkInTransaction(req, now));
      } catch (err) {
        // UNIQUE (court, linked_pacer_account_id): another confirmation of ours won the race.
        if ((err as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT')) return { ok: false, text: LINK_TEXT.alreadyLinkedHere };
        throw err;
      }
    },
  };
}
export type LinkingService = ReturnType<typeof createLinkingService>;
