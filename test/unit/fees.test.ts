import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../server/domain/clock.js';
import {
  createFeeService,
  feeDocketText,
  feeForEvent,
  feePaymentUrl,
  formatFeeAmount,
  paymentAuthorization,
  paymentAuthorized,
  withAuthorization,
  type ChargeInput,
} from '../../server/domain/fees.js';
import { freshRepositories } from '../support/repos.js';

// 2026-07-14 21:30 EDT (01:30 UTC the next day): late in the court's day.
const EVENING = Date.UTC(2026, 6, 15, 1, 30);
const MINUTE = 60_000;

function setup() {
  const repos = freshRepositories();
  const clock = new VirtualClock();
  clock.set(EVENING);
  const fees = createFeeService({ repos, clock });
  const court = repos.courts.byCode('flsd')!;
  const account = repos.pacerAccounts.byUsername('jattorney')!;
  const courtCase = repos.cases.byNumber('flsd', '1:24-cv-21555')!;
  const charge = (over: Partial<ChargeInput> = {}) =>
    fees.charge({ court, pacerAccountId: account.id, ecfAccountId: 0, caseId: courtCase.id, docNumber: 99, filingId: 1, fee: { cents: 60500, label: 'Notice of Appeal' }, paid: false, at: EVENING, ...over });
  return { repos: repos, clock, fees, court, account, charge };
}

describe('fee amounts and texts', () => {
  it('takes the fee from the event and writes it as the docket text does', () => {
    expect(feeForEvent({ code: 'flsd' }, { feeCents: 60500, short: 'Notice of Appeal', name: 'Appeal' })).toEqual({ cents: 60500, label: 'Notice of Appeal' });
    expect(feeForEvent({ code: 'flsd' }, { feeCents: null, short: 'Motion to Dismiss', name: 'Dismiss' })).toBeNull();
    expect(formatFeeAmount(60500)).toBe('$ 605');
    expect(formatFeeAmount(50550)).toBe('$ 505.50');
    expect(feeDocketText({ cents: 60500 }, 'AFLSDC-19600001')).toBe('Filing fee $ 605, receipt number AFLSDC-19600001');
  });
});

describe('createFeeService', () => {
  it('gives receipt numbers "A" + the CSO court id + "-" + digits, one counter per court', () => {
    const { charge, repos } = setup();
    const first = charge();
    const second = charge({ paid: true });
    expect(first.receiptNumber).toMatch(/^AFLSDC-\d{8}$/);
    expect(Number(second.receiptNumber.slice(7))).toBe(Number(first.receiptNumber.slice(7)) + 1);
    const flsb = repos.courts.byCode('flsb')!;
    expect(charge({ court: flsb }).receiptNumber).toMatch(/^AFLSBK-19600001$/);
    expect(repos.fees.byId(second.feeId)!.paidAt).toBe(EVENING);
  });

  it('locks e-filing at that court once the court day of an unpaid fee ends (11:59 p.m. court time), not before, not elsewhere', () => {
    const { charge, fees, account, clock } = setup();
    charge();
    expect(fees.filingLocked(account.id, 'flsd')).toBe(false);
    // 11:59 p.m. EDT on 7/14 is 03:59 UTC on 7/15.
    clock.set(Date.UTC(2026, 6, 15, 3, 59));
    expect(fees.filingLocked(account.id, 'flsd')).toBe(false);
    clock.set(Date.UTC(2026, 6, 15, 4, 0));
    expect(fees.filingLocked(account.id, 'flsd')).toBe(true);
    expect(fees.filingLocked(account.id, 'flsb')).toBe(false);
    expect(fees.locksAt(account.id, 'flsd')).toBe(Date.UTC(2026, 6, 15, 4, 0));
  });

  it('a paid fee never locks; paying the unpaid one unlocks, and only the owner can pay it', () => {
    const { charge, fees, account, clock, repos } = setup();
    charge({ paid: true });
    const { feeId } = charge();
    clock.set(EVENING + 24 * 60 * MINUTE);
    expect(fees.filingLocked(account.id, 'flsd')).toBe(true);
    expect(fees.unpaid(account.id, 'flsd').map((f) => f.id)).toEqual([feeId]);
    expect(fees.pay(account.id + 1000, 'flsd', [feeId])).toEqual([]);
    expect(fees.pay(account.id, 'flsb', [feeId])).toEqual([]);
    const paid = fees.pay(account.id, 'flsd', [feeId, feeId], 'Visa ending 1111', clock.now(), { actor: 'jattorney', host: 'ecf.flsd' });
    expect(paid.map((f) => f.id)).toEqual([feeId]);
    expect(fees.filingLocked(account.id, 'flsd')).toBe(false);
    expect(fees.pay(account.id, 'flsd', [feeId])).toEqual([]);
    expect(repos.journal.list({ action: 'fee.pay' })).toHaveLength(1);
  });
});

describe('Pay Now round trip', () => {
  it('sends the filer to the pay page with the fees and back with a token bound to the session and the filing', () => {
    const url = new URL(feePaymentUrl('k123', '/cgi-bin/Filing.pl?k123-paid', [{ cents: 60500, label: 'Notice of Appeal' }]), 'https://x');
    expect(url.pathname).toBe('/cgi-bin/InternetPayment.pl');
    expect(url.searchParams.get('return')).toBe('/cgi-bin/Filing.pl?k123-paid');
    expect(url.searchParams.getAll('fee')).toEqual(['60500']);
    const secret = Buffer.from('s'.repeat(32));
    const token = paymentAuthorization(secret, 'session', 'k123');
    expect(paymentAuthorized(secret, 'session', 'k123', token)).toBe(true);
    expect(paymentAuthorized(secret, 'other', 'k123', token)).toBe(false);
    expect(paymentAuthorized(secret, 'session', 'k124', token)).toBe(false);
    expect(withAuthorization('/cgi-bin/Filing.pl?k123-paid', 'a_b')).toBe('/cgi-bin/Filing.pl?k123-paid&authorization=a_b');
    expect(withAuthorization('/x', 'a')).toBe('/x?authorization=a');
  });
});
