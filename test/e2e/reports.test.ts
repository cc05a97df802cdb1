/**
 * Reports for management in a real browser against the real server (SPEC §8): the owner loads the
 * demo data, opens Reports from the navigation, sees the team's KPI table and trend charts, picks
 * an assistant and a range, and downloads the CSV, whose numbers are the screen's. Screens are
 * looked at (desktop and 375 px) with axe.
 */
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '#shared/report-schemas';
import { browserSkipReason, launchBrowser } from './harness/browser.ts';
import { lookAt } from './harness/screens.ts';
import { type RunningServer, startServer } from './harness/server.ts';

const skip = browserSkipReason();
const OWNER = { email: 'owner@example.com', password: 'a long walk to the report' };

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

describe.skipIf(skip !== null)('reports in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let ctx: BrowserContext;
  let page: Page;
  let ws = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    ctx = await browser.newContext({
      baseURL: server.baseUrl,
      timezoneId: 'Europe/Berlin',
      locale: 'en-GB',
      acceptDownloads: true,
    });
    page = await ctx.newPage();
  }, 240_000);

  afterAll(async () => {
    await ctx?.close();
    await browser?.close();
    await server?.stop();
  });

  const look = async (name: string) => {
    expect(await lookAt(page, name)).toEqual({ desktop: [], phone: [] });
  };

  it('sets up a workspace with the demo data', async () => {
    await page.goto(server.setupUrl ?? '');
    await page.getByLabel('Workspace name').fill('Report agency');
    await page.getByLabel('Your e-mail').fill(OWNER.email);
    await page.getByLabel(/^Password/).fill(OWNER.password);
    await page.getByLabel('The same password again').fill(OWNER.password);
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await page.waitForURL(/\/w\/[^/]+\//);
    ws = /\/w\/([^/]+)\//.exec(page.url())?.[1] ?? '';
    const status = await page.evaluate(async (ws) => {
      const session = (await (await fetch('/api/v1/auth/session')).json()) as { csrfToken?: string };
      const res = await fetch(`/api/v1/workspaces/${ws}/demo`, {
        method: 'POST',
        headers: { 'x-csrf-token': session.csrfToken ?? '' },
      });
      return res.status;
    }, ws);
    expect(status).toBe(201);
  }, 240_000);

  it("shows the team's report from the navigation, with its table and charts", async () => {
    await page.goto(`/w/${ws}/overview`);
    await page.getByRole('link', { name: 'Reports' }).first().click();
    await page.getByRole('heading', { name: 'Reports', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'KPIs against target' }).waitFor();
    await page.getByRole('heading', { name: 'Trends' }).waitFor();
    expect(await page.locator('[data-chart] svg').count()).toBeGreaterThan(0);
    await look('reports-team');
  }, 120_000);

  it('picks an assistant and a range, and downloads the CSV with the screen’s numbers', async () => {
    const to = new Date(Date.now() - 7 * 86_400_000);
    const from = new Date(to.getTime() - 55 * 86_400_000);
    await page.getByRole('combobox', { name: 'Report on' }).click();
    await page.getByRole('option', { name: 'An assistant' }).click();
    await page.getByLabel('From').fill(isoDay(from));
    await page.getByLabel('To').fill(isoDay(to));
    await page.waitForURL(
      new RegExp(`from=${isoDay(from)}.*to=${isoDay(to)}|to=${isoDay(to)}.*from=${isoDay(from)}`),
    );
    await page.getByRole('heading', { name: 'KPIs against target' }).waitFor();
    await look('reports-assistant');

    const url = new URL(page.url());
    const shown = (await page.evaluate(
      async (q) => {
        const res = await fetch(`/api/v1/workspaces/${q.ws}/reports?${q.search}`);
        return res.json();
      },
      { ws, search: new URLSearchParams({ ...Object.fromEntries(url.searchParams) }).toString() },
    )) as Report;
    expect(shown.scope).toBe('assistant');
    expect(shown.kpis.length).toBeGreaterThan(0);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download the report as CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^report-assistant-.*\.csv$/);
    const csv = readFileSync((await download.path()) as string, 'utf8');
    expect(csv.startsWith('\uFEFFsection,title,scope')).toBe(true);
    const first = shown.kpis[0];
    const line = csv
      .split('\r\n')
      .find((l) => l.startsWith(`KPIs,${first?.assistant},`) && l.includes(`,${first?.kpi},`));
    expect(line).toBeDefined();
    if (first?.value !== null && first?.value !== undefined) expect(line).toContain(`,${first.value},`);
  }, 120_000);
});
