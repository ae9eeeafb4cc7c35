import type { OutboxMessage } from '../../db/outbox-repository.js';
import { rfc2822Date } from './nef-settings.js';

/**
 * An outbox e-mail as an RFC 822 message, the form juriscraper's S3NotificationEmail reads (the
 * raw messages CourtListener keeps in S3). Fidelity: captured nef/s3/nysd_1.txt and cacb_1.txt:
 * a single text/html part, headers written "Name:value" without a space, From the court's pool
 * address, To the court's own mailbox (the recipients are the envelope's, Bcc). `plain` gives
 * the text/plain twin instead (the flmd/almd style, captured almd_3_plain.txt), for clients that
 * read only text.
 */
export function rfc822(m: OutboxMessage, o: { zone: string; courtMail: string; plain?: boolean }): string {
  const html = m.contentType === 'text/html' && !o.plain;
  const body = m.contentType === 'text/html' && o.plain ? m.textBody : m.body;
  const headers = [
    `Date: ${rfc2822Date(o.zone, m.at)}`,
    'MIME-Version:1.0',
    ...(m.from ? [`From:${m.from}`] : []),
    `To:${m.contentType === 'text/html' && o.courtMail ? o.courtMail : m.to}`,
    // Invented: the envelope's recipient, written down so a reader of the outbox sees who got this copy.
    ...(m.contentType === 'text/html' ? [`Bcc:${m.to}`] : []),
    ...(m.messageId ? [`Message-Id:${m.messageId}`] : []),
    `Subject:${m.subject.replace(/[\r\n]+/g, ' ')}`,
    `Content-Type: ${html ? 'text/html' : 'text/plain'}`,
  ];
  return `${headers.join('\r\n')}\r\n\r\n${body.replace(/\r?\n/g, '\r\n')}\r\n`;
}
