/**
 * Structured logs with secrets redacted (issue 4 §5): an unhandled failed query is logged as
 * `err`, and drizzle's error carries the query's bound values — here a password hash — in
 * `params` and in its message; the logger drops both, keeping the query text and the frames.
 */
import { PassThrough } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '#db/client';
import { createLogger } from '#server/app-deps';
import { openTestStore } from './test-store.ts';

const SECRET = 'scrypt$16384$8$1$c2FsdA$aGFzaA';

function capture() {
  const out = new PassThrough();
  let text = '';
  out.on('data', (d) => (text += d));
  return {
    logger: createLogger('info', out),
    lines: () =>
      text
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l)),
  };
}

describe('the logger', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore('pglite');
  });
  afterAll(async () => store?.close());

  it('never writes the bound values of a failed query', async () => {
    const failure = await store.db.execute(sql`select ${SECRET}::int as n`).then(
      () => null,
      (err: unknown) => err,
    );
    expect(failure).toBeInstanceOf(Error);
    // The raw error does hold the secret, so the test proves the serializer removes it.
    expect(
      JSON.stringify({ m: (failure as Error).message, p: (failure as { params?: unknown }).params }),
    ).toContain(SECRET);
    const { logger, lines } = capture();
    logger.error({ err: failure, requestId: 'r1' }, 'unhandled error');
    await new Promise((r) => setImmediate(r));
    const raw = JSON.stringify(lines());
    expect(raw).not.toContain(SECRET);
    const [line] = lines();
    expect(line.err.params).toBeUndefined();
    expect(line.err.message).toContain('Failed query: select $1::int as n');
    expect(line.err.message).toContain('params: [redacted]');
    expect(line.err.stack).toMatch(/\n\s+at /);
    expect(line.requestId).toBe('r1');
  });

  it('leaves other errors as they are', async () => {
    const { logger, lines } = capture();
    logger.error({ err: new Error('disk full', { cause: new Error('ENOSPC') }) }, 'unhandled error');
    await new Promise((r) => setImmediate(r));
    const [line] = lines();
    expect(line.err.message).toContain('disk full');
    expect(line.err.type).toBe('Error');
  });
});
