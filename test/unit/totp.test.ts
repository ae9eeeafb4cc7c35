import { describe, expect, it } from 'vitest';
import { base32Decode, hotp, totp, totpStep, verifyTotp, type TotpAlgorithm } from '../../server/domain/totp.js';

/** RFC 6238 Appendix B: the seeds are the ASCII strings below, codes are 8 digits, step 30 s. */
const SEEDS: Record<TotpAlgorithm, Buffer> = {
  sha1: Buffer.from('12345678901234567890'),
  sha256: Buffer.from('12345678901234567890123456789012'),
  sha512: Buffer.from('1234567890123456789012345678901234567890123456789012345678901234'),
};

const VECTORS: [number, string, TotpAlgorithm][] = [
  [59, '94287082', 'sha1'],
  [59, '46119246', 'sha256'],
  [59, '90693936', 'sha512'],
  [1111111109, '07081804', 'sha1'],
  [1111111109, '68084774', 'sha256'],
  [1111111109, '25091201', 'sha512'],
  [1111111111, '14050471', 'sha1'],
  [1111111111, '67062674', 'sha256'],
  [1111111111, '99943326', 'sha512'],
  [1234567890, '89005924', 'sha1'],
  [1234567890, '91819424', 'sha256'],
  [1234567890, '93441116', 'sha512'],
  [2000000000, '69279037', 'sha1'],
  [2000000000, '90698825', 'sha256'],
  [2000000000, '38618901', 'sha512'],
  [20000000000, '65353130', 'sha1'],
  [20000000000, '77737706', 'sha256'],
  [20000000000, '47863826', 'sha512'],
];

describe('TOTP (RFC 6238)', () => {
  it.each(VECTORS)('at T=%i the code is %s (%s)', (seconds, code, algorithm) => {
    expect(totp(SEEDS[algorithm], seconds * 1000, { digits: 8, algorithm })).toBe(code);
  });

  it('computes RFC 4226 HOTP values (Appendix D)', () => {
    const key = Buffer.from('12345678901234567890');
    expect([0, 1, 2, 9].map((c) => hotp(key, c))).toEqual(['755224', '287082', '359152', '520489']);
  });

  it('decodes base32 secrets as authenticator apps show them ("Hello!" + 0xDEADBEEF)', () => {
    expect(base32Decode('JBSWY3DPEHPK3PXP')?.toString('hex')).toBe('48656c6c6f21deadbeef');
    expect(base32Decode('jbsw y3dp-ehpk3pxp==')?.toString('hex')).toBe('48656c6c6f21deadbeef');
    expect(base32Decode('JBSW1')).toBeNull();
  });

  it('accepts one step of skew either side, and no more', () => {
    const secret = 'JBSWY3DPEHPK3PXP';
    const key = base32Decode(secret) as Buffer;
    const now = 1_700_000_015_000;
    const step = totpStep(now);
    for (const d of [-1, 0, 1]) expect(verifyTotp(secret, totp(key, now + d * 30_000), now)).toBe(step + d);
    for (const d of [-2, 2]) expect(verifyTotp(secret, totp(key, now + d * 30_000), now)).toBeNull();
    expect(verifyTotp(secret, '12345', now)).toBeNull();
    expect(verifyTotp(secret, 'abcdef', now)).toBeNull();
  });

  it('refuses a code from a step already used (RFC 6238 §5.2)', () => {
    const secret = 'JBSWY3DPEHPK3PXP';
    const key = base32Decode(secret) as Buffer;
    const now = 1_700_000_015_000;
    const code = totp(key, now);
    expect(verifyTotp(secret, code, now, { afterStep: totpStep(now) - 1 })).toBe(totpStep(now));
    expect(verifyTotp(secret, code, now, { afterStep: totpStep(now) })).toBeNull();
  });
});
