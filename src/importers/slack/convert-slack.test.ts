import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { describeRealFixtures, readRealFixture, realFixture, realFixtureFiles } from '#test/real-fixtures';
import { buildZip } from '#test/zip-writer';
import { convertExport } from '../convert-export.ts';

const ts = (iso: string, micro = '000100') => `${Date.parse(iso) / 1000}.${micro}`;
const json = (v: unknown) => JSON.stringify(v);

/** A re-zipped export: a wrapping folder, __MACOSX forks, a channel with a thread, and a DM. */
function generatedExport(): Buffer {
  const w = 'export/';
  const ann = 'UANN';
  const bo = 'UBO';
  return buildZip([
    {
      name: `${w}users.json`,
      data: json([
        { id: ann, profile: { real_name: 'Ann', email: 'ann@x.test' } },
        { id: bo, real_name: 'Bo' },
      ]),
    },
    { name: `${w}channels.json`, data: json([{ id: 'C1', name: 'general' }]) },
    { name: `${w}dms.json`, data: json([{ id: 'D1', members: [bo, ann] }]) },
    { name: '__MACOSX/export/._users.json', data: 'junk' },
    {
      name: `${w}general/2026-03-02.json`,
      data: json([
        // 1: mention at 09:00Z, answered by Ann in the thread it starts at 09:20Z.
        { type: 'message', user: bo, text: 'hi <@UANN> can you book it?', ts: ts('2026-03-02T09:00:00Z') },
        {
          type: 'message',
          user: bo,
          text: 'and <@UANN> also this',
          ts: ts('2026-03-02T09:05:00Z'),
          thread_ts: ts('2026-03-02T09:00:00Z'),
        },
        {
          type: 'message',
          user: ann,
          text: 'done',
          ts: ts('2026-03-02T09:20:00Z'),
          thread_ts: ts('2026-03-02T09:00:00Z'),
        },
        // Joins and bots are not people writing.
        {
          type: 'message',
          subtype: 'channel_join',
          user: bo,
          text: '<@UBO> has joined',
          ts: ts('2026-03-02T09:30:00Z'),
        },
        // 2: mention of Ann at 10:00Z, never answered.
        { type: 'message', user: bo, text: '<@UANN> ping', ts: ts('2026-03-02T10:00:00Z') },
      ]),
    },
    {
      name: `${w}D1/2026-03-03.json`,
      data: json([
        // 3: a DM to Ann at 08:00Z; the second DM before her answer is the same request.
        { type: 'message', user: bo, text: 'hello', ts: ts('2026-03-03T08:00:00Z') },
        { type: 'message', user: bo, text: 'still there?', ts: ts('2026-03-03T08:01:00Z') },
        { type: 'message', user: ann, text: 'yes', ts: ts('2026-03-03T08:30:00Z') },
      ]),
    },
  ]);
}

describe('convertSlack', () => {
  it('opens requests on mentions and DMs and answers them with the next message in that thread or DM', async () => {
    const { events, report } = await convertExport('slack', generatedExport(), {
      identities: { 'email:ann@x.test': 'ann' },
      timezone: 'Europe/Berlin',
    });
    const pick = (e: (typeof events)[number]) => ({
      ...e,
      id: undefined,
      source: undefined,
      type: undefined,
    });
    expect(events.map(pick)).toEqual(
      [
        {
          externalId: `C1/${ts('2026-03-02T09:00:00Z')}/UANN`,
          assistant: 'ann',
          channel: 'slack',
          threadKey: `C1/${ts('2026-03-02T09:00:00Z')}`,
          from: 'Bo',
          receivedAt: '2026-03-02T10:00:00+01:00',
          firstResponseAt: '2026-03-02T10:20:00+01:00',
        },
        {
          externalId: `C1/${ts('2026-03-02T10:00:00Z')}/UANN`,
          assistant: 'ann',
          channel: 'slack',
          threadKey: `C1/${ts('2026-03-02T10:00:00Z')}`,
          from: 'Bo',
          receivedAt: '2026-03-02T11:00:00+01:00',
        },
        {
          externalId: `D1/${ts('2026-03-03T08:00:00Z')}/UANN`,
          assistant: 'ann',
          channel: 'slack',
          threadKey: `D1/${ts('2026-03-03T08:00:00Z')}`,
          from: 'Bo',
          receivedAt: '2026-03-03T09:00:00+01:00',
          firstResponseAt: '2026-03-03T09:30:00+01:00',
        },
      ].map((e) => ({ ...e, id: undefined, source: undefined, type: undefined })),
    );
    expect(report.unmappedIdentities.map((i) => `${i.kind}:${i.id}`)).toEqual(['slack:UBO']);
  });

  it('gives the same events when the export is imported again', async () => {
    const a = await convertExport('slack', generatedExport(), { identities: { 'slack:UANN': 'ann' } });
    const b = await convertExport('slack', generatedExport(), { identities: { 'slack:UANN': 'ann' } });
    expect(b.events).toEqual(a.events);
  });
});

/** Every JSON entry of a zip, read with yauzl directly (independently of the importer). */
function unzipJson(buf: Buffer): Promise<Map<string, unknown>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buf, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      const out = new Map<string, unknown>();
      zip.on('entry', (e: yauzl.Entry) => {
        if (!e.fileName.endsWith('.json') || e.fileName.startsWith('__MACOSX/')) return zip.readEntry();
        zip.openReadStream(e, (e2, s) => {
          if (e2 || !s) return reject(e2);
          const parts: Buffer[] = [];
          s.on('data', (c: Buffer) => parts.push(c));
          s.on('end', () => {
            out.set(e.fileName, JSON.parse(Buffer.concat(parts).toString('utf8')));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(out));
      zip.readEntry();
    });
  });
}

interface RawMessage {
  user?: string;
  subtype?: string;
  text?: string;
  ts: string;
  thread_ts?: string;
}

interface RawUser {
  id: string;
  is_bot?: boolean;
  is_app_user?: boolean;
}

/** What the tests expect from an export, worked out by `expectedOf` below. */
interface Expected {
  requests: { externalId: string; assistant: string; receivedAt: string; firstResponseAt?: string }[];
  /** Slack user → records naming them (messages written, plus messages mentioning them). */
  identities: Map<string, number>;
  /** Every user id the export names, for an identities map of each user to themselves. */
  everyone: Set<string>;
}

const isoOfTs = (ts: string) =>
  new Date(Number(ts.split('.')[0]) * 1000 + Number((ts.split('.')[1] ?? '').padEnd(3, '0').slice(0, 3)))
    .toISOString()
    .replace('.000Z', 'Z');

/**
 * The tests' own reading of an export, with every user mapped to an assistant of their own. A
 * person message has a `user` and no subtype, or a file share, thread broadcast, /me message or
 * file comment. In each channel folder, in `ts` order: a person message first answers any request
 * waiting for its author, then opens one for each user it mentions (`<@U…>`, not its author) who
 * has none waiting in that channel; the request's answer is its target's next person message
 * there. This is the SPEC §10 rule for top-level messages; the test checks that no export with a
 * mention has thread replies or DMs, where the rule has more to it.
 */
function expectedOf(files: Map<string, unknown>): Expected {
  const channelIds = new Map<string, string>();
  const users: RawUser[] = [];
  for (const [name, v] of files) {
    if (/(^|\/)channels\.json$/.test(name))
      for (const c of v as { id: string; name: string }[]) channelIds.set(c.name, c.id);
    if (/(^|\/)users\.json$/.test(name)) users.push(...(v as RawUser[]));
  }
  const identities = new Map<string, number>();
  for (const u of users) if (!u.is_bot && !u.is_app_user && u.id !== 'USLACKBOT') identities.set(u.id, 0);
  const everyone = new Set(users.map((u) => u.id));
  const bump = (u: string) => identities.set(u, (identities.get(u) ?? 0) + 1);
  const byChannel = new Map<string, RawMessage[]>();
  for (const [name, v] of files) {
    const m = /([^/]+)\/\d{4}-\d{2}-\d{2}\.json$/.exec(name);
    if (!m) continue;
    const list = byChannel.get(m[1] as string) ?? [];
    list.push(...(v as RawMessage[]));
    byChannel.set(m[1] as string, list);
  }
  const person = new Set([undefined, 'file_share', 'thread_broadcast', 'me_message', 'file_comment']);
  const requests: Expected['requests'] = [];
  for (const [folder, all] of byChannel) {
    const msgs = all.filter((m) => person.has(m.subtype) && m.user).sort((a, b) => (a.ts < b.ts ? -1 : 1));
    const waiting = new Map<string, Expected['requests'][number]>();
    for (const m of msgs) {
      const author = m.user as string;
      everyone.add(author);
      bump(author);
      const r = waiting.get(author);
      if (r) {
        r.firstResponseAt = isoOfTs(m.ts);
        waiting.delete(author);
      }
      const targets = new Set([...(m.text ?? '').matchAll(/<@([UW][A-Z0-9]+)/g)].map((x) => x[1] as string));
      targets.delete(author);
      if (targets.size > 0) {
        expect(m.thread_ts === undefined || m.thread_ts === m.ts, `${folder} ${m.ts}`).toBe(true);
        expect(folder.startsWith('D'), folder).toBe(false);
      }
      for (const t of targets) {
        everyone.add(t);
        bump(t);
        if (waiting.has(t)) continue;
        const req = {
          externalId: `${channelIds.get(folder) ?? folder}/${m.ts}/${t}`,
          assistant: t,
          receivedAt: isoOfTs(m.ts),
        };
        waiting.set(t, req);
        requests.push(req);
      }
    }
  }
  return { requests, identities, everyone };
}

/** An instant as Chicago's wall clock with its offset, by Intl (not by the importers' zone code). */
function inChicago(iso: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: 'America/Chicago',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'longOffset',
  }).formatToParts(new Date(iso));
  const p = (t: string) => parts.find((x) => x.type === t)?.value ?? '';
  return `${p('year')}-${p('month')}-${p('day')}T${p('hour')}:${p('minute')}:${p('second')}${p('timeZoneName').replace('GMT', '')}`;
}

describeRealFixtures('convertSlack on real exports', () => {
  for (const file of realFixtureFiles('slack', '.zip')) {
    it(`converts ${file}: exactly the requests and identities worked out from the files`, async () => {
      const buf = readRealFixture('slack', file);
      const exp = expectedOf(await unzipJson(buf));
      const identities = Object.fromEntries([...exp.everyone].map((u) => [`slack:${u}`, u]));
      const { events, report } = await convertExport('slack', buf, { identities });
      expect(report.skippedTotal).toBe(0);
      expect(report.counts).toEqual(exp.requests.length > 0 ? { request: exp.requests.length } : {});
      const got = events.map((e) => ({
        externalId: e.externalId,
        assistant: e.assistant,
        receivedAt: e.type === 'request' ? e.receivedAt : '',
        ...(e.type === 'request' && e.firstResponseAt ? { firstResponseAt: e.firstResponseAt } : {}),
      }));
      const byId = (a: { externalId?: string }, b: { externalId?: string }) =>
        (a.externalId ?? '') < (b.externalId ?? '') ? -1 : 1;
      expect(got.sort(byId)).toEqual([...exp.requests].sort(byId));
      expect(new Map(report.identities.map((i) => [i.id, i.count]))).toEqual(exp.identities);
    });
  }

  it('checks three requests of the 2016 community export field by field', async () => {
    const buf = readRealFixture('slack', 'houstondatavis_slack-export_2016.zip');
    const files = await unzipJson(buf);
    const exp = expectedOf(files);
    const users = files.get('users.json') as { id: string; profile: { real_name?: string } }[];
    const identities = Object.fromEntries([...exp.everyone].map((u) => [`slack:${u}`, u]));
    const { events } = await convertExport('slack', buf, { identities, timezone: 'America/Chicago' });
    // The first, an answered one and the last request the rule gives.
    const answered = exp.requests.find((r) => r.firstResponseAt !== undefined);
    for (const r of [exp.requests[0], answered, exp.requests[exp.requests.length - 1]]) {
      if (!r) throw new Error('the export should give requests');
      const [channel, ts, target] = r.externalId.split('/') as [string, string, string];
      const e = events.find((x) => x.externalId === r.externalId);
      const author = [...files]
        .filter(([n]) => /\d{4}-\d{2}-\d{2}\.json$/.test(n))
        .flatMap(([, v]) => v as RawMessage[])
        .find((m) => m.ts === ts && (m.text ?? '').includes(`<@${target}`))?.user;
      expect(e).toEqual({
        type: 'request',
        id: `slack:${r.externalId}`,
        source: 'slack',
        externalId: r.externalId,
        assistant: target,
        channel: 'slack',
        threadKey: `${channel}/${ts}`,
        from: users.find((u) => u.id === author)?.profile.real_name,
        receivedAt: inChicago(r.receivedAt),
        ...(r.firstResponseAt ? { firstResponseAt: inChicago(r.firstResponseAt) } : {}),
      });
    }
  });

  it('reads the unzipped metadata folder: every person in users.json is an identity seen', async () => {
    const dir = realFixture('slack', 'slackdump_export_metadata');
    const files = readdirSync(dir).map((name) => ({ name, bytes: readFileSync(`${dir}/${name}`) }));
    const users = JSON.parse(readFileSync(`${dir}/users.json`, 'utf8')) as RawUser[];
    const { report } = await convertExport('slack', { kind: 'files', files }, { assistant: 'va' });
    // No message folders: no events, no skips; every user but bots and Slackbot, with no records.
    expect(report.events).toBe(0);
    expect(report.skippedTotal).toBe(0);
    const people = users.filter((u) => !u.is_bot && !u.is_app_user && u.id !== 'USLACKBOT').map((u) => u.id);
    expect(people.length).toBeGreaterThan(0);
    expect(report.identities.map((i) => [i.kind, i.id, i.count])).toEqual(
      people.sort().map((id) => ['slack', id, 0]),
    );
    expect(report.unmappedIdentities).toHaveLength(people.length);
  });

  it('answers the Harry Potter mention in the test archive with Hamza’s next message', async () => {
    // traveling-sailor/2016-03-25.json: ts 1458949481.000002 by U0BMYT2FL mentions <@U0BMQB6JE>;
    // U0BMQB6JE's next person message in the channel is ts 1458972916.000009 (2016-03-26 06:15:16Z).
    const { events, report } = await convertExport(
      'slack',
      readRealFixture('slack', 'slack-export-viewer_testarchive.zip'),
      {
        identities: { 'slack:U0BMQB6JE': 'hamza' },
      },
    );
    expect(events.find((e) => e.externalId?.includes('1458949481.000002'))).toMatchObject({
      type: 'request',
      assistant: 'hamza',
      from: 'Harry Potter',
      receivedAt: '2016-03-25T23:44:41Z',
      firstResponseAt: '2016-03-26T06:15:16Z',
    });
    expect(report.identities.find((i) => i.id === 'U0BMQB6JE')).toMatchObject({
      kind: 'slack',
      assistant: 'hamza',
    });
  });
});
