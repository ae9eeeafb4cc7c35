import { Eta } from 'eta';
import fp from 'fastify-plugin';
import { VIEWS_DIR } from '../paths.js';

/**
 * Eta over views/, templates compiled once and cached. Output is HTML-escaped by default
 * (`<%= %>`); raw output (`<%~ %>`) is used only for the layout body and partials.
 */
export default fp(
  async (app) => {
    const eta = new Eta({ views: VIEWS_DIR, cache: true, autoEscape: true, autoTrim: [false, 'nl'] });
    app.decorate('renderView', (template: string, data: Record<string, unknown>) => eta.render(template, data));
    app.decorateReply('page', function (template: string, data: Record<string, unknown> = {}, status = 200) {
      const html = eta.render(template, { site: this.request.site, ...data });
      return this.code(status).type('text/html; charset=utf-8').send(html);
    });
  },
  { name: 'views' },
);
