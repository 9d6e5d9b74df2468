import fc from 'fast-check';
import request from 'supertest';
import { openOutbox } from '../../../server/mail/outbox/outbox';
import { testMailSettings } from '../../support/mail-fixtures';
import { testApp, UNLIMITED_RATES } from '../../support/test-app';
import { csrfFrom, encodeForm, workedExampleForm, type FormFields } from '../../support/web-forms';

/**
 * The HTML form posts under random and hostile answers: always a page (the result, the form with its errors, or an
 * error page), never a 5xx or a stack trace. Posts without the token are refused.
 */
// With a local outbox, so /claim/send and the /outbox pages are live too.
const outbox = openOutbox(testMailSettings(), { drain: false });
afterAll(() => outbox.close());
const { app, internalErrors } = testApp(UNLIMITED_RATES, { outbox });
const FORM_POSTS = ['/claim', '/claim/edit', '/claim/letter.pdf', '/claim/send'];
const FIELD_NAMES = [
  ...Object.keys(workedExampleForm()),
  'damages.99999.amount',
  'damages.-1.kind',
  'damages.1e9.description',
  '__proto__',
  'constructor.prototype.x',
  'claimant',
  'claimant.address',
  'lang',
  '_csrf',
  'incidents',
];

const hostileValue = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.constantFrom(
    '<script>alert(1)</script>',
    '{{7*7}}',
    '=HYPERLINK("x")',
    '\u0000',
    '\ud800',
    '1e309',
    '-0',
    'NaN',
    '9'.repeat(400),
    'x'.repeat(5000),
  ),
);
const hostileForm = fc.dictionary(
  fc.constantFrom(...FIELD_NAMES),
  fc.oneof(hostileValue, fc.array(hostileValue, { maxLength: 5 })),
  { maxKeys: 12 },
);

async function session(): Promise<{ agent: ReturnType<typeof request.agent>; token: string }> {
  const agent = request.agent(app);
  const token = csrfFrom((await agent.get('/').expect(200)).text);
  return { agent, token };
}

function expectPage(res: request.Response): void {
  expect(res.status).toBeLessThan(500);
  expect(res.text ?? '').not.toMatch(/\bat .+\.(ts|js):\d+/);
  if (res.status >= 400) expect(res.type).toBe('text/html');
}

afterEach(() => expect(internalErrors).toEqual([]));

describe.each(FORM_POSTS)('POST %s', (path) => {
  test('random and hostile answers with a valid token: a page, never a 5xx', async () => {
    const { agent, token } = await session();
    await fc.assert(
      fc.asyncProperty(hostileForm, async (fields: FormFields) => {
        const res = await agent
          .post(path)
          .type('form')
          .send(encodeForm({ ...fields, _csrf: token }));
        expectPage(res);
      }),
      { numRuns: 40 },
    );
  });

  test('a valid form with one answer replaced: a page, never a 5xx', async () => {
    const { agent, token } = await session();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...Object.keys(workedExampleForm())), hostileValue, async (name, value) => {
        const res = await agent
          .post(path)
          .type('form')
          .send(encodeForm({ ...workedExampleForm(), [name]: value, _csrf: token }));
        expectPage(res);
      }),
      { numRuns: 40 },
    );
  });

  test.each([
    ['no token', 'claimant.firstName=Mario', 'application/x-www-form-urlencoded'],
    ['JSON instead of a form', '{"claimant":{}}', 'application/json'],
    [
      'a multipart body',
      '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--x--\r\n',
      'multipart/form-data; boundary=x',
    ],
    ['invalid percent-encoding', 'claimant.firstName=%E0%A4%A&_csrf=%', 'application/x-www-form-urlencoded'],
    ['a body over the limit', `claimant.firstName=${'a'.repeat(200_000)}`, 'application/x-www-form-urlencoded'],
  ])('%s: refused with a page', async (_name, body, type) => {
    const res = await request(app).post(path).set('Content-Type', type).send(body);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expectPage(res);
  });
});

describe.each(['/batches/', '/outbox/'])('GET %s{parameter}', (prefix) => {
  test('random and traversing parameters: a page, never a file from elsewhere, never a 5xx', async () => {
    const parameter = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom(
        '..%2F..%2Fpackage.json',
        '..%2F..%2F.env',
        '%2e%2e%2fpackage.json',
        '....%2F%2Fpackage.json',
        '%00',
        'a'.repeat(3000),
        '.eml',
      ),
    );
    await fc.assert(
      fc.asyncProperty(parameter, async (value) => {
        const res = await request(app).get(`${prefix}${encodeURIComponent(value).replace(/%25([0-9A-F]{2})/g, '%$1')}`);
        expectPage(res);
        expect(res.text ?? '').not.toContain('"devDependencies"');
      }),
      { numRuns: 40 },
    );
  });
});
