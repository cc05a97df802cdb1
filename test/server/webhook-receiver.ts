/**
 * A real HTTP receiver on 127.0.0.1 for Tandem's outbound webhooks: it keeps every request's
 * headers and raw body and answers with the next status of a script (200 once the script is
 * spent), or holds the answer to stand in for a receiver that times out.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedHook {
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedHook[];
  /** Statuses to answer with, in order; `hang` holds the answer for 5 s. */
  script: (number | 'hang')[];
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const timers = new Set<NodeJS.Timeout>();
  const r: WebhookReceiver = { url: '', received: [], script: [], close: async () => {} };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      r.received.push({ headers: req.headers, body: Buffer.concat(chunks) });
      const next = r.script.shift() ?? 200;
      if (next === 'hang') {
        const t = setTimeout(() => {
          timers.delete(t);
          res.end();
        }, 5000);
        timers.add(t);
        return;
      }
      res.writeHead(next, { 'content-type': 'text/plain' });
      res.end(next >= 300 ? 'receiver down' : 'ok');
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  r.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/tandem`;
  r.close = () =>
    new Promise<void>((ok) => {
      for (const t of timers) clearTimeout(t);
      server.closeAllConnections();
      server.close(() => ok());
    });
  return r;
}
