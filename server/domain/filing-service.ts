import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { CourtCase } from '../../db/cases-repository.js';
import type { Court } from '../../db/courts-repository.js';
import type { EcfAccount } from '../../db/ecf-accounts-repository.js';
import type { FilingRow } from '../../db/filings-repository.js';
import type { Repositories } from '../../db/index.js';
import type { Party } from '../../db/parties-repository.js';
import { MIN_DOC_SERIAL } from './doc-ids.js';
import { courtDay } from './nef.js';
import type { FilingEvent } from './filing-events.js';
import type { FeePort, NefPort } from './filing-ports.js';
import { docketText, type TextParts } from './filing-text.js';
import { emptyFilingData, FILER_GROUPS, readFilingData, type FilingData, type StepContext } from './filing.js';
import { moveToUploaded, removeStagingDir, stagingDir, UPLOADED } from './uploads.js';
import { formatUsDate, ONE_DAY_MS } from './us-dates.js';

/**
 * The filing transaction's writes (issue 13; docs/filing.md): starting one, saving a step's
 * choices, abandoning, and the commit, which writes the whole docket entry in one synchronous
 * SQLite transaction. Steps never touch the docket; only `commit` does.
 */
export interface FilingServiceDeps {
  repos: Repositories;
  now: () => number;
  /** DOCUMENTS_DIR (the document store's folder). */
  documentsDir: () => string;
  nef: NefPort;
  fees: FeePort;
}

/** A filing with what its pages need, read once per request. */
export interface LoadedFiling {
  row: FilingRow;
  data: FilingData;
  court: Court;
  events: FilingEvent[];
  courtCase: CourtCase | null;
  parties: Party[];
  ctx: StepContext;
}

export type CommitOutcome =
  | { ok: true; filing: FilingRow }
  | { ok: false; reason: 'not-open' | 'locked' | 'incomplete'; message: string };

/** The filer's name as the docket writes it after an entry: "(Last, First)". */
export const filerName = (a: Pick<EcfAccount, 'lastName' | 'firstName'>) => `${a.lastName}, ${a.firstName}`;

/** Mints an 8-digit magic number no free look uses yet. */
function mintMagicFor(repos: Repositories): () => string {
  return () => {
    for (;;) {
      const m = String(10_000_000 + (randomBytes(4).readUInt32BE(0) % 90_000_000));
      if (repos.freeLooks.byMagic(m) === null) return m;
    }
  };
}

export function createFilingService(deps: FilingServiceDeps) {
  const { repos } = deps;

  function load(row: FilingRow): LoadedFiling | null {
    const court = repos.courts.byCode(row.court);
    if (!court) return null;
    const data = readFilingData(row.data);
    const catalog = repos.filingCatalog.forCourt(row.court);
    const events = data.events.flatMap((k) => catalog.events.filter((e) => e.key === k));
    const courtCase = data.caseId !== undefined ? repos.cases.byId(data.caseId) : null;
    const parties = courtCase ? repos.parties.forCase(courtCase.id) : [];
    const associated = courtCase ? repos.filerAssociations.partiesOf(courtCase.id, row.ecfAccountId) : new Set<number>();
    const filers = data.filers?.parties ?? [];
    const ctx: StepContext = {
      events,
      criminal: courtCase?.caseType === 'cr',
      unassociated: filers.filter((id) => !associated.has(id)),
    };
    return { row, data, court, events, courtCase, parties, ctx };
  }

  /** The parties the filing is by, drafts included, as the docket names them. */
  function filerParties(f: LoadedFiling): Pick<Party, 'name' | 'role'>[] {
    const chosen = new Set(f.data.filers?.parties ?? []);
    const drafts = (f.data.newParties ?? []).filter((d) => chosen.has(d.ref)).map((d) => ({ name: draftName(d), role: d.role }));
    return [...f.parties.filter((p) => chosen.has(p.id)), ...drafts];
  }

  /** "Carmen Alvarez", "All Defendants"; bankruptcy courts put the role first ("Debtor ..."). */
  function filersText(f: LoadedFiling): string {
    const group = f.data.filers?.group;
    if (group) return FILER_GROUPS[group];
    const bk = f.court.kind === 'bankruptcy';
    return filerParties(f)
      .map((p) => (bk ? `${p.role} ${p.name}` : p.name))
      .join(', ');
  }

  /** The docket text as the filing stands (receipt numbers pending until the commit). */
  function text(f: LoadedFiling, now: number, receipts: (string | null)[] = []): { text: string; parts: TextParts } {
    const byId = new Map(f.parties.map((p) => [p.id, p]));
    const refs = (f.data.references ?? []).flatMap((n) => {
      const e = f.courtCase ? repos.docketEntries.byNumber(f.courtCase.id, n) : null;
      return e ? [e] : [];
    });
    const days = f.events.find((e) => e.responseDays !== null);
    const fees = f.events.flatMap((e) => {
      const fee = deps.fees.feeForEvent(f.court, e);
      return fee ? [fee] : [];
    });
    const criminalAsTo = f.ctx.criminal && (f.data.defendants?.length ?? 0) > 0 && f.parties.filter((p) => p.role === 'Defendant').length > 1;
    return docketText({
      events: f.events,
      prefix: f.data.prefix ?? '',
      freeText: f.data.freeText ?? '',
      against: (f.data.against ?? []).flatMap((id) => byId.get(id)?.name ?? []),
      references: refs,
      filers: filersText(f),
      asTo: criminalAsTo ? (f.data.defendants ?? []).flatMap((id) => byId.get(id)?.name ?? []) : [],
      fees: fees.map((fee, i) => ({ cents: fee.cents, receiptNumber: receipts[i] ?? null })),
      deadline: days && days.responseDays !== null ? `${days.deadlineLabel} ${formatUsDate(now + days.responseDays * ONE_DAY_MS).replace(/^0?(\d+)\/0?(\d+)/, '$1/$2')}.` : '',
    });
  }

  /** Abandons the session's open filings at a court, their staged files deleted. */
  async function abandonOpen(sessionToken: string, court: string): Promise<number> {
    const open = repos.filings.openOfSession(sessionToken, court);
    for (const f of open) {
      repos.filings.abandon(f.id, deps.now());
      await removeStagingDir(deps.documentsDir(), f.key);
    }
    return open.length;
  }

  return {
    load,
    text,
    abandonOpen,
    filerParties,
    feesOf: (f: LoadedFiling) => f.events.flatMap((e) => deps.fees.feeForEvent(f.court, e) ?? []),

    /**
     * Starts a filing for these events (the picker's Next): the session's other open filings at
     * this court are abandoned first (one transaction at a time, as the real menus reset it).
     */
    async start(input: { court: string; sessionToken: string; pacerAccountId: number; ecfAccountId: number; menu: string; categoryKey: string; events: string[] }): Promise<FilingRow> {
      await abandonOpen(input.sessionToken, input.court);
      const key = randomBytes(8).toString('hex');
      const now = deps.now();
      const id = repos.filings.insert({ ...input, key, data: JSON.stringify(emptyFilingData(input.events)), createdAt: now });
      return repos.filings.byId(id) as FilingRow;
    },

    /** Saves a step's outcome; false when the filing is no longer open. */
    save(f: LoadedFiling, data: FilingData): boolean {
      return repos.filings.saveData(f.row.id, JSON.stringify(data), data.caseId ?? null, deps.now());
    },

    /** Abandons filings untouched for `maxAgeMs` (the periodic sweep). */
    async sweepStale(maxAgeMs: number): Promise<number> {
      const stale = repos.filings.staleOpen(deps.now() - maxAgeMs);
      for (const f of stale) {
        repos.filings.abandon(f.id, deps.now());
        await removeStagingDir(deps.documentsDir(), f.key);
      }
      return stale.length;
    },

    /**
     * The commit (docs/filing.md "The commit"). The staged files are renamed into `uploaded/`
     * first; then one transaction writes everything or nothing. A crash between the two leaves
     * only orphan files, which the start-up sweep removes: never an entry without its files.
     */
    async commit(loaded: LoadedFiling, opts: { origin: string; actor?: string; host?: string }): Promise<CommitOutcome> {
      const dir = deps.documentsDir();
      const staged = loaded.data.documents ?? [];
      if (staged.length === 0 || !loaded.courtCase) return { ok: false, reason: 'incomplete', message: 'The filing has no main document.' };
      const finalName = (slot: number) => `${loaded.row.key}-${slot}.pdf`;
      const undo = await moveToUploaded(
        dir,
        staged.map((d) => ({ from: join(stagingDir(dir, loaded.row.key), d.staged), to: join(dir, UPLOADED, finalName(d.slot)) })),
      );
      let outcome: CommitOutcome;
      try {
        outcome = repos.transaction((): CommitOutcome => {
          const row = repos.filings.byId(loaded.row.id);
          if (!row || row.state !== 'open') return { ok: false, reason: 'not-open', message: 'This filing has already been submitted or abandoned.' };
          const now = deps.now();
          if (deps.fees.filingLocked(row.pacerAccountId, row.court, now)) return { ok: false, reason: 'locked', message: deps.fees.lockText };
          // Re-read inside the transaction: what it writes is what the database holds now.
          const f = load(row) as LoadedFiling;
          const courtCase = f.courtCase as CourtCase;
          const ecf = repos.ecfAccounts.byId(row.ecfAccountId) as EcfAccount;

          // New Filer parties join the case now.
          const refs = new Map<number, number>();
          let position = f.parties.reduce((m, p) => Math.max(m, p.position), 0);
          for (const d of f.data.newParties ?? []) {
            if (!(f.data.filers?.parties ?? []).includes(d.ref)) continue;
            const id = repos.parties.insert({
              caseId: courtCase.id,
              position: ++position,
              role: d.role,
              name: draftName(d),
              lastName: d.lastName,
              firstName: d.firstName,
              extra: [],
              terminatedOn: null,
              criminalCounts: null,
            });
            refs.set(d.ref, id);
          }
          const real = (id: number) => refs.get(id) ?? id;

          // Attorney/Party Association: the filer's attorney row represents the party from now on.
          const attorneyId = repos.attorneys.findOrInsert({
            court: row.court,
            name: `${ecf.firstName} ${ecf.lastName}`,
            firm: '',
            address: [],
            phone: '',
            fax: '',
            email: ecf.email,
            barStatus: '',
          });
          for (const a of f.data.associations ?? []) {
            const partyId = real(a.partyId);
            if (!repos.attorneys.represents(partyId, attorneyId)) {
              repos.attorneys.represent({
                partyId,
                attorneyId,
                position: repos.attorneys.nextPosition(partyId),
                lead: a.lead,
                toBeNoticed: a.notice,
                proHacVice: false,
                designation: '',
                terminatedOn: null,
              });
            }
            repos.filerAssociations.insert(partyId, ecf.id, attorneyId, now);
          }

          // Numbers: inside the transaction, so racing filings get distinct, gap-free ones.
          const docNumber = repos.docketEntries.maxDocNumber(courtCase.id) + 1;
          const seq = repos.docketEntries.maxSeq(courtCase.id) + 1;
          const docs = [...staged].sort((a, b) => a.slot - b.slot);
          const firstSerial = repos.courts.allocateSerials(row.court, docs.length, Math.max(MIN_DOC_SERIAL, repos.documents.maxSerial(row.court) + 1)) ?? MIN_DOC_SERIAL;

          const receipts = chargeFees(f, { courtCase, docNumber, now });
          const { text: entryText, parts } = text(f, now, receipts);
          const day = courtDay(f.court, now);
          const entryId = repos.docketEntries.insert({
            caseId: courtCase.id,
            seq,
            docNumber,
            filedOn: day,
            enteredOn: day,
            text: entryText,
            filer: filerName(ecf),
            kind: f.events[0]?.kind ?? '',
            shortDescription: f.events.map((e) => e.short).join(', '),
            restricted: false,
            sealed: false,
          });
          const entry = repos.docketEntries.byId(entryId);
          const documents = docs.map((d, i) => {
            const id = repos.documents.insert({
              court: row.court,
              entryId,
              attachment: i,
              serial: firstSerial + i,
              pages: d.pages,
              bytes: d.bytes,
              description: i === 0 ? 'Main Document' : `${d.category} ${d.description}`.trim() || 'Attachment',
              sealed: false,
              restricted: false,
              origin: 'uploaded',
              filename: finalName(d.slot),
              originalName: d.originalName,
            });
            return { document: repos.documents.byId(id) as NonNullable<ReturnType<typeof repos.documents.byId>>, sha256: d.sha256 };
          });

          const nef = deps.nef.issue({
            court: f.court,
            courtCase,
            entry: entry as NonNullable<typeof entry>,
            textParts: parts,
            documents,
            events: f.events,
            filer: { lastName: ecf.lastName, firstName: ecf.firstName, email: ecf.email || undefined },
            filers: filerParties(f),
            counsel: repos.attorneys.counselOfCase(courtCase.id),
            filedAt: now,
            enteredAt: now,
            origin: opts.origin,
            mintMagic: mintMagicFor(repos),
          });
          const committed = repos.filings.commit({
            id: row.id,
            caseId: courtCase.id,
            entryId,
            docNumber,
            nefId: nef.nefId,
            data: JSON.stringify({ ...f.data, newParties: (f.data.newParties ?? []).map((d) => ({ ...d, partyId: refs.get(d.ref) })) }),
            at: now,
          });
          if (!committed) throw new Error('filing changed state inside its own transaction');
          repos.journal.add({
            at: now,
            actor: opts.actor ?? '',
            host: opts.host ?? '',
            action: 'filing.commit',
            outcome: 'ok',
            detail: `${row.court} ${courtCase.numberShort} #${docNumber} filing=${row.id} ecf=${ecf.login}`,
          });
          return { ok: true, filing: repos.filings.byId(row.id) as FilingRow };
        });
      } catch (err) {
        await undo();
        throw err;
      }
      if (!outcome.ok) {
        await undo();
        return outcome;
      }
      await removeStagingDir(dir, loaded.row.key);
      return outcome;
    },
  };

  /** Each fee event's charge, in event order: the receipt numbers for the text. */
  function chargeFees(f: LoadedFiling, at: { courtCase: CourtCase; docNumber: number; now: number }): string[] {
    return f.events.flatMap((e) => {
      const fee = deps.fees.feeForEvent(f.court, e);
      if (!fee) return [];
      const input = { court: f.court, pacerAccountId: f.row.pacerAccountId, ecfAccountId: f.row.ecfAccountId, caseId: at.courtCase.id };
      return [deps.fees.charge({ ...input, docNumber: at.docNumber, filingId: f.row.id, fee, paid: f.data.paid === true, at: at.now }).receiptNumber];
    });
  }
}

export type FilingService = ReturnType<typeof createFilingService>;

/** A New Filer party's name as the docket shows it: "First Last", or a business's whole name. */
export function draftName(d: { lastName: string; firstName: string }): string {
  return d.firstName ? `${d.firstName} ${d.lastName}` : d.lastName;
}
