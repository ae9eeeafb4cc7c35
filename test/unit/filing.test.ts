import { describe, expect, it } from 'vitest';
import type { FilingEvent } from '../../server/domain/filing-events.js';
import { cleanFreeText, docketText, referenceLabel } from '../../server/domain/filing-text.js';
import { applicableSteps, completeStep, currentStep, emptyFilingData, reachable, readFilingData, type StepContext } from '../../server/domain/filing.js';

const event = (over: Partial<FilingEvent> = {}): FilingEvent => ({
  id: 1, court: 'flsd', key: 'motdismiss', menu: 'CivilEvents', categoryKey: 'civmotion', name: 'Dismiss', text: 'MOTION to Dismiss', short: 'Motion to Dismiss',
  kind: 'motion', feeCents: null, link: 'none', linkWord: 're', against: false, againstWord: 'against', responseDays: null, deadlineLabel: 'Responses due by', filedBy: 'by', ...over,
});
const ctx = (over: Partial<StepContext> = {}): StepContext => ({ events: [event()], criminal: false, unassociated: [], ...over });

describe('the steps a filing has (filing-and-reports.md A.0)', () => {
  it('depend on the events, the case and the choices', () => {
    expect(applicableSteps(emptyFilingData(['x']), ctx())).toEqual(['case', 'confirm', 'filer', 'upload', 'text', 'final']);
    const all = ctx({ events: [event({ against: true, link: 'ask', feeCents: 60500 })], criminal: true, unassociated: [7] });
    expect(applicableSteps({ ...emptyFilingData(['x']), linkWanted: true }, all)).toEqual([
      'case', 'defendant', 'confirm', 'filer', 'association', 'against', 'upload', 'link', 'refer', 'text', 'charges', 'final',
    ]);
    // "required": no question, straight to the entries.
    expect(applicableSteps(emptyFilingData(['x']), ctx({ events: [event({ link: 'required' })] }))).toContain('refer');
    expect(applicableSteps(emptyFilingData(['x']), ctx({ events: [event({ link: 'required' })] }))).not.toContain('link');
  });

  it('are reached in order; posting an earlier one makes the later ones due again', () => {
    let d = emptyFilingData(['x']);
    expect(currentStep(d, ctx())).toBe('case');
    expect(reachable('upload', d, ctx())).toBe(false);
    for (const s of ['case', 'confirm', 'filer', 'upload'] as const) d = completeStep(d, s, {}, ctx());
    expect(currentStep(d, ctx())).toBe('text');
    d = completeStep(d, 'confirm', {}, ctx());
    expect(currentStep(d, ctx())).toBe('filer');
    expect(reachable('upload', d, ctx())).toBe(false);
  });

  it('reads unreadable data as a fresh filing', () => {
    expect(readFilingData('{not json')).toEqual(emptyFilingData([]));
    expect(readFilingData('{"events":["a",3],"done":["case","bogus"]}')).toEqual({ events: ['a'], done: ['case'] });
  });
});

describe('the docket text (A.6, A.7, A.9)', () => {
  const base = { prefix: '', freeText: '', against: [], references: [], filers: 'Sunshine Marine Supply, LLC', asTo: [], fees: [], deadline: '' };
  it('reads as real entries do', () => {
    expect(docketText({ ...base, events: [event()] }).text).toBe('MOTION to Dismiss by Sunshine Marine Supply, LLC.');
    const noa = event({ text: 'NOTICE OF APPEAL', link: 'ask', linkWord: 'as to', feeCents: 60500 });
    const t = docketText({ ...base, events: [noa], references: [{ docNumber: 12, text: 'ORDER granting [[4]] Motion to Dismiss. Signed by Judge X.' }], fees: [{ cents: 60500, receiptNumber: 'AFLSDC-19600001' }] });
    expect(t.text).toBe('NOTICE OF APPEAL as to [[12]] ORDER granting [[4]] Motion to Dismiss by Sunshine Marine Supply, LLC. Filing fee $ 605, receipt number AFLSDC-19600001.');
    expect(t.parts.references).toEqual([12]);
    const prefixed = docketText({ ...base, events: [event()], prefix: 'Emergency', freeText: 'for improper venue', asTo: ['Angelo Castellano (1)'], deadline: 'Responses due by 3/16/2026.' });
    expect(prefixed.text).toBe('Emergency MOTION to Dismiss for improper venue by Sunshine Marine Supply, LLC as to Angelo Castellano (1). Responses due by 3/16/2026.');
    expect(prefixed.parts).toMatchObject({ prefix: 'Emergency', event: 'MOTION to Dismiss', freeText: 'for improper venue' });
    expect(docketText({ ...base, events: [event({ text: 'AMENDED COMPLAINT', against: true, filedBy: 'filed by' })], against: ['Sunshine Marine Supply, LLC'], filers: 'Carmen Alvarez' }).text).toBe(
      'AMENDED COMPLAINT against Sunshine Marine Supply, LLC filed by Carmen Alvarez.',
    );
  });

  it('keeps free text on one line and out of the link syntax', () => {
    expect(cleanFreeText('  two\n  lines [[4]] ')).toBe('two lines 4');
    expect(cleanFreeText('x'.repeat(600))).toHaveLength(500);
    expect(referenceLabel('MOTION to Dismiss by Sunshine. (Attachments: ...)')).toBe('MOTION to Dismiss');
  });
});
