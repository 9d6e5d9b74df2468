import request from 'supertest';
import { testApp } from '../../support/test-app';
import { postForm, workedExampleForm, type FormFields } from '../../support/web-forms';

const { app, internalErrors } = testApp();
afterEach(() => expect(internalErrors).toEqual([]));

/** The worked example as the browser's estimate posts it: without the fields that say who the person is. */
function estimateFields(overrides: FormFields = {}): FormFields {
  const fields: FormFields = { ...workedExampleForm(), ...overrides };
  for (const name of Object.keys(fields))
    if (/^claimant\.|^account\.(mailbox|companyName|vatNumber)$|description$|^letter\.place$/.test(name))
      delete fields[name];
  return fields;
}

test('POST /claim/estimate: the form fields without the person give the total of the server’s own mapping', async () => {
  const res = await postForm(request.agent(app), '/claim/estimate', estimateFields());
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toMatch(/json/);
  expect(res.body).toEqual({ eligible: true, totalCents: 17633, total: '176,33 €' });
  const larger = await postForm(
    request.agent(app),
    '/claim/estimate?lang=en',
    estimateFields({ 'damages.0.amount': '1.150,00' }),
  );
  expect(larger.body).toEqual({ eligible: true, totalCents: 117633, total: '€1,176.33' });
});

test('an incomplete form is a 422 with the paths, a claim that is not eligible says so, a business needs no company', async () => {
  const incomplete = await postForm(request.agent(app), '/claim/estimate', { 'account.provider': 'libero' });
  expect(incomplete.status).toBe(422);
  expect(incomplete.body.errors.map((error: { path: string }) => error.path)).toEqual(
    expect.arrayContaining(['account.type', 'outages']),
  );
  const business = await postForm(
    request.agent(app),
    '/claim/estimate',
    estimateFields({ 'account.type': 'business' }),
  );
  expect(business.status).toBe(200);
  const tooLate = await postForm(
    request.agent(app),
    '/claim/estimate',
    estimateFields({ 'letter.date': '2034-01-01' }),
  );
  // A letter dated after the prescription of January 2023 (28/01/2033) is not eligible.
  expect(tooLate.status).toBe(200);
  expect(tooLate.body).toEqual({ eligible: false });
});

test('the estimate is a form post like the others: no CSRF token, no answer', async () => {
  await request(app).post('/claim/estimate').type('form').send({ 'account.provider': 'libero' }).expect(403);
});
