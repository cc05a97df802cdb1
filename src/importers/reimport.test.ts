/**
 * Re-importing the same export changes nothing (issue 5 §4): for every real fixture, a second
 * conversion gives the same events, and no two events share a storage key (SPEC §3: type, source,
 * externalId).
 */
import { expect, it } from 'vitest';
import { describeRealFixtures, readRealFixture, realFixtureFiles } from '#test/real-fixtures';
import { type ConvertInit, convertExport } from './convert-export.ts';
import type { ImportFormat } from './import-types.ts';

const CASES: { folder: string; format: ImportFormat; suffix: string; init: ConvertInit }[] = [
  { folder: 'trello', format: 'trello', suffix: '.json', init: { assistant: 'va' } },
  { folder: 'asana', format: 'asana', suffix: '.csv', init: { assistant: 'va' } },
  { folder: 'toggl', format: 'toggl', suffix: '.csv', init: { assistant: 'va' } },
  {
    folder: 'clockify',
    format: 'clockify',
    suffix: '.csv',
    init: { assistant: 'va', options: { dateOrder: 'MDY' } },
  },
  {
    folder: 'slack',
    format: 'slack',
    suffix: '.zip',
    init: { assistant: 'va', identities: { 'slack:U0BMQB6JE': 'va' } },
  },
  { folder: 'mbox', format: 'mbox', suffix: '.mbox', init: { assistant: 'va' } },
  { folder: 'jira', format: 'jira', suffix: '', init: { assistant: 'va' } },
  {
    folder: 'ics',
    format: 'ics',
    suffix: '.ics',
    init: { assistant: 'va', options: { leave: { all: true } } },
  },
];

describeRealFixtures('re-import of real exports', () => {
  for (const c of CASES)
    for (const file of realFixtureFiles(c.folder, c.suffix)) {
      it(`${c.folder}/${file} converts to the same events twice, each key once`, async () => {
        const a = await convertExport(c.format, readRealFixture(c.folder, file), c.init);
        const b = await convertExport(c.format, readRealFixture(c.folder, file), c.init);
        expect(b.events).toEqual(a.events);
        const keys = a.events.map((e) => `${e.type}|${e.source}|${e.externalId}`);
        expect(new Set(keys).size).toBe(keys.length);
        expect(new Set(a.events.map((e) => `${e.type}|${e.id}`)).size).toBe(keys.length);
      });
    }
});
