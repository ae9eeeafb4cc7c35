import type { EcfAccount } from '../../db/ecf-accounts-repository.js';
import type { PacerAccount } from '../../db/pacer-accounts-repository.js';

/**
 * The rules of linking a CM/ECF account to a PACER account (FIDELITY §6). The rules are real;
 * the error texts are not public, so every text here is invented (listed in the README).
 */
export const LINK_TEXT = {
  notUpgraded: 'Only upgraded individual PACER accounts can be linked.',
  legacyHint:
    'This is a legacy PACER account. Upgrade it at the PACER Service Center, then log in with the upgraded account to link.',
  sharedHint: 'Shared (firm or agency) PACER accounts cannot be linked. Log in with your own individual PACER account.',
  alreadyLinkedHere: 'Your PACER account is already linked to a CM/ECF account at this court.',
  required: 'Enter your CM/ECF login and CM/ECF password.',
  invalid: 'Invalid CM/ECF login or password.',
  specialCharacters:
    'CM/ECF logins that contain special characters cannot be linked. Contact the court\u2019s CM/ECF help desk for a new login.',
  ecfAlreadyLinked: 'This CM/ECF account is already linked to a PACER account.',
  namesDiffer:
    'The name on the CM/ECF account is not the same as the name on your PACER account. Make sure this CM/ECF account is yours before you link it.',
} as const;

/** Fidelity (real): only upgraded individual accounts link; shared and legacy ones cannot. */
export function pacerSideProblem(account: PacerAccount, linkedHere: EcfAccount | undefined): { text: string; hint?: string } | null {
  if (account.kind === 'shared') return { text: LINK_TEXT.notUpgraded, hint: LINK_TEXT.sharedHint };
  if (!account.upgraded) return { text: LINK_TEXT.notUpgraded, hint: LINK_TEXT.legacyHint };
  if (linkedHere) return { text: LINK_TEXT.alreadyLinkedHere };
  return null;
}

/** Fidelity (real): logins with special characters cannot link. Letters and digits only pass. */
export function hasSpecialCharacters(login: string): boolean {
  return !/^[A-Za-z0-9]+$/.test(login);
}

export function fullName(a: { firstName: string; lastName: string }): string {
  return `${a.firstName} ${a.lastName}`.trim();
}

export function namesDiffer(pacer: PacerAccount, ecf: EcfAccount): boolean {
  const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();
  return norm(fullName(pacer)) !== norm(fullName(ecf));
}
