import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { describeRealFixtures, readRealFixture, realFixtureFiles } from '#test/real-fixtures';
import { convertExport } from '../convert-export.ts';

const mbox = (...messages: string[]) => messages.join('\n');
const msg = (headers: Record<string, string>, body = 'Body text that is never read.\n') =>
  `From sender@example.test Mon Mar  2 09:00:00 2026\n${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n')}\n\n${body}`;

function generated(): string {
  return mbox(
    // Thread A: client asks (09:00Z), writes again (09:10Z, same request), Ann answers (10:00Z),
    // client asks again (11:00Z, a new request), never answered.
    msg({
      'Message-ID': '<a1@c>',
      Date: 'Mon, 2 Mar 2026 10:00:00 +0100',
      From: '=?UTF-8?B?SsO8cmdlbg==?= <client@c.test>',
      To: 'Ann <ann@va.test>',
    }),
    msg({
      'Message-ID': '<a2@c>',
      'In-Reply-To': '<a1@c>',
      Date: 'Mon, 2 Mar 2026 09:10:00 +0000',
      From: 'client@c.test',
      To: 'ann@va.test',
    }),
    msg(
      {
        'Message-ID': '<a3@va>',
        References: '<a1@c> <a2@c>',
        Date: 'Mon, 2 Mar 2026 05:00:00 -0500',
        From: 'Ann <ANN@va.test>',
        To: 'client@c.test',
      },
      'From the body: a line starting with From is not a new message.\n',
    ),
    // Folded In-Reply-To, free text around the id.
    msg({
      'Message-ID': '<a4@c>',
      'In-Reply-To': '\n Your message of Monday <a3@va>',
      Date: 'Mon, 2 Mar 2026 11:00:00 GMT',
      From: 'client@c.test',
      To: 'ann@va.test',
    }),
    // Thread B: addressed to nobody mapped.
    msg({
      'Message-ID': '<b1@x>',
      Date: 'Tue, 3 Mar 2026 08:00:00 +0000',
      From: 'x@x.test',
      To: 'list@lists.test',
    }),
  );
}

describe('convertMbox', () => {
  it('turns threads into requests answered by the assistant’s next outbound message', async () => {
    const { events, report } = await convertExport('mbox', new TextEncoder().encode(generated()), {
      identities: { 'email:ann@va.test': 'ann' },
    });
    expect(events).toEqual([
      {
        type: 'request',
        id: 'mbox:a1@c',
        source: 'mbox',
        externalId: 'a1@c',
        assistant: 'ann',
        channel: 'email',
        threadKey: 'a1@c',
        from: 'client@c.test',
        receivedAt: '2026-03-02T09:00:00Z',
        firstResponseAt: '2026-03-02T10:00:00Z',
      },
      {
        type: 'request',
        id: 'mbox:a4@c',
        source: 'mbox',
        externalId: 'a4@c',
        assistant: 'ann',
        channel: 'email',
        threadKey: 'a1@c',
        from: 'client@c.test',
        receivedAt: '2026-03-02T11:00:00Z',
      },
    ]);
    expect(report.skipped).toEqual([
      {
        entry: 'message 5',
        offset: expect.any(Number),
        externalId: 'b1@x',
        reason: 'no recipient maps to an assistant (list@lists.test)',
      },
    ]);
    // RFC 2047 display name decoded by its charset.
    expect(report.identities.find((i) => i.id === 'client@c.test')?.name).toBe('Jürgen');
  });

  it('splits at a dated From_ line without a blank line before it and keeps undated ones in the body', async () => {
    const text = [
      'From client@c.test Mon Mar  2 09:00:00 2026',
      'Date: Mon, 2 Mar 2026 09:00:00 +0000',
      'From: client@c.test',
      'Subject: first',
      '',
      'Can we meet?',
      '',
      'From 9:00 to 10:00 works for me.',
      'From client@c.test Tue Mar  3 09:30 2026',
      'Date: Tue, 3 Mar 2026 09:30:00 +0000',
      'From: other@c.test',
      '',
      'Second message, after a body line.',
    ].join('\r\n');
    const { events, report } = await convertExport('mbox', Buffer.from(text), { assistant: 'va' });
    // Two separators by the rule (a date with weekday, month, day, time and year): lines 1 and 9.
    expect(report.skippedTotal).toBe(0);
    expect(events.map((e) => e.type === 'request' && [e.from, e.receivedAt])).toEqual([
      ['client@c.test', '2026-03-02T09:00:00Z'],
      ['other@c.test', '2026-03-03T09:30:00Z'],
    ]);
  });

  it('keys a message without a Message-ID by what it says, not by where it sits', async () => {
    const noId = (from: string, date: string, extra: Record<string, string> = {}) =>
      msg({ Date: date, From: from, Subject: '=?UTF-8?Q?Gr=C3=BC=C3=9Fe?=', ...extra });
    const a = noId('a@c.test', 'Mon, 2 Mar 2026 09:00:00 +0000');
    const b = noId('b@c.test', 'Mon, 2 Mar 2026 10:00:00 +0000', { 'In-Reply-To': '<x@c>' });
    const first = await convertExport('mbox', Buffer.from(mbox(a, b)), { assistant: 'va' });
    const later = await convertExport(
      'mbox',
      Buffer.from(mbox(noId('z@c.test', 'Sun, 1 Mar 2026 08:00:00 +0000'), a, b)),
      { assistant: 'va' },
    );
    const ids = first.events.map((e) => e.externalId);
    expect(ids).toHaveLength(2);
    for (const id of ids) expect(id).toMatch(/^sha256:[0-9a-f]{32}$/);
    expect(later.events.map((e) => e.externalId)).toEqual(expect.arrayContaining(ids as string[]));
    expect(later.events).toHaveLength(3);
  });

  it('reads a stream and skips a message over the size limit, listing it', async () => {
    const big = msg(
      {
        'Message-ID': '<big@c>',
        Date: 'Mon, 2 Mar 2026 12:00:00 +0000',
        From: 'client@c.test',
        To: 'ann@va.test',
      },
      `${'x'.repeat(5000)}\n`.repeat(300),
    );
    const stream = Readable.from([Buffer.from(`${generated()}\n${big}`)]);
    const { report } = await convertExport('mbox', stream, {
      identities: { 'email:ann@va.test': 'ann' },
      options: { maxMessageBytes: 1_000_000 },
    });
    expect(report.skipped.find((s) => s.entry === 'message 6')?.reason).toBe(
      'message larger than the 1000000 byte limit',
    );
    expect(report.counts.request).toBe(2);
  });
});

/** One message as the tests read it: its `From_` line and its unfolded header lines. */
interface TestMessage {
  fromLine: string;
  headers: [name: string, value: string][];
}

/**
 * The tests' own reading of an mbox, independent of read-mbox.ts: a message starts at a line
 * beginning `From ` whose next line has the shape of a header (`Name: value`) — a body line
 * starting "From " is followed by more body text, not by a header. Its headers run to the first
 * empty line; a line starting with white space continues the previous header.
 */
function readMessages(buf: Buffer): TestMessage[] {
  const lines = buf.toString('utf8').split(/\r?\n/);
  const out: TestMessage[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!(lines[i] as string).startsWith('From ') || !/^[\w-]+:/.test(lines[i + 1] ?? '')) continue;
    const m: TestMessage = { fromLine: lines[i] as string, headers: [] };
    for (let j = i + 1; j < lines.length && lines[j] !== ''; j++) {
      const l = lines[j] as string;
      const last = m.headers[m.headers.length - 1];
      if (/^\s/.test(l) && last) last[1] = `${last[1]} ${l.trim()}`;
      else m.headers.push([l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]);
    }
    out.push(m);
  }
  return out;
}

const headerValue = (m: TestMessage, name: string) => m.headers.find(([n]) => n === name)?.[1] ?? '';
const addressOf = (m: TestMessage, name: string) =>
  (/<([^>]+)>/.exec(headerValue(m, name))?.[1] ?? headerValue(m, name)).toLowerCase();

/**
 * Threads by a simple rule: in file order, a message starts a new thread unless one of its ids —
 * the `<…>` tokens of Message-ID, In-Reply-To and References, and its X-GM-THRID — was already
 * seen in an earlier message (a message with no id at all is a thread of its own).
 */
function countThreads(messages: TestMessage[]): number {
  const seen = new Set<string>();
  let threads = 0;
  for (const m of messages) {
    const ids = ['message-id', 'in-reply-to', 'references'].flatMap((n) =>
      [...headerValue(m, n).matchAll(/<([^<>\s]+)>?/g)].map((x) => x[1] as string),
    );
    const thrid = headerValue(m, 'x-gm-thrid');
    if (thrid) ids.push(`thread ${thrid}`);
    if (!ids.some((x) => seen.has(x))) threads++;
    for (const x of ids) seen.add(x);
  }
  return threads;
}

describeRealFixtures('convertMbox on real archives', () => {
  for (const file of realFixtureFiles('mbox', '.mbox')) {
    it(`converts ${file}: every message is read, one request per thread`, async () => {
      const buf = readRealFixture('mbox', file);
      const messages = readMessages(buf);
      // With --assistant and no own address every message is inbound: each thread opens one request.
      const { events, report } = await convertExport('mbox', buf, { assistant: 'va' });
      expect(report.skippedTotal).toBe(0);
      expect(report.counts).toEqual({ request: countThreads(messages) });
      // Every message's sender is an identity seen, once per message.
      const senders = new Map<string, number>();
      for (const m of messages) {
        const a = addressOf(m, 'from').replace(/^(\S+) at (\S+)(?: .*)?$/, '$1@$2');
        senders.set(a, (senders.get(a) ?? 0) + 1);
      }
      expect(new Map(report.identities.map((i) => [i.id, i.count]))).toEqual(senders);
      expect(events.every((e) => e.type === 'request' && e.assistant === 'va')).toBe(true);
    });
  }

  it('splits Gmail Takeout at every From_ line, blank line before it or not', async () => {
    const buf = readRealFixture('mbox', 'google-takeout-to-sqlite_small.gmail.mbox');
    const messages = readMessages(buf);
    // Read by eye: 6 `From <gmail id>@xxx <date>` lines (lines 1, 51, 148, 157, 167, 187); the ones
    // at 148 and 167 follow a body line, not an empty one.
    expect(messages).toHaveLength(6);
    const { events } = await convertExport('mbox', buf, { assistant: 'va' });
    expect(events).toHaveLength(6);
    // The chat item of line 148 has no Message-ID, Date or Subject: its key is the Gmail id of its
    // From_ line and its time is the From_ line's `Wed Mar 23 01:57:00 +0000 2016`.
    const chat = messages[2] as TestMessage;
    const gmailId = /^From (\d+)@xxx /.exec(chat.fromLine)?.[1];
    expect(headerValue(chat, 'message-id')).toBe('');
    expect(events.find((e) => e.externalId === `gmail:${gmailId}`)).toEqual({
      type: 'request',
      id: `mbox:gmail:${gmailId}`,
      source: 'mbox',
      externalId: `gmail:${gmailId}`,
      assistant: 'va',
      channel: 'email',
      threadKey: `gmail:${gmailId}`,
      from: addressOf(chat, 'from'),
      receivedAt: '2016-03-23T01:57:00Z',
    });
    // The 1993 MIME sample of line 167: `Date: Mon, 22 Mar 1993 09:41:09 -0800 (PST)`.
    const mime = messages[4] as TestMessage;
    const mimeId = /^From (\d+)@xxx /.exec(mime.fromLine)?.[1];
    expect(events.find((e) => e.externalId === `gmail:${mimeId}`)).toMatchObject({
      from: addressOf(mime, 'from'),
      receivedAt: '1993-03-22T17:41:09Z',
    });
  });

  it('keeps the ids of messages without a Message-ID when a newer takeout has more before them', async () => {
    const buf = readRealFixture('mbox', 'google-takeout-to-sqlite_small.gmail.mbox');
    const before = await convertExport('mbox', buf, { assistant: 'va' });
    const newer = Buffer.concat([
      Buffer.from(msg({ 'Message-ID': '<new@c>', Date: 'Mon, 2 Mar 2026 10:00:00 +0000', From: 'n@c.test' })),
      buf,
    ]);
    const after = await convertExport('mbox', newer, { assistant: 'va' });
    expect(after.events.filter((e) => e.externalId !== 'new@c')).toEqual(before.events);
  });

  it('answers the Apache thread of 2019-09 by hand-read times', async () => {
    // Gary (12:27:54Z) asks the list; Rich replies 08:37:45 -0400; Gary (12:14:10 -0400, from
    // another address) asks Rich; Rich answers 13:49:21 -0400. Addresses come from the file.
    const buf = readRealFixture('mbox', 'ponymail_users_ponymail_apache_org_2019-09.mbox');
    const [ask, reply, ask2] = readMessages(buf) as [TestMessage, TestMessage, TestMessage];
    const { events } = await convertExport('mbox', buf, {
      identities: {
        [`email:${addressOf(reply, 'from')}`]: 'rich',
        [`email:${addressOf(ask, 'to')}`]: 'rich',
      },
    });
    expect(events.map((e) => e.type === 'request' && [e.from, e.receivedAt, e.firstResponseAt])).toEqual([
      [addressOf(ask, 'from'), '2019-09-20T12:27:54Z', '2019-09-20T12:37:45Z'],
      [addressOf(ask2, 'from'), '2019-09-20T16:14:10Z', '2019-09-20T17:49:21Z'],
    ]);
  });

  it('takes the time of Gmail chat items from the From_ line and decodes ISO-8859-1 names', async () => {
    const buf = readRealFixture('mbox', 'google-takeout-to-sqlite_small.gmail.mbox');
    const { report } = await convertExport('mbox', buf, { assistant: 'va' });
    expect(report.skippedTotal).toBe(0);
    // `=?ISO-8859-1?Q?…_J=F8rn_…?=`: the byte F8 is ø in ISO-8859-1, so the name holds "Jørn".
    const first = readMessages(buf)[0] as TestMessage;
    expect(report.identities.find((i) => i.id === addressOf(first, 'from'))?.name).toContain('Jørn');
  });
});
