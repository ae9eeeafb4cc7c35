import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { decodeEntities, formAction, inputValue } from '../support/browser.js';
import { ECF_PASSWORD, makeApp, serveWithBrowser } from '../support/app.js';
import { captured, parsed, pathTo, texts } from '../support/captured.js';
import { documentFilingSystemLink, loginForm, openLoginFrom, redactionForm } from '../support/journey.js';

/**
 * The FLSD guide's eleven steps (FIDELITY §6, read exactly as the audit does) as persona
 * jattorney, over a real socket, checking the real strings at each step and the exact menu bar
 * at steps 4, 10 and 11.
 */
let app: FastifyInstance;
afterEach(async () => app?.close());

const PACER_MENU = 'Query Reports Utilities Help Log Out';
const JUST_LINKED_MENU = 'Query Reports Utilities Search Help Log Out';
const FILER_MENU = 'Civil Criminal Query Reports Utilities Search Help Log Out';

/** The menu bar's labels as a client reads them (an HTML5 parse, spaces folded). */
const menuOf = (html: string) => texts(parsed(html), '#topmenu a.yuimenubaritemlabel').join(' ');

describe('the linking journey, steps 1-11', () => {
  it('links jattorney to FLSD attytest4 as the guide describes', async () => {
    app = await makeApp();
    const { base, b } = await serveWithBrowser(app);

    // 1. Court site -> "Southern District of Florida – Document Filing System" -> CM/ECF login
    //    -> CSO login page.
    const home = await b.get(`${base}/`);
    expect(home.status).toBe(200);
    expect(home.body).toBe("<html><meta http-equiv='REFRESH' content='0;url=/cgi-bin/ShowIndex.pl'></html>");
    const index = await b.get(`${base}/cgi-bin/ShowIndex.pl`);
    expect(index.status).toBe(200);
    expect(index.body).not.toContain('/cgi-bin/login.pl?logout');
    expect(index.body).not.toContain('Cost: ');
    expect(texts(parsed(index.body), 'a[href="/cgi-bin/login.pl"]')).toEqual(['Southern District of Florida – Document Filing System']);
    expect(documentFilingSystemLink(index)).toBe(`${base}/cgi-bin/login.pl`);
    const courtLogin = await b.get(documentFilingSystemLink(index) ?? '');
    expect(courtLogin.status).toBe(200);
    expect(courtLogin.body).not.toContain('/cgi-bin/login.pl?logout');
    expect(courtLogin.body).not.toContain('Cost: ');
    expect(courtLogin.body).toContain(`location.assign("http://localhost:${new URL(base).port}/csologin/login.jsf?pscCourtId=FLSDC&appurl=`);
    const login = await openLoginFrom(b, courtLogin);
    expect(login.status).toBe(200);
    expect(login.body).toContain('PACER Login');
    for (const text of ['Username', 'Password', 'Client Code', '>Login<', '>Clear<', '>Cancel<', 'Need an Account?', 'Forgot Your Password?', 'Forgot User Name?']) {
      expect(login.body).toContain(text);
    }
    expect(login.body).toContain(
      'Your browser must be set to accept cookies in order to log in to this site. If your browser is set to accept cookies and you are experiencing problems with the login, delete the stored cookie file in your PC. Close and reopen your browser before trying again.',
    );
    expect(login.body).toContain(
      'This is a restricted government web site for official PACER use only. Unauthorized entry is prohibited and subject to prosecution under Title 18 of the U.S. Code. All activities and access attempts are logged.',
    );
    expect(login.body).toContain('id="j_id1:javax.faces.ViewState:0"');
    expect(b.cookie('JSESSIONID')).toMatch(/^[0-9A-F]{32}$/);

    // 2. Log in with the upgraded individual PACER account.
    const afterPassword = await b.post(formAction(login, 'loginForm'), loginForm(login, 'jattorney'));
    expect(afterPassword.status).toBe(200);
    expect(b.cookie('NextGenCSO')).toBeUndefined();

    // 3. The Redaction Agreement; Continue without the box stays on it.
    expect(afterPassword.body).toContain('id="redactionConfirmation"');
    expect(afterPassword.body).toContain(
      'IMPORTANT NOTICE OF REDACTION RESPONSIBILITY: All filers must redact: Social Security or taxpayer-identification numbers; dates of birth; names of minor children; financial account numbers; and, in criminal cases, home addresses, in compliance with Fed. R. App. P. 25(a)(5), Fed. R. Civ. P. 5.2, Fed. R. Crim. P. 49.1, or Fed. R. Bankr. P. 9037. This requirement applies to all documents, including attachments.',
    );
    expect(afterPassword.body).toContain('I understand that, if I file, I must comply with the redaction rules. I have read this notice.');
    const unticked = await b.post(formAction(afterPassword, 'regmsg'), redactionForm(afterPassword, false));
    expect(unticked.body).toContain('id="redactionConfirmation"');
    expect(b.cookie('NextGenCSO')).toBeUndefined();
    const landed = await b.post(formAction(unticked, 'regmsg'), redactionForm(unticked, true), false);
    expect(landed.status).toBe(302);
    expect(landed.headers['location']).toBe(`${base}/cgi-bin/login.pl`);
    const token = b.cookie('NextGenCSO');
    expect(token).toMatch(/^[A-Za-z0-9]{128}$/);
    expect(b.cookie('PacerSession')).toBe(token);
    expect(b.cookie('PacerUser')).toBe('jattorney');
    expect(b.cookie('PacerPref')).toBe('receipt=Y');

    // 4. Menu "Query Reports Utilities Help Log Out", in the captured skeleton; click Utilities.
    const main = await b.get(landed.headers['location'] as string);
    const $main = parsed(main.body);
    const real = captured('attachment_pages/flsd_0510267.html');
    expect($main('title').text()).toBe('CM/ECF - Live Database - flsd');
    for (const selector of ['a.yuimenubaritemlabel', 'img#cmecfLogo', 'input#cmecfMainContentScroll']) {
      expect(pathTo($main, selector), selector).toBe(pathTo(real, selector));
    }
    expect(main.body).toContain('/cgi-bin/login.pl?logout');
    expect(menuOf(main.body)).toBe(PACER_MENU);
    // The logged-in login.pl sets the KEY cookie by script.
    expect(main.body).toMatch(/<script type="text\/javascript">document\.cookie="KEY=[0-9a-f]{32}; path=\/";<\/script>/);
    const utilities = await b.get(`${base}/cgi-bin/DisplayMenu.pl?Utilities`);
    expect(utilities.body).toContain('Your Account');
    for (const t of ['Change Client Code', 'Review Billing History']) expect(utilities.body).toContain(t);

    // 5. "Link a CM/ECF account to my PACER account".
    expect(utilities.body).toContain('<a href="/cgi-bin/LinkAccount.pl">Link a CM/ECF account to my PACER account</a>');

    // 6. The form: "CM/ECF login:", "CM/ECF password:", Submit, Clear, "Forgot login/password".
    const form = await b.get(`${base}/cgi-bin/LinkAccount.pl`);
    const $form = parsed(form.body);
    expect(texts($form, 'form#linkAccount label')).toEqual(['CM/ECF login:', 'CM/ECF password:']);
    expect(texts($form, 'form#linkAccount button')).toEqual(['Submit', 'Clear']);
    expect(texts($form, 'form#linkAccount a')).toEqual(['Forgot login/password']);
    expect(form.body).toContain('The FLSD CM/ECF login is typically your first and last initials followed by your full bar number');

    // 7. Submit; 8. the confirmation with both names.
    const confirm = await b.post(formAction(form, 'linkAccount'), {
      step: 'credentials',
      token: inputValue(form.body, 'token') ?? '',
      login: 'attytest4',
      key: ECF_PASSWORD,
    });
    expect(confirm.status).toBe(200);
    expect(confirm.body).toContain('<td id="ecfName">John Attorney</td><td id="pacerName">John Attorney</td>');
    expect(confirm.body).toContain('Do you want to link these accounts?');
    expect(confirm.body).toContain(
      'After you submit this screen, your old e-filing credentials for the CM/ECF account will be permanently linked to your upgraded PACER account. Use your upgraded PACER account to e-file in this court.',
    );
    expect(confirm.body).not.toContain('namesDifferWarning');

    // 9. The result.
    const result = await b.post(formAction(confirm, 'linkConfirm'), {
      step: 'confirm',
      token: inputValue(confirm.body, 'token') ?? '',
      ecfAccountId: inputValue(confirm.body, 'ecfAccountId') ?? '',
      confirmToken: inputValue(confirm.body, 'confirmToken') ?? '',
    });
    expect(result.status).toBe(200);
    expect(result.body).toContain('The CM/ECF account for John Attorney is now linked to your CSO account.');

    // 10. The result page's menu already has Search, not yet Civil and Criminal...
    expect(menuOf(result.body)).toBe(JUST_LINKED_MENU);

    // 11. ...and the next page loaded by a menu item shows the whole filer menu.
    const query = await b.get(`${base}/cgi-bin/iquery.pl`);
    expect(menuOf(query.body)).toBe(FILER_MENU);
    expect(query.body).toContain(`<li class="yuimenubaritem"><a class="yuimenubaritemlabel" href='/cgi-bin/DisplayMenu.pl?CivilEvents'>C<u>i</u>vil <div class='spritedownarrow'></div></a></li>`);
    expect(query.body).toContain(`href='javascript: CMECF.MainMenu.searchPrompt();'>Sear<u>c</u>h</a>`);

    // The link is permanent and recorded; the notification email is in the outbox.
    const ecf = app.repos.ecfAccounts.byLogin('flsd', 'attytest4');
    expect(ecf?.linkedPacerAccountId).toBe(app.repos.pacerAccounts.byUsername('jattorney')?.id);
    const mail = app.repos.outbox.list();
    expect(mail).toHaveLength(1);
    expect(mail[0]?.to).toBe('jattorney@example.com');
    expect(mail[0]?.body).toContain('attytest4');
    const actions = app.repos.journal.list({ actor: 'jattorney' }).map((e) => `${e.action}:${e.outcome}`);
    expect(actions).toEqual(expect.arrayContaining(['login.screen:ok', 'login.redaction:not_ticked', 'login.redaction:accepted', 'session.start:ok', 'link:confirm_shown', 'link:linked']));

    // Linked filers see the filer utilities and the filing categories.
    const filerUtilities = await b.get(`${base}/cgi-bin/DisplayMenu.pl?Utilities`);
    expect(filerUtilities.body).toContain('Maintain Your ECF Account');
    expect(filerUtilities.body).toContain('View Your Transaction Log');
    expect((await b.get(`${base}/cgi-bin/DisplayMenu.pl?CivilEvents`)).status).toBe(200);

    // Log Out ends the session: the court's pages ask for a login again.
    const out = await b.get(`${base}/cgi-bin/login.pl?logout`);
    expect(out.body).not.toContain('/cgi-bin/login.pl?logout');
    const after = await b.fetch(`${base}/cgi-bin/DisplayMenu.pl?Utilities`, { headers: { cookie: `NextGenCSO=${token}` } });
    expect(decodeEntities(after.body)).toContain(`/csologin/login.jsf?pscCourtId=FLSDC&appurl=${encodeURIComponent(`${base}/cgi-bin/DisplayMenu.pl?Utilities`)}`);
    expect(after.body).not.toContain('/cgi-bin/login.pl?logout');
    const frontDoor = await b.fetch(`${base}/cgi-bin/ShowIndex.pl`, { headers: { cookie: `NextGenCSO=${token}` } });
    expect(documentFilingSystemLink(frontDoor)).toBe(`${base}/cgi-bin/login.pl`);
  });
});
