import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { PacerAccount } from '../../db/pacer-accounts-repository.js';
import type { Session } from '../../db/sessions-repository.js';
import { newSessionToken } from '../domain/tokens.js';

export interface ActiveSession {
  session: Session;
  account: PacerAccount;
}

export interface SessionService {
  /** Starts a CSO session for an account: a fresh token at every login. */
  start(account: PacerAccount, clientCode: string, host: string): string;
  /** The live session named by the request's NextGenCSO (or PacerSession) cookie. */
  fromRequest(request: FastifyRequest): ActiveSession | null;
  end(token: string, actor: string, host: string): boolean;
  /** Fidelity: the cookies the CSO sets on success (FIDELITY §3). */
  setLoginCookies(request: FastifyRequest, reply: FastifyReply, token: string, account: PacerAccount, clientCode: string): void;
  clearLoginCookies(request: FastifyRequest, reply: FastifyReply): void;
  /** The attributes of a PACER cookie (the login cookies, PacerClientCode) on this request's host. */
  cookieOptions(request: FastifyRequest): CookieOptions;
}

interface CookieOptions {
  path: string;
  domain?: string;
  httpOnly: boolean;
  sameSite: 'lax';
  secure: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    sessions: SessionService;
  }
}

export const SESSION_COOKIES = ['NextGenCSO', 'PacerSession'] as const;
const TOKEN_RE = /^[A-Za-z0-9]{128}$/;

export default fp(
  async (app) => {
    const { sessions, pacerAccounts, journal } = app.repos;

    /**
     * Fidelity: the PACER cookies are readable by page scripts: RECAP reads PacerSession, NextGenCSO,
     * PacerUser and PacerPref through document.cookie, and an HttpOnly PacerSession disables it
     * (audit, "The CSO screen login"). HARDEN_COOKIES=on makes them HttpOnly instead.
     *
     * Fidelity: the real CSO scopes its cookies to .uscourts.gov; elsewhere they are host-only.
     * Departure (invented): CSO and court hosts under `<name>.localhost` (e.g. pacer.login.uscourts.localhost
     * and ecf.flsd.uscourts.localhost) get Domain=.<name>.localhost, so a browser can walk the journey
     * across the split hosts on loopback exactly as it does across .uscourts.gov. A bare `.localhost`
     * suffix cannot carry a domain cookie (browsers refuse a top-level domain), so those stay host-only.
     */
    function cookieOptions(request: FastifyRequest): CookieOptions {
      const { hostname, target } = request.site.host;
      const opts: CookieOptions = { path: '/', httpOnly: app.config.hardenCookies, sameSite: 'lax', secure: request.site.scheme === 'https' };
      if (hostname.endsWith('.uscourts.gov')) opts.domain = '.uscourts.gov';
      else if (target.kind !== 'any' && /^[a-z0-9-]+(\.[a-z0-9-]+)*\.localhost$/.test(target.suffix)) opts.domain = `.${target.suffix}`;
      return opts;
    }

    const service: SessionService = {
      start(account, clientCode, host) {
        const now = app.clock.now();
        const token = newSessionToken();
        sessions.create({
          token,
          pacerAccountId: account.id,
          clientCode,
          createdAt: now,
          expiresAt: now + app.config.sessionTtl * 1000,
        });
        journal.add({ at: now, actor: account.username, host, action: 'session.start', outcome: 'ok', detail: '' });
        return token;
      },
      fromRequest(request) {
        const cookies = request.cookies;
        for (const name of SESSION_COOKIES) {
          const token = cookies[name];
          if (!token || !TOKEN_RE.test(token)) continue;
          const session = sessions.active(token, app.clock.now());
          if (!session) continue;
          const account = pacerAccounts.byId(session.pacerAccountId);
          if (!account || account.status === 'disabled') continue;
          return { session, account };
        }
        return null;
      },
      end(token, actor, host) {
        const now = app.clock.now();
        const ended = sessions.end(token, now);
        if (ended) journal.add({ at: now, actor, host, action: 'session.end', outcome: 'ok', detail: '' });
        return ended;
      },
      setLoginCookies(request, reply, token, account, clientCode) {
        const opts = cookieOptions(request);
        reply.setCookie('NextGenCSO', token, opts);
        reply.setCookie('PacerSession', token, opts);
        reply.setCookie('PacerUser', account.username, opts);
        // Fidelity: the real value is the literal receipt=Y, not URL-encoded.
        reply.setCookie('PacerPref', 'receipt=Y', { ...opts, encode: (v: string) => v });
        if (clientCode) reply.setCookie('PacerClientCode', clientCode, opts);
        else reply.clearCookie('PacerClientCode', opts);
      },
      clearLoginCookies(request, reply) {
        const opts = cookieOptions(request);
        for (const name of ['NextGenCSO', 'PacerSession', 'PacerUser', 'PacerPref', 'PacerClientCode']) {
          reply.clearCookie(name, opts);
        }
      },
      cookieOptions,
    };
    app.decorate('sessions', service);
  },
  { name: 'sessions', dependencies: ['site', 'db'] },
);
