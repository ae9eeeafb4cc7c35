import type { FastifyRequest } from 'fastify';
import { field } from '../domain/form-fields.js';

/**
 * The PrimeFaces AJAX variant of a JSF POST (FIDELITY §3). A page's script posts the same form
 * with `javax.faces.partial.ajax=true` (and the header `Faces-Request: partial/ajax`) and gets an
 * XML `partial-response` back: `update` elements with HTML in CDATA for the parts that changed
 * and one for the new ViewState, or a `redirect` element where the plain POST would answer 302.
 */
export const VIEW_STATE_ID = 'j_id1:javax.faces.ViewState:0';

export function isPartialRequest(request: FastifyRequest): boolean {
  if (String(request.headers['faces-request'] ?? '').toLowerCase() === 'partial/ajax') return true;
  const body = request.body;
  return field(body, 'javax.faces.partial.ajax', 10) === 'true' || field(body, 'jakarta.faces.partial.ajax', 10) === 'true';
}

const HEAD = "<?xml version='1.0' encoding='UTF-8'?>\n";

/** CDATA cannot hold "]]>": it is split across two sections, as Mojarra does. */
const cdata = (text: string) => `<![CDATA[${text.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
const attr = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function partialUpdates(updates: { id: string; html: string }[]): string {
  const parts = updates.map((u) => `<update id="${attr(u.id)}">${cdata(u.html)}</update>`).join('');
  return `${HEAD}<partial-response><changes>${parts}</changes></partial-response>`;
}

export function partialRedirect(url: string): string {
  return `${HEAD}<partial-response><redirect url="${attr(url)}"/></partial-response>`;
}
