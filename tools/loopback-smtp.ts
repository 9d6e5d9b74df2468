import type { AddressInfo, Server as NetServer, Socket } from 'node:net';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';

/** Decides, per recipient and per attempt (1, 2, …), what the server does; none of them = accept. */
export interface SmtpFaults {
  /** Answer RCPT TO with 421 "try again later". */
  tempFail?: (recipient: string, attempt: number) => boolean;
  /** Answer RCPT TO with 550 "no such user". */
  reject?: (recipient: string) => boolean;
  /** Cut the connection in the middle of DATA. */
  dropInData?: (recipient: string, attempt: number) => boolean;
}

export interface ReceivedMessage {
  from: string;
  to: string[];
  messageId: string;
  raw: Buffer;
}

type SmtpError = Error & { responseCode: number };

function smtpError(responseCode: number, message: string): SmtpError {
  return Object.assign(new Error(message), { responseCode });
}

/**
 * nodemailer's smtp-server on 127.0.0.1 (STARTTLS off: its bundled certificate has expired), recording what it
 * accepted and injecting faults on demand. It can also go "down": new connections are refused and open sessions
 * answer 421 to their next message.
 */
export class LoopbackSmtp {
  readonly received: ReceivedMessage[] = [];
  readonly attempts = new Map<string, number>();
  private isDown = false;
  private readonly server: SMTPServer;
  port = 0;

  private constructor(
    private readonly faults: SmtpFaults,
    private readonly keepRaw: boolean,
    private readonly onAccepted?: (count: number) => void,
  ) {
    this.server = new SMTPServer({
      secure: false,
      disabledCommands: ['STARTTLS', 'AUTH'],
      hideSTARTTLS: true,
      authOptional: true,
      logger: false,
      size: 10 * 1024 * 1024,
      closeTimeout: 100,
      onMailFrom: (_address, _session, callback) =>
        callback(this.isDown ? smtpError(421, 'Service not available, closing channel') : undefined),
      onRcptTo: (address, _session, callback) => callback(this.checkRecipient(address.address)),
      onData: (stream, session, callback) => this.receive(stream, session, callback),
    });
    // A client killed mid-session resets its connection: expected here, not a failure of the server.
    this.server.on('error', () => undefined);
  }

  static async start(
    options: { faults?: SmtpFaults; keepRaw?: boolean; port?: number; onAccepted?: (count: number) => void } = {},
  ): Promise<LoopbackSmtp> {
    const smtp = new LoopbackSmtp(options.faults ?? {}, options.keepRaw ?? true, options.onAccepted);
    await smtp.listen(options.port ?? 0);
    return smtp;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** How many times the server accepted each Message-ID. */
  acceptedCounts(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const message of this.received) counts.set(message.messageId, (counts.get(message.messageId) ?? 0) + 1);
    return counts;
  }

  private checkRecipient(recipient: string): SmtpError | undefined {
    const attempt = (this.attempts.get(recipient) ?? 0) + 1;
    this.attempts.set(recipient, attempt);
    if (this.faults.reject?.(recipient))
      return smtpError(550, `5.1.1 <${recipient}>: Recipient address rejected: User unknown`);
    if (this.faults.tempFail?.(recipient, attempt)) return smtpError(421, '4.7.0 Try again later');
    return undefined;
  }

  private receive(
    stream: NodeJS.ReadableStream,
    session: SMTPServerSession,
    callback: (error?: Error | null, message?: string) => void,
  ): void {
    const recipients = session.envelope.rcptTo.map((address) => address.address);
    const first = recipients[0] ?? '';
    const drop = this.faults.dropInData?.(first, this.attempts.get(first) ?? 1) ?? false;
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (drop && size > 1024) this.socketOf(session)?.destroy();
    });
    stream.on('end', () => {
      if (drop) return;
      const raw = Buffer.concat(chunks);
      const head = raw.subarray(0, Math.min(raw.length, 8192)).toString('latin1');
      const messageId = /^Message-ID:\s*(<[^>\r\n]+>)/im.exec(head)?.[1] ?? '';
      this.received.push({
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
        to: recipients,
        messageId,
        raw: this.keepRaw ? raw : Buffer.alloc(0),
      });
      callback(null, `2.0.0 Ok: queued as ${this.received.length}`);
      this.onAccepted?.(this.received.length);
    });
  }

  private socketOf(session: SMTPServerSession): Socket | undefined {
    const connections = (this.server as unknown as { connections: Set<{ id: string; _socket: Socket }> }).connections;
    return [...connections].find((connection) => connection.id === session.id)?._socket;
  }

  private listen(port: number): Promise<void> {
    const net = (this.server as unknown as { server: NetServer }).server;
    return new Promise((resolve, reject) => {
      net.once('error', reject);
      net.listen(port, '127.0.0.1', () => {
        net.off('error', reject);
        this.port = (net.address() as AddressInfo).port;
        resolve();
      });
    });
  }

  /** The server goes away: connections are refused until `up()`. */
  async down(): Promise<void> {
    this.isDown = true;
    const net = (this.server as unknown as { server: NetServer }).server;
    await new Promise<void>((resolve) => {
      net.close(() => resolve());
      // Sessions still open answer 421 to their next message and are closed by the client.
      setTimeout(resolve, 50);
    });
  }

  async up(): Promise<void> {
    this.isDown = false;
    await this.listen(this.port);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
