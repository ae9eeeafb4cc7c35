import type { FastifyInstance } from 'fastify';
import { createFeeService, FEE_LOCK_TEXT, feeForEvent } from '../../domain/fees.js';
import type { FeePort, NefPort } from '../../domain/filing-ports.js';
import { createNefService } from '../../domain/nef.js';

/**
 * The one seam between the filing and the NEF/fees slice (docs/filing.md, docs/nef.md): the NEF
 * service and the fee service the filing's commit is given.
 */
export function nefServiceFor(app: FastifyInstance): NefPort {
  return createNefService({ repos: app.repos });
}

export function feeServiceFor(app: FastifyInstance): FeePort {
  const fees = createFeeService({ repos: app.repos, clock: app.clock });
  return {
    feeForEvent,
    charge: (input) => fees.charge(input),
    filingLocked: (pacerAccountId, court, now) => fees.filingLocked(pacerAccountId, court, now),
    lockText: FEE_LOCK_TEXT,
  };
}

/** The receipt page: the NEF slice's page template, the notice's HTML in the court skeleton. */
export const RECEIPT_TEMPLATE = 'ecf/nef/page' as const;
