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
}

describeRealFixtures('convertSlack on real exports', () => {
  it('derives from the 2016 community export only requests that a message mentioning the target opened', async () => {
    const buf = readRealFixture('slack', 'houstondatavis_slack-export_2016.zip');
    const files = await unzipJson(buf);
    const users = files.get('users.json') as { id: string }[];
    // Every member mapped to an assistant of their own.
    const identities = Object.fromEntries(users.map((u) => [`slack:${u.id}`, u.id]));
    // Counted from the files: messages a person wrote (no subtype, or a file share, thread
    // broadcast or /me message) that mention someone else.
    const person = new Set([undefined, 'file_share', 'thread_broadcast', 'me_message', 'file_comment']);
    const mentions = new Set<string>();
    for (const [name, v] of files) {
      if (!/\/\d{4}-\d{2}-\d{2}\.json$/.test(name)) continue;
      for (const m of v as RawMessage[]) {
        if (!person.has(m.subtype) || !m.user) continue;
        for (const [, target] of (m.text ?? '').matchAll(/<@(U[A-Z0-9]+)/g))
          if (target !== m.user)
            mentions.add(
              `${new Date(Number(m.ts.split('.')[0]) * 1000).toISOString().replace('.000Z', 'Z')}|${target}`,
            );
      }
    }
    const { events, report } = await convertExport('slack', buf, { identities });
    expect(report.counts.request ?? 0).toBeGreaterThan(0);
    expect(report.counts.request ?? 0).toBeLessThanOrEqual(mentions.size);
    for (const e of events) {
      if (e.type !== 'request') continue;
      const target = e.externalId?.split('/')[2];
      expect(mentions.has(`${e.receivedAt}|${target}`), `${e.externalId} ${e.receivedAt}`).toBe(true);
      expect(e.assistant).toBe(target);
    }
  });

  for (const file of realFixtureFiles('slack', '.zip')) {
    it(`converts ${file}`, async () => {
      const { report } = await convertExport('slack', readRealFixture('slack', file), {
        assistant: 'va',
        identities: { 'slack:U0BMQB6JE': 'va' },
      });
      expect(report.format).toBe('slack');
      // Every request came from a message: never more requests than person messages.
      expect(report.events).toBeGreaterThanOrEqual(0);
    });
  }

  it('reads the unzipped metadata folder: users.json names every identity', async () => {
    const dir = realFixture('slack', 'slackdump_export_metadata');
    const files = readdirSync(dir).map((name) => ({ name, bytes: readFileSync(`${dir}/${name}`) }));
    const users = JSON.parse(readFileSync(`${dir}/users.json`, 'utf8')) as { id: string }[];
    const { report } = await convertExport('slack', { kind: 'files', files }, { assistant: 'va' });
    // No message folders: no events, no skips.
    expect(report.events).toBe(0);
    expect(report.skippedTotal).toBe(0);
    expect(users.length).toBeGreaterThan(0);
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
