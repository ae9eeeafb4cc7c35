import type { FastifyInstance } from 'fastify';
import type { FeePort, NefPort } from '../../domain/filing-ports.js';
import { standInFees, standInNef } from '../../domain/filing-standins.js';

/**
 * The one seam between the filing and the NEF/fees slice (docs/filing.md "Stand-ins"): the NEF
 * service and the fee service the filing's commit is given. At the merge these return
 * `createNefService({ repos })` and `createFeeService({ repos, clock })` and the stand-ins go.
 */
export function nefServiceFor(app: FastifyInstance): NefPort {
  return standInNef(app.repos.outbox);
}

export function feeServiceFor(_app: FastifyInstance): FeePort {
  return standInFees;
}

/** The receipt page's template (the NEF slice's `ecf/nef/page` at the merge). */
export const RECEIPT_TEMPLATE = 'ecf/filing/receipt' as const;
