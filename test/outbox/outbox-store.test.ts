import path from 'node:path';
import { OutboxStore, type NewMessage } from '../../server/mail/outbox/outbox-store';
import { classifySendFailure, retryDelay } from '../../server/mail/send-failure';
import { tempDir } from '../support/mail-fixtures';

const message = (key: string): NewMessage => ({
  key,
  letterSha256: 'f'.repeat(64),
  recipientKind: 'claimant',
  messageId: `<${key}@example.org>`,
  envelopeFrom: 'reclamo@example.org',
  recipient: `${key}@example.org`,
  raw: Buffer.from('Subject: x\r\n\r\nbody'),
});

test('one message per key: asking again says queued/sent; a failed one is queued again; personal data goes once sent', () => {
  const store = new OutboxStore(path.join(tempDir('store'), 'outbox.sqlite'));
  expect(store.enqueue(message('a'), 1).status).toBe('queued');
  expect(store.enqueue(message('a'), 2).status).toBe('already-queued');
  const [claimed] = store.claimDue(3, 10);
  expect(claimed).toMatchObject({ key: 'a', attempts: 1, recipient: 'a@example.org' });
  expect(store.enqueue(message('a'), 4).status).toBe('already-queued');
  store.markSent(claimed!.id, '250 Ok', 5);
  expect(store.enqueue(message('a'), 6).status).toBe('already-sent');
  expect(store.all()[0]).toMatchObject({
    status: 'sent',
    recipient: null,
    messageId: '<a@example.org>',
    serverResponse: '250 Ok',
    sentAt: 5,
    createdAt: 1,
  });

  store.enqueue(message('b'), 7);
  const [b] = store.claimDue(8, 10);
  store.markFailed(b!.id, '550 no such user', 9);
  expect(store.failures()).toEqual([
    expect.objectContaining({ key: 'b', recipient: 'b@example.org', lastError: '550 no such user' }),
  ]);
  expect(store.enqueue(message('b'), 10).status).toBe('requeued');
  expect(store.counts()).toEqual({ queued: 1, sending: 0, sent: 1, failed: 0 });
  store.close();
});

test('the drainer lease: one holder at a time, taken over when it expires or its holder is gone; in-flight messages are resumed', () => {
  const file = path.join(tempDir('lease'), 'outbox.sqlite');
  const first = new OutboxStore(file);
  const second = new OutboxStore(file);
  const holderGone = () => false;
  expect(first.takeLease('A', 0, 1000, holderGone)).toBe('acquired');
  expect(first.takeLease('A', 500, 1000, holderGone)).toBe('renewed');
  expect(second.takeLease('B', 600, 1000, holderGone)).toBe('held-elsewhere');
  expect(second.takeLease('B', 600, 1000, () => true)).toBe('acquired');
  expect(first.takeLease('A', 700, 1000, holderGone)).toBe('held-elsewhere');
  expect(first.takeLease('A', 1700, 1000, holderGone)).toBe('acquired');

  first.enqueue(message('c'), 0);
  first.claimDue(0, 1);
  expect(second.counts().sending).toBe(1);
  expect(second.requeueInFlight(10)).toBe(1);
  expect(second.claimDue(10, 1)[0]).toMatchObject({ key: 'c', attempts: 2 });
  first.close();
  second.close();
});

test('5xx is permanent with the server reason; 4xx, dropped connections and timeouts are temporary; backoff grows with jitter', () => {
  expect(classifySendFailure({ responseCode: 550, response: '550 5.1.1 <x@y>: User unknown' })).toEqual({
    permanent: true,
    reason: '550 5.1.1 <x@y>: User unknown',
  });
  expect(classifySendFailure({ responseCode: 421, response: '421 try later' }).permanent).toBe(false);
  expect(
    classifySendFailure(Object.assign(new Error('Connection closed unexpectedly'), { code: 'ECONNECTION' })),
  ).toEqual({ permanent: false, reason: 'ECONNECTION: Connection closed unexpectedly' });
  expect(classifySendFailure(Object.assign(new Error('Timeout'), { code: 'ETIMEDOUT' })).permanent).toBe(false);
  const options = { baseMs: 100, maxMs: 1000 };
  expect([1, 2, 3, 4, 5, 6].map((attempt) => retryDelay(attempt, options, () => 1))).toEqual([
    100, 200, 400, 800, 1000, 1000,
  ]);
  expect(retryDelay(3, options, () => 0)).toBe(200);
});
