import { createHmac } from 'node:crypto';

/**
 * An authenticator app in ten lines, written apart from server/domain/totp.ts so the tests
 * compute codes the way a user's phone does rather than by asking the code under test.
 */
export const MFA_SECRET = 'JBSWY3DPEHPK3PXP'; // persona mfaattorney

export function authenticatorCode(secretBase32: string, atMs: number): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const bits = [...secretBase32].map((c) => alphabet.indexOf(c).toString(2).padStart(5, '0')).join('');
  const key = Buffer.from((bits.match(/.{8}/g) ?? []).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(atMs / 30_000)));
  const mac = createHmac('sha1', key).update(counter).digest();
  const o = (mac[19] ?? 0) & 0xf;
  return String((mac.readUInt32BE(o) & 0x7fffffff) % 1_000_000).padStart(6, '0');
}
