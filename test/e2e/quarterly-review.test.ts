/**
 * The quarterly relevance review in a real browser against the real server (SPEC §8): the owner
 * (the manager's side) opens the review of the current quarter, decides per active KPI with a
 * reason — keeps one, retires the other — adds a KPI for the growing role, and applies; the KPIs
 * change accordingly. Screens are looked at (desktop and 375 px) with axe.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason, launchBrowser } from './harness/browser.ts';
import { lookAt } from './harness/screens.ts';
import { type RunningServer, startServer } from './harness/server.ts';

const skip = browserSkipReason();
const OWNER = { email: 'owner@example.com', password: 'a quarter well spent' };
const AVA = { email: 'ava@example.com', password: 'ava grows into the role' };

/** A JSON request from inside the page: same origin, with the session's CSRF token. */
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

const thisQuarter = (d = new Date()) => `${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;

describe.skipIf(skip !== null)('a quarterly relevance review in the browser', () => {
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
      timezoneId: 'Europe/Berlin',
      locale: 'en-GB',
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

  it('decides per KPI with a reason, adds a KPI and applies it all', async () => {
    await owner.goto(server.setupUrl ?? '');
    await owner.getByLabel('Workspace name').fill('Quarter agency');
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
    await ava.goto((JSON.parse(inv.text) as { url: string }).url);
    await ava.getByLabel(/^Password/).fill(AVA.password);
    await ava.getByLabel('The same password again').fill(AVA.password);
    await ava.getByRole('button', { name: 'Accept invitation' }).click();
    await ava.waitForURL(/\/home/);
    for (const [id, name, metric] of [
      ['k-q', 'Quality of deliverables', 'quality_score'],
      ['k-r', 'Inbox response time', 'response_time'],
    ] as const) {
      const p = await apiCall(owner, 'POST', `workspaces/${ws}/kpis`, {
        id,
        name,
        assistant: 'ava',
        metric,
        direction: metric === 'response_time' ? 'lower' : 'higher',
      });
      expect(p.status, p.text).toBe(201);
      const a = await apiCall(ava, 'POST', `workspaces/${ws}/kpis/${id}/agree`);
      expect(a.status, a.text).toBe(200);
    }

    await owner.goto(`/w/${ws}/quarterly?assistant=ava`);
    await owner.getByRole('heading', { name: 'Quarterly review — Ava Reyes' }).waitFor();
    await owner.getByRole('combobox', { name: 'Quarter' }).click();
    await owner.getByRole('option', { name: thisQuarter() }).click();
    await owner.getByRole('button', { name: 'Open review' }).click();
    await owner.getByRole('heading', { name: 'Quality of deliverables' }).waitFor();

    const decide = async (kpi: string, choice: string, reason: string) => {
      const card = owner
        .locator('.mantine-Card-root')
        .filter({ has: owner.getByRole('heading', { name: kpi, exact: true }) });
      await card.getByRole('combobox', { name: 'Decision' }).click();
      await owner.getByRole('option', { name: choice }).click();
      await card.getByRole('textbox', { name: /^Reason/ }).fill(reason);
    };
    await decide('Quality of deliverables', 'Keep', 'Still the heart of the role');
    await decide('Inbox response time', 'Retire', 'The shared inbox now has a team rota');
    await owner.getByRole('button', { name: 'Add a KPI' }).click();
    await owner.getByRole('textbox', { name: 'New KPI 1: name' }).fill('Client satisfaction');
    await owner.getByRole('combobox', { name: 'New KPI 1: metric' }).click();
    await owner.getByRole('option', { name: 'Client satisfaction' }).click();
    await owner.getByRole('textbox', { name: 'New KPI 1: reason' }).fill('Ava now talks to clients directly');
    expect(await lookAt(owner, 'quarterly-decide')).toEqual({ desktop: [], phone: [] });
    await owner.getByRole('button', { name: 'Apply decisions' }).click();
    await owner.getByRole('heading', { name: 'Decisions' }).waitFor();
    await owner.getByText('The shared inbox now has a team rota').waitFor();
    expect(await lookAt(owner, 'quarterly-applied')).toEqual({ desktop: [], phone: [] });

    const kpis = JSON.parse((await apiCall(owner, 'GET', `workspaces/${ws}/kpis?assistant=ava`)).text) as {
      kpi: { id: string; name: string; status: string };
    }[];
    const status = Object.fromEntries(kpis.map((k) => [k.kpi.name, k.kpi.status]));
    expect(status).toEqual({
      'Quality of deliverables': 'active',
      'Inbox response time': 'retired',
      'Client satisfaction': 'proposed',
    });
  }, 300_000);
});
