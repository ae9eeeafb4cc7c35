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

/**
 * CSPRNG bytes handed out from a pool refilled 4 KiB at a time: a JSESSIONID is made for every
 * first visit to the login page, and one randomBytes call per 16 bytes costs more than the bytes.
 */
const POOL_SIZE = 4096;
let pool = Buffer.alloc(0);
let poolOffset = 0;
function poolBytes(n: number): Buffer {
  if (poolOffset + n > pool.length) {
    pool = randomBytes(POOL_SIZE);
    poolOffset = 0;
  }
  const out = pool.subarray(poolOffset, poolOffset + n);
  poolOffset += n;
  return out;
}

/** The CSO's servlet session id (JSESSIONID), in the upper-case hex style of Java servers. */
export function newJSessionId(): string {
  return poolBytes(16).toString('hex').toUpperCase();
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
