/**
 * Fills an empty workspace with the demo (generate-demo.ts) through the same use cases a person's
 * clicks go through, so every row is validated and audited as usual: clients, assistants and a
 * schedule change, a manager, a coach and the three assistants as members (by invitation) with
 * their assignments, the events in one bulk ingest (one audit entry, SPEC §11), and each KPI step
 * taken by its side at its own instant (SPEC §5: proposed, agreed, targets agreed after the baseline).
 */
import type { Party } from '#core/kpis/kpi';
import { AppError } from '#src/errors';
import { assign } from '../assignments/manage-assignments.ts';
import { createAssistant, listAssistants, updateAssistant } from '../assistants/manage-assistants.ts';
import { writeAudit } from '../audit.ts';
import { deleteUserSessions } from '../auth/sessions.ts';
import { upsertClient } from '../clients/manage-clients.ts';
import { ingestEvents } from '../events/ingest-events.ts';
import { mapIdentity } from '../identities/manage-identities.ts';
import { agreeTargetUseCase, proposeTargetUseCase } from '../kpis/kpi-targets.ts';
import { addProcessChangeUseCase, agreeKpiUseCase, proposeKpiUseCase } from '../kpis/manage-kpis.ts';
import { acceptInvitation, createInvitation } from '../members/invitations.ts';
import { newToken, sha256 } from '../secrets.ts';
import type { Actor, ServiceDeps } from '../service-context.ts';
import { type DemoData, type DemoKpiStep, demoNdjson, generateDemo } from './generate-demo.ts';

export interface DemoMember {
  email: string;
  role: 'manager' | 'coach' | 'assistant';
  userId: string;
  assistantId: string | null;
}

export interface DemoLoaded {
  workspace: string;
  weeks: number;
  assistants: { id: string; name: string; timezone: string }[];
  members: DemoMember[];
  events: number;
  kpis: number;
}

async function* lines(text: string): AsyncGenerator<string> {
  yield text;
}

/** Members join by invitation, as anyone does; they set a password through a link an owner sends. */
async function addMember(
  deps: ServiceDeps,
  owner: Actor,
  email: string,
  role: DemoMember['role'],
  assistantId: string | null,
): Promise<DemoMember> {
  const inv = await createInvitation(deps, owner, {
    email,
    role,
    ...(assistantId ? { assistantId } : {}),
  });
  // The link carries its token in the fragment (or, from older links, the query).
  const link = new URL(inv.url);
  const token = new URLSearchParams(link.hash.slice(1)).get('token') ?? link.searchParams.get('token') ?? '';
  // A random password nobody knows: the person is signed in through a password link instead.
  const accepted = await acceptInvitation(deps, token, newToken('demo-'));
  await deleteUserSessions(deps.db, accepted.userId);
  return { email, role, userId: accepted.userId, assistantId };
}

function actorFor(members: readonly DemoMember[], ws: string, by: Party, assistant: string): Actor {
  const m =
    by === 'manager'
      ? members.find((x) => x.role === 'manager')
      : members.find((x) => x.role === 'assistant' && x.assistantId === assistant);
  if (!m) throw new AppError('internal', `demo: no ${by} for ${assistant}`);
  return { userId: m.userId, workspaceId: ws, role: m.role, assistantId: m.assistantId };
}

async function takeStep(deps: ServiceDeps, actor: Actor, s: DemoKpiStep): Promise<void> {
  // Each step happens at its own instant: the use case stamps it with that time (SPEC §5 dates).
  const at: ServiceDeps = { ...deps, now: () => s.at };
  switch (s.kind) {
    case 'propose':
      await proposeKpiUseCase(at, actor, s.terms);
      return;
    case 'agree':
      await agreeKpiUseCase(at, actor, s.kpi);
      return;
    case 'proposeTarget':
      await proposeTargetUseCase(at, actor, s.kpi, s.value);
      return;
    case 'agreeTarget':
      await agreeTargetUseCase(at, actor, s.kpi);
      return;
    case 'processChange':
      await addProcessChangeUseCase(at, actor, s.kpi, s.period);
      return;
  }
}

/**
 * Loads the demo into the owner's workspace as of deps.now(). Refused with `workspace_not_empty`
 * when the workspace already has assistants: the demo never mixes with real data.
 */
export async function loadDemo(deps: ServiceDeps, owner: Actor, data?: DemoData): Promise<DemoLoaded> {
  const ws = owner.workspaceId;
  if ((await listAssistants(deps, ws, 'all')).length > 0)
    throw new AppError(
      'workspace_not_empty',
      'This workspace already has assistants; load the demo into a new, empty workspace.',
      { workspace: ws },
    );
  const demo = data ?? generateDemo(deps.now());
  for (const c of demo.clients) await upsertClient(deps, owner, c);
  for (const a of demo.assistants) {
    await createAssistant(deps, owner, {
      id: a.id,
      name: a.name,
      timezone: a.timezone,
      schedule: a.schedule,
      daysOff: a.daysOff,
    });
    // The role is set afterwards: created with one, an assistant gets its template's KPIs
    // proposed, and the demo agrees its own choice of KPIs below.
    await updateAssistant(deps, owner, a.id, {
      role: a.role,
      ...(a.scheduleChange
        ? { change: { from: a.scheduleChange.from, schedule: a.scheduleChange.schedule } }
        : {}),
    });
  }
  // Addresses unique to the workspace, on a reserved domain: nobody real is ever written to.
  const tag = sha256(ws).slice(0, 6);
  const members: DemoMember[] = [
    await addMember(deps, owner, `manager.${tag}@example.com`, 'manager', null),
    await addMember(deps, owner, `coach.${tag}@example.com`, 'coach', null),
  ];
  for (const a of demo.assistants) {
    const email = `${a.id}.${tag}@example.com`;
    members.push(await addMember(deps, owner, email, 'assistant', a.id));
    await mapIdentity(deps, owner, { provider: 'email', externalId: email, assistantId: a.id });
  }
  const [manager, coach] = members as [DemoMember, DemoMember];
  for (const a of demo.assistants) await assign(deps, owner, { assistantId: a.id, userId: manager.userId });
  for (const a of demo.assistants.slice(1))
    await assign(deps, owner, { assistantId: a.id, userId: coach.userId });
  const counts = await ingestEvents(deps, owner, lines(demoNdjson(demo.events)), {
    scope: 'all',
    audit: { action: 'events.ingest', extra: { source: 'demo' } },
  });
  const assistantOf = new Map<string, string>();
  for (const s of demo.steps) {
    if (s.kind === 'propose') assistantOf.set(s.terms.id, s.terms.assistant);
    const kpi = s.kind === 'propose' ? s.terms.id : s.kpi;
    await takeStep(deps, actorFor(members, ws, s.by, assistantOf.get(kpi) ?? ''), s);
  }
  const result: DemoLoaded = {
    workspace: ws,
    weeks: demo.weeks,
    assistants: demo.assistants.map(({ id, name, timezone }) => ({ id, name, timezone })),
    members,
    events: counts.inserted + counts.updated + counts.unchanged,
    kpis: demo.steps.filter((s) => s.kind === 'propose').length,
  };
  await writeAudit(deps.db, {
    workspaceId: ws,
    actor: owner.userId,
    action: 'workspace.demo',
    target: `workspace:${ws}`,
    after: {
      weeks: result.weeks,
      assistants: result.assistants.length,
      events: result.events,
      kpis: result.kpis,
    },
  });
  return result;
}
