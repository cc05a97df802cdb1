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

/** Messages in an mbox: `From ` lines at the start or after an empty line, with a clock time. */
function countMessages(text: string): number {
  const lines = text.split(/\r?\n/);
  return lines.filter(
    (l, i) => l.startsWith('From ') && /\d{1,2}:\d{2}/.test(l) && (i === 0 || lines[i - 1] === ''),
  ).length;
}

describeRealFixtures('convertMbox on real archives', () => {
  for (const file of realFixtureFiles('mbox', '.mbox')) {
    it(`converts ${file}: every message is read, none skipped`, async () => {
      const buf = readRealFixture('mbox', file);
      const n = countMessages(buf.toString('latin1'));
      // With --assistant and no own address, every message is inbound: each thread gives one request.
      const { report } = await convertExport('mbox', buf, { assistant: 'va' });
      expect(report.skippedTotal).toBe(0);
      expect(report.counts.request ?? 0).toBeGreaterThanOrEqual(1);
      expect(report.counts.request ?? 0).toBeLessThanOrEqual(n);
    });
  }

  it('answers the Apache thread of 2019-09 by hand-read times', async () => {
    // Gary (12:27:54Z) asks the list; Rich replies 08:37:45 -0400; Gary (12:14:10 -0400) asks
    // Rich; Rich answers 13:49:21 -0400.
    const { events } = await convertExport(
      'mbox',
      readRealFixture('mbox', 'ponymail_users_ponymail_apache_org_2019-09.mbox'),
      {
        identities: { 'email:rbowen@rcbowen.com': 'rich', 'email:users@ponymail.apache.org': 'rich' },
      },
    );
    expect(events.map((e) => e.type === 'request' && [e.from, e.receivedAt, e.firstResponseAt])).toEqual([
      ['ggregory@apache.org', '2019-09-20T12:27:54Z', '2019-09-20T12:37:45Z'],
      ['garydgregory@gmail.com', '2019-09-20T16:14:10Z', '2019-09-20T17:49:21Z'],
    ]);
  });

  it('takes the time of Gmail chat items from the From_ line and decodes ISO-8859-1 names', async () => {
    const { report } = await convertExport(
      'mbox',
      readRealFixture('mbox', 'google-takeout-to-sqlite_small.gmail.mbox'),
      { assistant: 'va' },
    );
    expect(report.skippedTotal).toBe(0);
    expect(report.identities.find((i) => i.id === 'keld@dkuug.dk')?.name).toBe('Keld Jørn Simonsen');
  });
});
