import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import type { TestApp } from './app.js';

/** One message as the SMTP server received it. */
export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
  subject: string;
  /** The plain-text part, decoded (quoted-printable soft breaks joined). */
  text: string;
  /** The HTML part, decoded likewise. */
  html: string;
}

export interface MailServer {
  port: number;
  received: ReceivedMail[];
  /** Waits until at least `count` messages arrived (or throws after `ms`). */
  waitFor(count: number, ms?: number): Promise<ReceivedMail[]>;
  /** Messages for one address. */
  to(address: string): ReceivedMail[];
  /** Waits for a message to `address` whose subject starts with `subject` (or throws after `ms`). */
  find(address: string, subject: string, ms?: number): Promise<ReceivedMail>;
  stop(): Promise<void>;
}

function decodeQuotedPrintable(s: string): string {
  return s.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The subject header, the text/plain and the text/html parts of a raw message; enough for tests. */
function parse(raw: string): { subject: string; text: string; html: string } {
  const [head = ''] = raw.split(/\r?\n\r?\n/);
  const subject = /^Subject: (.*(?:\r?\n[ \t].*)*)/im.exec(head)?.[1]?.replace(/\r?\n[ \t]/g, ' ') ?? '';
  const plain = /Content-Type: text\/plain[^]*?\r?\n\r?\n([^]*?)(?:\r?\n--|$)/i.exec(raw)?.[1] ?? '';
  const html = /Content-Type: text\/html[^]*?\r?\n\r?\n([^]*?)(?:\r?\n--|$)/i.exec(raw)?.[1] ?? '';
  return { subject, text: decodeQuotedPrintable(plain), html: decodeQuotedPrintable(html) };
}

/** A real SMTP server on loopback that keeps what it receives. */
export async function startMailServer(opts: { port?: number; users?: Record<string, string>; received?: ReceivedMail[] } = {}): Promise<MailServer> {
  const received = opts.received ?? [];
  const options: SMTPServerOptions = {
    disabledCommands: opts.users ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: !opts.users,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      const expected = opts.users?.[auth.username ?? ''];
      if (expected !== undefined && expected === auth.password) callback(null, { user: auth.username });
      else callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          ...parse(raw),
        });
        callback();
      });
    },
  };
  const server = new SMTPServer(options);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    received,
    async waitFor(count, ms = 10_000) {
      const until = Date.now() + ms;
      while (received.length < count) {
        if (Date.now() > until) throw new Error(`expected ${count} emails, got ${received.length}: ${received.map((m) => m.subject).join(' | ')}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return received;
    },
    to: (address) => received.filter((m) => m.to.includes(address)),
    async find(address, subject, ms = 10_000) {
      const until = Date.now() + ms;
      for (;;) {
        const hit = received.find((m) => m.to.includes(address) && m.subject.startsWith(subject));
        if (hit) return hit;
        if (Date.now() > until) throw new Error(`no email "${subject}…" to ${address}; got: ${received.map((m) => `${m.to.join(',')}: ${m.subject}`).join(' | ')}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Points the portal at a mail server through the settings API. */
export async function configureSmtp(t: TestApp, key: string, port: number, extra: Record<string, unknown> = {}): Promise<void> {
  const res = await t.request('PUT', '/portal-api/settings/general', {
    key,
    body: { SMTPHost: '127.0.0.1', SMTPPort: port, SenderEmail: 'portal@example.com', AdminNotificationEmail: 'owners@example.com', ...extra },
  });
  if (res.statusCode !== 200) throw new Error(`configure SMTP: ${res.statusCode} ${res.body}`);
}

/** The first link in a text that starts with `prefix`. */
export function linkIn(text: string, prefix: string): string {
  const i = text.indexOf(prefix);
  if (i < 0) throw new Error(`no link starting with ${prefix} in: ${text}`);
  return /^\S+/.exec(text.slice(i))![0];
}
