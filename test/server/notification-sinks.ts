/**
 * Local stand-ins for the outside world of notifications: an SMTP server (smtp-server) on loopback
 * that keeps every message it accepts, and an HTTP server that keeps every Slack webhook post.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
  /** The Message-ID header, `<…>`. */
  messageId: string | null;
  header(name: string): string | null;
}

/** The value of a header of a raw message (unfolded). */
export function headerOf(raw: string, name: string): string | null {
  const head = raw.split(/\r?\n\r?\n/)[0] ?? '';
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const re = new RegExp(`^${name}:[ \\t]*(.*)$`, 'im');
  return re.exec(unfolded)?.[1]?.trim() ?? null;
}

export interface SmtpSink {
  url: string;
  port: number;
  mails: ReceivedMail[];
  /** Called with each message before it is accepted; may hold the answer (the crash test kills there). */
  beforeAccept?: (mail: ReceivedMail) => Promise<void>;
  close(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const sink: SmtpSink = {
    url: '',
    port: 0,
    mails: [],
    close: async () => {},
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const mail: ReceivedMail = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          messageId: headerOf(raw, 'Message-ID'),
          header: (name) => headerOf(raw, name),
        };
        const hold = sink.beforeAccept ? sink.beforeAccept(mail) : Promise.resolve();
        hold.then(
          () => {
            sink.mails.push(mail);
            callback();
          },
          (err: Error) => callback(err),
        );
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  sink.port = port;
  sink.url = `smtp://127.0.0.1:${port}`;
  sink.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return sink;
}

export interface SlackPost {
  headers: IncomingHttpHeaders;
  body: { text: string; metadata?: { event_payload?: { key?: string } } };
}

export interface SlackSink {
  url: string;
  posts: SlackPost[];
  /** Statuses to answer a post with this idempotency key with, one per post (then 200). */
  failFor: Map<string, number[]>;
  close(): Promise<void>;
}

export async function startSlackSink(): Promise<SlackSink> {
  const sink: SlackSink = { url: '', posts: [], failFor: new Map(), close: async () => {} };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const status = sink.failFor.get(String(req.headers['idempotency-key']))?.shift();
      if (status !== undefined) {
        res.writeHead(status).end('no');
        return;
      }
      sink.posts.push({
        headers: req.headers,
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as SlackPost['body'],
      });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  sink.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/services/T000/B000/secretpart`;
  sink.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return sink;
}
