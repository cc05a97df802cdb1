/**
 * mbox → §3 requests (SPEC §10): messages are grouped into threads (Message-ID, In-Reply-To,
 * References, and Gmail's X-GM-THRID); in each thread, an inbound message that starts the thread
 * or follows the assistant's outbound message opens a request, and the assistant's next outbound
 * message answers it. Headers only; bodies are never read.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { formatInZone } from '../common/local-time.ts';
import { parseAsctime, parseRfcDate } from '../common/rfc-date.ts';
import { SIZE_CAPS } from '../common/size-caps.ts';
import type { ImportContext } from '../import-context.ts';
import {
  decodeEncodedWords,
  header,
  parseAddressList,
  parseHeaderBlock,
  parseMailbox,
  parseMessageIds,
} from './mail-headers.ts';
import { readMbox } from './read-mbox.ts';

export const MboxOptions = z
  .object({
    selfAddresses: z
      .array(z.string().min(3))
      .optional()
      .describe("the assistant's own addresses, for --assistant (identities mapped to them count too)"),
    skipLabels: z
      .array(z.string().min(1))
      .optional()
      .describe('Gmail labels whose messages are ignored (default: Spam, Trash)'),
    maxMessageBytes: z
      .number()
      .int()
      .positive()
      .max(1024 * 1024 * 1024)
      .optional()
      .describe('per-message size limit'),
  })
  .strict();
export type MboxOptions = z.infer<typeof MboxOptions>;

interface Msg {
  index: number;
  offset: number;
  ms: number;
  from: string;
  fromName?: string;
  recipients: string[];
  id: string;
  links: string[];
  sent: boolean;
}

class UnionFind {
  private readonly parent = new Map<string, string>();
  find(x: string): string {
    let p = this.parent.get(x);
    if (p === undefined) {
      this.parent.set(x, x);
      return x;
    }
    let root = x;
    while (p !== root) {
      root = p;
      p = this.parent.get(root) as string;
    }
    // Path compression.
    let cur = x;
    while (cur !== root) {
      const next = this.parent.get(cur) as string;
      this.parent.set(cur, root);
      cur = next;
    }
    return root;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(rb, ra);
  }
}

/**
 * The key of a message without a Message-ID. It must not depend on where the message sits in the
 * file, or a newer takeout (more messages before it) would import it again (SPEC §3 storage key):
 * Gmail Takeout's `From_` line names the message by its Gmail id; otherwise a hash of what the
 * message says about itself — its date (the instant), sender, decoded subject and first
 * In-Reply-To / References id.
 */
function stableKey(
  fromSender: string,
  ms: number,
  from: string,
  subject: string | undefined,
  firstLink: string | undefined,
): string {
  const gmail = /^(\d{6,})@xxx$/.exec(fromSender);
  if (gmail) return `gmail:${gmail[1]}`;
  const text = JSON.stringify([ms, from, decodeEncodedWords(subject ?? '').trim(), firstLink ?? '']);
  return `sha256:${createHash('sha256').update(text).digest('hex').slice(0, 32)}`;
}

export async function convertMbox(
  chunks: AsyncIterable<Uint8Array>,
  ctx: ImportContext,
  options: MboxOptions,
): Promise<void> {
  const zone = ctx.timezone;
  const skipLabels = new Set((options.skipLabels ?? ['Spam', 'Trash']).map((l) => l.toLowerCase()));
  if (!options.skipLabels) ctx.useDefault('skipLabels: messages labelled Spam or Trash are ignored');
  const self = new Set((options.selfAddresses ?? []).map((a) => a.toLowerCase()));
  if (ctx.assistant !== undefined && self.size === 0 && !ctx.hasMappingsOf('email'))
    ctx.useDefault(
      "selfAddresses: none given and no e-mail identity mapped, so only messages labelled Sent count as the assistant's",
    );
  const messages: Msg[] = [];
  const uf = new UnionFind();
  const limits = {
    maxMessageBytes: options.maxMessageBytes ?? SIZE_CAPS.mboxMessageBytes,
    maxHeaderBytes: SIZE_CAPS.mboxHeaderBytes,
  };

  for await (const raw of readMbox(chunks, limits)) {
    const where = { entry: `message ${raw.index}`, offset: raw.offset };
    if (raw.problem || !raw.headers) {
      ctx.skip({ ...where, reason: raw.problem ?? 'unreadable message' });
      continue;
    }
    const h = parseHeaderBlock(raw.headers);
    const labels = (header(h, 'x-gmail-labels') ?? '')
      .split(',')
      .map((l) => decodeEncodedWords(l).trim().toLowerCase())
      .filter(Boolean);
    if (labels.some((l) => skipLabels.has(l))) {
      ctx.skip({ ...where, reason: `labelled ${labels.find((l) => skipLabels.has(l))}` });
      continue;
    }
    const dateHeader = header(h, 'date');
    let date = dateHeader ? parseRfcDate(dateHeader) : null;
    // Gmail chat items have no Date: the From_ line holds the only time.
    if (!date) date = parseAsctime(raw.fromDate);
    if (!date) {
      ctx.skip({ ...where, reason: 'no readable Date header or From_ line date' });
      continue;
    }
    if (date.zoneless) ctx.note('a message date without a zone was read as UTC', where.entry);
    const from = parseMailbox(header(h, 'from'));
    if (!from) {
      ctx.skip({ ...where, reason: 'no From address' });
      continue;
    }
    const links = [...parseMessageIds(h.get('in-reply-to')), ...parseMessageIds(h.get('references'))];
    const id =
      parseMessageIds(h.get('message-id'))[0] ??
      stableKey(raw.fromSender, date.ms, from.address, header(h, 'subject'), links[0]);
    const thrid = header(h, 'x-gm-thrid');
    if (thrid) links.push(`gm:${thrid}`);
    uf.find(id);
    for (const l of links) uf.union(id, l);
    messages.push({
      index: raw.index,
      offset: raw.offset,
      ms: date.ms,
      from: from.address,
      ...(from.name ? { fromName: from.name } : {}),
      recipients: parseAddressList([...(h.get('to') ?? []), ...(h.get('cc') ?? [])]),
      id,
      links,
      sent: labels.includes('sent'),
    });
  }

  // Threads, each in time order.
  const threads = new Map<string, Msg[]>();
  for (const m of messages) {
    const root = uf.find(m.id);
    const t = threads.get(root);
    if (t) t.push(m);
    else threads.set(root, [m]);
  }
  for (const thread of threads.values()) {
    thread.sort((a, b) => a.ms - b.ms || a.index - b.index);
    const threadKey = (thread[0] as Msg).id;
    const open = new Map<string, { m: Msg; answered?: number }>();
    const done: { m: Msg; assistant: string; answered?: number }[] = [];
    for (const m of thread) {
      const senderAssistant = ctx.identity('email', m.from, m.fromName);
      const outbound =
        ctx.assistant !== undefined
          ? senderAssistant === ctx.assistant || self.has(m.from) || m.sent
            ? ctx.assistant
            : undefined
          : senderAssistant;
      if (outbound !== undefined) {
        const r = open.get(outbound);
        if (r) {
          done.push({ m: r.m, assistant: outbound, answered: m.ms });
          open.delete(outbound);
        }
        continue;
      }
      const targets =
        ctx.assistant !== undefined
          ? [ctx.assistant]
          : [
              ...new Set(
                m.recipients.map((r) => ctx.identity('email', r)).filter((a): a is string => a !== undefined),
              ),
            ];
      if (targets.length === 0) {
        ctx.skip({
          entry: `message ${m.index}`,
          offset: m.offset,
          externalId: m.id,
          reason: `no recipient maps to an assistant (${m.recipients.slice(0, 3).join(', ') || 'no To/Cc'})`,
        });
        continue;
      }
      for (const a of targets) if (!open.has(a)) open.set(a, { m });
    }
    for (const [assistant, r] of open) done.push({ m: r.m, assistant });
    for (const d of done) {
      const multi =
        ctx.assistant === undefined && done.some((x) => x.m === d.m && x.assistant !== d.assistant);
      ctx.emit(
        {
          type: 'request',
          externalId: multi ? `${d.m.id}|${d.assistant}` : d.m.id,
          assistant: d.assistant,
          channel: 'email',
          threadKey,
          from: d.m.from,
          receivedAt: formatInZone(d.m.ms, zone),
          ...(d.answered !== undefined && d.answered >= d.m.ms
            ? { firstResponseAt: formatInZone(d.answered, zone) }
            : {}),
        },
        { entry: `message ${d.m.index}`, offset: d.m.offset },
      );
    }
  }
}
