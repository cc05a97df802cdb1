/**
 * Durability at start (issue 10 item 1): PostgreSQL's fsync, synchronous_commit and
 * full_page_writes are read when the server starts; any that is off is a loud warning in the log
 * and `"durability":"off"` in GET /healthz. The real check runs against a database whose
 * `synchronous_commit` is turned off for every new session (`ALTER DATABASE … SET`), which is what
 * a new pool connection of Tandem's sees.
 */
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import pg from 'pg';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { openStore } from '#db/client';
import { durabilityWarnings, readDurabilitySettings } from '#db/durability';
import { createApp } from '#server/app';
import { createAppDeps } from '#server/app-deps';
import { readEnv } from '#src/env';

const adminUrl = readEnv().TANDEM_TEST_DATABASE_URL;

function captureLogger(): { logger: pino.Logger; lines: () => Array<Record<string, unknown>> } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  const logger = pino({ level: 'info' }, stream);
  return {
    logger,
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter((l) => l.length > 0)
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

describe('durability warnings', () => {
  it('warns once per setting that is off, and not for on, local or remote_apply', () => {
    const on = { fsync: 'on', synchronous_commit: 'on', full_page_writes: 'on' };
    expect(durabilityWarnings(on)).toEqual([]);
    expect(durabilityWarnings({ ...on, synchronous_commit: 'local' })).toEqual([]);
    expect(durabilityWarnings({ ...on, synchronous_commit: 'remote_apply' })).toEqual([]);
    const off = durabilityWarnings({ fsync: 'off', synchronous_commit: 'OFF', full_page_writes: 'off' });
    expect(off).toHaveLength(3);
    expect(off[0]).toMatch(/^PostgreSQL fsync is off/);
    expect(off[1]).toMatch(/^PostgreSQL synchronous_commit is off/);
    expect(off[2]).toMatch(/^PostgreSQL full_page_writes is off/);
    expect(durabilityWarnings({ ...on, full_page_writes: 'off' })).toEqual([off[2]]);
  });

  it('leaves the embedded store unchecked (PGlite is safe against a process crash, not power loss)', async () => {
    const store = await openStore({});
    try {
      const { logger, lines } = captureLogger();
      const deps = await createAppDeps(store, { publicUrl: 'http://localhost:3000', logger });
      expect(deps.durability).toEqual({ status: 'unchecked', settings: null, warnings: [] });
      const res = await createApp(deps).request('/healthz');
      expect(await res.json()).toEqual({ ok: true, durability: 'unchecked', warnings: [] });
      expect(lines().filter((l) => l.level === 40)).toEqual([]);
    } finally {
      await store.close();
    }
  });
});

describe.skipIf(!adminUrl)('durability on PostgreSQL', () => {
  const admin = async (statement: string) => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(statement);
    await c.end();
  };

  it('reads the real settings: on for the test server, off where a database turns synchronous_commit off', async () => {
    const name = `tandem_durable_${randomBytes(6).toString('hex')}`;
    await admin(`create database ${name}`);
    const url = new URL(adminUrl as string);
    url.pathname = `/${name}`;
    try {
      const first = await openStore({ databaseUrl: url.toString(), poolSize: 2 });
      try {
        const { logger, lines } = captureLogger();
        const deps = await createAppDeps(first, { publicUrl: 'http://localhost:3000', logger });
        // The test server runs with the defaults (all on), as production should.
        expect(deps.durability.settings).toEqual({
          fsync: 'on',
          synchronous_commit: 'on',
          full_page_writes: 'on',
        });
        expect(deps.durability.status).toBe('on');
        const res = await createApp(deps).request('/healthz');
        expect(await res.json()).toEqual({ ok: true, durability: 'on', warnings: [] });
        expect(lines().filter((l) => l.level === 40)).toEqual([]);
      } finally {
        await first.close();
      }

      await admin(`alter database ${name} set synchronous_commit = off`);
      const second = await openStore({ databaseUrl: url.toString(), poolSize: 2 });
      try {
        expect((await readDurabilitySettings(second.db)).synchronous_commit).toBe('off');
        const { logger, lines } = captureLogger();
        const deps = await createAppDeps(second, { publicUrl: 'http://localhost:3000', logger });
        expect(deps.durability.status).toBe('off');
        expect(deps.durability.warnings).toHaveLength(1);
        const warned = lines().filter((l) => l.level === 40);
        expect(warned).toHaveLength(1);
        expect(warned[0]?.msg).toMatch(/synchronous_commit is off/);
        const res = await createApp(deps).request('/healthz');
        expect(res.status).toBe(200);
        const body = (await res.json()) as { durability: string; warnings: string[] };
        expect(body.durability).toBe('off');
        expect(body.warnings[0]).toMatch(/^PostgreSQL synchronous_commit is off/);
      } finally {
        await second.close();
      }
    } finally {
      await admin(`drop database if exists ${name} with (force)`);
    }
  }, 60_000);
});
