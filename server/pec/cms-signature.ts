import { webcrypto } from 'node:crypto';
import * as pkijs from 'pkijs';
import { ReceiptError } from './receipt-error';
import type { ReceiptSignature } from './receipt-types';

/** A signature check before the receipt's date is known (whether the certificate was valid then is added later). */
export type SignatureCheck =
  | Exclude<ReceiptSignature, { status: 'valid' }>
  | Omit<Extract<ReceiptSignature, { status: 'valid' }>, 'certificateValidAtReceiptDate'>;

const SIGNED_DATA = '1.2.840.113549.1.7.2';
const ENVELOPED_DATA = '1.2.840.113549.1.7.3';
const SUBJECT_FIELDS = { commonName: '2.5.4.3', organization: '2.5.4.10', country: '2.5.4.6' } as const;

/** Node's WebCrypto for PKIjs, passed on each call, so that no global engine has to be set. */
type EngineCrypto = ConstructorParameters<typeof pkijs.CryptoEngine>[0]['crypto'];
const engine = new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as unknown as EngineCrypto });

/** A CMS ContentInfo (the bytes of smime.p7s or smime.p7m) as SignedData; encrypted or unreadable ones refused. */
export function readSignedData(der: Uint8Array): pkijs.SignedData {
  let info: pkijs.ContentInfo;
  try {
    info = pkijs.ContentInfo.fromBER(der);
  } catch {
    throw new ReceiptError('cms-unreadable');
  }
  if (info.contentType === ENVELOPED_DATA) throw new ReceiptError('encrypted');
  if (info.contentType !== SIGNED_DATA) throw new ReceiptError('cms-unreadable', info.contentType);
  try {
    return new pkijs.SignedData({ schema: info.content });
  } catch {
    throw new ReceiptError('cms-unreadable');
  }
}

/** The content an opaque signature carries (application/pkcs7-mime): the receipt's MIME entity itself. */
export function signedContent(signed: pkijs.SignedData): Buffer {
  const content = signed.encapContentInfo.eContent;
  if (!content) throw new ReceiptError('cms-unreadable', 'no encapsulated content');
  return Buffer.from(content.getValue());
}

function subjectField(certificate: pkijs.Certificate, oid: string): string | null {
  const field = certificate.subject.typesAndValues.find((entry) => entry.type === oid);
  const value: unknown = field?.value.valueBlock.value;
  return typeof value === 'string' ? value : null;
}

/**
 * Checks the first signer's signature over `data` (detached) or over the encapsulated content: the message digest
 * and the signature made with the certificate carried in the CMS. The certificate chain is not checked.
 */
export async function verifySignature(signed: pkijs.SignedData, data?: Buffer): Promise<SignatureCheck> {
  if (signed.signerInfos.length === 0) return { status: 'invalid', problem: 'unreadable' };
  let result: pkijs.SignedDataVerifyResult;
  try {
    result = await signed.verify(
      {
        signer: 0,
        checkChain: false,
        extendedMode: true,
        ...(data ? { data: new Uint8Array(data).buffer } : {}),
      },
      engine,
    );
  } catch (error) {
    const message = typeof error === 'object' && error !== null ? String((error as { message?: unknown }).message) : '';
    return { status: 'invalid', problem: /digest/i.test(message) ? 'content-changed' : 'signature-mismatch' };
  }
  const certificate = result.signerCertificate;
  if (!result.signatureVerified || !certificate) return { status: 'invalid', problem: 'signature-mismatch' };
  return {
    status: 'valid',
    signer: {
      commonName: subjectField(certificate, SUBJECT_FIELDS.commonName),
      organization: subjectField(certificate, SUBJECT_FIELDS.organization),
      country: subjectField(certificate, SUBJECT_FIELDS.country),
    },
    certificateValidFrom: certificate.notBefore.value.getTime(),
    certificateValidTo: certificate.notAfter.value.getTime(),
  };
}
