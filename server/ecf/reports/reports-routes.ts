import type { FastifyInstance } from 'fastify';
import docketReportRoutes from './docket-report-routes.js';
import historyRoutes from './history-routes.js';
import writtenOpinionsRoutes from './written-opinions-routes.js';

/**
 * The Reports menu's pages (real scripts DktRpt.pl, HistDocQry.pl, WrtOpRpt.pl), registered
 * behind the court session guard in ecf-routes.ts. possible_case_numbers.pl is registered
 * outside it (possible-case-numbers-routes.ts): without a session it answers in XML.
 */
export default async function reportsRoutes(app: FastifyInstance) {
  await app.register(docketReportRoutes);
  await app.register(historyRoutes);
  await app.register(writtenOpinionsRoutes);
}
