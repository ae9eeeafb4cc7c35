import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { formAction, inputValue, type Browser } from '../support/browser.js';
import { ECF_PASSWORD, makeApp, PACER_PASSWORD, serveWithBrowser } from '../support/app.js';
import { serveLoggedIn } from '../support/journey.js';

/**
 * Fidelity: real CM/ECF forms are multipart/form-data and clients post them that way; juriscraper
 * even sends each field as a file part with an empty filename. Both shapes must work.
 */
let app: FastifyInstance;
afterEach(async () => app?.close());

function multipart(fields: Record<string, string>, asFiles: boolean): { body: string; type: string } {
  const boundary = '----mockpacer7d0b3c';
  const parts = Object.entries(fields).map(([name, value]) => {
    const disposition = `form-data; name="${name}"${asFiles ? '; filename=""' : ''}`;
    return `--${boundary}\r\nContent-Disposition: ${disposition}\r\n${asFiles ? 'Content-Type: application/octet-stream\r\n' : ''}\r\n${value}\r\n`;
  });
  return { body: `${parts.join('')}--${boundary}--\r\n`, type: `multipart/form-data; boundary=${boundary}` };
}

function postMultipart(b: Browser, url: string, fields: Record<string, string>, asFiles = false) {
  const { body, type } = multipart(fields, asFiles);
  return b.fetch(url, { method: 'POST', body, headers: { 'content-type': type } });
}

describe('multipart/form-data bodies', () => {
  it('links an account with every CM/ECF form posted as multipart file parts (juriscraper style)', async () => {
    app = await makeApp();
    const { base, b } = await serveLoggedIn(app, 'jattorney');
    const form = await b.get(`${base}/cgi-bin/LinkAccount.pl`);
    const confirm = await postMultipart(b, formAction(form, 'linkAccount'), {
      step: 'credentials',
      token: inputValue(form.body, 'token') ?? '',
      login: 'attytest4',
      key: ECF_PASSWORD,
    }, true);
    expect(confirm.status).toBe(200);
    expect(confirm.body).toContain('Do you want to link these accounts?');
    const result = await postMultipart(b, formAction(confirm, 'linkConfirm'), {
      step: 'confirm',
      token: inputValue(confirm.body, 'token') ?? '',
      ecfAccountId: inputValue(confirm.body, 'ecfAccountId') ?? '',
      confirmToken: inputValue(confirm.body, 'confirmToken') ?? '',
    });
    expect(result.body).toContain('The CM/ECF account for John Attorney is now linked to your CSO account.');
  });

  it('changes the client code from a multipart POST', async () => {
    app = await makeApp();
    const { base, b } = await serveLoggedIn(app, 'researcher');
    const page = await b.get(`${base}/cgi-bin/ChangeClientCode.pl`);
    const done = await postMultipart(b, `${base}/cgi-bin/ChangeClientCode.pl`, { clientCode: 'smith-v-jones', token: inputValue(page.body, 'token') ?? '' });
    expect(done.status).toBe(200);
    expect(b.cookie('PacerClientCode')).toBe('smith-v-jones');
  });

  it('logs in on the CSO screen from a multipart POST', async () => {
    app = await makeApp();
    const { base, b } = await serveWithBrowser(app);
    const login = await b.get(`${base}/csologin/login.jsf?pscCourtId=FLSDC&appurl=${encodeURIComponent(`${base}/cgi-bin/ShowIndex.pl`)}`);
    const landed = await postMultipart(b, formAction(login, 'loginForm'), {
      loginForm: 'loginForm',
      'loginForm:loginName': 'researcher',
      'loginForm:password': PACER_PASSWORD,
      'loginForm:fbtnLogin': 'loginForm:fbtnLogin',
      'javax.faces.ViewState': inputValue(login.body, 'javax.faces.ViewState') ?? '',
    });
    expect(landed.body).toContain('/cgi-bin/login.pl?logout');
    expect(b.cookie('NextGenCSO')).toMatch(/^[A-Za-z0-9]{128}$/);
  });

  it('answers an oversized multipart field with a page, not a 500', async () => {
    app = await makeApp();
    const { base, b } = await serveLoggedIn(app, 'researcher');
    const r = await postMultipart(b, `${base}/cgi-bin/ChangeClientCode.pl`, { clientCode: 'x'.repeat(100 * 1024), token: 't' }, true);
    expect(r.status).toBe(413);
    expect(r.headers['content-type']).toMatch(/^text\/html/);
  });
});

describe('form pages and unreadable bodies', () => {
  it('answers a JSON body that does not parse on a form page with an HTML page, not a framework error', async () => {
    app = await makeApp();
    const r = await app.inject({ method: 'POST', url: '/csologin/login.jsf', headers: { 'content-type': 'application/json' }, payload: '{' });
    expect(r.statusCode).toBe(400);
    expect(r.headers['content-type']).toMatch(/^text\/html/);
    expect(r.body).not.toContain('FST_ERR');
  });
});
