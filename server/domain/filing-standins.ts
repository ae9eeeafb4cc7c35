import type { OutboxRepository } from '../../db/outbox-repository.js';
import type { FeePort, IssuedNef, NefInput, NefPort } from './filing-ports.js';
import { formatUsDate } from './us-dates.js';

/**
 * Stand-ins for the NEF and fees slice's modules until it is merged (docs/filing.md, "Stand-ins
 * until both are merged"): a plain notice and one e-mail per recipient, no fees. Deleted when
 * server/ecf/filing/filing-seams.ts points at nef.ts and fees.ts.
 */
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function standInNef(outbox: Pick<OutboxRepository, 'add'>): NefPort {
  return {
    issue(i: NefInput): IssuedNef {
      const caseName = i.courtCase.title;
      const subject = `Activity in Case ${i.courtCase.numberFull} ${caseName} ${i.events.map((e) => e.short).join(', ')}`;
      const recipients = new Map<string, string[]>();
      for (const c of i.counsel) {
        if (c.terminatedOn !== null) continue;
        const list = recipients.get(c.name) ?? [];
        if (c.email && !list.includes(c.email)) list.push(c.email);
        recipients.set(c.name, list);
      }
      const text = i.entry.text.replace(/\[\[(\d+)\]\]/g, '[$1]');
      const html = [
        '<p><b>U.S. District Court</b></p>',
        `<p><b>${escapeHtml(i.court.name)}</b></p>`,
        '<p><b>Notice of Electronic Filing</b></p>',
        `<p>The following transaction was entered by ${escapeHtml(i.filer.lastName)}, ${escapeHtml(i.filer.firstName)} on ${formatUsDate(i.enteredAt)} and filed on ${formatUsDate(i.filedAt)}</p>`,
        '<table border="0" cellspacing="0">',
        `<tr><td><strong>Case Name:</strong></td><td>${escapeHtml(caseName)}</td></tr>`,
        `<tr><td><strong>Case Number:</strong></td><td>${escapeHtml(i.courtCase.numberFull)}</td></tr>`,
        `<tr><td><strong>Filer:</strong></td><td>${i.filers.map((p) => escapeHtml(p.name)).join('<br>')}</td></tr>`,
        `<tr><td><strong>Document Number:</strong></td><td>${i.entry.docNumber ?? ''}</td></tr>`,
        '</table>',
        `<p><strong>Docket Text:</strong><br>${escapeHtml(text)}</p>`,
        ...i.documents.map(
          (d) =>
            `<p><strong>Document description:</strong>${escapeHtml(d.document.description)}<br><strong>Original filename:</strong>${escapeHtml(d.document.originalName)}</p>`,
        ),
      ].join('\n');
      for (const [, emails] of recipients) for (const to of emails) outbox.add({ at: i.enteredAt, to, subject, body: html });
      return { nefId: null, html, subject, recipients: [...recipients].map(([name, emails]) => ({ name, emails })) };
    },
  };
}

/** No fees until the fees slice is merged: every event is free, nobody is locked. */
export const standInFees: FeePort = {
  feeForEvent: (_court, event) => (event.feeCents === null ? null : { cents: event.feeCents, label: event.short }),
  charge: () => ({ receiptNumber: 'AFLSDC-00000000' }),
  filingLocked: () => false,
  lockText: 'Your filing privileges are locked until the fees you owe are paid. Select Utilities, then Internet Payments Due.',
};
