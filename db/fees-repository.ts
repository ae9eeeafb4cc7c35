import type { DB } from './database.js';

/** A filing fee (docs/nef.md): charged when the filing commits, paid then or later. */
export interface Fee {
  id: number;
  court: string;
  pacerAccountId: number;
  caseId: number | null;
  docNumber: number | null;
  /** What it is for: "Notice of Appeal". */
  label: string;
  amountCents: number;
  /** The digits of the receipt number. */
  receiptSeq: number;
  /** AFLSDC-19600001 */
  receiptNumber: string;
  incurredAt: number;
  paidAt: number | null;
  /** How it was paid: "Visa ending 1111"; '' while unpaid. */
  card: string;
}

export type NewFee = Omit<Fee, 'id'>;

interface FeeRow {
  id: number;
  court: string;
  pacer_account_id: number;
  case_id: number | null;
  doc_number: number | null;
  label: string;
  amount_cents: number;
  receipt_seq: number;
  receipt_number: string;
  incurred_at: number;
  paid_at: number | null;
  card: string;
}

const toFee = (r: FeeRow): Fee => ({
  id: r.id,
  court: r.court,
  pacerAccountId: r.pacer_account_id,
  caseId: r.case_id,
  docNumber: r.doc_number,
  label: r.label,
  amountCents: r.amount_cents,
  receiptSeq: r.receipt_seq,
  receiptNumber: r.receipt_number,
  incurredAt: r.incurred_at,
  paidAt: r.paid_at,
  card: r.card,
});

/** The only owner of fees. */
export function createFeesRepository(db: DB) {
  const insert = db.prepare<[Omit<FeeRow, 'id'>]>(`
    INSERT INTO fees (court, pacer_account_id, case_id, doc_number, label, amount_cents, receipt_seq, receipt_number, incurred_at, paid_at, card)
    VALUES (@court, @pacer_account_id, @case_id, @doc_number, @label, @amount_cents, @receipt_seq, @receipt_number, @incurred_at, @paid_at, @card)`);
  const byId = db.prepare<[number], FeeRow>('SELECT * FROM fees WHERE id = ?');
  const unpaid = db.prepare<[number, string], FeeRow>('SELECT * FROM fees WHERE pacer_account_id = ? AND court = ? AND paid_at IS NULL ORDER BY incurred_at, id');
  const oldestUnpaid = db.prepare<[number, string], { at: number | null }>(
    'SELECT MIN(incurred_at) AS at FROM fees WHERE pacer_account_id = ? AND court = ? AND paid_at IS NULL',
  );
  const list = db.prepare<[{ court: string | null; account: number | null; unpaid: number; limit: number }], FeeRow>(`
    SELECT * FROM fees WHERE (@court IS NULL OR court = @court) AND (@account IS NULL OR pacer_account_id = @account)
      AND (@unpaid = 0 OR paid_at IS NULL) ORDER BY id DESC LIMIT @limit`);
  const lastSeq = db.prepare<[string], { n: number | null }>('SELECT MAX(receipt_seq) AS n FROM fees WHERE court = ?');
  // Only an unpaid fee is marked, so two payments racing for one fee cannot both take it.
  const pay = db.prepare<[number, string, number]>('UPDATE fees SET paid_at = ?, card = ? WHERE id = ? AND paid_at IS NULL');
  return {
    insert: (f: NewFee): number =>
      Number(
        insert.run({
          court: f.court,
          pacer_account_id: f.pacerAccountId,
          case_id: f.caseId,
          doc_number: f.docNumber,
          label: f.label,
          amount_cents: f.amountCents,
          receipt_seq: f.receiptSeq,
          receipt_number: f.receiptNumber,
          incurred_at: f.incurredAt,
          paid_at: f.paidAt,
          card: f.card,
        }).lastInsertRowid,
      ),
    byId: (id: number): Fee | null => {
      const r = byId.get(id);
      return r ? toFee(r) : null;
    },
    /** An account's unpaid fees at a court, oldest first. */
    unpaid: (pacerAccountId: number, court: string): Fee[] => unpaid.all(pacerAccountId, court).map(toFee),
    /** When the oldest unpaid fee was incurred, or null when everything is paid (one index probe: the filing menus ask). */
    oldestUnpaidAt: (pacerAccountId: number, court: string): number | null => oldestUnpaid.get(pacerAccountId, court)?.at ?? null,
    /** Newest first. */
    list: (f: { court?: string; pacerAccountId?: number; unpaidOnly?: boolean; limit?: number } = {}): Fee[] =>
      list.all({ court: f.court ?? null, account: f.pacerAccountId ?? null, unpaid: f.unpaidOnly ? 1 : 0, limit: f.limit ?? 100 }).map(toFee),
    /** The highest receipt digits used at a court, or null before its first fee. */
    lastReceiptSeq: (court: string): number | null => lastSeq.get(court)?.n ?? null,
    /** Marks the fee paid; false when it was paid already (or does not exist). */
    pay: (id: number, at: number, card: string): boolean => pay.run(at, card, id).changes > 0,
  };
}
export type FeesRepository = ReturnType<typeof createFeesRepository>;
