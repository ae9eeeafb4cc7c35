import { describe, expect, it } from 'vitest';
import { FORMAT_PROBLEMS, parseBody, parseFlatXml, serialize, stringField, wantsJson } from '../../server/cso/cso-auth-format.js';

const PROLOG = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const badXml = { ok: false, status: 400, problem: FORMAT_PROBLEMS.xml };
const badJson = { ok: false, status: 400, problem: FORMAT_PROBLEMS.json };

describe('the cso-auth wire formats (cso-auth-format.ts, FIDELITY §4)', () => {
  describe('parseBody', () => {
    it('reads a JSON object by its Content-Type', () => {
      const body = '{"loginId":"researcher","otpCode":123456}';
      expect(parseBody('application/json; charset=utf-8', body)).toEqual({ ok: true, format: 'json', root: null, fields: { loginId: 'researcher', otpCode: 123456 } });
      expect(parseBody('application/vnd.pacer+json', body)).toMatchObject({ ok: true, format: 'json' });
      expect(parseBody('TEXT/JSON', body)).toMatchObject({ ok: true, format: 'json' });
    });

    it('refuses JSON that is not one complete object', () => {
      for (const body of ['{"loginId":', '[]', 'null', '"x"', '']) expect(parseBody('application/json', body), body).toEqual(badJson);
    });

    it('reads flat XML: entities, character references, CDATA, empty and prefixed elements', () => {
      const body = `${PROLOG}\n<!-- a client's comment --><ns2:CsoAuth xmlns:ns2="urn:x"><loginId>a&amp;b&#65;&#x42;</loginId><password><![CDATA[p<w>&]]></password><clientCode/></ns2:CsoAuth>\n`;
      expect(parseBody('application/xml', body)).toEqual({ ok: true, format: 'xml', root: 'CsoAuth', fields: { loginId: 'a&bAB', password: 'p<w>&', clientCode: '' } });
      expect(parseBody('text/xml', '<CsoLogout/>')).toEqual({ ok: true, format: 'xml', root: 'CsoLogout', fields: {} });
    });

    it('refuses XML it cannot read safely or completely', () => {
      for (const body of [
        '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><CsoAuth><loginId>&e;</loginId></CsoAuth>',
        '<CsoAuth><loginId><b>x</b></loginId></CsoAuth>', // nested element
        '<CsoAuth><loginId>a & b</loginId></CsoAuth>', // bare ampersand
        '<CsoAuth><loginId>x</password></CsoAuth>', // mismatched close
        '<CsoAuth><loginId>x</loginId>', // unclosed root
        '<CsoAuth></CsoAuth><CsoAuth></CsoAuth>', // two roots
        '<CsoAuth><loginId>&#x110000;</loginId></CsoAuth>', // beyond Unicode
      ]) {
        expect(parseBody('application/xml', body), body).toEqual(badXml);
      }
    });

    it('without a Content-Type, tells JSON from XML by the first character (and skips a BOM)', () => {
      expect(parseBody(undefined, '\uFEFF {"loginId":"a"}')).toMatchObject({ ok: true, format: 'json', fields: { loginId: 'a' } });
      expect(parseBody('', '  <CsoAuth><loginId>a</loginId></CsoAuth>')).toMatchObject({ ok: true, format: 'xml', fields: { loginId: 'a' } });
      expect(parseBody(undefined, 'loginId=a')).toEqual({ ok: false, status: 415, problem: FORMAT_PROBLEMS.mediaType });
    });

    it('refuses other media types even when the body would parse', () => {
      expect(parseBody('application/x-www-form-urlencoded', '{"loginId":"a"}')).toEqual({ ok: false, status: 415, problem: FORMAT_PROBLEMS.mediaType });
      expect(parseBody('text/plain', '<CsoAuth/>')).toMatchObject({ ok: false, status: 415 });
    });
  });

  it('stringField binds scalars as text, as the real (Java) service does, and refuses structures', () => {
    const fields = { s: 'x', n: 42, b: false, nul: null, o: { a: 1 }, a: ['x'] };
    expect(['s', 'n', 'b', 'nul', 'absent'].map((k) => stringField(fields, k))).toEqual(['x', '42', 'false', '', '']);
    expect(stringField(fields, 'o')).toBeNull();
    expect(stringField(fields, 'a')).toBeNull();
    // Only the object's own fields: nothing from its prototype.
    expect(stringField(fields, 'toString')).toBe('');
  });

  it.each([
    [undefined, false],
    ['', false],
    ['application/json', true],
    ['APPLICATION/JSON', true],
    ['application/problem+json', true],
    ['application/xml', false],
    ['*/*', false],
    ['text/html, application/json;q=0.1', true],
    ['application/json;q=0.5', true],
    ['application/json;q=0, application/xml', false],
    ['application/json; q=0.0', false],
  ])('wantsJson(%j) is %s (JSON only when Accept asks for it with q > 0)', (accept, json) => {
    expect(wantsJson(accept)).toBe(json);
  });

  describe('serialize', () => {
    const fields: [string, string][] = [
      ['loginResult', '13'],
      ['errorDescription', 'a <b> & c'],
      ['nextGenCSO', ''],
    ];

    it('writes JSON with the fields in order', () => {
      expect(serialize('CsoAuth', fields, true)).toEqual({
        type: 'application/json; charset=utf-8',
        body: '{"loginResult":"13","errorDescription":"a <b> & c","nextGenCSO":""}',
      });
    });

    it('writes XML as JAXB does: the declaration, then the root on the same line, text escaped', () => {
      expect(serialize('CsoAuth', fields, false)).toEqual({
        type: 'application/xml; charset=utf-8',
        body: `${PROLOG}<CsoAuth><loginResult>13</loginResult><errorDescription>a &lt;b&gt; &amp; c</errorDescription><nextGenCSO></nextGenCSO></CsoAuth>`,
      });
    });

    it('writes XML that its own reader reads back to the same fields', () => {
      const { body } = serialize('CsoLogout', fields, false);
      expect(parseFlatXml(body)).toEqual({ root: 'CsoLogout', fields: Object.fromEntries(fields) });
    });
  });
});
