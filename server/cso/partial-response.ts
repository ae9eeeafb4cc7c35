import type { FastifyRequest } from 'fastify';
import { field } from '../domain/form-fields.js';

/**
 * The PrimeFaces AJAX variant of a JSF POST (FIDELITY §3). A page's script posts the same form
 * with `javax.faces.partial.ajax=true` (and the header `Faces-Request: partial/ajax`) and gets an
 * XML `partial-response` back: `update` elements with HTML in CDATA for the parts that changed
 * and one for the new ViewState, or a `redirect` element where the plain POST would answer 302.
 *
 * Fidelity: the root is `<partial-response id="j_id1">` (the view root's client id), as in the
 * sample answer quoted in juriscraper's PacerSession._get_xml_view_state docstring.
 */
export const VIEW_STATE_ID = 'j_id1:javax.faces.ViewState:0';

export function isPartialRequest(request: FastifyRequest): boolean {
  if (String(request.headers['faces-request'] ?? '').toLowerCase() === 'partial/ajax') return true;
  const body = request.body;
  return field(body, 'javax.faces.partial.ajax', 10) === 'true' || field(body, 'jakarta.faces.partial.ajax', 10) === 'true';
}

const HEAD = "<?xml version='1.0' encoding='UTF-8'?>\n<partial-response id=\"j_id1\">";
const TAIL = '</partial-response>';

/** CDATA cannot hold "]]>": it is split across two sections, as Mojarra does. */
const cdata = (text: string) => `<![CDATA[${text.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
const attr = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function partialUpdates(updates: { id: string; html: string }[]): string {
  const parts = updates.map((u) => `<update id="${attr(u.id)}">${cdata(u.html)}</update>`).join('');
  return `${HEAD}<changes>${parts}</changes>${TAIL}`;
}

export function partialRedirect(url: string): string {
  return `${HEAD}<redirect url="${attr(url)}"/>${TAIL}`;
}
