import express from 'express';
import request from 'supertest';
import { UI_STRINGS } from '../../../server/web/i18n/ui-texts';
import { createWebForms } from '../../../server/web/security/web-forms';
import { securityHeaders } from '../../../server/web/security/security-headers';
import { pageErrorHandler } from '../../../server/web/views/page-errors';
import { useViews } from '../../../server/web/views/use-views';
import { testApp } from '../../support/test-app';
import { csrfFrom } from '../../support/web-forms';

const { app } = testApp();

test('the home page is Italian by default, with a CSP that allows no inline script', async () => {
  const res = await request(app).get('/').set('Accept-Language', 'en').expect(200);
  expect(res.type).toBe('text/html');
  expect(res.text).toContain('<html lang="it">');
  expect(res.text).toContain('Prepara la tua diffida');
  expect(res.text).not.toContain('⟦');
  const csp = res.headers['content-security-policy'] as string;
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toContain('upgrade-insecure-requests');
  expect(csp).toContain("form-action 'self'");
});

test('?lang=en switches to English and is remembered in a cookie; ?lang=it switches back', async () => {
  const agent = request.agent(app);
  const english = await agent.get('/?lang=en').expect(200);
  expect(english.text).toContain('<html lang="en">');
  expect(english.text).toContain('Prepare your formal notice');
  expect(String(english.headers['set-cookie'])).toMatch(/reclamo_lang=en; .*HttpOnly/);
  const remembered = await agent.get('/').expect(200);
  expect(remembered.text).toContain('<html lang="en">');
  expect(remembered.text).toMatch(/<a class="language-switch__link" href="\/\?lang(=|&#x3D;)it"[^>]*>Italiano<\/a>/);
  const back = await agent.get('/?lang=it').expect(200);
  expect(back.text).toContain('<html lang="it">');
  expect((await agent.get('/')).text).toContain('<html lang="it">');
});

test('the stylesheet is served from /static and an unknown page is a 404 page in the language', async () => {
  const css = await request(app).get('/static/reclamo.css').expect(200);
  expect(css.type).toBe('text/css');
  const missing = await request(app).get('/nowhere?lang=en').expect(404);
  expect(missing.text).toContain('Page not found');
});

describe('the shared form middleware (reused by other pages)', () => {
  const noLimit: express.RequestHandler = (_req, _res, next) => next();
  const webForms = createWebForms({
    csrfSecret: 'x'.repeat(32),
    secureCookies: false,
    formBodyLimitKb: 1,
    formLimit: noLimit,
    uploadLimit: noLimit,
    strings: UI_STRINGS,
  });
  const probe = express();
  probe.use(securityHeaders({ secureCookies: false }));
  useViews(probe, { strings: UI_STRINGS, rulesetVersion: 'test' });
  probe.get('/probe', ...webForms.page, (_req, res) => {
    res
      .type('html')
      .send(`<form method="post"><input type="hidden" name="_csrf" value="${String(res.locals.csrfToken)}"></form>`);
  });
  probe.post('/probe', ...webForms.post, (req, res) => {
    res.send(`ok ${String((req.body as Record<string, string>).name)}`);
  });
  probe.get('/broken', ...webForms.page, () => {
    throw new Error('secret detail of the failure');
  });
  const reported: unknown[] = [];
  probe.use(pageErrorHandler({ bodyLimitKb: 1, onInternalError: (error) => reported.push(error) }));

  test('an unexpected error is a calm 500 page in the language, without the error text, and is reported', async () => {
    const res = await request(probe).get('/broken?lang=en').expect(500);
    expect(res.type).toBe('text/html');
    expect(res.text).toContain('Something went wrong');
    expect(res.text).not.toContain('secret detail');
    expect(res.text).not.toMatch(/\.ts:\d+|\bError:/);
    expect(reported).toHaveLength(1);
  });

  test('a post with the token of its page is accepted', async () => {
    const agent = request.agent(probe);
    const token = csrfFrom((await agent.get('/probe').expect(200)).text);
    await agent.post('/probe').type('form').send({ _csrf: token, name: 'Anna' }).expect(200, 'ok Anna');
  });

  test('a post without the token, with a wrong one, or without the cookie is refused with a clear page', async () => {
    const agent = request.agent(probe);
    const token = csrfFrom((await agent.get('/probe').expect(200)).text);
    const missing = await agent.post('/probe').type('form').send({ name: 'Anna' }).expect(403);
    expect(missing.type).toBe('text/html');
    expect(missing.text).toContain('Il modulo è scaduto');
    expect(missing.text).toContain('Nulla è stato salvato');
    await agent
      .post('/probe')
      .type('form')
      .send({ _csrf: `${token}x`, name: 'Anna' })
      .expect(403);
    await request(probe).post('/probe').type('form').send({ _csrf: token, name: 'Anna' }).expect(403);
    const english = await agent.post('/probe?lang=en').type('form').send({ name: 'Anna' }).expect(403);
    expect(english.text).toContain('The form has expired');
  });

  test('a token made for another browser does not work with this browser cookies', async () => {
    const first = request.agent(probe);
    const second = request.agent(probe);
    const firstToken = csrfFrom((await first.get('/probe')).text);
    await second.get('/probe');
    await second.post('/probe').type('form').send({ _csrf: firstToken }).expect(403);
  });
});
