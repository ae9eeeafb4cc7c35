import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * One-time passcodes for the CSO's MFA step (FIDELITY §3): RFC 4226 HOTP and RFC 6238 TOTP over
 * node:crypto, as authenticator apps compute them. Pure: the caller passes the time.
 *
 * Fidelity: PACER's codes are 6-digit TOTP codes on a 30-second step from an authenticator app
 * (SHA-1, the authenticator default). The algorithm and digit count are parameters only so the
 * RFC's own test vectors (8 digits, SHA-256 and SHA-512 too) can be checked.
 */
export type TotpAlgorithm = 'sha1' | 'sha256' | 'sha512';

export interface TotpOptions {
  /** Seconds per step (X in RFC 6238). */
  step?: number;
  digits?: number;
  algorithm?: TotpAlgorithm;
}

const DEFAULTS = { step: 30, digits: 6, algorithm: 'sha1' as TotpAlgorithm };
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * RFC 4648 base32, as authenticator apps show secrets: case-insensitive, spaces, hyphens and
 * `=` padding ignored. Null when a character is not base32.
 */
export function base32Decode(text: string): Buffer | null {
  const clean = text.replace(/[\s=-]/g, '').toUpperCase();
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of clean) {
    const i = BASE32.indexOf(ch);
    if (i < 0) return null;
    value = (value << 5) | i;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** RFC 4226 HOTP: HMAC of the 8-byte big-endian counter, dynamically truncated. */
export function hotp(key: Buffer, counter: number, digits = DEFAULTS.digits, algorithm: TotpAlgorithm = DEFAULTS.algorithm): string {
  const msg = Buffer.alloc(8);
  msg.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac(algorithm, key).update(msg).digest();
  const offset = (mac[mac.length - 1] ?? 0) & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** The RFC 6238 time step (T) that contains the instant `atMs`. */
export function totpStep(atMs: number, stepSeconds = DEFAULTS.step): number {
  return Math.floor(atMs / 1000 / stepSeconds);
}

/** The TOTP code at the instant `atMs` (ms since the epoch). */
export function totp(key: Buffer, atMs: number, opts: TotpOptions = {}): string {
  const o = { ...DEFAULTS, ...opts };
  return hotp(key, totpStep(atMs, o.step), o.digits, o.algorithm);
}

/**
 * Checks a code against the steps around `atMs` (`skew` steps either side, for clock drift
 * between phone and server). Returns the step that matched, or null.
 *
 * `afterStep`: the step of the last code this account used. RFC 6238 §5.2: a verifier must not
 * accept the same code twice, so only later steps count.
 */
export function verifyTotp(
  secretBase32: string,
  code: string,
  atMs: number,
  opts: TotpOptions & { skew?: number; afterStep?: number | null } = {},
): number | null {
  const o = { ...DEFAULTS, skew: 1, ...opts };
  const key = base32Decode(secretBase32);
  if (!key || key.length === 0 || !new RegExp(`^\\d{${o.digits}}$`).test(code)) return null;
  const now = totpStep(atMs, o.step);
  let matched: number | null = null;
  // Every candidate is computed and compared, so the time taken does not say which one matched.
  for (let t = now - o.skew; t <= now + o.skew; t++) {
    if (t < 0) continue;
    const ok = timingSafeEqual(Buffer.from(hotp(key, t, o.digits, o.algorithm)), Buffer.from(code));
    if (ok && (o.afterStep === undefined || o.afterStep === null || t > o.afterStep) && matched === null) matched = t;
  }
  return matched;
}
