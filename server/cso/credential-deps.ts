import type { FastifyInstance } from 'fastify';
import type { CredentialDeps } from '../domain/login-rules.js';

/** What the shared login rules need from the app; every login path (screen, dialogs, API) builds it here. */
export function credentialDeps(app: FastifyInstance): CredentialDeps {
  return {
    accounts: app.repos.pacerAccounts,
    journal: app.repos.journal,
    now: () => app.clock.now(),
    lockoutThreshold: app.config.lockoutThreshold,
    lockoutSeconds: app.config.lockoutSeconds,
    hashCost: app.config.passwordHashCost,
  };
}
