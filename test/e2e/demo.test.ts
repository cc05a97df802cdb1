/**
 * The demo in a real browser against the real server, on a fresh store of its own: the owner
 * sets up through the one-time link, presses "Load demo data" on the empty overview and sees the
 * numbers without a reload; then the overview, the KPI with a signal (drilled into its point) and
 * an assistant's home are looked at — screenshots at desktop and 375 px, and axe — so that the
 * artifacts show every screen full of data, not only empty states.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason, launchBrowser } from './harness/browser.ts';
import { lookAt } from './harness/screens.ts';
import { type RunningServer, startServer } from './harness/server.ts';

const skip = browserSkipReason();
const OWNER = { email: 'owner@example.com', password: 'a long walk to the demo' };

interface KpiSummaryJson {
  kpi: { id: string; assistant: string; metric: string; name: string };
}
interface AssistantJson {
  id: string;
  name: string | null;
}

describe.skipIf(skip !== null)('demo data in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let ws = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    context = await browser.newContext({
      baseURL: server.baseUrl,
      timezoneId: 'America/New_York',
      locale: 'en-US',
    });
    page = await context.newPage();
  }, 240_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  const expectAccessible = async (name: string) => {
    expect(await lookAt(page, name)).toEqual({ desktop: [], phone: [] });
  };

  /** GET an API path with the browser's session (its cookies). */
  const get = async <T>(path: string): Promise<T> => {
    const res = await page.request.get(`/api/v1/workspaces/${ws}/${path}`);
    expect(res.status(), await res.text()).toBe(200);
    return (await res.json()) as T;
  };

  it('loads the demo from the empty overview and shows it without a reload', async () => {
    expect(server.setupUrl, server.output()).toMatch(/\/setup#token=/);
    await page.goto(server.setupUrl ?? '');
    await page.getByLabel('Workspace name').fill('Demo agency');
    await page.getByLabel('Your e-mail').fill(OWNER.email);
    await page.getByLabel(/^Password/).fill(OWNER.password);
    await page.getByLabel('The same password again').fill(OWNER.password);
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await page.waitForURL(/\/w\/[^/]+\/overview/);
    ws = /\/w\/([^/]+)\//.exec(page.url())?.[1] ?? '';
    await page.getByRole('button', { name: 'Load demo data' }).click();
    await page.getByRole('link', { name: 'Rosa Villanueva' }).waitFor({ timeout: 120_000 });
    await expectAccessible('demo-overview');
  }, 240_000);

  it('shows a KPI with a signal and the working behind its point', async () => {
    const [kpis, assistants] = await Promise.all([
      get<KpiSummaryJson[]>('kpis'),
      get<AssistantJson[]>('assistants'),
    ]);
    const ines = assistants.find((a) => a.name === 'Inês Marques');
    const kpi = kpis.find((k) => k.kpi.assistant === ines?.id && k.kpi.metric === 'response_time')?.kpi;
    expect(kpi, JSON.stringify(kpis.map((k) => k.kpi))).toBeDefined();
    // From the overview's cell, as a manager would open it.
    await page.goto(`/w/${ws}/kpis/${kpi?.id}`);
    await page.getByRole('heading', { name: kpi?.name ?? '' }).waitFor();
    const signal = page.getByRole('alert').filter({ hasText: 'Something changed' });
    await signal.waitFor();
    // The latest signal: the heavy week that took response time outside its usual range.
    const periods = [...((await signal.textContent()) ?? '').matchAll(/(\d{4}-W\d{2}):/g)].map((m) => m[1]);
    const period = periods.at(-1) ?? '';
    expect(period).not.toBe('');
    await page.goto(`/w/${ws}/kpis/${kpi?.id}?point=${period}`);
    await page.locator('pre', { hasText: 'mean working time to first response' }).waitFor();
    await expectAccessible('demo-kpi-signal');
  }, 180_000);

  it("shows an assistant's home full of data", async () => {
    const assistants = await get<AssistantJson[]>('assistants');
    const rosa = assistants.find((a) => a.name === 'Rosa Villanueva');
    await page.goto(`/w/${ws}/home?assistant=${rosa?.id}`);
    await page.getByRole('heading', { name: "Rosa Villanueva's home" }).waitFor();
    await page.getByRole('heading', { name: 'Insights' }).waitFor();
    await expectAccessible('demo-assistant-home');
  }, 180_000);
});
