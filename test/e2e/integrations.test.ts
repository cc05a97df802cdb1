/**
 * Live connections in a real browser against `tandem serve` with its job worker (issue 9): the
 * owner creates a Toggl connection on Settings → Integrations, copies the callback URL and the
 * secret shown once, Toggl (here: a signed POST from the test) delivers a time entry, and the
 * connection shows its last delivery and the processed delivery. Screens are looked at (desktop
 * and 375 px) with axe.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { togglSignature } from '#webhooks/toggl/index';
import { browserSkipReason, launchBrowser } from './harness/browser.ts';
import { lookAt } from './harness/screens.ts';
import { type RunningServer, startServer } from './harness/server.ts';

const skip = browserSkipReason();
const OWNER = { email: 'owner@example.com', password: 'a hook that catches once' };

async function apiCall(p: Page, method: string, path: string, json?: unknown) {
  return p.evaluate(
    async ({ method, path, json }) => {
      const session = (await (await fetch('/api/v1/auth/session')).json()) as { csrfToken?: string };
      const res = await fetch(`/api/v1/${path}`, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken ?? '' },
        ...(json === undefined ? {} : { body: JSON.stringify(json) }),
      });
      return { status: res.status, text: await res.text() };
    },
    { method, path, json },
  );
}

function timeEntry(): string {
  return JSON.stringify({
    event_id: 880001,
    created_at: '2026-11-20T10:30:05Z',
    creator_id: 42,
    metadata: {
      action: 'created',
      event_user_id: '42',
      model: 'time_entry',
      model_owner_id: '42',
      request_type: 'POST',
      time_entry_id: '555001',
      workspace_id: '7435584',
    },
    payload: {
      at: '2026-11-20T10:30:05+00:00',
      description: 'Inbox zero',
      duration: 5400,
      id: 555001,
      project_id: 202,
      server_deleted_at: null,
      start: '2026-11-20T09:00:00+00:00',
      stop: '2026-11-20T10:30:00+00:00',
      tags: [],
      user_id: 42,
      workspace_id: 7435584,
    },
    subscription_id: 1234,
  });
}

describe.skipIf(skip !== null)('live connections in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let ctx: BrowserContext;
  let owner: Page;
  let ws = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    ctx = await browser.newContext({ baseURL: server.baseUrl, timezoneId: 'Europe/Berlin', locale: 'en-GB' });
    owner = await ctx.newPage();
  }, 240_000);

  afterAll(async () => {
    await ctx?.close();
    await browser?.close();
    await server?.stop();
  });

  it('creates a Toggl connection on Settings → Integrations and sees its delivery', async () => {
    await owner.goto(server.setupUrl ?? '');
    await owner.getByLabel('Workspace name').fill('Hook agency');
    await owner.getByLabel('Your e-mail').fill(OWNER.email);
    await owner.getByLabel(/^Password/).fill(OWNER.password);
    await owner.getByLabel('The same password again').fill(OWNER.password);
    await owner.getByRole('button', { name: 'Create workspace' }).click();
    await owner.waitForURL(/\/w\/[^/]+\//);
    ws = /\/w\/([^/]+)\//.exec(owner.url())?.[1] ?? '';
    const created = await apiCall(owner, 'POST', `workspaces/${ws}/assistants`, {
      id: 'ava',
      name: 'Ava Reyes',
      timezone: 'Europe/Berlin',
    });
    expect(created.status, created.text).toBe(201);

    await owner.goto(`/w/${ws}/settings?section=integrations`);
    await owner.getByText('Setting up Toggl Track').waitFor();
    await owner.getByLabel('Name').fill('Ava’s Toggl');
    await owner.getByLabel('Attribute everything to', { exact: true }).first().click();
    await owner.getByRole('option', { name: 'Ava Reyes' }).click();
    await owner.getByRole('button', { name: 'Create connection' }).click();
    const secretBox = owner.getByText('The webhook secret — paste it at the provider');
    await secretBox.waitFor();
    await look('integrations-created');
    const codes = await owner.locator('code').allTextContents();
    const url = codes.find((c) => c.includes('/hooks/toggl/'))?.trim() ?? '';
    const secret = (await owner.getByTestId('made-secret').textContent())?.trim() ?? '';
    expect(url.startsWith(`${server.baseUrl}/hooks/toggl/whc_`)).toBe(true);
    expect(secret).toHaveLength(43);

    // Toggl delivers a signed time entry to the callback URL.
    const body = new TextEncoder().encode(timeEntry());
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-webhook-signature-256': togglSignature(secret, body),
      },
      body,
    });
    expect(res.status).toBe(200);
    const forged = await fetch(url, {
      method: 'POST',
      headers: { 'x-webhook-signature-256': togglSignature('not-the-secret', body) },
      body,
    });
    expect(forged.status).toBe(401);

    // The worker processes it; the screen shows the last delivery and the processed delivery.
    await owner.getByRole('button', { name: 'Done' }).click();
    for (let i = 0; i < 30; i++) {
      await owner.reload();
      await owner.getByText('Ava’s Toggl').waitFor();
      await owner.getByRole('button', { name: 'Deliveries' }).click();
      const ok = owner.getByRole('table', { name: 'Deliveries of Ava’s Toggl' }).getByText('processed');
      if (await ok.isVisible().catch(() => false)) break;
      await owner.waitForTimeout(500);
    }
    await owner.getByRole('table', { name: 'Deliveries of Ava’s Toggl' }).getByText('processed').waitFor();
    await owner.getByText(/^Last delivery /).waitFor();
    await look('integrations-delivered');
    const events = await apiCall(owner, 'GET', `workspaces/${ws}/events?type=timeEntry`);
    expect(events.text).toContain('"toggl:555001"');
  }, 180_000);

  const look = async (name: string) => {
    expect(await lookAt(owner, name)).toEqual({ desktop: [], phone: [] });
  };
});
