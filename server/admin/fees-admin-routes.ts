import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { endOfCourtDay } from '../domain/nef-settings.js';
import { InputError, iso } from './admin-http.js';
import { FeeJson, FeesQuery, listing } from './admin-schemas.js';

/** Filing fees (issue 13): charged at the filing's commit, paid by Pay Now or under Internet Payments Due. */
export default async function feesAdminRoutes(plain: FastifyInstance) {
  const app = plain.withTypeProvider<TypeBoxTypeProvider>();
  const { repos } = app;
  const about = 'Newest first. An unpaid fee locks e-filing at its court for its account once its court day ends (locksAt).';
  app.get('/fees', listing('Read the filing fees', FeesQuery, 'fees', FeeJson, 'Fees, newest first.', about), async (request) => {
    const { court: given, username, unpaid, limit } = request.query;
    const court = given?.toLowerCase();
    let pacerAccountId: number | undefined;
    if (username) {
      const account = repos.pacerAccounts.byUsername(username);
      if (!account) return { fees: [] };
      pacerAccountId = account.id;
    }
    if (court && !repos.courts.byCode(court)) throw new InputError(`Query parameter "court" names "${court}", which is not a court here.`);
    const rows = repos.fees.list({ ...(court ? { court } : {}), ...(pacerAccountId === undefined ? {} : { pacerAccountId }), unpaidOnly: unpaid === true, limit: limit ?? 100 });
    const names = new Map(repos.pacerAccounts.list().map((a) => [a.id, a.username]));
    return {
      fees: rows.map((f) => ({
        id: f.id,
        court: f.court,
        username: names.get(f.pacerAccountId) ?? '',
        caseNumber: f.caseId === null ? '' : (repos.cases.byId(f.caseId)?.numberFull ?? ''),
        docNumber: f.docNumber,
        label: f.label,
        amountCents: f.amountCents,
        receiptNumber: f.receiptNumber,
        incurredAt: iso(f.incurredAt),
        paidAt: iso(f.paidAt),
        card: f.card,
        locksAt: f.paidAt === null ? iso(endOfCourtDay(repos.courts.byCode(f.court)?.notice.timeZone ?? 'America/New_York', f.incurredAt)) : null,
      })),
    };
  });
}
