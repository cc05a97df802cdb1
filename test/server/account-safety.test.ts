/**
 * Accounts are global, workspaces are tenants (SPEC §1: nothing ever crosses tenants). An owner's
 * password link may not take over an account that also belongs to another workspace; every link,
 * password change and reset is in the audit log (SPEC §11); a single-use token is used once even
 * when two requests present it at the same moment.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  call,
  linkToken,
  makeTeam,
  PASSWORD,
  STORE_KINDS,
  startTestServer,
  type Team,
  type TestServer,
} from './test-store.ts';

interface Entry {
  actor: string;
  action: string;
  target: string | null;
}

async function auditOf(t: TestServer, team: Team): Promise<Entry[]> {
  const res = await call(t, 'GET', `/api/v1/workspaces/${team.ws}/audit?limit=500`, {
    token: team.owner.token,
  });
  return ((await res.json()) as { entries: Entry[] }).entries;
}

const tokenOf = linkToken;

/**
 * Opens the PostgreSQL pool's connections first: otherwise each racing request waits for a new
 * connection and the first one has finished before the second reads the token.
 */
async function warmPool(t: TestServer): Promise<void> {
  await Promise.all(Array.from({ length: 4 }, () => t.deps.db.execute(sql`select pg_sleep(0.05)`)));
}

describe.each(STORE_KINDS)('account safety on %s', (kind) => {
  let t: TestServer;
  let a: Team;
  let b: Team;
  beforeAll(async () => {
    t = await startTestServer(kind);
    a = await makeTeam(t, 'acct-a');
    b = await makeTeam(t, 'acct-b');
    // B's owner joins A as a viewer, with the password of their one account.
    const inv = await call(t, 'POST', `/api/v1/workspaces/${a.ws}/invitations`, {
      token: a.owner.token,
      json: { email: `owner-${b.name}@example.com`, role: 'viewer' },
    });
    const url = ((await inv.json()) as { url: string }).url;
    const accepted = await call(t, 'POST', '/api/v1/invitations/accept', {
      json: { token: tokenOf(url), password: PASSWORD },
    });
    expect(accepted.status).toBe(200);
  });
  afterAll(async () => t?.close());

  it('refuses a password link for an account that also belongs to another workspace, and audits each link', async () => {
    const shared = await call(
      t,
      'POST',
      `/api/v1/workspaces/${a.ws}/members/${b.owner.userId}/password-link`,
      {
        token: a.owner.token,
      },
    );
    expect(shared.status).toBe(409);
    expect(((await shared.json()) as { error: { code: string } }).error.code).toBe(
      'account_in_other_workspaces',
    );
    const own = await call(
      t,
      'POST',
      `/api/v1/workspaces/${a.ws}/members/${a.members.coach.userId}/password-link`,
      { token: a.owner.token },
    );
    expect(own.status).toBe(201);
    const url = ((await own.json()) as { url: string }).url;
    const entries = await auditOf(t, a);
    const links = entries.filter((e) => e.action === 'member.password-link');
    expect(links).toEqual([
      expect.objectContaining({ actor: a.owner.userId, target: `member:${a.members.coach.userId}` }),
    ]);
    expect(JSON.stringify(entries)).not.toContain(tokenOf(url));
  });

  it('audits a password change in every workspace of the account, and a reset', async () => {
    const changed = await call(t, 'POST', '/api/v1/auth/password', {
      token: b.owner.token,
      json: { currentPassword: PASSWORD, newPassword: 'a fresh passphrase for two 9' },
    });
    expect(changed.status).toBe(200);
    for (const team of [a, b])
      expect((await auditOf(t, team)).filter((e) => e.action === 'account.password-change')).toEqual([
        expect.objectContaining({ actor: b.owner.userId, target: `user:${b.owner.userId}` }),
      ]);
    const link = await call(
      t,
      'POST',
      `/api/v1/workspaces/${a.ws}/members/${a.members.viewer.userId}/password-link`,
      {
        token: a.owner.token,
      },
    );
    const token = tokenOf(((await link.json()) as { url: string }).url);
    const reset = await call(t, 'POST', '/api/v1/auth/password-reset', {
      json: { token, password: 'a reset passphrase 10' },
    });
    expect(reset.status).toBe(200);
    expect((await auditOf(t, a)).filter((e) => e.action === 'account.password-reset')).toEqual([
      expect.objectContaining({ actor: a.members.viewer.userId, target: `user:${a.members.viewer.userId}` }),
    ]);
  });

  it('uses a password link and an invitation once when two requests present them at the same moment', async () => {
    const link = await call(
      t,
      'POST',
      `/api/v1/workspaces/${b.ws}/members/${b.members.manager.userId}/password-link`,
      { token: b.owner.token },
    );
    const token = tokenOf(((await link.json()) as { url: string }).url);
    await warmPool(t);
    const resets = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        call(t, 'POST', '/api/v1/auth/password-reset', {
          json: { token, password: `racing passphrase number ${i}` },
        }),
      ),
    );
    expect(resets.map((r) => r.status).sort()).toEqual([200, 400, 400, 400, 400, 400, 400, 400]);
    // An existing account accepts with its own password: both requests would otherwise succeed.
    const inv = await call(t, 'POST', `/api/v1/workspaces/${b.ws}/invitations`, {
      token: b.owner.token,
      json: { email: `coach-${a.name}@example.com`, role: 'coach' },
    });
    const invToken = tokenOf(((await inv.json()) as { url: string }).url);
    await warmPool(t);
    const accepts = await Promise.all(
      Array.from({ length: 8 }, () =>
        call(t, 'POST', '/api/v1/invitations/accept', { json: { token: invToken, password: PASSWORD } }),
      ),
    );
    expect(accepts.map((r) => r.status).sort()).toEqual([200, 400, 400, 400, 400, 400, 400, 400]);
    expect(
      (await auditOf(t, b)).filter(
        (e) => e.action === 'invitation.accept' && e.actor === a.members.coach.userId,
      ),
    ).toHaveLength(1);
  });
});
