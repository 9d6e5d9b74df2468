import { batchMailHook } from '../../server/mail/batch-mail';
import { openOutbox } from '../../server/mail/outbox/outbox';
import { workedExampleClaim } from '../fixtures/claims';
import { testMailSettings } from '../support/mail-fixtures';
import { testLetterService } from '../support/test-service';

/** Only Libero's complaint address is configured: a Virgilio member's row still sends the member's copy. */
const LOCAL = { requester: { kind: 'local' } } as const;
const outbox = openOutbox(testMailSettings({ PROVIDER_ADDRESSES: 'libero=reclami@libero.example' }), { drain: false });
afterAll(() => outbox.close());

async function row(provider: 'libero' | 'virgilio') {
  const claim = workedExampleClaim();
  const input = { ...claim, account: { ...claim.account, provider, mailbox: `mario.rossi@${provider}.it` } };
  const outcome = await testLetterService().letter(input, 'it');
  if (!outcome.ok || !outcome.eligible) throw new Error('fixture claim is not eligible');
  return { claim: outcome.claim, assessment: outcome.assessment, letter: outcome };
}

test('--send both: the provider without an address is reported, the member copy still goes', async () => {
  const hook = batchMailHook(outbox, 'both', LOCAL);
  expect(await hook(await row('libero'))).toBe('member: queued | provider: queued');
  expect(await hook(await row('virgilio'))).toBe('member: queued | provider: not-configured');
  expect(await batchMailHook(outbox, 'provider', LOCAL)(await row('virgilio'))).toBe('provider: not-configured');
  expect(await batchMailHook(outbox, 'member', LOCAL)(await row('virgilio'))).toBe('member: already-queued');
});

test('a row without a letter (not eligible, invalid, duplicate) sends nothing', async () => {
  expect(await batchMailHook(outbox, 'both', LOCAL)({ claim: null, assessment: null, letter: null })).toBe('');
});
