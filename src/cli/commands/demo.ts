/**
 * `tandem demo [--data DIR] [--workspace ID]`: fills a workspace with demo data (issue 7) through
 * the ordinary use cases, and prints how to sign in. Without --workspace it creates the workspace
 * "Tandem demo" and its owner; run again, it says where that workspace is and prints a new
 * password link.
 */
import { parseArgs } from 'node:util';
import { createPasswordLink } from '#services/auth/password-reset';
import { type DemoLoaded, loadDemo } from '#services/demo/load-demo';
import { listMembers } from '#services/members/manage-members';
import type { Actor, ServiceDeps } from '#services/service-context';
import { createWorkspace } from '#services/workspaces/create-workspace';
import { getWorkspace } from '#services/workspaces/workspace-queries';
import { readEnv } from '#src/env';
import { AppError } from '#src/errors';
import { type Command, parseOrUsage, UsageError, writeAll } from '../command.ts';
import { openCliStore } from './serve.ts';

/** The demo workspace's owner: a reserved example address, never a real person's. */
export const DEMO_OWNER_EMAIL = 'demo.owner@example.com';
export const DEMO_WORKSPACE_NAME = 'Tandem demo';

const HELP = `Usage: tandem demo [--data DIR] [--workspace ID]

Fills a workspace with realistic demo data: 3 assistants in 3 time zones (one on a split shift),
16 or more weeks of tasks, requests, ratings, proactive actions, documentation reviews, goals,
surveys and time entries, a manager and a coach, two clients, and KPIs agreed by both sides —
with a signal, a met target that suggests raising the bar, a declining quality trend and a KPI
still waiting for the assistant's agreement. Dates are relative to today, so it always looks
current. Every row goes through the same checks and audit log as real data.

Without --workspace it creates the workspace "${DEMO_WORKSPACE_NAME}" whose owner is
${DEMO_OWNER_EMAIL}, and prints a single-use link to set that owner's password. Run again, it
names that workspace and prints a new link.

Options:
  --data DIR        embedded store directory (default: TANDEM_DATA_DIR or ./data);
                    with DATABASE_URL set, that PostgreSQL server is used instead
  --workspace ID    fill this existing, empty workspace instead (sign in as its owner)
  -h, --help        show this help

Exit status: 0 ok; 1 the workspace already has assistants, does not exist, or a running server
holds the store; 2 usage.
`;

function summary(loaded: DemoLoaded, name: string): string {
  const who = loaded.assistants.map((a) => `${a.name} (${a.timezone})`).join(', ');
  return (
    `Demo data loaded into the workspace "${name}" (${loaded.workspace}):\n` +
    `  ${loaded.assistants.length} assistants: ${who}\n` +
    `  ${loaded.weeks} weeks of data: ${loaded.events} events, ${loaded.kpis} KPIs; a manager and a coach\n`
  );
}

function serveHint(data: string | undefined, publicUrl: string): string {
  const serve = data === undefined ? 'npx tandem serve' : `npx tandem serve --data ${data}`;
  return (
    `Start the server if it is not running ('${serve}') and sign in at ${publicUrl}/sign-in.\n` +
    'The other demo members sign in through a password link an owner sends from Settings → Members.\n'
  );
}

/** The workspace's first owner: who the demo acts as when it fills an existing workspace. */
async function ownerOf(deps: ServiceDeps, ws: string): Promise<{ actor: Actor; email: string }> {
  const owner = (await listMembers(deps, ws)).find((m) => m.role === 'owner');
  if (!owner) throw new AppError('not_found', `The workspace ${ws} has no owner`);
  return {
    actor: { userId: owner.userId, workspaceId: ws, role: 'owner', assistantId: null },
    email: owner.email,
  };
}

export const demoCommand: Command = {
  name: 'demo',
  help: HELP,
  async run(args, io) {
    const { values } = parseOrUsage(() =>
      parseArgs({ args, options: { data: { type: 'string' }, workspace: { type: 'string' } } }),
    );
    const wanted = values.workspace?.trim();
    if (values.workspace !== undefined && !wanted)
      throw new UsageError('--workspace: expected a workspace id');
    const store = await openCliStore(values.data, io, 'demo');
    if (typeof store === 'number') return store;
    const publicUrl = readEnv(io.env).TANDEM_PUBLIC_URL;
    const deps: ServiceDeps = { db: store.db, now: io.now, publicUrl };
    try {
      if (wanted) {
        const ws = await getWorkspace(deps, wanted);
        const { actor, email } = await ownerOf(deps, ws.id);
        const loaded = await loadDemo(deps, actor);
        await writeAll(
          io.stdout,
          `${summary(loaded, ws.name)}Sign in as the workspace's owner, ${email}.\n${serveHint(values.data, publicUrl)}`,
        );
        return 0;
      }
      let ws: string;
      let userId: string;
      let fresh = true;
      try {
        const created = await createWorkspace(deps, {
          name: DEMO_WORKSPACE_NAME,
          owner: { email: DEMO_OWNER_EMAIL },
          refuseIfOwner: true,
        });
        ws = created.workspace.id;
        userId = created.userId;
      } catch (err) {
        if (!(err instanceof AppError && err.code === 'already_exists')) throw err;
        ws = String(err.details?.workspace);
        userId = (await ownerOf(deps, ws)).actor.userId;
        fresh = false;
      }
      const owner: Actor = { userId, workspaceId: ws, role: 'owner', assistantId: null };
      let text: string;
      try {
        text = summary(await loadDemo(deps, owner), DEMO_WORKSPACE_NAME);
      } catch (err) {
        // Run again: the demo workspace is there already; say so and sign in anew.
        if (fresh || !(err instanceof AppError && err.code === 'workspace_not_empty')) throw err;
        text = `The demo workspace "${DEMO_WORKSPACE_NAME}" (${ws}) already exists on this store.\n`;
      }
      const link = await createPasswordLink(deps, userId);
      await writeAll(
        io.stdout,
        `${text}Sign in as the owner:\n  e-mail:   ${DEMO_OWNER_EMAIL}\n  password: set it with this link (single use, expires in 3 days):\n  ${link}\n${serveHint(values.data, publicUrl)}`,
      );
      return 0;
    } catch (err) {
      if (err instanceof AppError && (err.code === 'workspace_not_empty' || err.code === 'not_found')) {
        await writeAll(io.stderr, `tandem demo: ${err.message}\n`);
        return 1;
      }
      throw err;
    } finally {
      await store.close();
    }
  },
};
