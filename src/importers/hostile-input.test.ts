/**
 * Hostile files (issue 5 §5), generated here, each rejected with a clear error — and the process
 * stays healthy: a normal import still works afterwards.
 */
import { describe, expect, it } from 'vitest';
import { buildZip } from '#test/zip-writer';
import { convertExport } from './convert-export.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const TOGGL_HEADER =
  'User,Email,Client,Project,Task,Description,Billable,Start date,Start time,End date,End time,Duration,Tags\n';
const board = (extra: object = {}) => ({
  lists: [{ id: 'l1', name: 'Done' }],
  members: [{ id: 'm1', fullName: 'Ann' }],
  cards: [
    { id: 'c1', name: 'Card', idList: 'l1', idMembers: ['m1'], dateLastActivity: '2026-01-02T00:00:00.000Z' },
  ],
  actions: [],
  ...extra,
});

describe('hostile input', () => {
  it('stops a zip bomb while inflating, by its ratio', async () => {
    const bomb = buildZip([{ name: 'general/2026-01-01.json', data: `[${' '.repeat(50_000_000)}]` }]);
    expect(bomb.length).toBeLessThan(200_000);
    await expect(convertExport('slack', bomb, { assistant: 'a' })).rejects.toMatchObject({
      code: 'archive_limit',
      location: { entry: 'general/2026-01-01.json' },
      message: expect.stringContaining('zip bomb'),
    });
  });

  it('refuses an archive of 100,000 entries before reading them', async () => {
    const many = buildZip(
      Array.from({ length: 100_000 }, (_, i) => ({ name: `c/${i}.json`, data: '[]', store: true })),
    );
    await expect(convertExport('slack', many, { assistant: 'a' })).rejects.toMatchObject({
      code: 'archive_limit',
      message: 'the archive has 100000 entries; the limit is 50000',
    });
  });

  it('refuses symbolic links and nested archives', async () => {
    const link = buildZip([{ name: 'users.json', data: '/etc/passwd', mode: 0o120777 }]);
    await expect(convertExport('slack', link, { assistant: 'a' })).rejects.toMatchObject({
      code: 'invalid_archive',
      message: 'symbolic links are not accepted',
    });
    const inner = buildZip([{ name: 'x.json', data: '[]' }]);
    const nestedByName = buildZip([{ name: 'more.zip', data: inner }]);
    await expect(convertExport('slack', nestedByName, { assistant: 'a' })).rejects.toMatchObject({
      message: 'nested archives are not accepted',
    });
    const nestedByBytes = buildZip([{ name: 'general/2026-01-01.json', data: inner }]);
    await expect(convertExport('slack', nestedByBytes, { assistant: 'a' })).rejects.toMatchObject({
      message: 'nested archives are not accepted',
    });
  });

  it('refuses a 50 MB line with its line number', async () => {
    const csv = enc(`${TOGGL_HEADER}${'a'.repeat(50_000_000)}\n`);
    await expect(convertExport('toggl', csv, { assistant: 'a' })).rejects.toMatchObject({
      code: 'too_large',
      location: { line: 2 },
    });
  });

  it('cites the byte offset of invalid UTF-8 in JSON and CSV', async () => {
    const json = enc(JSON.stringify(board()));
    const at = 20;
    const badJson = new Uint8Array([...json.subarray(0, at), 0xc3, 0x28, ...json.subarray(at)]);
    await expect(convertExport('trello', badJson, { assistant: 'a' })).rejects.toMatchObject({
      code: 'invalid_encoding',
      location: { offset: 20, line: 1 },
    });
    const csv = enc(`${TOGGL_HEADER}Ann,a@x.test,,P,,D,No,2026-01-05,09:00,2026-01-05,10:00,,\n`);
    const badCsv = new Uint8Array([
      ...csv,
      ...enc('Bo,b@x.test,,'),
      0xff,
      ...enc(',,D,No,2026-01-05,09:00,2026-01-05,10:00,,\n'),
    ]);
    await expect(convertExport('toggl', badCsv, { assistant: 'a' })).rejects.toMatchObject({
      code: 'invalid_encoding',
      location: { offset: csv.length + 13, line: 3 },
    });
  });

  it('accepts UTF-16 with a BOM', async () => {
    const text = `${TOGGL_HEADER}Ann,a@x.test,,Projekt ü,,D,No,2026-01-05,09:00,2026-01-05,10:00,,\n`;
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, 'utf16le'))]);
    const { events } = await convertExport('toggl', utf16, { assistant: 'a' });
    expect(events[0]).toMatchObject({ project: 'Projekt ü', start: '2026-01-05T09:00:00Z' });
  });

  it('lets no __proto__ or constructor key pollute anything', async () => {
    const text = JSON.stringify(board()).replace(
      '"cards":[{',
      '"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"cards":[{"__proto__":{"isTemplate":true},',
    );
    const withIds = text.replace('"id":"c1"', '"id":"__proto__"').replace(/"m1"/g, '"constructor"');
    const { events } = await convertExport('trello', enc(withIds), {
      identities: { 'trello:constructor': 'ann' },
    });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(events).toMatchObject([
      { type: 'task', externalId: '__proto__', assistant: 'ann', completedAt: '2026-01-02T00:00:00Z' },
    ]);
  });

  it('refuses 10,000-deep nesting cleanly', async () => {
    const deep = `{"cards":[],"x":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    await expect(convertExport('trello', enc(deep), { assistant: 'a' })).rejects.toMatchObject({
      code: 'too_deep',
      message: 'Trello board JSON nests arrays/objects deeper than 64 levels',
    });
  });

  it('reports an unterminated quote with its line', async () => {
    const csv = enc(`${TOGGL_HEADER}Ann,a@x.test,,P,,"never closed,No,2026-01-05,09:00\nmore\n`);
    await expect(convertExport('toggl', csv, { assistant: 'a' })).rejects.toMatchObject({
      code: 'invalid_csv',
      location: { line: 2 },
    });
  });

  it('refuses XML that declares entities', async () => {
    const xml =
      '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><rss><channel></channel></rss>';
    await expect(convertExport('jira', enc(xml), { assistant: 'a' })).rejects.toMatchObject({
      code: 'invalid_xml',
    });
  });

  it('skips an mbox message whose header block passes the limit and reads the next one', async () => {
    const huge = `From a@x Mon Mar  2 09:00:00 2026\nX-Junk: ${'j'.repeat(400_000)}\nFrom: a@x.test\n\nbody\n`;
    const ok =
      'From b@x Mon Mar  2 10:00:00 2026\nMessage-ID: <ok@x>\nDate: Mon, 2 Mar 2026 10:00:00 +0000\nFrom: b@x.test\n\nbody\n';
    const { events, report } = await convertExport('mbox', enc(`${huge}\n${ok}`), { assistant: 'a' });
    expect(report.skipped).toMatchObject([
      { entry: 'message 1', offset: 0, reason: 'header block larger than the 262144 byte limit' },
    ]);
    expect(events).toMatchObject([{ type: 'request', externalId: 'ok@x' }]);
  });

  it('still imports a normal file afterwards', async () => {
    const { events } = await convertExport('trello', enc(JSON.stringify(board())), {
      identities: { 'trello:m1': 'ann' },
    });
    expect(events).toHaveLength(1);
  });
});
