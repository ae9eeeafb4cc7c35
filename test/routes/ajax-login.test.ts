import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { load } from 'cheerio';
import { formAction, inputValue, type Browser, type Page } from '../support/browser.js';
import { makeApp, PACER_PASSWORD, serve } from '../support/app.js';
import { authenticatorCode, MFA_SECRET } from '../support/authenticator.js';
import { parsed, selectorCounts, texts } from '../support/captured.js';
import { showsDialog } from '../support/journey.js';

/**
 * The PrimeFaces AJAX variant of the screen login (FIDELITY §3; audit "The CSO screen login as
 * PrimeFaces clients drive it"), over a real socket: first exactly as juriscraper's PrimeFaces
 * login sends it (digest §2.1 and §2.2: the same fields, multipart bodies as requests builds them,
 * the JSESSIONID carried by the cookie jar), then as a page's script posts it.
 */
let app: FastifyInstance;
afterEach(async () => app?.close());

const CSO = 'http://pacer.login.uscourts.gov';
const LOGIN_JSF = `${CSO}/csologin/login.jsf`;
const LOGIN = `${LOGIN_JSF}?pscCourtId=FLSDC&appurl=${encodeURIComponent('http://ecf.flsd.uscourts.gov/cgi-bin/ShowIndex.pl')}`;
const VIEW_STATE = 'j_id1:javax.faces.ViewState:0';
const ROOT = `<?xml version='1.0' encoding='UTF-8'?>\n<partial-response id="j_id1">`;

/** A multipart body as requests builds it from files={key: (None, value)}: no filename, no part type. */
function multipart(fields: Record<string, string>): { body: string; headers: Record<string, string> } {
  const boundary = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
  const parts = Object.entries(fields).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
  return {
    body: `${parts.join('')}--${boundary}--\r\n`,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'user-agent': 'Juriscraper' },
  };
}

/** A juriscraper POST to login.jsf (auto_login=False: no redirect is followed). */
function juriscraperPost(b: Browser, fields: Record<string, string>, extraHeaders: Record<string, string> = {}): Promise<Page> {
  const { body, headers } = multipart(fields);
  return b.fetch(LOGIN_JSF, { method: 'POST', body, headers: { ...headers, ...extraHeaders }, follow: false });
}

/** The partial-response's update elements, id -> content, in document order (parsed as XML, as lxml does). */
function updates(xml: string): [string, string][] {
  const $ = load(xml, { xml: true });
  return $('partial-response > changes > update')
    .toArray()
    .map((u) => [$(u).attr('id') ?? '', $(u).text()]);
}
const update = (xml: string, id: string) => updates(xml).find(([i]) => i === id)?.[1];

/** juriscraper's _get_xml_view_state: //update[@id='j_id1:javax.faces.ViewState:0']/text(). */
const xmlViewState = (page: Page) => update(page.body, VIEW_STATE) ?? '';

const cookieNames = (page: Page) => page.setCookies.map((c) => c.slice(0, c.indexOf('=')));

function step1(viewState: string, username: string) {
  return {
    'javax.faces.partial.ajax': 'true',
    'javax.faces.partial.execute': '@all',
    'javax.faces.source': 'loginForm:fbtnLogin',
    'javax.faces.partial.render': 'pscLoginPanel+loginForm+redactionConfirmation+popupMsgId',
    'javax.faces.ViewState': viewState,
    'loginForm:courtId_input': 'E_ALMDC',
    'loginForm:courtId_focus': '',
    'loginForm:fbtnLogin': 'loginForm:fbtnLogin',
    'loginForm:loginName': username,
    'loginForm:password': PACER_PASSWORD,
    'loginForm:clientCode': '',
    loginForm: 'loginForm',
  };
}

function step2(viewState: string, ticked = true) {
  const fields: Record<string, string> = {
    'javax.faces.partial.ajax': 'true',
    'javax.faces.source': 'regmsg:chkRedact',
    'javax.faces.partial.execute': 'regmsg:chkRedact',
    'javax.faces.partial.render': 'regmsg:bpmConfirm',
    'javax.faces.partial.event': 'change',
    'javax.faces.behavior.event': 'valueChange',
    'javax.faces.ViewState': viewState,
    regmsg: 'regmsg',
  };
  if (ticked) fields['regmsg:chkRedact_input'] = 'on';
  return fields;
}

function step3(viewState: string) {
  return {
    'javax.faces.partial.ajax': 'true',
    'javax.faces.source': 'regmsg:bpmConfirm',
    'javax.faces.partial.execute': '@all',
    'javax.faces.ViewState': viewState,
    regmsg: 'regmsg',
    'regmsg:chkRedact_input': 'on',
    'regmsg:bpmConfirm': 'regmsg:bpmConfirm',
    dialogName: 'redactionDlg',
  };
}

/** The Continue button in an update, parsed as HTML. */
function continueButton(html: string) {
  const $ = parsed(html);
  const button = $('button[id="regmsg:bpmConfirm"]');
  return {
    count: button.length,
    disabled: button.hasClass('ui-state-disabled') || button.attr('aria-disabled') === 'true',
    text: $('button[id="regmsg:bpmConfirm"] > span.ui-button-text.ui-c').text(),
  };
}

/** A fresh app and client, through juriscraper's GET and step 1 as `username`. */
async function afterPassword(username: string): Promise<{ b: Browser; one: Page }> {
  app = await makeApp();
  const b = (await serve(app)).browser();
  const page = await b.get(LOGIN_JSF);
  return { b, one: await juriscraperPost(b, step1(inputValue(page.body, 'javax.faces.ViewState') ?? '', username)) };
}

const landedLoggedIn = async (b: Browser) => (await b.get('http://ecf.flsd.uscourts.gov/cgi-bin/ShowIndex.pl')).body.includes('/cgi-bin/login.pl?logout');

describe("juriscraper's PrimeFaces login (digest §2.1, ViewState variant)", () => {
  it('takes a filer through fbtnLogin, the chkRedact valueChange and bpmConfirm under one JSESSIONID', async () => {
    app = await makeApp();
    const b = (await serve(app)).browser();

    // GET login.jsf: the ViewState from //form[@id="loginForm"]//input[@name="javax.faces.ViewState"]/@value.
    const page = await b.get(LOGIN_JSF);
    const viewState = parsed(page.body)('form#loginForm input[name="javax.faces.ViewState"]').attr('value') ?? '';
    expect(viewState).not.toBe('');
    const jsessionid = b.cookie('JSESSIONID');
    expect(jsessionid).toMatch(/^[0-9A-F]{32}$/);

    // Step 1: the password. A filer gets the dialog, and no cookie at all: no session, no new JSESSIONID.
    const one = await juriscraperPost(b, step1(viewState, 'jattorney'));
    expect(one.status).toBe(200);
    expect(one.headers['content-type']).toMatch(/^text\/xml/);
    expect(one.body.startsWith(`${ROOT}<changes>`)).toBe(true);
    expect(one.setCookies).toEqual([]);
    for (const text of ['Invalid username or password', 'Username must be at least 6 characters', 'Password must be at least 8 characters', 'timeout error']) {
      expect(one.body).not.toContain(text);
    }
    const dialog = parsed(update(one.body, 'redactionConfirmation') ?? '');
    expect(dialog('div[id="regmsg:chkRedact"].ui-chkbox.ui-widget > div.ui-chkbox-box').length).toBe(1);
    expect(dialog('input[id="regmsg:chkRedact_input"][name="regmsg:chkRedact_input"]').length).toBe(1);
    expect(continueButton(dialog.html()).disabled).toBe(true);
    expect(xmlViewState(one)).not.toBe('');

    // Step 2: the tick. Exactly two updates, the enabled Continue and the ViewState; still no login.
    const two = await juriscraperPost(b, step2(xmlViewState(one)));
    expect(two.status).toBe(200);
    expect(two.body.startsWith(ROOT)).toBe(true);
    expect(updates(two.body).map(([id]) => id)).toEqual(['regmsg:bpmConfirm', VIEW_STATE]);
    expect(continueButton(update(two.body, 'regmsg:bpmConfirm') ?? '')).toEqual({ count: 1, disabled: false, text: 'Continue' });
    expect(two.setCookies).toEqual([]);
    expect(b.cookie('PacerSession')).toBeUndefined();
    expect(app.repos.journal.list({ actor: 'jattorney' }).map((e) => e.action)).not.toContain('session.start');

    // Step 3: Continue finishes the login: the cookies, and a redirect to the court (its home: no appurl).
    const three = await juriscraperPost(b, step3(xmlViewState(two)));
    expect(three.status).toBe(200);
    expect(three.body).toBe(`${ROOT}<redirect url="http://ecf.flsd.uscourts.gov/"/></partial-response>`);
    expect(cookieNames(three)).toEqual(expect.arrayContaining(['NextGenCSO', 'PacerSession', 'PacerUser', 'PacerPref']));
    expect(cookieNames(three)).not.toContain('JSESSIONID');
    expect(b.cookie('JSESSIONID')).toBe(jsessionid);
    expect(b.cookie('PacerSession')).toMatch(/^[A-Za-z0-9]{128}$/);
    expect(b.cookie('NextGenCSO')).toBe(b.cookie('PacerSession'));
    expect(await landedLoggedIn(b)).toBe(true);
  });

  it("re-renders Continue with the markup of the real answer quoted in juriscraper's docstring", async () => {
    // Captured: the update of regmsg:bpmConfirm in PacerSession._get_xml_view_state's docstring
    // (freelawproject/juriscraper juriscraper/pacer/http.py, the PrimeFaces-login version).
    const real = parsed(
      '<button id="regmsg:bpmConfirm" name="regmsg:bpmConfirm" class="ui-button ui-widget ui-state-default ui-corner-all ui-button-text-only" type="submit"><span class="ui-button-text ui-c">Continue</span></button>',
    );
    const { b, one } = await afterPassword('jattorney');
    const mock = parsed(update((await juriscraperPost(b, step2(xmlViewState(one)))).body, 'regmsg:bpmConfirm') ?? '');
    const selectors = ['button[id="regmsg:bpmConfirm"][name="regmsg:bpmConfirm"][type="submit"]', 'button > span.ui-button-text.ui-c', 'button:not([value])'];
    expect(selectorCounts(mock, selectors)).toEqual(selectorCounts(real, selectors));
    // Every real class (ours adds ui-button-primary for the look).
    for (const cls of (real('button').attr('class') ?? '').split(' ')) expect(mock('button').hasClass(cls), cls).toBe(true);
    expect(texts(mock, 'button')).toEqual(texts(real, 'button'));
  });

  it('finishes a non-filer at step 1, with the cookies and a redirect', async () => {
    const { b, one } = await afterPassword('researcher');
    expect(one.body).toMatch(new RegExp(`^${ROOT.replace(/[?.]/g, '\\$&')}<redirect url="[^"]+"/></partial-response>$`));
    expect(cookieNames(one)).toEqual(expect.arrayContaining(['NextGenCSO', 'PacerSession']));
    expect(cookieNames(one)).not.toContain('JSESSIONID');
    expect(await landedLoggedIn(b)).toBe(true);
  });

  it('answers an untick with Continue disabled again, and the login still waits for Continue', async () => {
    const { b, one } = await afterPassword('jattorney');
    const ticked = await juriscraperPost(b, step2(xmlViewState(one)));
    const unticked = await juriscraperPost(b, step2(xmlViewState(ticked), false));
    expect(updates(unticked.body).map(([id]) => id)).toEqual(['regmsg:bpmConfirm', VIEW_STATE]);
    expect(continueButton(update(unticked.body, 'regmsg:bpmConfirm') ?? '').disabled).toBe(true);
    expect(b.cookie('PacerSession')).toBeUndefined();
    const three = await juriscraperPost(b, step3(xmlViewState(unticked)));
    expect(three.body).toContain('<redirect url=');
  });
});

describe("juriscraper's older stateless login (digest §2.2)", () => {
  const stateless1 = (username: string) => ({
    'javax.faces.ViewState': 'stateless',
    login: 'login',
    'login:clientCode': '',
    'login:fbtnLogin': '',
    'login:loginName': username,
    'login:password': PACER_PASSWORD,
  });

  it('logs a filer in without a GET first: login form, the tick, then Continue as a plain POST', async () => {
    app = await makeApp();
    const b = (await serve(app)).browser();
    const one = await juriscraperPost(b, stateless1('jattorney'));
    expect(one.status).toBe(200);
    expect(showsDialog(one, 'redactionConfirmation')).toBe(true);
    expect(cookieNames(one)).toEqual(['JSESSIONID']);
    const jsessionid = b.cookie('JSESSIONID');

    const two = await juriscraperPost(b, { ...step2('stateless') });
    expect(updates(two.body)).toEqual([
      ['regmsg:bpmConfirm', expect.stringContaining('id="regmsg:bpmConfirm"')],
      [VIEW_STATE, 'stateless'],
    ]);
    expect(two.setCookies).toEqual([]);

    const three = await juriscraperPost(b, { regmsg: 'regmsg', 'regmsg:chkRedact_input': 'on', 'regmsg:bpmConfirm': '', 'javax.faces.ViewState': 'stateless' });
    expect(three.status).toBe(302);
    expect(cookieNames(three)).toEqual(expect.arrayContaining(['NextGenCSO', 'PacerSession']));
    expect(b.cookie('JSESSIONID')).toBe(jsessionid);
    expect(await landedLoggedIn(b)).toBe(true);
  });

  it('refuses the stateless form from a browser on another site: no ViewState ties it to a GET', async () => {
    app = await makeApp();
    const b = (await serve(app)).browser();
    for (const headers of [{ origin: 'https://evil.example' }, { 'sec-fetch-site': 'cross-site' }] as Record<string, string>[]) {
      const res = await juriscraperPost(b, stateless1('researcher'), headers);
      expect(res.status).toBe(200);
      expect(res.body).toContain('Your browser must be set to accept cookies in order to log in to this site.');
      expect(b.cookie('NextGenCSO')).toBeUndefined();
    }
  });
});

/** A page's script posting a form: its fields plus javax.faces.partial.* and the Faces-Request header. */
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

describe('the AJAX screen login from a page script', () => {
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
    expect(r.body.startsWith(`${ROOT}<changes><update id="loginForm"><![CDATA[`)).toBe(true);
    expect(r.body.endsWith('</changes></partial-response>')).toBe(true);
    expect(update(r.body, 'loginForm')).toContain('Invalid username or password');
    expect(update(r.body, 'loginForm')).toMatch(/^\s*<form id="loginForm"/);
    expect(update(r.body, VIEW_STATE)).toBe(viewState);
    expect(b.cookie('NextGenCSO')).toBeUndefined();
  });

  it('sends the MFA and redaction dialogs as updates under the same ViewState, then a redirect element with the cookies set', async () => {
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
    expect(update(mfa.body, 'mfaDialog')).toContain('<form id="mfaForm" name="mfaForm"');
    // The JSESSIONID is kept through the login, and so is its ViewState.
    expect(update(mfa.body, VIEW_STATE)).toBe(viewState);

    const redaction = await ajax(b, action, 'mfaForm:btnOk', {
      mfaForm: 'mfaForm',
      'mfaForm:mfaInput': authenticatorCode(MFA_SECRET, app.clock.now()),
      'javax.faces.ViewState': viewState,
    });
    expect(update(redaction.body, 'redactionConfirmation')).toContain('IMPORTANT NOTICE OF REDACTION RESPONSIBILITY');
    expect(update(redaction.body, VIEW_STATE)).toBe(viewState);

    const done = await ajax(b, action, 'regmsg:bpmConfirm', {
      regmsg: 'regmsg',
      'regmsg:chkRedact_input': 'on',
      dialogName: 'redactionDlg',
      'javax.faces.ViewState': viewState,
    });
    expect(done.status).toBe(200);
    expect(done.headers['content-type']).toMatch(/^text\/xml/);
    expect(done.body).toBe(`${ROOT}<redirect url="http://ecf.flsd.uscourts.gov/cgi-bin/ShowIndex.pl"/></partial-response>`);
    expect(b.cookie('NextGenCSO')).toMatch(/^[A-Za-z0-9]{128}$/);
    expect(done.setCookies.some((c) => c.startsWith('NextGenCSO=') && c.includes('Domain=.uscourts.gov'))).toBe(true);
    expect(await landedLoggedIn(b)).toBe(true);
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
    expect(byHeader.body).toContain('<partial-response id="j_id1"><redirect url="http://ecf.flsd.uscourts.gov/cgi-bin/ShowIndex.pl"/>');
    const byParam = await attempt({ 'javax.faces.partial.ajax': 'true' });
    expect(byParam.body).toContain('<partial-response id="j_id1"><redirect url=');
    const plain = await attempt({});
    expect(plain.status).toBe(302);
  });
});
