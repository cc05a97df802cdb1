/**
 * A client survey in a real browser against the real server (SPEC §8): the owner (the manager's
 * side) creates a one-time link on the assistant's Client surveys screen; a client in a separate,
 * anonymous browser context opens it — the page names only the assistant's first name and the
 * workspace, and is sent with no referrer — answers 1–5 with a comment, and cannot answer again;
 * the owner then sees the response rate change from 0 % to 100 % and the answer in the list.
 * Screens are looked at (desktop and 375 px) with axe.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason, launchBrowser } from './harness/browser.ts';
import { lookAt } from './harness/screens.ts';
import { type RunningServer, startServer } from './harness/server.ts';

const skip = browserSkipReason();
const OWNER = { email: 'owner@example.com', password: 'clients tell us how we do' };

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

describe.skipIf(skip !== null)('a client survey in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let ownerCtx: BrowserContext;
  let clientCtx: BrowserContext;
  let owner: Page;
  let client: Page;
  let ws = '';
  let link = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    ownerCtx = await browser.newContext({
      baseURL: server.baseUrl,
      timezoneId: 'Europe/Berlin',
      locale: 'en-GB',
    });
    // The client: a browser with no session of any kind.
    clientCtx = await browser.newContext({ timezoneId: 'America/Chicago', locale: 'en-US' });
    owner = await ownerCtx.newPage();
    client = await clientCtx.newPage();
  }, 240_000);

  afterAll(async () => {
    await ownerCtx?.close();
    await clientCtx?.close();
    await browser?.close();
    await server?.stop();
  });

  const look = async (p: Page, name: string) => {
    expect(await lookAt(p, name)).toEqual({ desktop: [], phone: [] });
  };

  it('lets the owner create a one-time link for an assistant', async () => {
    await owner.goto(server.setupUrl ?? '');
    await owner.getByLabel('Workspace name').fill('Northwind Assist');
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
    const acme = await apiCall(owner, 'PUT', `workspaces/${ws}/clients/acme`, { name: 'Acme Corp' });
    expect(acme.status, acme.text).toBe(201);

    await owner.goto(`/w/${ws}/surveys?assistant=ava`);
    await owner.getByRole('heading', { name: 'Client surveys — Ava Reyes' }).waitFor();
    await owner.getByText('No links sent yet').waitFor();
    await owner.getByRole('combobox', { name: 'Client (optional)' }).click();
    await owner.getByRole('option', { name: 'Acme Corp' }).click();
    await owner.getByRole('button', { name: 'Create survey link' }).click();
    const code = owner.getByText(/\/s\/svy_/);
    await code.waitFor();
    link = (await code.textContent())?.trim() ?? '';
    expect(link.startsWith(`${server.baseUrl}/s/svy_`)).toBe(true);
    expect(await owner.getByRole('link', { name: 'Send by e-mail' }).getAttribute('href')).toContain(
      encodeURIComponent(link),
    );
    await owner.getByTestId('response-counts').filter({ hasText: '0 of 1 answered' }).waitFor();
    await look(owner, 'surveys-link');
  }, 240_000);

  it('lets an anonymous client answer once, on a page sent with no referrer', async () => {
    const opened = await client.goto(link);
    expect(opened?.headers()['referrer-policy']).toBe('no-referrer');
    await client.getByRole('heading', { name: "How satisfied are you with Ava's work?" }).waitFor();
    await client.getByText('Northwind Assist asks for one minute').waitFor();
    // Only the first name reaches the client.
    expect(await client.getByText('Reyes').count()).toBe(0);
    await look(client, 'survey-public');
    await client.getByRole('radio', { name: '5 · Very satisfied' }).check();
    await client.getByLabel(/What went well/).fill('Ava turned our messy inbox into a calm one.');
    await client.getByRole('button', { name: 'Send my answer' }).click();
    await client.getByRole('heading', { name: 'Thank you!' }).waitFor();
    await look(client, 'survey-thanks');

    await client.goto(link);
    await client.getByRole('heading', { name: 'Already answered' }).waitFor();
    await client.goto(`${server.baseUrl}/s/svy_${'x'.repeat(43)}`);
    await client.getByRole('heading', { name: 'This link is not valid' }).waitFor();
    await look(client, 'survey-invalid');
  }, 240_000);

  it('shows the owner the response rate change and the answer', async () => {
    await owner.reload();
    await owner.getByTestId('response-rate').filter({ hasText: '100' }).waitFor();
    await owner.getByTestId('response-counts').filter({ hasText: '1 of 1 answered' }).waitFor();
    await owner.getByText('Ava turned our messy inbox into a calm one.', { exact: false }).first().waitFor();
    await look(owner, 'surveys-answered');
    // The answer is a survey event that the csat metric counts (SPEC §3, §4).
    const metrics = await apiCall(owner, 'GET', `workspaces/${ws}/metrics?assistant=ava&period=month`);
    const csat = (JSON.parse(metrics.text) as { metric: string; value: number; count: number }[]).find(
      (r) => r.metric === 'csat',
    );
    expect(csat).toMatchObject({ value: 1, count: 1 });
  }, 240_000);
});
