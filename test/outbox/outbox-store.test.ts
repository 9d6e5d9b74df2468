import type { NewMessage, OutboxStore } from '../../server/mail/outbox/outbox-port';
import { classifySendFailure, retryDelay } from '../../server/mail/send-failure';
import { OUTBOX_DATABASES, outboxDatabase, type OutboxDatabase } from '../support/outbox-databases';

const message = (key: string): NewMessage => ({
  key,
  letterSha256: 'f'.repeat(64),
  recipientKind: 'claimant',
  messageId: `<${key}@example.org>`,
  envelopeFrom: 'reclamo@example.org',
  recipient: `${key}@example.org`,
  raw: Buffer.from('Subject: x\r\n\r\nbody'),
});
const claim = (owner: string, until = 1_000_000) => ({ owner, until });

describe.each(OUTBOX_DATABASES)('the outbox store on %s', (kind) => {
  let database: OutboxDatabase;
  const opened: OutboxStore[] = [];
  const open = () => {
    const store = database.open();
    opened.push(store);
    return store;
  };
  beforeEach(async () => {
    database = await outboxDatabase(kind);
  });
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
    await database.drop();
  });

  test('one message per key: asking again says queued/sent; a failed one is queued again; personal data goes once sent', async () => {
    const store = open();
    expect((await store.enqueue(message('a'), 1)).status).toBe('queued');
    expect((await store.enqueue(message('a'), 2)).status).toBe('already-queued');
    const [claimed] = await store.claimDue(3, 10, claim('A'));
    expect(claimed).toMatchObject({ key: 'a', attempts: 1, recipient: 'a@example.org' });
    expect(claimed!.raw.toString()).toContain('body');
    expect((await store.enqueue(message('a'), 4)).status).toBe('already-queued');
    await store.markSent(claimed!.id, '250 Ok', 5);
    expect((await store.enqueue(message('a'), 6)).status).toBe('already-sent');
    expect((await store.all())[0]).toEqual({
      id: claimed!.id,
      key: 'a',
      letterSha256: 'f'.repeat(64),
      recipientKind: 'claimant',
      status: 'sent',
      attempts: 1,
      lastError: null,
      recipient: null,
      messageId: '<a@example.org>',
      serverResponse: '250 Ok',
      sentAt: 5,
      createdAt: 1,
      updatedAt: 5,
    });

    await store.enqueue(message('b'), 7);
    const [b] = await store.claimDue(8, 10, claim('A'));
    await store.markFailed(b!.id, '550 no such user', 9);
    expect(await store.failures()).toEqual([
      expect.objectContaining({ key: 'b', recipient: 'b@example.org', lastError: '550 no such user' }),
    ]);
    expect((await store.enqueue(message('b'), 10)).status).toBe('requeued');
    expect(await store.counts()).toEqual({ queued: 1, sending: 0, sent: 1, failed: 0 });
    expect([...(await store.byKeys(['a', 'b', 'x'])).keys()].sort()).toEqual(['a', 'b']);
  });

  test('retries wait for their time; the next due time; a failed message is retried with a fresh attempt budget', async () => {
    const store = open();
    await store.enqueue(message('c'), 0);
    const [c] = await store.claimDue(0, 1, claim('A'));
    await store.markRetry(c!.id, '421 later', 100, 1);
    expect(await store.claimDue(50, 5, claim('A'))).toEqual([]);
    expect(await store.nextDueAt()).toBe(100);
    const [again] = await store.claimDue(100, 5, claim('A'));
    expect(again).toMatchObject({ key: 'c', attempts: 2 });
    await store.markFailed(again!.id, '421 still', 101);
    expect(await store.nextDueAt()).toBeNull();
    expect(await store.retryFailed(200)).toBe(1);
    expect(await store.claimDue(200, 5, claim('A'))).toEqual([expect.objectContaining({ key: 'c', attempts: 1 })]);
  });

  test('budgets: what admit refuses leaves nothing queued and nothing charged; what it admits is charged in the same transaction', async () => {
    const store = open();
    const subject = { kind: 'letter', dimension: 'global', subject: '' };
    const admitUpTo =
      (limit: number) => async (fresh: number, ledger: Parameters<Parameters<OutboxStore['withLedger']>[0]>[0]) => {
        if ((await ledger.used(subject, 0)) + fresh > limit) return 'over';
        await ledger.record(subject, fresh, 0, 1000);
        return null;
      };
    expect(await store.enqueueAll([message('d'), message('e')], 0, admitUpTo(3))).toMatchObject({ ok: true });
    // d and e are already queued: only f is new, and 2 + 2 would pass the limit of 3.
    expect(await store.enqueueAll([message('d'), message('f'), message('g')], 0, admitUpTo(3))).toEqual({
      ok: false,
      refusal: 'over',
    });
    expect((await store.all()).map((state) => state.key)).toEqual(['d', 'e']);
    expect(await store.withLedger((ledger) => ledger.used(subject, 0))).toBe(2);
    expect(await store.withLedger((ledger) => ledger.live(subject, 0))).toEqual([{ n: 2, expiresAt: 1000 }]);
    expect(await store.withLedger((ledger) => ledger.prune(1000))).toBe(1);
    expect(await store.withLedger((ledger) => ledger.used(subject, 0))).toBe(0);
  });

  test('budgets hold under parallel charges from two connections: never more admitted than the limit', async () => {
    const [first, second] = [open(), open()];
    const subject = { kind: 'letter', dimension: 'global', subject: '' };
    const charge = (store: OutboxStore, index: number) =>
      store.enqueueAll([message(`p${index}`)], 0, async (fresh, ledger) => {
        if ((await ledger.used(subject, 0)) + fresh > 10) return 'over';
        await ledger.record(subject, fresh, 0, 1000);
        return null;
      });
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, (_, index) => charge(index % 2 ? first : second, index)),
    );
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(10);
    expect(await first.counts()).toMatchObject({ queued: 10 });
  });
});

describe('the drainer lease on sqlite: one holder at a time', () => {
  let database: OutboxDatabase;
  beforeAll(async () => {
    database = await outboxDatabase('sqlite');
  });

  test('taken over when it expires or its holder is gone; in-flight messages are resumed', async () => {
    const first = database.open();
    const second = database.open();
    const holderGone = () => false;
    expect(await first.takeLease('A', 0, 1000, holderGone)).toBe('acquired');
    expect(await first.takeLease('A', 500, 1000, holderGone)).toBe('renewed');
    expect(await second.takeLease('B', 600, 1000, holderGone)).toBe('held-elsewhere');
    expect(await second.takeLease('B', 600, 1000, () => true)).toBe('acquired');
    expect(await first.takeLease('A', 700, 1000, holderGone)).toBe('held-elsewhere');
    expect(await first.takeLease('A', 1700, 1000, holderGone)).toBe('acquired');

    await first.enqueue(message('c'), 0);
    await first.claimDue(0, 1, claim('A'));
    expect((await second.counts()).sending).toBe(1);
    expect(await second.requeueInFlight(10)).toBe(1);
    expect((await second.claimDue(10, 1, claim('B')))[0]).toMatchObject({ key: 'c', attempts: 2 });
    await first.close();
    await second.close();
  });
});

describe('claims on postgres: every process drains, each message taken by one', () => {
  let database: OutboxDatabase;
  let stores: OutboxStore[];
  beforeEach(async () => {
    database = await outboxDatabase('postgres');
    stores = [database.open(), database.open()];
  });
  afterEach(async () => {
    for (const store of stores) await store.close();
    await database.drop();
  });

  test('two drainers claiming at once never take the same message, and together take them all', async () => {
    const [first, second] = stores as [OutboxStore, OutboxStore];
    for (let index = 0; index < 200; index += 1) await first.enqueue(message(`m${index}`), 0);
    expect(await first.takeLease('A', 0, 1000, () => false)).toBe('shared');
    const taken: number[] = [];
    const drain = async (store: OutboxStore, owner: string) => {
      for (;;) {
        const claimed = await store.claimDue(0, 7, claim(owner));
        if (claimed.length === 0) return;
        taken.push(...claimed.map((row) => row.id));
      }
    };
    await Promise.all([drain(first, 'A'), drain(second, 'B'), drain(first, 'A2'), drain(second, 'B2')]);
    expect(taken).toHaveLength(200);
    expect(new Set(taken).size).toBe(200);
  });

  test('a claim that runs out (its process died) is queued again; one renewed by a live process is not', async () => {
    const [first, second] = stores as [OutboxStore, OutboxStore];
    await first.enqueue(message('dead'), 0);
    await first.enqueue(message('alive'), 0);
    const [dead] = await first.claimDue(0, 1, claim('A', 100));
    const [alive] = await second.claimDue(0, 1, claim('B', 100));
    await second.renewClaims(claim('B', 300));
    expect(await second.requeueInFlight(99)).toBe(0);
    expect(await second.requeueInFlight(200)).toBe(1);
    expect(await second.claimDue(200, 5, claim('B', 400))).toEqual([
      expect.objectContaining({ id: dead!.id, attempts: 2 }),
    ]);
    expect((await first.byKeys(['alive'])).get('alive')).toMatchObject({ id: alive!.id, status: 'sending' });
  });
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
