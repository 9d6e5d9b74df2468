import request from 'supertest';
import { workedExampleClaim } from '../fixtures/claims';
import { testApp } from '../support/test-app';
import { postForm, workedExampleForm } from '../support/web-forms';

test('a family has one budget for the API and the pages: JSON 429 on the API, a 429 page on the site', async () => {
  const { app } = testApp({ RATE_LIMIT_LETTER_PER_MINUTE: 1 });
  await request(app).post('/api/v1/claims/letter').send(workedExampleClaim()).expect(200);
  const page = await postForm(request.agent(app), '/claim/letter.pdf', workedExampleForm());
  expect(page.status).toBe(429);
  expect(page.type).toBe('text/html');
  const api = await request(app).post('/api/v1/claims/letter?lang=en').send(workedExampleClaim()).expect(429);
  expect(api.body).toEqual({ errors: [{ path: '', message: 'Too many requests: try again in a minute.' }] });
});
