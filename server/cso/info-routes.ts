import type { FastifyInstance } from 'fastify';
import { onlyOnCsoHosts } from '../plugins/site.js';

/**
 * The CSO login page's side links. The real ones lead to PACER registration and recovery, which
 * the sandbox does not simulate; these pages say so (paths and texts invented).
 */
const PAGES: Record<string, { heading: string; message: string }> = {
  '/csologin/register.jsf': {
    heading: 'Need an Account?',
    message: 'Registration is not simulated in this sandbox. Use one of the sandbox logins your trainer or the README gives you.',
  },
  '/csologin/forgotPassword.jsf': {
    heading: 'Forgot Your Password?',
    message: 'Password recovery is not simulated in this sandbox. Every sandbox persona uses the password listed in the README.',
  },
  '/csologin/forgotUsername.jsf': {
    heading: 'Forgot User Name?',
    message: 'User name recovery is not simulated in this sandbox. The sandbox personas are listed in the README.',
  },
};

export default async function csoInfoRoutes(app: FastifyInstance) {
  app.addHook('onRequest', onlyOnCsoHosts);
  for (const [path, page] of Object.entries(PAGES)) {
    app.get(path, async (_request, reply) => reply.page('cso/info', { ...page, pageTitle: page.heading }));
  }
}
