import { createHash } from 'node:crypto';
import ICAL from 'ical.js';
import request from 'supertest';
import { deadlineUid } from '../../../server/calendar/deadline-calendar';
import { RULESET } from '../../../server/core/rules/ruleset';
import { buildLetterMail } from '../../../server/mail/build-letter-mail';
import { workedExampleClaim } from '../../fixtures/claims';
import { testApp } from '../../support/test-app';
import { testLetterService } from '../../support/test-service';
import { postForm, workedExampleForm } from '../../support/web-forms';

const { app, stop } = testApp();
afterAll(() => stop());

test('the result page offers the deadline as .ics, with the UID of the letter the PDF button gives', async () => {
  const result = await postForm(request.agent(app), '/claim', workedExampleForm());
  expect(result.text).toContain('id="download-ics"');
  expect(result.text).toContain('href="/followup?lang=it"');
  const pdf = await postForm(request.agent(app), '/claim/letter.pdf', workedExampleForm());
  const ics = await postForm(request.agent(app), '/claim/deadline.ics', workedExampleForm());
  expect(ics.status).toBe(200);
  expect(ics.headers['content-type']).toBe('text/calendar; charset=utf-8');
  expect(ics.headers['content-disposition']).toBe('attachment; filename="scadenza-2026-12-09.ics"');
  const event = new ICAL.Component(ICAL.parse(ics.text)).getFirstSubcomponent('vevent')!;
  const sha = createHash('sha256')
    .update(pdf.body as Buffer)
    .digest('hex');
  expect(event.getFirstPropertyValue('uid')).toBe(deadlineUid(sha));
  expect((event.getFirstPropertyValue('dtstart') as ICAL.Time).toString()).toBe('2026-12-09');
});

test('the claimant’s e-mail carries the calendar file; the provider’s copy does not', async () => {
  const service = testLetterService();
  const outcome = await service.letter(workedExampleClaim(), 'it');
  if (!outcome.ok || !outcome.eligible) throw new Error('eligible fixture');
  const letter = {
    claim: outcome.claim,
    assessment: outcome.assessment,
    rendered: outcome,
    calendar: service.calendar(outcome.claim, outcome.assessment, outcome),
  };
  const addressing = {
    from: { name: 'Reclamo', address: 'noreply@example.org' },
    messageId: '<x@example.org>',
    date: new Date(0),
  };
  const claimant = buildLetterMail(letter, { ...addressing, kind: 'claimant', to: 'mario.rossi@example.org' }, RULESET);
  expect(claimant.attachments?.map((attachment) => attachment.filename)).toEqual([
    outcome.fileName,
    'scadenza-2026-12-09.ics',
  ]);
  expect(claimant.text).toContain('In allegato anche scadenza-2026-12-09.ics');
  const provider = buildLetterMail(letter, { ...addressing, kind: 'provider', to: 'reclami@example.org' }, RULESET);
  expect(provider.attachments).toHaveLength(1);
  expect(provider.text).not.toContain('.ics');
});
