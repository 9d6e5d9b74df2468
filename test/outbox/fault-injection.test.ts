import { LoopbackSmtp } from '../../tools/loopback-smtp';
import { drainThrough, memberAddress, queueMembers } from '../../tools/bench/outbox-run';
import { workedExampleClaim } from '../fixtures/claims';
import { letterForMail, testMailSettings } from '../support/mail-fixtures';
import { OUTBOX_DATABASES, outboxDatabase } from '../support/outbox-databases';

const COUNT = 500;
const index = (address: string) => Number(/^member(\d+)@/.exec(address)?.[1] ?? -1);
const REJECTED = memberAddress(7);

test.each(OUTBOX_DATABASES)(
  'on %s: 500 messages through 421s, dropped connections, a 550, an outage: each sent once or failed with its reason',
  async (kind) => {
    const database = await outboxDatabase(kind);
    const smtp = await LoopbackSmtp.start({
      keepRaw: false,
      faults: {
        tempFail: (recipient, attempt) => index(recipient) % 10 === 1 && attempt <= 2,
        reject: (recipient) => recipient === REJECTED,
        dropInData: (recipient, attempt) => index(recipient) % 25 === 3 && attempt === 1,
      },
    });
    const settings = testMailSettings({
      ...database.env,
      SMTP_URL: smtp.url,
      MAIL_POOL_SIZE: '4',
      MAIL_MAX_ATTEMPTS: '40',
      MAIL_RETRY_BASE_MS: '10',
      MAIL_RETRY_MAX_MS: '100',
    });
    await queueMembers(settings, await letterForMail(workedExampleClaim()), COUNT);

    let outageSeen = false;
    const run = await drainThrough(settings, smtp, async () => {
      while (smtp.received.length < COUNT / 3) await new Promise((resolve) => setTimeout(resolve, 5));
      await smtp.down();
      await new Promise((resolve) => setTimeout(resolve, 1000));
      outageSeen = smtp.received.length < COUNT - 1;
      await smtp.up();
    });
    await smtp.close();
    await database.drop();

    const byStatus = (status: string) => run.states.filter((state) => state.status === status);
    expect(outageSeen).toBe(true);
    expect(run.states).toHaveLength(COUNT);
    expect(byStatus('queued')).toHaveLength(0);
    expect(byStatus('sending')).toHaveLength(0);
    expect(byStatus('failed')).toEqual([
      expect.objectContaining({ lastError: expect.stringMatching(/^550 .*User unknown/), attempts: 1 }),
    ]);
    expect(byStatus('sent')).toHaveLength(COUNT - 1);
    for (const state of byStatus('sent'))
      expect(state).toMatchObject({ recipient: null, lastError: null, serverResponse: expect.stringMatching(/^250 /) });
    // Every message the server accepted, it accepted once.
    expect(run.duplicates).toBe(0);
    expect(smtp.received).toHaveLength(COUNT - 1);
    // 421 twice, then accepted on the third attempt; a dropped connection is retried.
    // Every fault was met: each 421 recipient was tried at least three times, each dropped one at least twice.
    const members = Array.from({ length: COUNT }, (_, member) => member);
    const triedLessThan = (times: number, picked: number[]) =>
      picked.filter((member) => (smtp.attempts.get(memberAddress(member)) ?? 0) < times);
    expect(
      triedLessThan(
        3,
        members.filter((member) => member % 10 === 1),
      ),
    ).toEqual([]);
    expect(
      triedLessThan(
        2,
        members.filter((member) => member % 25 === 3),
      ),
    ).toEqual([]);
    // The outbox counts its own attempts; nodemailer's pool may also requeue a message whose connection dropped, so the
    // server's counts above (not this one) are the measure of retries.
    expect(run.attempts).toBeGreaterThanOrEqual(COUNT);
  },
);
