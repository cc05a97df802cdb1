/**
 * Target agreement through the API (SPEC §5: at the baseline's end the suggested target is one
 * "both sides then agree or change"), as manager and as assistant, on every store; and every KPI
 * write path under concurrency (issue 6: no lost update, no 500).
 *
 * Worked by hand: a1 (Europe/Berlin) agrees the on-time KPI on Monday 2026-11-23 (12:00Z is 13:00
 * local), so its baseline runs to 2026-12-06 and a target can apply from 2026-12-07.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportWorkspace } from '#services/archive/export-workspace';
import { restoreWorkspace } from '#services/archive/restore-workspace';
import { createApiToken } from '#services/auth/api-tokens';
import { call, makeTeam, STORE_KINDS, startTestServer, type Team, type TestServer } from './test-store.ts';

interface Target {
  value: number;
  effectiveFrom: string;
  setAt: string;
  setBy: string;
}
interface KpiBody {
  id: string;
  status: string;
  targets: Target[];
  pendingTarget?: { value: number; effectiveFrom: string; proposedBy: string; proposedAt: string };
  processChanges?: string[];
}
interface Change {
  kpi: KpiBody;
}
interface ErrorBody {
  error: { code: string; waitingFor?: string; targetsFrom?: string };
}

describe.each(STORE_KINDS)('KPI targets agreed by both sides on %s', (kind) => {
  let t: TestServer;
  let team: Team;
  let base: string;
  const as = (role: 'manager' | 'assistant' | 'coach') => team.members[role].token;
  const req = async <T>(method: string, path: string, token: string, json?: unknown) => {
    const res = await call(t, method, `${base}${path}`, { token, ...(json !== undefined ? { json } : {}) });
    return { status: res.status, body: (await res.json()) as T };
  };
  const kpi = async (id: string) => (await req<KpiBody>('GET', `/kpis/${id}`, as('manager'))).body;

  beforeAll(async () => {
    t = await startTestServer(kind);
    t.clock.now = Date.parse('2026-11-23T12:00:00Z');
    team = await makeTeam(t, 'kpi-targets');
    base = `/api/v1/workspaces/${team.ws}`;
    for (const id of ['ot', 'race']) {
      const proposed = await req<Change>('POST', '/kpis', as('manager'), {
        id,
        assistant: 'a1',
        metric: 'on_time_rate',
        direction: 'higher',
      });
      expect(proposed.status).toBe(201);
      expect((await req<Change>('POST', `/kpis/${id}/agree`, as('assistant'))).body.kpi.status).toBe(
        'active',
      );
    }
  });
  afterAll(async () => t?.close());

  it('refuses a target proposal during the baseline with the date targets may start', async () => {
    const early = await req<ErrorBody>('POST', '/kpis/ot/targets', as('manager'), { value: 0.9 });
    expect(early.status).toBe(409);
    expect(early.body.error).toMatchObject({ code: 'baseline_in_progress', targetsFrom: '2026-12-07' });
  });

  it('as manager: proposes, the assistant counter-proposes, the manager agrees; only then it is in the history', async () => {
    t.clock.now = Date.parse('2026-12-07T12:00:00Z');
    const proposed = await req<Change>('POST', '/kpis/ot/targets', as('manager'), { value: 0.9 });
    expect(proposed.status).toBe(200);
    expect(proposed.body.kpi.targets).toEqual([]);
    expect(proposed.body.kpi.pendingTarget).toEqual({
      value: 0.9,
      effectiveFrom: '2026-12-07',
      proposedBy: 'manager',
      proposedAt: '2026-12-07T12:00:00.000Z',
    });
    const own = await req<ErrorBody>('POST', '/kpis/ot/targets/agree', as('manager'));
    expect(own.status).toBe(409);
    expect(own.body.error).toMatchObject({ code: 'conflict', waitingFor: 'assistant' });

    const counter = await req<Change>('POST', '/kpis/ot/targets', as('assistant'), {
      value: 0.85,
      effectiveFrom: '2026-12-14',
    });
    expect(counter.body.kpi.pendingTarget).toMatchObject({ value: 0.85, proposedBy: 'assistant' });
    expect((await req<ErrorBody>('POST', '/kpis/ot/targets/agree', as('assistant'))).status).toBe(409);
    expect((await req<unknown[]>('GET', '/kpis/ot/targets', as('coach'))).body).toEqual([]);
    // A coach reads but does not agree.
    expect((await req<ErrorBody>('POST', '/kpis/ot/targets/agree', as('coach'))).status).toBe(403);

    t.clock.now = Date.parse('2026-12-08T09:00:00Z');
    const agreed = await req<Change>('POST', '/kpis/ot/targets/agree', as('manager'));
    expect(agreed.status).toBe(200);
    expect(agreed.body.kpi.pendingTarget).toBeUndefined();
    expect(agreed.body.kpi.targets).toEqual([
      { value: 0.85, effectiveFrom: '2026-12-14', setAt: '2026-12-08T09:00:00.000Z', setBy: 'assistant' },
    ]);
    const again = await req<ErrorBody>('POST', '/kpis/ot/targets/agree', as('assistant'));
    expect(again.status).toBe(409);
  });

  it('as assistant: proposes, and the same value and date from the manager is the agreement', async () => {
    const proposed = await req<Change>('POST', '/kpis/ot/targets', as('assistant'), {
      value: 0.95,
      effectiveFrom: '2026-12-21',
    });
    expect(proposed.body.kpi.pendingTarget).toMatchObject({ value: 0.95, proposedBy: 'assistant' });
    const same = await req<Change>('POST', '/kpis/ot/targets', as('manager'), {
      value: 0.95,
      effectiveFrom: '2026-12-21',
    });
    expect(same.status).toBe(200);
    expect(same.body.kpi.pendingTarget).toBeUndefined();
    expect(same.body.kpi.targets.map((x) => [x.value, x.effectiveFrom, x.setBy])).toEqual([
      [0.85, '2026-12-14', 'assistant'],
      [0.95, '2026-12-21', 'assistant'],
    ]);
  });

  it('lets only the proposer withdraw a proposal, and audits every step', async () => {
    await req<Change>('POST', '/kpis/ot/targets', as('manager'), { value: 1 });
    expect((await req<ErrorBody>('DELETE', '/kpis/ot/targets/proposal', as('assistant'))).status).toBe(409);
    const withdrawn = await req<Change>('DELETE', '/kpis/ot/targets/proposal', as('manager'));
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.kpi.pendingTarget).toBeUndefined();
    expect(withdrawn.body.kpi.targets).toHaveLength(2);

    const audit = (await (
      await call(t, 'GET', `${base}/audit?limit=200`, { token: team.owner.token })
    ).json()) as {
      entries: { action: string; target: string }[];
    };
    const steps = audit.entries
      .filter((e) => e.target === 'ot' && e.action.startsWith('kpi.target'))
      .map((e) => e.action)
      .reverse();
    expect(steps).toEqual([
      'kpi.target_propose',
      'kpi.target_propose',
      'kpi.target_agree',
      'kpi.target_propose',
      'kpi.target_agree',
      'kpi.target_propose',
      'kpi.target_withdraw',
    ]);
  });

  it('keeps concurrent writes to one KPI from failing or overwriting each other', async () => {
    const parallel = (n: number, f: (i: number) => Promise<Response>) =>
      Promise.all(Array.from({ length: n }, (_, i) => f(i)));
    // Ten proposals of a target for the same date at once: each replaces the pending one.
    const proposals = await parallel(10, (i) =>
      call(t, 'POST', `${base}/kpis/race/targets`, { token: as('manager'), json: { value: 0.8 + i / 100 } }),
    );
    expect(proposals.map((r) => r.status)).toEqual(Array(10).fill(200));
    // Ten agreements at once: one wins, the others find nothing left to agree.
    const agreements = await parallel(10, () =>
      call(t, 'POST', `${base}/kpis/race/targets/agree`, { token: as('assistant') }),
    );
    expect(agreements.map((r) => r.status).sort()).toEqual([200, ...Array(9).fill(409)]);
    const withTarget = await kpi('race');
    expect(withTarget.targets).toHaveLength(1);
    expect(withTarget.targets[0]?.effectiveFrom).toBe('2026-12-08');

    // Every write rewrites the KPI and its target rows; ten at once must keep all ten changes
    // and the one target (a lost update would drop changes; a clash on the rows would be a 500).
    const weeks = Array.from({ length: 10 }, (_, i) => `2026-W${String(40 + i)}`);
    const changes = await parallel(10, (i) =>
      call(t, 'POST', `${base}/kpis/race/process-changes`, { token: as('manager'), json: { at: weeks[i] } }),
    );
    expect(changes.map((r) => r.status)).toEqual(Array(10).fill(200));
    const after = await kpi('race');
    expect(after.processChanges).toEqual(weeks);
    expect(after.targets).toEqual(withTarget.targets);

    // Two sides proposing at once: both are answered, one proposal is left pending.
    const both = await Promise.all([
      call(t, 'POST', `${base}/kpis/race/targets`, { token: as('manager'), json: { value: 0.9 } }),
      call(t, 'POST', `${base}/kpis/race/targets`, { token: as('assistant'), json: { value: 0.88 } }),
    ]);
    expect(both.map((r) => r.status)).toEqual([200, 200]);
    expect((await kpi('race')).pendingTarget?.value).toBeOneOf([0.9, 0.88]);
  }, 60_000);

  it('keeps agreed targets and a pending proposal through export and restore', async () => {
    const bytes = await exportWorkspace(t.deps, team.ws);
    const t2 = await startTestServer(kind);
    try {
      await restoreWorkspace(t2.deps, bytes);
      const token = (await createApiToken(t2.deps.db, team.ws, team.owner.userId, 'restored')).token;
      const restored = await call(t2, 'GET', `${base}/kpis/race`, { token });
      expect(restored.status).toBe(200);
      const before = await kpi('race');
      expect(before.pendingTarget).toBeDefined();
      expect(await restored.json()).toEqual(before);
    } finally {
      await t2.close();
    }
  });
});
