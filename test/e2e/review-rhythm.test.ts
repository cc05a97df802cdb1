/**
 * The review rhythm in a real browser against the real server (SPEC §8): the owner (the manager's
 * side) schedules a check-in, writes notes and an action item; the assistant writes their own
 * notes; the next check-in carries the open item until the assistant ticks it done; then a
 * skill gap becomes a development plan whose item the assistant marks done; then a monthly review
 * is opened (showing the plan), commented on and signed by both sides, after which it is locked
 * and its Markdown downloads. Screens are looked at (desktop and 375 px) with axe.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason, launchBrowser } from './harness/browser.ts';
import { lookAt, SCREENSHOT_DIR } from './harness/screens.ts';
import { type RunningServer, startServer } from './harness/server.ts';

const skip = browserSkipReason();
const OWNER = { email: 'owner@example.com', password: 'a long walk to the review' };
const AVA = { email: 'ava@example.com', password: 'ava has a good month' };

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

describe.skipIf(skip !== null)('check-ins and a monthly review in the browser', () => {
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

  it('sets up a workspace with an assistant who joins', async () => {
    await owner.goto(server.setupUrl ?? '');
    await owner.getByLabel('Workspace name').fill('Rhythm agency');
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
    const month = new Date().toISOString().slice(0, 7);
    const survey = await apiCall(owner, 'POST', `workspaces/${ws}/events/survey`, {
      type: 'survey',
      id: 'S1',
      assistant: 'ava',
      respondedAt: `${month}-01T12:00:00Z`,
      score: 5,
      comment: 'Ava keeps everything moving',
    });
    expect(survey.status, survey.text).toBe(201);
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
  }, 240_000);

  it('runs a check-in with notes from both sides and an action item carried forward until done', async () => {
    await owner.goto(`/w/${ws}/checkins?assistant=ava`);
    await owner.getByRole('heading', { name: 'Check-ins — Ava Reyes' }).waitFor();
    await owner.getByText('No check-ins yet').waitFor();
    await look(owner, 'checkins-empty');
    await owner.getByRole('button', { name: 'Schedule check-in' }).click();
    await owner.getByLabel("Manager's notes (yours)").fill('Invoices went out on time all month.');
    await owner.getByRole('button', { name: 'Save my notes' }).click();
    await owner.getByText('Notes saved').waitFor();
    await owner
      .getByRole('textbox', { name: 'New action item' })
      .first()
      .fill('Draft the client onboarding checklist');
    await owner
      .getByRole('combobox', { name: /^Owner/ })
      .first()
      .click();
    await owner.getByRole('option', { name: AVA.email }).click();
    await owner.getByLabel('Due').first().fill('2026-12-31');
    await owner.getByRole('button', { name: 'Add', exact: true }).click();
    await owner.getByText('Draft the client onboarding checklist').waitFor();

    await ava.goto(`/w/${ws}/checkins`);
    await ava.getByText('Invoices went out on time all month.').waitFor();
    await ava.getByLabel("Assistant's notes (yours)").fill('I would like earlier briefs for reports.');
    await ava.getByRole('button', { name: 'Save my notes' }).click();
    await ava.getByText('Notes saved').waitFor();
    // The assistant cannot write the manager's side: it is text, not a field, for them.
    expect(await ava.getByLabel("Manager's notes (yours)").count()).toBe(0);

    await owner.reload();
    await owner.getByText('I would like earlier briefs for reports.').waitFor();
    await owner.getByRole('button', { name: 'Schedule check-in' }).click();
    await owner.getByText('Carried forward until done').waitFor();
    await look(owner, 'checkins');

    await ava.reload();
    const carried = ava.getByRole('checkbox', { name: 'Done: Draft the client onboarding checklist' });
    await carried.first().waitFor();
    // Controlled by the server's answer: it shows ticked once the change is saved.
    await carried.first().click();
    await ava.getByText('Carried forward until done').waitFor({ state: 'detached' });
    await look(ava, 'checkins-assistant');
  }, 240_000);

  it('turns a skill gap into a development plan that both sides follow', async () => {
    // SPEC §8: a rubric criterion rated 2 in each of the last five complete weeks, below the
    // default bar of 4: a skill gap. Noon UTC seven days apart is one rating in each week.
    const day = 86_400_000;
    for (let k = 1; k <= 5; k++) {
      const at = new Date(Math.floor(Date.now() / day) * day - 7 * k * day + day / 2).toISOString();
      const r = await apiCall(owner, 'POST', `workspaces/${ws}/events/rating`, {
        type: 'rating',
        id: `acc-${k}`,
        assistant: 'ava',
        ratedAt: at,
        criteria: { accuracy: 2 },
      });
      expect(r.status, r.text).toBe(201);
    }
    await owner.goto(`/w/${ws}/development?assistant=ava`);
    await owner.getByRole('heading', { name: 'Development — Ava Reyes' }).waitFor();
    await owner.getByRole('heading', { name: 'Rubric: accuracy' }).waitFor();
    await owner.getByText('Below target 5 weeks running', { exact: false }).waitFor();
    await owner.getByText('what support do you need?', { exact: false }).waitFor();
    await look(owner, 'development-gap');
    await owner.getByRole('button', { name: 'Make a development plan' }).click();
    await owner.getByRole('combobox', { name: 'Kind' }).click();
    await owner.getByRole('option', { name: 'Mentoring' }).click();
    await owner.getByLabel('What').fill('Pair on two client reports');
    await owner.getByRole('combobox', { name: 'Owner' }).click();
    await owner.getByRole('option', { name: AVA.email }).click();
    await owner.getByLabel('Due').fill('2026-12-31');
    await owner.getByRole('button', { name: 'Start the plan' }).click();
    await owner.getByRole('heading', { name: 'Grow accuracy' }).waitFor();
    await owner.getByText('Plan under way').waitFor();
    await look(owner, 'development-plan');

    await ava.goto(`/w/${ws}/development`);
    await ava.getByRole('heading', { name: 'Grow accuracy' }).waitFor();
    await ava.getByRole('combobox', { name: 'Status of Pair on two client reports' }).click();
    await ava.getByRole('option', { name: 'Done' }).click();
    await ava.getByText('Progress: 1 of 1 item done').waitFor();
    await look(ava, 'development-assistant');
  }, 240_000);

  it("rates last week's quality sample with the role's rubric", async () => {
    // Two tasks Ava completed in the last complete week: the sample of 3 takes both.
    const day = 86_400_000;
    const lastWeek = new Date(Math.floor(Date.now() / day) * day - 7 * day + day / 2).toISOString();
    for (const id of ['q1', 'q2']) {
      const r = await apiCall(owner, 'POST', `workspaces/${ws}/events/task`, {
        type: 'task',
        id,
        assistant: 'ava',
        title: id === 'q1' ? 'Board pack for Monday' : 'Travel plan for the offsite',
        labels: [],
        createdAt: lastWeek,
        completedAt: lastWeek,
        selfInitiated: false,
        priority: false,
      });
      expect(r.status, r.text).toBe(201);
    }
    await owner.goto(`/w/${ws}/quality?assistant=ava`);
    await owner.getByRole('heading', { name: 'Board pack for Monday' }).waitFor();
    await look(owner, 'quality-sample');
    const card = owner.locator('form').filter({ hasText: 'Accuracy' }).first();
    for (const criterion of ['Accuracy', 'Thoroughness', 'Communication'])
      await card.getByRole('radiogroup', { name: criterion }).getByText('4', { exact: true }).click();
    await card.getByRole('button', { name: 'Save rating' }).click();
    await owner.getByText('Accuracy 4 / 5 · Thoroughness 4 / 5 · Communication 4 / 5').waitFor();
    await ava.goto(`/w/${ws}/quality`);
    await ava.getByText('Accuracy 4 / 5', { exact: false }).waitFor();
    expect(await ava.getByRole('button', { name: 'Save rating' }).count()).toBe(0);
  }, 240_000);

  it('opens a monthly review that both sides sign, which locks it', async () => {
    await owner.goto(`/w/${ws}/reviews?assistant=ava`);
    await owner.getByText('No reviews yet').waitFor();
    await owner.getByRole('button', { name: 'Open review' }).click();
    await owner.getByRole('heading', { name: 'Agenda' }).waitFor();
    await owner.getByText('Ava keeps everything moving', { exact: false }).waitFor();
    await owner.getByText('I would like earlier briefs for reports.', { exact: false }).waitFor();
    // The development plan, its progress beside its measure's movement (SPEC §8).
    await owner.getByText('1 of 1 item done', { exact: false }).waitFor();
    await owner.getByLabel('Your comment').fill('A strong month: thank you.');
    await owner.getByRole('button', { name: 'Add comment' }).click();
    await owner.getByText('A strong month: thank you.').waitFor();
    await owner.getByRole('button', { name: 'Sign off as manager' }).click();
    await owner.getByText('Manager: signed').waitFor();
    await look(owner, 'review-open');

    await ava.goto(`/w/${ws}/reviews`);
    await ava.getByText('A strong month: thank you.').waitFor();
    await ava.getByRole('button', { name: 'Sign off as assistant' }).click();
    await ava.getByText('Signed by both · locked').waitFor();
    expect(await ava.getByLabel('Your comment').count()).toBe(0);
    await ava.getByRole('heading', { name: 'Amendments' }).waitFor();
    await look(ava, 'review-locked');

    const href = await ava.getByRole('link', { name: 'Download as Markdown' }).getAttribute('href');
    const md = await ava.request.get(href ?? '');
    expect(md.status()).toBe(200);
    const text = await md.text();
    expect(text).toContain('# Monthly review — Ava Reyes');
    expect(text).toContain('Signed by both sides and locked');
    expect(text).toContain('A strong month: thank you.');

    // Beside it, the same review as PDF (its content is checked in test/server/review-pdf.test.ts).
    const pdfHref = await ava.getByRole('link', { name: 'Download as PDF' }).getAttribute('href');
    const pdf = await ava.request.get(pdfHref ?? '');
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect(new TextDecoder().decode((await pdf.body()).subarray(0, 5))).toBe('%PDF-');
    // Kept beside the screenshots, so a person can look at the rendered review too.
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    writeFileSync(join(SCREENSHOT_DIR, 'review-signed.pdf'), await pdf.body());
  }, 240_000);
});
