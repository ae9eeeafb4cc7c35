import { randomBytes, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';

/**
 * Salted scrypt hashes: `scrypt$<cost>$<salt b64>$<hash b64>`, N = 2^cost, r = 8, p = 1.
 * The cost is part of the stored string, so changing PASSWORD_HASH_COST only affects new hashes.
 */
const KEY_LENGTH = 32;
const R = 8;
const P = 1;

function params(cost: number) {
  const N = 2 ** cost;
  return { N, r: R, p: P, maxmem: 256 * N * R + 1024 * 1024 };
}

export function hashPassword(password: string, cost: number): string {
  const salt = randomBytes(16);
  const hash = scryptSync(password.normalize('NFC'), salt, KEY_LENGTH, params(cost));
  return `scrypt$${cost}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

function parse(stored: string): { cost: number; salt: Buffer; hash: Buffer } | null {
  const parts = stored.split('$');
  if (parts.length !== 4 || parts[0] !== 'scrypt') return null;
  const cost = Number(parts[1]);
  if (!Number.isInteger(cost) || cost < 1 || cost > 24) return null;
  return { cost, salt: Buffer.from(parts[2] ?? '', 'base64'), hash: Buffer.from(parts[3] ?? '', 'base64') };
}

/** Checks a password off the event loop (libuv's thread pool), so logins do not stall each other. */
export function verifyPassword(password: string, stored: string): Promise<boolean> {
  const p = parse(stored);
  if (!p) return Promise.resolve(false);
  return new Promise((resolve) => {
    scrypt(password.normalize('NFC'), p.salt, p.hash.length, params(p.cost), (err, derived) => {
      resolve(!err && derived.length === p.hash.length && timingSafeEqual(derived, p.hash));
    });
  });
}

/**
 * A hash to check unknown usernames against, so "no such user" costs the same time as
 * "wrong password" and the two cannot be told apart by timing.
 */
const dummyHashes = new Map<number, string>();
export function dummyHash(cost: number): string {
  let h = dummyHashes.get(cost);
  if (!h) {
    h = hashPassword(randomBytes(12).toString('hex'), cost);
    dummyHashes.set(cost, h);
  }
  return h;
}
