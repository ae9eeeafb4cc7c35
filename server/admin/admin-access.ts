import { randomBytes } from 'node:crypto';

/**
 * Who may use the control plane, decided once at start (server/main.ts) from HOST and ADMIN_TOKEN:
 *
 * | ADMIN_TOKEN | HOST            | control plane                                        |
 * |-------------|-----------------|------------------------------------------------------|
 * | set         | anything        | requires that token                                  |
 * | empty       | loopback only   | open (only this machine can reach it)                |
 * | empty       | anything else   | requires a random token made now and printed once    |
 *
 * Never silently open to a network: a mock that can reset, create accounts and read sessions
 * must not be driven by anyone who can reach the port.
 */
export interface AdminAccess {
  /** The token every /__admin route except health requires, or null when open. */
  token: string | null;
  /** True when the token was made here and must be shown to the operator (once). */
  generated: boolean;
}

/** Interface names that only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[|\]$/g, '');
  if (h === 'localhost' || h === '::1' || h === '0:0:0:0:0:0:0:1') return true;
  if (/^127(\.\d{1,3}){3}$/.test(h)) return true;
  if (/^::ffff:127(\.\d{1,3}){3}$/.test(h)) return true;
  return false;
}

export function decideAdminAccess(opts: { host: string; adminToken: string | null }, makeToken = newAdminToken): AdminAccess {
  if (opts.adminToken !== null) return { token: opts.adminToken, generated: false };
  if (isLoopbackHost(opts.host)) return { token: null, generated: false };
  return { token: makeToken(), generated: true };
}

/** 32 random bytes, URL-safe: 43 characters, easy to paste into a header. */
export function newAdminToken(): string {
  return randomBytes(32).toString('base64url');
}
