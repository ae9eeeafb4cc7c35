import { Eta } from 'eta';
import fp from 'fastify-plugin';
import { Readable } from 'node:stream';
import { VIEWS_DIR } from '../paths.js';

/**
 * Every page template under views/ (not the layouts, partials or static files), by the name the
 * renderers take: a typo in a template name fails the typecheck, and test/unit/views.test.ts
 * keeps this list and the files on disk the same.
 */
export const TEMPLATE_NAMES = [
  'admin/dashboard',
  'admin/docs',
  'admin/login',
  'admin/message',
  'admin/outbox-message',
  'cli/login-cards',
  'cso/dialogs/inactive',
  'cso/dialogs/mfa',
  'cso/dialogs/password-update',
  'cso/dialogs/redaction',
  'cso/info',
  'cso/login',
  'cso/login-form',
  'cso/maintenance',
  'cso/redaction-confirm',
  'ecf/billing-history',
  'ecf/case-summary',
  'ecf/client-code',
  'ecf/court-index',
  'ecf/documents/attachment-menu',
  'ecf/documents/attachment-menu-bankruptcy',
  'ecf/documents/confirm',
  'ecf/documents/message',
  'ecf/documents/multidocs',
  'ecf/documents/pdf-frame',
  'ecf/filing/categories',
  'ecf/filing/message',
  'ecf/filing/picker',
  'ecf/filing/step',
  'ecf/fees/charges',
  'ecf/fees/due',
  'ecf/fees/pay',
  'ecf/help',
  'ecf/iquery',
  'ecf/link-confirm',
  'ecf/link-forgot',
  'ecf/link-form',
  'ecf/link-refused',
  'ecf/link-result',
  'ecf/logged-out',
  'ecf/login-redirect',
  'ecf/main',
  'ecf/maintain-account',
  'ecf/maintenance',
  'ecf/nef/notice',
  'ecf/nef/notice-bankruptcy',
  'ecf/nef/page',
  'ecf/no-privileges',
  'ecf/not-a-filer',
  'ecf/query-message',
  'ecf/query-pending',
  'ecf/query-results',
  'ecf/reports',
  'ecf/reports/docket',
  'ecf/reports/docket-bankruptcy',
  'ecf/reports/docket-form',
  'ecf/reports/history',
  'ecf/reports/history-form',
  'ecf/reports/large-docket',
  'ecf/reports/message',
  'ecf/reports/opinions',
  'ecf/reports/opinions-form',
  'ecf/reports/report',
  'ecf/transaction-log',
  'ecf/utilities',
  'errors/blocked',
  'errors/error',
  'errors/not-found',
  'errors/not-found-ecf',
] as const;

export type TemplateName = (typeof TEMPLATE_NAMES)[number];

declare module 'fastify' {
  interface FastifyInstance {
    /** Renders views/<template>.eta to a string (for answers that are not a whole page). */
    renderView(template: TemplateName, data: Record<string, unknown>): string;
  }
  interface FastifyReply {
    /** Renders views/<template>.eta as an HTML page; the data gets `site` (the request's host decision). */
    page(template: TemplateName, data?: Record<string, unknown>, status?: number): FastifyReply;
    /**
     * As `page`, with `middle` (UTF-8 HTML rendered earlier, e.g. kept in a cache) where the
     * template writes PAGE_HOLE raw: the page around it is rendered now, and the three parts are
     * sent one after the other, the middle never copied or decoded.
     */
    pageWith(template: TemplateName, data: Record<string, unknown>, middle: Buffer, status?: number): FastifyReply;
  }
}

/** What a template given to `pageWith` writes raw (`<%~ %>`) where the middle goes: a string no page contains. */
export const PAGE_HOLE = '\u0000mock-pacer-page-hole\u0000';

/**
 * Eta over views/, templates compiled once and cached. Output is HTML-escaped by default
 * (`<%= %>`); raw output (`<%~ %>`) is used only for the layout body and partials.
 * Also used outside a request (the Notice of Electronic Filing's e-mail bodies, server/domain/nef.ts).
 */
export function createEta(): Eta {
  return new Eta({ views: VIEWS_DIR, cache: true, autoEscape: true, autoTrim: [false, 'nl'] });
}

export default fp(
  async (app) => {
    const eta = createEta();
    app.decorate('renderView', (template: TemplateName, data: Record<string, unknown>) => eta.render(template, data));
    app.decorateReply('page', function (template: TemplateName, data: Record<string, unknown> = {}, status = 200) {
      const html = eta.render(template, { site: this.request.site, ...data });
      return this.code(status).type('text/html; charset=utf-8').send(html);
    });
    app.decorateReply('pageWith', function (template: TemplateName, data: Record<string, unknown>, middle: Buffer, status = 200) {
      const html = eta.render(template, { site: this.request.site, ...data });
      const at = html.indexOf(PAGE_HOLE);
      if (at < 0) throw new Error(`pageWith: ${template} did not write PAGE_HOLE`);
      const before = Buffer.from(html.slice(0, at));
      const after = Buffer.from(html.slice(at + PAGE_HOLE.length));
      return this.code(status)
        .type('text/html; charset=utf-8')
        .header('Content-Length', String(before.length + middle.length + after.length))
        .send(Readable.from([before, middle, after], { objectMode: false }));
    });
  },
  { name: 'views' },
);
