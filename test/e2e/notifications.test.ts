/**
 * Notifications in a real browser against `tandem serve` with its job worker (issue 8 item 8):
 * an assistant proposes a KPI; the worker fans the request out to the manager's side; the owner's
 * bell shows one unread, the popover lists it, and opening it marks it read. The owner's
 * Settings → Notifications and, with no SMTP configured, the Outbox showing the e-mail that would
 * have been sent. Screens are looked at (desktop and 375 px) with axe.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason, launchBrowser } from './harness/browser.ts';
import { lookAt } from './harness/screens.ts';
import { type RunningServer, startServer } from './harness/server.ts';

const skip = browserSkipReason();
const OWNER = { email: 'owner@example.com', password: 'a bell that rings once' };
const AVA = { email: 'ava@example.com', password: 'ava proposes a kpi' };

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

describe.skipIf(skip !== null)('notifications in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let ownerCtx: BrowserContext;
  let avaCtx: BrowserContext;
  let owner: Page;
  let ava: Page;
  let ws = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    ownerCtx = await browser.newContext({
      baseURL: server.baseUrl,
      timezoneId: 'America/New_York',
      locale: 'en-US',
    });
    avaCtx = await browser.newContext({
      baseURL: server.baseUrl,
      timezoneId: 'Europe/Berlin',
      locale: 'en-GB',
    });
    owner = await ownerCtx.newPage();
    ava = await avaCtx.newPage();
  }, 240_000);

  afterAll(async () => {
    await ownerCtx?.close();
    await avaCtx?.close();
    await browser?.close();
    await server?.stop();
  });

  const look = async (p: Page, name: string) => {
    expect(await lookAt(p, name)).toEqual({ desktop: [], phone: [] });
  };

  it('rings the owner’s bell when the assistant proposes a KPI, and lists it', async () => {
    await owner.goto(server.setupUrl ?? '');
    await owner.getByLabel('Workspace name').fill('Bell agency');
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
    const inv = await apiCall(owner, 'POST', `workspaces/${ws}/invitations`, {
      email: AVA.email,
      role: 'assistant',
      assistantId: 'ava',
    });
    expect(inv.status, inv.text).toBe(201);
    await ava.goto((JSON.parse(inv.text) as { url: string }).url);
    await ava.getByLabel(/^Password/).fill(AVA.password);
    await ava.getByLabel('The same password again').fill(AVA.password);
    await ava.getByRole('button', { name: 'Accept invitation' }).click();
    await ava.waitForURL(/\/home/);

    const proposed = await apiCall(ava, 'POST', `workspaces/${ws}/kpis`, {
      id: 'ontime',
      name: 'Deadlines met',
      assistant: 'ava',
      metric: 'on_time_rate',
      direction: 'higher',
    });
    expect(proposed.status, proposed.text).toBe(201);

    // The worker inside `tandem serve` delivers within its poll; the bell asks again on reload.
    await owner.goto(`/w/${ws}/overview`);
    const bell = owner.getByRole('button', { name: 'Notifications, 1 unread' });
    for (let i = 0; i < 30 && !(await bell.isVisible()); i++) {
      await owner.waitForTimeout(500);
      await owner.reload();
      await owner.locator('h1').first().waitFor();
    }
    await expect(bell.isVisible()).resolves.toBe(true);
    await expect(owner.getByTestId('bell-count').textContent()).resolves.toContain('1');
    await bell.click();
    await owner.getByText('KPI to agree: Deadlines met (Ava Reyes)').waitFor();
    await look(owner, 'notifications-bell');
    await owner.getByText('KPI to agree: Deadlines met (Ava Reyes)').click();
    await owner.waitForURL(new RegExp(`/w/${ws}/kpis/ontime`));
    await owner.getByRole('button', { name: 'Notifications, none unread' }).waitFor();
  }, 120_000);

  it('shows the owner’s preferences and the Outbox with the e-mail that would have been sent', async () => {
    await owner.goto(`/w/${ws}/settings?section=notifications`);
    await owner.getByRole('table', { name: 'Notification preferences' }).waitFor();
    const emailAgreement = owner.getByRole('checkbox', { name: 'Agreement requested: E-mail' });
    await expect(emailAgreement.isChecked()).resolves.toBe(true);
    await owner.getByText('No webhook set: nothing is posted to Slack.').waitFor();
    await look(owner, 'notifications-settings');

    await owner.goto(`/w/${ws}/settings?section=outbox`);
    await owner.getByText('No SMTP server configured').waitFor();
    await owner.getByText('Tandem: KPI to agree: Deadlines met (Ava Reyes)').waitFor();
    await owner.getByText('Not sent (no SMTP)').first().waitFor();
    await look(owner, 'notifications-outbox');
    // The assistant has no Outbox: it holds every member's e-mails.
    const refused = await apiCall(ava, 'GET', `workspaces/${ws}/outbox`);
    expect(refused.status).toBe(403);
  }, 120_000);
});
