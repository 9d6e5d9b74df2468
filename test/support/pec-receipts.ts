import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { ClaimInput } from '../../server/core/claim/claim-schema';
import { RULESET } from '../../server/core/rules/ruleset';
import { buildLetterMail } from '../../server/mail/build-letter-mail';
import type { RenderedLetter } from '../../server/use-cases/letter-service';
import { testLetterService } from './test-service';

/**
 * Real-format PEC receipts for the tests, built the way a provider builds them (the shape of the two samples in
 * shared/samples/pec): a multipart/mixed with a human text, daticert.xml in base64 and, in a complete delivery
 * receipt, the original message as postacert.eml; signed with openssl (S/MIME, detached or opaque) by a throwaway
 * certificate, or left unsigned.
 */

/** The two real-format samples (shared/samples/pec, copied into test/fixtures/pec). */
export function sample(name: 'accettazione' | 'errore-consegna'): Buffer {
  return fs.readFileSync(path.join(__dirname, '../fixtures/pec', `${name}.eml`));
}

export interface LetterUnderTest {
  pdf: Buffer;
  sha256: string;
  fileName: string;
  /** The original message, as the app's mail module composes it for the provider, with its Message-ID. */
  message: Buffer;
  messageId: string;
}

/** A real letter rendered by the app's letter service, and the message that carries it to the provider. */
export async function letterMessage(claim: ClaimInput, messageId: string): Promise<LetterUnderTest> {
  const outcome = await testLetterService().letter(claim, 'it');
  if (!outcome.ok || !outcome.eligible) throw new Error('the fixture claim must give a letter');
  const rendered: RenderedLetter = outcome;
  const options = buildLetterMail(
    { claim: outcome.claim, assessment: outcome.assessment, rendered },
    {
      from: { name: 'Mario Rossi', address: 'mario.rossi@pec.example.it' },
      kind: 'provider',
      to: 'reclami@pec.provider.example.it',
      messageId,
      date: new Date(Date.UTC(2026, 10, 23, 9, 0, 0)),
    },
    RULESET,
  );
  const message = await new MailComposer(options).compile().build();
  return { pdf: rendered.pdf, sha256: rendered.sha256, fileName: rendered.fileName, message, messageId };
}

export interface DaticertSpec {
  type: string;
  error?: string;
  messageId: string;
  day?: string;
  time?: string;
  zone?: string;
  recipient?: string;
  deliveredTo?: string | null;
  form?: 'completa' | 'breve' | 'sintetica' | null;
  errorDetail?: string | null;
  /** Written before `<postacert>` as is: a DOCTYPE, a processing instruction, a hostile DTD. */
  prolog?: string;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function daticertXml(spec: DaticertSpec): string {
  const recipient = spec.recipient ?? 'reclami@pec.provider.example.it';
  const delivered = spec.deliveredTo === undefined ? recipient : spec.deliveredTo;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    spec.prolog ?? '<!DOCTYPE postacert SYSTEM "Postacert.dtd">',
    `<postacert tipo="${spec.type}" errore="${spec.error ?? 'nessuno'}">`,
    '  <intestazione>',
    '    <mittente>mario.rossi@pec.example.it</mittente>',
    `    <destinatari tipo="certificato">${recipient}</destinatari>`,
    '    <risposte>mario.rossi@pec.example.it</risposte>',
    '    <oggetto>Diffida e messa in mora – Libero Mail – Mario Rossi</oggetto>',
    '  </intestazione>',
    '  <dati>',
    '    <gestore-emittente>Gestore di prova S.p.A.</gestore-emittente>',
    `    <data zona="${spec.zone ?? '+0100'}">`,
    `      <giorno>${spec.day ?? '23/11/2026'}</giorno>`,
    `      <ora>${spec.time ?? '10:02:17'}</ora>`,
    '    </data>',
    '    <identificativo>opec.20261123100217.4242.1.1@pec.provider.example.it</identificativo>',
    `    <msgid>${escapeXml(spec.messageId)}</msgid>`,
    ...(spec.form ? [`    <ricevuta tipo="${spec.form}" />`] : []),
    ...(delivered ? [`    <consegna>${delivered}</consegna>`] : []),
    ...(spec.errorDetail ? [`    <errore-esteso>${escapeXml(spec.errorDetail)}</errore-esteso>`] : []),
    '  </dati>',
    '</postacert>',
    '',
  ].join('\n');
}

function base64Lines(bytes: Buffer): string {
  return (bytes.toString('base64').match(/.{1,76}/g) ?? []).join('\r\n');
}

export interface ReceiptSpec {
  daticert: string | Buffer;
  /** Attached as postacert.eml (message/rfc822) in a complete receipt. */
  original?: Buffer;
  /** More parts, as raw MIME text, added at the end of the multipart/mixed. */
  extraParts?: string[];
}

/** The receipt's MIME entity (what the provider signs), with CRLF line ends as on the wire. */
export function receiptEntity(spec: ReceiptSpec): Buffer {
  const mixed = '----------=_1763888537-4242-1';
  const daticert = Buffer.isBuffer(spec.daticert) ? spec.daticert : Buffer.from(spec.daticert, 'utf8');
  const parts = [
    [
      'Content-Type: text/plain; charset="iso-8859-1"',
      'Content-Disposition: inline',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      '-- Ricevuta di avvenuta consegna del messaggio --',
      '',
      'Il giorno 23/11/2026 alle ore 10:02:17 (+0100) il messaggio "Diffida e messa in mora"',
      'proveniente da "mario.rossi@pec.example.it" ed indirizzato a "reclami@pec.provider.example.it"',
      '=E8 stato consegnato nella casella di destinazione.',
    ].join('\r\n'),
    [
      'Content-Type: application/xml; name="daticert.xml"',
      'Content-Disposition: inline; filename="daticert.xml"',
      'Content-Transfer-Encoding: base64',
      '',
      base64Lines(daticert),
    ].join('\r\n'),
    ...(spec.original
      ? [
          [
            'Content-Type: message/rfc822; name="postacert.eml"',
            'Content-Disposition: inline; filename="postacert.eml"',
            '',
            spec.original.toString('latin1').replace(/\r?\n/g, '\r\n'),
          ].join('\r\n'),
        ]
      : []),
    ...(spec.extraParts ?? []),
  ];
  const text = [
    `Content-Type: multipart/mixed; boundary="${mixed}"`,
    'MIME-Version: 1.0',
    '',
    ...parts.flatMap((part) => [`--${mixed}`, part]),
    `--${mixed}--`,
    '',
  ].join('\r\n');
  return Buffer.from(text, 'latin1');
}

/** The outer headers a provider writes above the signed receipt (not covered by the signature). */
export function outerHeaders(type: string, messageId: string): string {
  return [
    'Return-Path: <posta-certificata@pec.provider.example.it>',
    `Subject: CONSEGNA: Diffida e messa in mora`,
    `X-Riferimento-Message-ID: ${messageId}`,
    'Date: Mon, 23 Nov 2026 10:02:17 +0100',
    'To: mario.rossi@pec.example.it',
    `X-Ricevuta: ${type}`,
    'X-TipoRicevuta: completa',
    'From: posta-certificata@pec.provider.example.it',
    'Message-ID: <opec.20261123100217.4242.1.2@pec.provider.example.it>',
  ].join('\r\n');
}

/** An unsigned receipt: the outer headers above the multipart/mixed entity. */
export function unsignedReceipt(type: string, messageId: string, entity: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`${outerHeaders(type, messageId)}\r\n`, 'latin1'), entity]);
}

/** A throwaway signing certificate, like a provider's, made by openssl in a temporary folder. */
export class TestSigner {
  private readonly folder = fs.mkdtempSync(path.join(os.tmpdir(), 'reclamo-pec-'));
  readonly cert = path.join(this.folder, 'cert.pem');
  readonly key = path.join(this.folder, 'key.pem');

  constructor(subject = '/CN=Posta Certificata di prova/O=Gestore di prova S.p.A./C=IT', days = 3650) {
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', String(days),
      '-keyout', this.key, '-out', this.cert, '-subj', subject,
    ], { stdio: 'pipe' }); // prettier-ignore
  }

  /** `openssl smime -sign`: multipart/signed (detached), or application/pkcs7-mime when `opaque`. */
  sign(type: string, messageId: string, entity: Buffer, options: { opaque?: boolean; digest?: string } = {}): Buffer {
    const input = path.join(this.folder, 'entity.eml');
    fs.writeFileSync(input, entity);
    const signed = execFileSync(
      'openssl',
      [
        'smime', '-sign', '-in', input, '-signer', this.cert, '-inkey', this.key,
        '-md', options.digest ?? 'sha256', ...(options.opaque ? ['-nodetach'] : []),
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    ); // prettier-ignore
    return Buffer.concat([Buffer.from(`${outerHeaders(type, messageId)}\r\n`, 'latin1'), signed]);
  }

  /** `openssl smime -encrypt`: an enveloped (encrypted) message to this certificate. */
  encrypt(entity: Buffer): Buffer {
    const input = path.join(this.folder, 'plain.eml');
    fs.writeFileSync(input, entity);
    return execFileSync('openssl', ['smime', '-encrypt', '-aes256', '-in', input, this.cert], { stdio: 'pipe' });
  }

  dispose(): void {
    fs.rmSync(this.folder, { recursive: true, force: true });
  }
}
