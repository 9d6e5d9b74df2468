import fc from 'fast-check';
import request from 'supertest';
import { INCIDENTS_FIELD, SINGLE_FIELDS } from '../../../server/web/pages/claim-form-state';
import { testApp } from '../../support/test-app';
import { csrfFrom, encodeForm, workedExampleForm, type FormFields } from '../../support/web-forms';

const { app, internalErrors } = testApp({ RATE_LIMIT_FORMS_PER_MINUTE: 100_000 });

const fieldName = fc.oneof(
  fc.constantFrom(
    ...SINGLE_FIELDS,
    INCIDENTS_FIELD,
    'intent',
    'damages.0.amount',
    'damages.7.kind',
    'damages.999.description',
  ),
  fc.string({ maxLength: 30 }),
);
const fieldValue = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.constantFrom(
    '',
    ' ',
    '<b>x</b>',
    '{{x}}',
    '1.234,56',
    '2023-06-14T08:00',
    'custom',
    '2023-01',
    'add-damage',
    'remove-damage:0',
    'remove-damage:99',
    'business',
    '\u0000',
  ),
);

test('any form body gets the form back or a result, never a 5xx, and no tag typed by the user reaches the page', async () => {
  const agent = request.agent(app);
  const token = csrfFrom((await agent.get('/')).text);
  await fc.assert(
    fc.asyncProperty(
      fc.dictionary(fieldName, fc.oneof(fieldValue, fc.array(fieldValue, { maxLength: 3 })), { maxKeys: 12 }),
      fc.boolean(),
      async (random, startFromExample) => {
        const fields: FormFields = { ...(startFromExample ? workedExampleForm() : {}), ...random, _csrf: token };
        const res = await agent.post('/claim').type('form').send(encodeForm(fields));
        expect([200, 422]).toContain(res.status);
        expect(res.text).not.toContain('<b>x</b>');
      },
    ),
    { numRuns: 120 },
  );
  expect(internalErrors).toEqual([]);
});
