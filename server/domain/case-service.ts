import type { AttorneysRepository } from '../../db/attorneys-repository.js';
import type { CasesRepository } from '../../db/cases-repository.js';
import type { CourtsRepository } from '../../db/courts-repository.js';
import type { DocketEntriesRepository } from '../../db/docket-entries-repository.js';
import type { DocumentsRepository } from '../../db/documents-repository.js';
import type { FreeLooksRepository } from '../../db/free-looks-repository.js';
import type { PartiesRepository } from '../../db/parties-repository.js';
import type { CaseData } from './case-fields.js';
import { checkCase, documentCount, insertCaseRecord, magicNumbers, resolveCase } from './case-records.js';
import type { DocumentFileName } from './document-store.js';
import { MIN_DOC_SERIAL } from './doc-ids.js';
import type { ServiceDeps } from './service-deps.js';

/**
 * Cases added and deleted at run time (the control plane's `POST` and `DELETE /__admin/cases`):
 * each change is one transaction with its journal entry, and the ids it hands out (PACER case id,
 * doc1 serials) come from the court's counters, so none is handed out twice.
 */
export interface CaseServiceDeps extends ServiceDeps {
  courts: Pick<CourtsRepository, 'byCode' | 'allocateSerials' | 'allocateCaseIds'>;
  cases: Pick<CasesRepository, 'insert' | 'byNumber' | 'byPacerId' | 'maxPacerCaseId' | 'remove'>;
  parties: Pick<PartiesRepository, 'insert'>;
  attorneys: Pick<AttorneysRepository, 'findOrInsert' | 'represent' | 'removeUnused'>;
  docketEntries: Pick<DocketEntriesRepository, 'insert'>;
  documents: Pick<DocumentsRepository, 'insert' | 'maxSerial' | 'filesOfCase'>;
  freeLooks: Pick<FreeLooksRepository, 'insert' | 'byMagic'>;
}

/** A refusal, with the control plane's status and a sentence naming the field. */
export interface CaseRefusal {
  ok: false;
  status: 400 | 404 | 409;
  message: string;
}

export function createCaseService(deps: CaseServiceDeps) {
  const refuse = (status: CaseRefusal['status'], message: string): CaseRefusal => ({ ok: false, status, message });

  return {
    /** Adds a validated case (every default filled in); returns its court, row id and PACER case id. `host`: the request's, for the journal. */
    add(input: CaseData, host = ''): { ok: true; court: string; caseId: number; pacerCaseId: number } | CaseRefusal {
      return deps.transaction(() => {
        const court = deps.courts.byCode(input.court);
        if (!court) return refuse(400, `Field "court" names "${input.court}", which is not a court here.`);
        const c = { ...input, court: court.code };
        const problem = checkCase(c, court);
        if (problem) return refuse(400, `${problem.entry ? `${problem.entry}: field` : 'Field'} "${problem.field}" ${problem.problem}.`);
        const taken = deps.cases.byNumber(court.code, c.number);
        if (taken) return refuse(409, `The case number "${c.number}" is taken at ${court.code} (PACER case id ${taken.pacerCaseId}).`);
        if (c.pacerCaseId !== undefined && deps.cases.byPacerId(court.code, c.pacerCaseId)) {
          return refuse(409, `The PACER case id ${c.pacerCaseId} is taken at ${court.code}.`);
        }
        if (c.leadCase !== undefined && !deps.cases.byNumber(court.code, c.leadCase)) {
          return refuse(400, `Field "leadCase" names "${c.leadCase}", which is not a case at ${court.code}.`);
        }
        const usedMagic = magicNumbers(c).find((m) => deps.freeLooks.byMagic(m) !== null);
        if (usedMagic) return refuse(409, `The magic number ${usedMagic} is taken by another free look.`);

        const pacerCaseId = c.pacerCaseId ?? deps.courts.allocateCaseIds(court.code, 1, deps.cases.maxPacerCaseId(court.code) + 1) ?? 0;
        const count = documentCount(c);
        const firstSerial = count === 0 ? MIN_DOC_SERIAL : (deps.courts.allocateSerials(court.code, count, Math.max(MIN_DOC_SERIAL, deps.documents.maxSerial(court.code) + 1)) ?? 0);
        const caseId = insertCaseRecord(deps, resolveCase(c, court, { pacerCaseId, firstSerial }), deps.now());
        deps.journal.add({ at: deps.now(), actor: '', host, action: 'admin.case.create', outcome: 'ok', detail: `${court.code} ${c.number} caseid=${pacerCaseId}` });
        return { ok: true as const, court: court.code, caseId, pacerCaseId };
      });
    },

    /**
     * Deletes a case with everything of it (and the attorneys who represent nobody any more);
     * returns its documents' files for the store to remove once the transaction is done.
     */
    remove(court: string, pacerCaseId: number, host = ''): { ok: true; files: DocumentFileName[] } | CaseRefusal {
      return deps.transaction(() => {
        const found = deps.cases.byPacerId(court, pacerCaseId);
        if (!found) return refuse(404, `There is no case with PACER case id ${pacerCaseId} at ${court}.`);
        const files = deps.documents.filesOfCase(found.id);
        deps.cases.remove(found.id);
        deps.attorneys.removeUnused(found.court);
        deps.journal.add({ at: deps.now(), actor: '', host, action: 'admin.case.delete', outcome: 'ok', detail: `${found.court} ${found.numberShort} caseid=${pacerCaseId}` });
        return { ok: true as const, files };
      });
    },
  };
}
export type CaseService = ReturnType<typeof createCaseService>;
