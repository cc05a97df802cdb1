/**
 * One parametrized store for the server suite: PGlite in memory always, and PostgreSQL when
 * TANDEM_TEST_DATABASE_URL is set — each test file then gets its own fresh database there, so files
 * run in parallel. Everything else is the real code: no mocks of our own modules.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import pino from 'pino';
import { openStore, type Store } from '#db/client';
import { createApp } from '#server/app';
import { createAppDeps } from '#server/app-deps';
import type { AppDeps } from '#server/app-env';
import { assign } from '#services/assignments/manage-assignments';
import { createAssistant } from '#services/assistants/manage-assistants';
import { createApiToken } from '#services/auth/api-tokens';
import { acceptInvitation, createInvitation } from '#services/members/invitations';
import type { Actor } from '#services/service-context';
import { createWorkspace } from '#services/workspaces/create-workspace';
import { readEnv } from '#src/env';

export type StoreKind = 'pglite' | 'postgres';

const env = readEnv();
export const STORE_KINDS: StoreKind[] = env.TANDEM_TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export const PUBLIC_URL = 'http://localhost:3000';

/** The token of a link Tandem prints: in the fragment (`/invite#token=…`), never in the query. */
export function linkToken(url: string): string {
  const token = new URLSearchParams(new URL(url).hash.slice(1)).get('token');
  if (!token) throw new Error(`no #token= in ${url}`);
  return token;
}
export const PASSWORD = 'correct horse battery staple 42';

/** Opens a fresh, migrated store of that kind; `close` also drops a PostgreSQL test database. */
export async function openTestStore(kind: StoreKind): Promise<Store> {
  if (kind === 'pglite') return openStore({});
  const admin = env.TANDEM_TEST_DATABASE_URL as string;
  const name = `tandem_test_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`create database ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const store = await openStore({ databaseUrl: url.toString(), poolSize: 4 });
  return {
    ...store,
    async close() {
      await store.close();
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export interface TestServer {
  kind: StoreKind;
  store: Store;
  deps: AppDeps;
  app: ReturnType<typeof createApp>;
  /** The clock the server reads; tests may move it. */
  clock: { now: number };
  close(): Promise<void>;
}

export async function startTestServer(
  kind: StoreKind,
  opts: {
    trustedProxies?: string[];
    rateLimits?: { perTokenPerMinute?: number; perIpPerMinute?: number; perWorkspacePerMinute?: number };
    publicUrl?: string;
    /** scrypt cost for password hashes (default 1024, cheap); sign-in timing tests raise it. */
    scryptN?: number;
  } = {},
): Promise<TestServer> {
  const store = await openTestStore(kind);
  const clock = { now: Date.parse('2026-11-23T12:00:00Z') };
  const deps = await createAppDeps(store, {
    publicUrl: opts.publicUrl ?? PUBLIC_URL,
    logger: pino({ level: 'silent' }),
    now: () => clock.now,
    scryptN: opts.scryptN ?? 1024,
    // In-process requests have no socket; `local` stands for the peer, so tests can act as a proxy.
    trustedProxies: opts.trustedProxies ?? [],
    // The route walk makes hundreds of requests a minute from one address.
    rateLimits: { perIpPerMinute: 100_000, perWorkspacePerMinute: 100_000, ...opts.rateLimits },
  });
  return { kind, store, deps, app: createApp(deps), clock, close: () => store.close() };
}

export interface Team {
  ws: string;
  name: string;
  owner: { userId: string; token: string };
  /** Role → member with an API token. */
  members: Record<'manager' | 'assistant' | 'coach' | 'viewer', { userId: string; token: string }>;
  /** a1: the assistant member's own, assigned to the manager and coach; a2: nobody's. */
  assistants: ['a1', 'a2'];
}

let counter = 0;

/** A workspace with one member per role, two assistants, and API tokens, built through the services. */
export async function makeTeam(t: TestServer, label = 'team'): Promise<Team> {
  const n = ++counter;
  const name = `${label}-${n}-${randomBytes(3).toString('hex')}`;
  const created = await createWorkspace(t.deps, {
    name,
    owner: { email: `owner-${name}@example.com`, password: PASSWORD },
  });
  const ws = created.workspace.id;
  const owner: Actor = { userId: created.userId, workspaceId: ws, role: 'owner', assistantId: null };
  for (const id of ['a1', 'a2'])
    await createAssistant(t.deps, owner, {
      id,
      timezone: id === 'a1' ? 'Europe/Berlin' : 'America/New_York',
    });
  const members = {} as Team['members'];
  for (const role of ['manager', 'assistant', 'coach', 'viewer'] as const) {
    const inv = await createInvitation(t.deps, owner, {
      email: `${role}-${name}@example.com`,
      role,
      ...(role === 'assistant' ? { assistantId: 'a1' } : {}),
    });
    const token = linkToken(inv.url);
    const accepted = await acceptInvitation(t.deps, token, PASSWORD);
    const api = await createApiToken(t.deps.db, ws, accepted.userId, `${role} token`);
    members[role] = { userId: accepted.userId, token: api.token };
    if (role === 'manager' || role === 'coach')
      await assign(t.deps, owner, { assistantId: 'a1', userId: accepted.userId });
  }
  const ownerToken = await createApiToken(t.deps.db, ws, created.userId, 'owner token');
  return {
    ws,
    name,
    owner: { userId: created.userId, token: ownerToken.token },
    members,
    assistants: ['a1', 'a2'],
  };
}

/** `app.request` with a bearer token and a JSON or raw body. */
export function call(
  t: TestServer,
  method: string,
  path: string,
  opts: {
    token?: string;
    json?: unknown;
    body?: string | Uint8Array;
    type?: string;
    headers?: Record<string, string>;
  } = {},
): Promise<Response> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body: BodyInit | undefined;
  if (opts.json !== undefined) {
    headers['content-type'] = opts.type ?? 'application/json';
    body = JSON.stringify(opts.json);
  } else if (opts.body !== undefined) {
    headers['content-type'] = opts.type ?? 'application/x-ndjson';
    body = opts.body as BodyInit;
  }
  return Promise.resolve(t.app.request(path, { method, headers, ...(body !== undefined ? { body } : {}) }));
}
