/**
 * One notification e-mail (issue 8 item 8), exactly-once-ish: its Message-ID is derived from the
 * job's idempotency key, so a message that was in flight when the process died goes out again
 * with the same Message-ID (a mail client shows it once) and nothing else is ever sent twice.
 *
 * Steps: the outbox row is written first (keyed: a retry finds it), then the message is handed to
 * the transport outside any transaction — a slow SMTP server must not hold the embedded store's
 * single connection — and the row is stamped sent in the same statement batch as the job's
 * completion (jobs/worker.ts). With no SMTP configured nothing is sent: the Outbox screen shows
 * the row.
 */
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '#db/client';
import { members } from '#db/schema/members';
import { mailOutbox } from '#db/schema/notifications';
import { users } from '#db/schema/users';

/** A stable Message-ID for a job key: `<hex@host>`, the host being the public URL's. */
export function messageIdFor(key: string, publicUrl: string): string {
  let host = 'tandem.invalid';
  try {
    host = new URL(publicUrl).hostname || host;
  } catch {
    // keep the fallback host
  }
  return `<${createHash('sha256').update(key).digest('hex').slice(0, 40)}@${host}>`;
}

export interface MailMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
  messageId: string;
  headers: Record<string, string>;
}

/** Sends one message; resolves once the server accepted it. */
export type MailSend = (m: MailMessage) => Promise<void>;

export interface EmailPayload {
  userId: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
}

/** The message of an e-mail job, and its outbox row (written now unless already there). */
export async function prepareEmail(
  db: Db | Tx,
  ws: string,
  key: string,
  p: EmailPayload,
  opts: { publicUrl: string; from: string; now: number },
): Promise<MailMessage | null> {
  const user = (
    await db
      .select({ email: users.email })
      .from(users)
      .innerJoin(members, eq(members.userId, users.id))
      .where(and(eq(users.id, p.userId), eq(members.workspaceId, ws)))
  )[0];
  // The person left the workspace (or it was deleted) since the job was queued: nobody to write to.
  if (!user) return null;
  const link = p.link ? `${opts.publicUrl}${p.link}` : null;
  const text = [
    p.body,
    '',
    link ? `Open in Tandem: ${link}` : null,
    '',
    'You can choose what Tandem sends you under Settings → Notifications.',
  ]
    .filter((l): l is string => l !== null)
    .join('\n');
  const messageId = messageIdFor(key, opts.publicUrl);
  const subject = `Tandem: ${p.title}`;
  await db
    .insert(mailOutbox)
    .values({
      workspaceId: ws,
      key,
      messageId,
      userId: p.userId,
      to: user.email,
      subject,
      text,
      kind: p.kind,
      createdAt: new Date(opts.now),
    })
    .onConflictDoNothing();
  // A retry sends what the first attempt recorded, byte for byte.
  const row = (
    await db
      .select()
      .from(mailOutbox)
      .where(and(eq(mailOutbox.workspaceId, ws), eq(mailOutbox.key, key)))
  )[0];
  if (!row) return null;
  return {
    from: opts.from,
    to: row.to,
    subject: row.subject,
    text: row.text,
    messageId: row.messageId,
    headers: { 'X-Tandem-Idempotency-Key': key },
  };
}

/** Stamps the outbox row sent (in the job's completing transaction). */
export async function markEmailSent(db: Db | Tx, ws: string, key: string, now: number): Promise<void> {
  await db
    .update(mailOutbox)
    .set({ sentAt: new Date(now) })
    .where(and(eq(mailOutbox.workspaceId, ws), eq(mailOutbox.key, key)));
}
