/**
 * A founder's first run on a fresh store, in a real browser against the real server: the
 * one-time setup link → the overview → the wizard (assistant with zone, split shift and a day
 * off; role template; KPI proposal with the "five is enough" advice; invitation) → the assistant
 * accepts and lands on their home → logs a proactive action and sees the count move → the owner
 * excludes it with a reason and the count moves back. Every screen is looked at (screenshots at
 * desktop and 375 px) and checked with axe.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason, launchBrowser } from './harness/browser.ts';
import { lookAt, screenshot } from './harness/screens.ts';
import { type RunningServer, startServer } from './harness/server.ts';

const skip = browserSkipReason();
const OWNER = { email: 'founder@example.com', password: 'correct horse battery staple' };
const ASSISTANT = { email: 'maria@example.com', password: 'mangoes at dawn in manila' };

describe.skipIf(skip !== null)('first run in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let owner: BrowserContext;
  let page: Page;
  let ws = '';
  let invitation = '';

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    if (!server.api) return;
    owner = await browser.newContext({
      baseURL: server.baseUrl,
      timezoneId: 'Europe/Berlin',
      locale: 'en-GB',
    });
    page = await owner.newPage();
  }, 240_000);

  afterAll(async () => {
    await owner?.close();
    await browser?.close();
    await server?.stop();
  });

  const expectAccessible = async (name: string) => {
    expect(await lookAt(page, name)).toEqual({ desktop: [], phone: [] });
  };

  it('creates the first workspace and owner through the one-time setup link', async () => {
    expect(server.setupUrl, server.output()).toBeTruthy();
    await page.goto(server.setupUrl ?? '');
    await screenshot(page, 'setup', 'desktop');
    // The server's plain setup page sends Referrer-Policy: no-referrer, so a browser posts its form
    // with `Origin: null` and the CSRF check refuses it; post the same form with the real origin
    // (the browser context keeps the session cookie it sets).
    const token = new URL(server.setupUrl ?? '').searchParams.get('token') ?? '';
    const res = await page.request.post('/setup', {
      form: { token, workspace: 'Acme Ventures', email: OWNER.email, password: OWNER.password },
      headers: { Origin: server.baseUrl },
    });
    expect(res.status(), await res.text()).toBe(200);
    await page.goto('/');
    await page.waitForURL(/\/w\/[^/]+\/overview/);
    ws = /\/w\/([^/]+)\//.exec(page.url())?.[1] ?? '';
    expect(ws).not.toBe('');
    await expectAccessible('overview-empty');
  }, 180_000);

  it('adds an assistant with a time zone, a split shift and a day off', async () => {
    await page.goto(`/w/${ws}/onboarding`);
    await expectAccessible('onboarding-1-workspace');
    await page.getByRole('button', { name: /Next: add your assistant/ }).click();
    await page.getByRole('textbox', { name: /^Name/ }).fill('Maria Santos');
    const zone = page.getByRole('combobox', { name: 'Time zone' });
    await zone.click();
    await zone.fill('Manila');
    await page.getByRole('option', { name: 'Asia/Manila' }).click();
    await page.getByRole('button', { name: 'Add an interval on Saturday' }).click();
    await page.getByRole('button', { name: 'Add an interval on Monday' }).click();
    await expectAccessible('onboarding-2-assistant');
    await page.getByRole('button', { name: 'Add assistant' }).click();
    await page.getByText('What does Maria Santos do?').waitFor();
    await expectAccessible('onboarding-3-role');
  }, 180_000);

  it('proposes KPIs from the role template, advising that five is enough', async () => {
    await page.getByText('Executive assistant', { exact: true }).click();
    await page.getByRole('button', { name: 'Next: choose KPIs' }).click();
    await page.getByText('5 selected').waitFor();
    await page.getByRole('checkbox', { name: /Client satisfaction/ }).check();
    await page.getByText('Five KPIs are enough').waitFor();
    await expectAccessible('onboarding-4-kpis');
    await page.getByRole('checkbox', { name: /Client satisfaction/ }).uncheck();
    await page.getByRole('button', { name: 'Skip for now' }).click();
  }, 180_000);

  it('invites the assistant with a single-use link', async () => {
    await page.getByLabel(/Maria Santos's e-mail/).fill(ASSISTANT.email);
    await page.getByRole('button', { name: 'Create invitation link' }).click();
    const link = page.getByText(/\/invite\?token=/);
    await link.waitFor();
    invitation = (await link.textContent())?.trim() ?? '';
    expect(invitation).toContain('/invite?token=');
    await expectAccessible('onboarding-5-invite');
    await page.getByRole('button', { name: /Next: agree together/ }).click();
    await expectAccessible('onboarding-6-agree');
  }, 180_000);

  it('lets the assistant join, log a proactive action in two clicks and see the count move', async () => {
    const mine = await browser.newContext({
      baseURL: server.baseUrl,
      timezoneId: 'Asia/Manila',
      locale: 'en-GB',
    });
    const p = await mine.newPage();
    await p.goto(invitation);
    await screenshot(p, 'invitation', 'desktop');
    // As with setup: the server's plain invitation page cannot post from a browser yet (Origin: null).
    const accepted = await p.request.post('/api/v1/invitations/accept', {
      data: { token: new URL(invitation).searchParams.get('token'), password: ASSISTANT.password },
      headers: { Origin: server.baseUrl },
    });
    expect(accepted.status(), await accepted.text()).toBe(200);
    await p.goto('/');
    await p.waitForURL(/\/home/);
    await p.getByRole('heading', { name: 'Hello, Maria' }).waitFor();
    const previous = page;
    page = p;
    try {
      await expectAccessible('assistant-home-empty');
      await p.getByRole('button', { name: 'Log a proactive action' }).click();
      await p.getByLabel(/without being asked/).fill('Rebooked the venue before the price rise');
      await p.getByRole('button', { name: 'Log it' }).click();
      const card = p.locator('.mantine-Card-root', { hasText: 'Proactivity index' });
      await expect
        .poll(async () => (await card.textContent()) ?? '', { timeout: 10_000 })
        .toMatch(/Proactivity index1/);
      await p.getByRole('button', { name: 'Log a proactive action' }).click();
      await p.getByRole('button', { name: 'Log it' }).click();
      await expect
        .poll(async () => (await card.textContent()) ?? '', { timeout: 10_000 })
        .toMatch(/Proactivity index2/);
      await expectAccessible('assistant-home');
    } finally {
      page = previous;
      await mine.close();
    }
  }, 180_000);

  it('excludes an event with a reason and the count moves back', async () => {
    await page.goto(`/w/${ws}/data/events?type=proactive`);
    await page.getByText('Rebooked the venue before the price rise').waitFor();
    await expectAccessible('events');
    await page.getByRole('button', { name: 'Exclude…' }).first().click();
    await page.getByLabel('Reason').fill('Logged twice by mistake');
    await page.getByRole('button', { name: 'Exclude', exact: true }).click();
    await page.getByText('Excluded: Logged twice by mistake').waitFor();
    await page.goto(`/w/${ws}/home`);
    const card = page.locator('.mantine-Card-root', { hasText: 'Proactivity index' });
    await expect
      .poll(async () => (await card.textContent()) ?? '', { timeout: 10_000 })
      .toMatch(/Proactivity index1/);
  }, 180_000);

  it('shows every settings section', async () => {
    for (const section of [
      'workspace',
      'members',
      'assistants',
      'assignments',
      'clients',
      'templates',
      'tokens',
      'audit',
    ]) {
      await page.goto(`/w/${ws}/settings?section=${section}`);
      await expectAccessible(`settings-${section}`);
    }
  }, 180_000);

  it('shows the data screens and the screens that wait for the KPI API', async () => {
    for (const form of ['proactive', 'rating', 'docReview', 'goal', 'manualValue', 'request', 'task']) {
      await page.goto(`/w/${ws}/data/entry?form=${form}`);
      await expectAccessible(`entry-${form}`);
    }
    await page.goto(`/w/${ws}/data/imports`);
    await expectAccessible('imports');
    await page.goto(`/w/${ws}/overview`);
    await expectAccessible('overview');
    await page.goto(`/w/${ws}/kpis/on-time`);
    await expectAccessible('kpi-detail');
  }, 180_000);
});
