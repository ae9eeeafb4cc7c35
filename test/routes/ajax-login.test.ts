import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { decodeEntities, formAction, inputValue, type Browser } from '../support/browser.js';
import { makeApp, PACER_PASSWORD, serve } from '../support/app.js';
import { authenticatorCode, MFA_SECRET } from '../support/authenticator.js';

/**
 * The PrimeFaces AJAX variant of the screen login (FIDELITY §3), posted as the page's script
 * posts it: the form's fields plus javax.faces.partial.* and the Faces-Request header.
 */
let app: FastifyInstance;
afterEach(async () => app?.close());

const CSO = 'http://pacer.login.uscourts.gov';
const LOGIN = `${CSO}/csologin/login.jsf?pscCourtId=FLSDC&appurl=${encodeURIComponent('http://ecf.flsd.uscourts.gov/cgi-bin/ShowIndex.pl')}`;
const HEAD = "<?xml version='1.0' encoding='UTF-8'?>\n";

function ajax(b: Browser, url: string, source: string, form: Record<string, string>) {
  return b.fetch(url, {
    method: 'POST',
    form: {
      'javax.faces.partial.ajax': 'true',
      'javax.faces.source': source,
      'javax.faces.partial.execute': '@all',
      'javax.faces.partial.render': '@form',
      [source]: source,
      ...form,
    },
    headers: { 'Faces-Request': 'partial/ajax', 'X-Requested-With': 'XMLHttpRequest' },
    follow: false,
  });
}

/** The update elements of a partial-response, id -> CDATA content. */
function updates(xml: string): Map<string, string> {
  return new Map([...xml.matchAll(/<update id="([^"]+)"><!\[CDATA\[([\s\S]*?)\]\]><\/update>/g)].map((m) => [decodeEntities(m[1] ?? ''), m[2] ?? '']));
}

describe('the AJAX screen login', () => {
  it('answers a wrong password with updates of the form and the ViewState', async () => {
    app = await makeApp();
    const b = (await serve(app)).browser();
    const page = await b.get(LOGIN);
    const viewState = inputValue(page.body, 'javax.faces.ViewState') ?? '';
    const r = await ajax(b, formAction(page, 'loginForm'), 'loginForm:fbtnLogin', {
      loginForm: 'loginForm',
      'loginForm:loginName': 'researcher',
      'loginForm:password': 'wrong',
      'loginForm:clientCode': '',
      'javax.faces.ViewState': viewState,
    });
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toMatch(/^text\/xml/);
    expect(r.body.startsWith(`${HEAD}<partial-response><changes><update id="loginForm"><![CDATA[`)).toBe(true);
    expect(r.body.endsWith('</changes></partial-response>')).toBe(true);
    const u = updates(r.body);
    expect(u.get('loginForm')).toContain('Invalid username or password');
    expect(u.get('loginForm')).toMatch(/^\s*<form id="loginForm"/);
    expect(u.get('j_id1:javax.faces.ViewState:0')).toBe(viewState);
    expect(b.cookie('NextGenCSO')).toBeUndefined();
  });

  it('sends the MFA and redaction dialogs as updates, then a redirect element with the cookies set', async () => {
    app = await makeApp();
    const b = (await serve(app)).browser();
    const page = await b.get(LOGIN);
    const viewState = inputValue(page.body, 'javax.faces.ViewState') ?? '';
    const action = formAction(page, 'loginForm');

    const mfa = await ajax(b, action, 'loginForm:fbtnLogin', {
      loginForm: 'loginForm',
      'loginForm:loginName': 'mfaattorney',
      'loginForm:password': PACER_PASSWORD,
      'javax.faces.ViewState': viewState,
    });
    expect(updates(mfa.body).get('mfaDialog')).toContain('<form id="mfaForm" name="mfaForm"');
    // As PrimeFaces' script does, every later POST carries the ViewState of the latest update
    // (the CSO issues a new JSESSIONID, and so a new ViewState, once the password is accepted).
    const mfaViewState = updates(mfa.body).get('j_id1:javax.faces.ViewState:0') ?? '';
    expect(mfaViewState).not.toBe(viewState);

    const redaction = await ajax(b, action, 'mfaForm:btnOk', {
      mfaForm: 'mfaForm',
      'mfaForm:mfaInput': authenticatorCode(MFA_SECRET, app.clock.now()),
      'javax.faces.ViewState': mfaViewState,
    });
    const dialog = updates(redaction.body).get('redactionConfirmation') ?? '';
    expect(dialog).toContain('IMPORTANT NOTICE OF REDACTION RESPONSIBILITY');
    expect(updates(redaction.body).has('j_id1:javax.faces.ViewState:0')).toBe(true);

    const done = await ajax(b, action, 'regmsg:bpmConfirm', {
      regmsg: 'regmsg',
      'regmsg:chkRedact_input': 'on',
      dialogName: 'redactionDlg',
      'javax.faces.ViewState': updates(redaction.body).get('j_id1:javax.faces.ViewState:0') ?? '',
    });
    expect(done.status).toBe(200);
    expect(done.headers['content-type']).toMatch(/^text\/xml/);
    expect(done.body).toBe(
      `${HEAD}<partial-response><redirect url="http://ecf.flsd.uscourts.gov/cgi-bin/ShowIndex.pl"/></partial-response>`,
    );
    const token = b.cookie('NextGenCSO');
    expect(token).toMatch(/^[A-Za-z0-9]{128}$/);
    expect(done.setCookies.some((c) => c.startsWith('NextGenCSO=') && c.includes('Domain=.uscourts.gov'))).toBe(true);
    const court = await b.get('http://ecf.flsd.uscourts.gov/cgi-bin/ShowIndex.pl');
    expect(court.body).toContain('/cgi-bin/login.pl?logout');
  });

  it('is recognised by the Faces-Request header alone, and by the parameter alone', async () => {
    app = await makeApp();
    const b = (await serve(app)).browser();
    // Each login starts from a fresh GET: a completed login leaves the page's ViewState behind.
    const attempt = async (extra: Record<string, string>, headers: Record<string, string> = {}) => {
      const page = await b.get(LOGIN);
      const form = {
        loginForm: 'loginForm',
        'loginForm:loginName': 'researcher',
        'loginForm:password': PACER_PASSWORD,
        'loginForm:fbtnLogin': 'loginForm:fbtnLogin',
        'javax.faces.ViewState': inputValue(page.body, 'javax.faces.ViewState') ?? '',
        ...extra,
      };
      return b.fetch(formAction(page, 'loginForm'), { method: 'POST', form, headers, follow: false });
    };
    const byHeader = await attempt({}, { 'Faces-Request': 'partial/ajax' });
    expect(byHeader.body).toContain('<partial-response><redirect url="http://ecf.flsd.uscourts.gov/cgi-bin/ShowIndex.pl"/>');
    const byParam = await attempt({ 'javax.faces.partial.ajax': 'true' });
    expect(byParam.body).toContain('<partial-response><redirect url=');
    const plain = await attempt({});
    expect(plain.status).toBe(302);
  });
});
