import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const ALPHANUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Uniform alphanumeric string from the CSPRNG (rejection sampling: no modulo bias). */
export function randomAlphanumeric(length: number): string {
  let out = '';
  while (out.length < length) {
    const bytes = randomBytes(length * 2);
    for (const b of bytes) {
      if (b < 248) out += ALPHANUM[b % 62];
      if (out.length === length) break;
    }
  }
  return out;
}

/** Fidelity: the real NextGenCSO token is a 128-character string. 128 x log2(62) = 762 bits. */
export function newSessionToken(): string {
  return randomAlphanumeric(128);
}

/** The CSO's servlet session id (JSESSIONID), in the upper-case hex style of Java servers. */
export function newJSessionId(): string {
  return randomBytes(16).toString('hex').toUpperCase();
}

/** Keyed MAC for ViewStates and form tokens: binds a value to a session without storing it. */
export function sign(secret: Buffer, ...parts: string[]): string {
  const h = createHmac('sha256', secret);
  for (const p of parts) h.update(p).update('\u0000');
  return h.digest('base64url');
}

export function signatureMatches(secret: Buffer, given: unknown, ...parts: string[]): boolean {
  if (typeof given !== 'string' || given.length === 0 || given.length > 200) return false;
  const expected = Buffer.from(sign(secret, ...parts));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
