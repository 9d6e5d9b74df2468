import request from 'supertest';
import { capturedLogger } from '../../support/log-capture';
import { testApp } from '../../support/test-app';
import { postForm, workedExampleForm } from '../../support/web-forms';

test('the form flow (form, result, PDF, errors) logs nothing the person typed', async () => {
  const { logger, lines } = capturedLogger();
  const { app } = testApp({}, { logger });
  const agent = request.agent(app);
  await postForm(agent, '/claim', workedExampleForm()).then((res) => expect(res.status).toBe(200));
  await postForm(agent, '/claim/letter.pdf', workedExampleForm()).then((res) => expect(res.status).toBe(200));
  await postForm(agent, '/claim', { ...workedExampleForm(), 'claimant.taxCode': 'RSSMRA79B11C566X' }).then((res) =>
    expect(res.status).toBe(422),
  );
  const log = lines.join('');
  expect(lines.length).toBeGreaterThanOrEqual(6);
  for (const value of [
    'Mario',
    'Rossi',
    'RSSMRA79B11C566',
    'Via Roma',
    'example.org',
    'libero.it',
    'Preventivo',
    '_csrf',
    'reclamo_client',
  ]) {
    expect(log).not.toContain(value);
  }
});
