import fc from 'fast-check';
import { checkReceiptFile } from '../../server/pec/check-receipt';
import { readDaticert } from '../../server/pec/daticert';
import { DEFAULT_RECEIPT_LIMITS, readPecReceipt } from '../../server/pec/read-receipt';
import { ReceiptError, type ReceiptErrorCode } from '../../server/pec/receipt-error';
import { workedExampleClaim } from '../fixtures/claims';
import {
  daticertXml,
  letterMessage,
  receiptEntity,
  sample,
  TestSigner,
  unsignedReceipt,
  type LetterUnderTest,
} from '../support/pec-receipts';

const MESSAGE_ID = '<reclamo.3f9c2a1b@pec.example.it>';
let letter: LetterUnderTest;
beforeAll(async () => {
  letter = await letterMessage(workedExampleClaim(), MESSAGE_ID);
});

async function refusal(bytes: Uint8Array, limits = DEFAULT_RECEIPT_LIMITS): Promise<ReceiptErrorCode> {
  try {
    await readPecReceipt(bytes, limits);
  } catch (error) {
    if (error instanceof ReceiptError) return error.code;
    throw error;
  }
  throw new Error('the file was read as a receipt');
}

function withDaticert(xml: string | Buffer, original?: Buffer): Buffer {
  return unsignedReceipt('avvenuta-consegna', MESSAGE_ID, receiptEntity({ daticert: xml, original }));
}

const delivery = (extra: Partial<Parameters<typeof daticertXml>[0]> = {}) =>
  daticertXml({ type: 'avvenuta-consegna', messageId: MESSAGE_ID, form: 'completa', ...extra });

describe('hostile daticert.xml', () => {
  test('not well-formed XML is refused', async () => {
    expect(await refusal(withDaticert(delivery().replace('</dati>', '')))).toBe('xml-malformed');
    expect(await refusal(withDaticert('<postacert tipo="accettazione"><dati>'))).toBe('xml-malformed');
    expect(await refusal(withDaticert(Buffer.from([0xff, 0xfe, 0x00, 0x3c, 0x00])))).toBe('xml-malformed');
  });

  test('entity expansion (a "billion laughs" DTD) is refused before any parsing, and nothing is expanded', async () => {
    const laughs =
      '<!DOCTYPE postacert [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">' +
      '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>';
    const xml = delivery({ prolog: laughs }).replace('<oggetto>', '<oggetto>&lol3;');
    expect(await refusal(withDaticert(xml))).toBe('xml-entities');
  });

  test('an external entity (a file of the server) is refused', async () => {
    const xxe = '<!DOCTYPE postacert [<!ENTITY secret SYSTEM "file:///etc/passwd">]>';
    expect(await refusal(withDaticert(delivery({ prolog: xxe }).replace('<oggetto>', '<oggetto>&secret;')))).toBe(
      'xml-entities',
    );
  });

  test('a named entity XML does not define (&nbsp;) is refused; character references are decoded', async () => {
    expect(() => readDaticert(Buffer.from(delivery().replace('<oggetto>', '<oggetto>&nbsp;')))).toThrow(
      expect.objectContaining({ code: 'xml-entities' }),
    );
    const decoded = readDaticert(Buffer.from(delivery().replace('<oggetto>', '<oggetto>Perch&#233; &amp;#233; ')));
    expect(decoded.subject).toBe('Perché &#233; Diffida e messa in mora – Libero Mail – Mario Rossi');
  });

  test('deep nesting and a huge daticert are refused', async () => {
    const deep = delivery().replace('<dati>', `<dati>${'<x>'.repeat(40)}${'</x>'.repeat(40)}`);
    expect(await refusal(withDaticert(deep))).toBe('xml-too-deep');
    const huge = delivery().replace('<oggetto>', `<oggetto>${'a'.repeat(70_000)}`);
    expect(await refusal(withDaticert(huge))).toBe('daticert-too-large');
  });

  test('a field given twice, a missing one, an unknown type, an impossible date are refused, never guessed', async () => {
    const twice = delivery().replace('<msgid>', '<msgid>&lt;other@x&gt;</msgid><msgid>');
    expect(await refusal(withDaticert(twice))).toBe('daticert-ambiguous');
    expect(await refusal(withDaticert(delivery().replace(/<msgid>.*<\/msgid>/, '')))).toBe('daticert-incomplete');
    expect(await refusal(withDaticert(delivery({ type: 'consegnata-forse' })))).toBe('unknown-type');
    expect(await refusal(withDaticert(delivery({ day: '31/02/2026' })))).toBe('bad-date');
    expect(await refusal(withDaticert(delivery({ zone: 'CET' })))).toBe('bad-date');
    expect(await refusal(withDaticert('<?xml version="1.0"?><other/>'))).toBe('daticert-incomplete');
  });
});

describe('hostile MIME', () => {
  test('a daticert for a different message id than the original message inside is refused', async () => {
    const xml = delivery({ messageId: '<someone.else@pec.example.it>' });
    expect(await refusal(withDaticert(xml, letter.message))).toBe('postacert-mismatch');
    const verdict = await checkReceiptFile(withDaticert(xml, letter.message), letter.sha256);
    expect(verdict).toEqual({ kind: 'not-a-receipt', reason: 'postacert-mismatch' });
  });

  test('no daticert, two daticert, two original messages are refused', async () => {
    const noDaticert = sample('accettazione')
      .toString('latin1')
      .replace(/daticert\.xml/g, 'other.xml');
    expect(await refusal(Buffer.from(noDaticert, 'latin1'))).toBe('no-daticert');
    const entity = receiptEntity({
      daticert: delivery(),
      extraParts: [
        'Content-Type: application/xml; name="daticert.xml"\r\nContent-Disposition: inline; filename="daticert.xml"' +
          '\r\nContent-Transfer-Encoding: base64\r\n\r\n' +
          Buffer.from(delivery({ deliveredTo: 'x@y.it' })).toString('base64'),
      ],
    });
    expect(await refusal(unsignedReceipt('avvenuta-consegna', MESSAGE_ID, entity))).toBe('several-daticert');
    const twoOriginals = receiptEntity({
      daticert: delivery(),
      original: letter.message,
      extraParts: [`Content-Type: message/rfc822; name="postacert.eml"\r\n\r\n${letter.message.toString('latin1')}`],
    });
    expect(await refusal(unsignedReceipt('avvenuta-consegna', MESSAGE_ID, twoOriginals))).toBe('several-postacert');
  });

  test('bytes that are not MIME (a PDF, random bytes, an empty file, plain text) are refused', async () => {
    expect(await refusal(letter.pdf)).toBe('not-mime');
    expect(await refusal(Buffer.from([0, 1, 2, 255, 254, 10, 13, 10, 9]))).toBe('not-mime');
    expect(await refusal(Buffer.alloc(0))).toBe('empty');
    expect(await refusal(Buffer.from('Gentile gestore,\nla presente per...\n'))).toBe('not-mime');
    expect(await refusal(Buffer.from('Subject: hello\r\n\r\nbody\r\n'))).toBe('not-mime');
    expect(await refusal(Buffer.from('Content-Type: text/plain\r\n\r\nbody\r\n'))).toBe('unsupported-structure');
  });

  test('a file over the size limit is refused before it is parsed', async () => {
    const big = Buffer.concat([sample('accettazione'), Buffer.alloc(DEFAULT_RECEIPT_LIMITS.maxBytes, 0x41)]);
    expect(await refusal(big)).toBe('too-large');
    expect(await refusal(sample('accettazione'), { ...DEFAULT_RECEIPT_LIMITS, maxBytes: 1000 })).toBe('too-large');
  });

  test('a huge part inside the limit is read without trouble; its bytes are only hashed', async () => {
    const blob = Buffer.alloc(6 * 1024 * 1024, 7);
    const entity = receiptEntity({
      daticert: delivery(),
      extraParts: [
        `Content-Type: application/octet-stream; name="big.bin"\r\nContent-Transfer-Encoding: base64\r\n\r\n${
          blob.toString('base64').match(/.{1,76}/g)!.join('\r\n')}`,
      ],
    }); // prettier-ignore
    const file = unsignedReceipt('avvenuta-consegna', MESSAGE_ID, entity);
    expect(file.byteLength).toBeLessThan(DEFAULT_RECEIPT_LIMITS.maxBytes);
    expect((await readPecReceipt(file)).daticert.type).toBe('avvenuta-consegna');
  });

  test('deep MIME nesting and too many parts are refused', async () => {
    let nested = 'Content-Type: text/plain\r\n\r\nfondo\r\n';
    for (let level = 0; level < 40; level += 1)
      nested =
        `Content-Type: multipart/mixed; boundary="b${level}"\r\n\r\n` + `--b${level}\r\n${nested}\r\n--b${level}--\r\n`;
    const deep = receiptEntity({ daticert: delivery(), extraParts: [nested.replace(/\r\n$/, '')] });
    expect(
      await refusal(unsignedReceipt('avvenuta-consegna', MESSAGE_ID, deep), {
        ...DEFAULT_RECEIPT_LIMITS,
        maxParts: 1000,
      }),
    ).toBe('too-deep');
    const many = receiptEntity({
      daticert: delivery(),
      extraParts: Array.from({ length: 100 }, (_, index) => `Content-Type: text/plain\r\n\r\nparte ${index}`),
    });
    expect(await refusal(unsignedReceipt('avvenuta-consegna', MESSAGE_ID, many))).toBe('too-many-parts');
  });

  test('an encrypted message, an unreadable CMS envelope, and a wrong signature part are told apart', async () => {
    const signer = new TestSigner();
    try {
      const encrypted = signer.encrypt(receiptEntity({ daticert: delivery() }));
      expect(await refusal(encrypted)).toBe('encrypted');
      const opaque = signer.sign('avvenuta-consegna', MESSAGE_ID, receiptEntity({ daticert: delivery() }), {
        opaque: true,
      });
      const broken = Buffer.from(
        opaque.toString('latin1').replace(/\r?\n\r?\n[A-Za-z0-9+/=\r\n]+$/, '\r\n\r\nAAAA\r\n'),
        'latin1',
      );
      expect(await refusal(broken)).toBe('cms-unreadable');
      const detached = signer
        .sign('avvenuta-consegna', MESSAGE_ID, receiptEntity({ daticert: delivery() }))
        .toString('latin1')
        .replace('application/x-pkcs7-signature; name="smime.p7s"', 'text/plain; name="smime.p7s"');
      const receipt = await readPecReceipt(Buffer.from(detached, 'latin1'));
      expect(receipt.signature).toEqual({ status: 'invalid', problem: 'unexpected-part' });
    } finally {
      signer.dispose();
    }
  });

  test('whatever bytes the samples are mutated into, the reader answers a receipt or a ReceiptError, never crashes', async () => {
    const base = sample('errore-consegna');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat({ max: base.length - 1 }), fc.integer({ min: 0, max: 255 })), { maxLength: 12 }),
        fc.nat({ max: base.length }),
        async (edits, cut) => {
          const bytes = Buffer.from(base.subarray(0, Math.max(cut, 1)));
          for (const [at, value] of edits) if (at < bytes.length) bytes[at] = value;
          try {
            await readPecReceipt(bytes);
          } catch (error) {
            if (!(error instanceof ReceiptError)) throw error;
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
