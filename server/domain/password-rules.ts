/**
 * The 2025 PACER password standard and the 180-day rule (FIDELITY §7, real): 14-45 characters,
 * at least one lower-case, one upper-case and one special character, no part of the user's name,
 * username or email; change every 180 days. The wording of each problem is ours.
 */
export const PASSWORD_MIN = 14;
export const PASSWORD_MAX = 45;
export const PASSWORD_MAX_AGE_DAYS = 180;
export const PASSWORD_MAX_AGE_MS = PASSWORD_MAX_AGE_DAYS * 86_400_000;
/** Invented: how many times the update prompt may be skipped before "User Update Required". */
export const PASSWORD_PROMPT_SKIPS = 3;

/** The rules as the dialog lists them. */
export const PASSWORD_RULES: readonly string[] = [
  `${PASSWORD_MIN} to ${PASSWORD_MAX} characters`,
  'at least one lower-case letter (a-z)',
  'at least one upper-case letter (A-Z)',
  'at least one special character, such as ! @ # $ % ^ & *',
  'no part of your name, username or email address',
];

export interface PasswordOwner {
  username: string;
  firstName: string;
  lastName: string;
  email: string;
}

/** Whether the password is older than 180 days at `now`. */
export function passwordExpired(passwordChangedAt: number, now: number): boolean {
  return now - passwordChangedAt > PASSWORD_MAX_AGE_MS;
}

/**
 * Pieces of the owner's identity a password may not contain (case-insensitive). Parts shorter
 * than 3 characters are left out: forbidding "Al" or "Li" would forbid half the dictionary.
 */
function identityParts(owner: PasswordOwner): { part: string; what: string }[] {
  const out: { part: string; what: string }[] = [];
  const add = (s: string, what: string) => {
    const p = s.trim().toLowerCase();
    if (p.length >= 3 && !out.some((o) => o.part === p)) out.push({ part: p, what });
  };
  add(owner.username, 'your username');
  for (const n of `${owner.firstName} ${owner.lastName}`.split(/[\s,.'-]+/)) add(n, 'your name');
  const email = owner.email.trim().toLowerCase();
  if (email) {
    add(email.split('@')[0] ?? '', 'your email address');
    for (const n of (email.split('@')[0] ?? '').split(/[._+-]+/)) add(n, 'your email address');
  }
  return out;
}

/** Every way `password` breaks the standard, in the dialog's words; empty when it is acceptable. */
export function passwordProblems(password: string, owner: PasswordOwner): string[] {
  const problems: string[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN || length > PASSWORD_MAX) {
    problems.push(`The password must be ${PASSWORD_MIN} to ${PASSWORD_MAX} characters long (yours has ${length}).`);
  }
  if (!/\p{Ll}/u.test(password)) problems.push('The password must contain at least one lower-case letter.');
  if (!/\p{Lu}/u.test(password)) problems.push('The password must contain at least one upper-case letter.');
  if (!/[^\p{L}\p{N}]/u.test(password)) problems.push('The password must contain at least one special character, such as ! @ # $ % ^ & *.');
  const lower = password.toLowerCase();
  const found = new Set<string>();
  for (const { part, what } of identityParts(owner)) if (lower.includes(part)) found.add(what);
  for (const what of found) problems.push(`The password must not contain ${what}.`);
  return problems;
}
