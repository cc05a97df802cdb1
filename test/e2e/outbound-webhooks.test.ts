/**
 * Settings → Webhooks in a real browser against `tandem serve` with its job worker (issue 9 item
 * 5): the owner adds an endpoint pointing at a real receiver on 127.0.0.1, copies the secret shown
 * once, sends a test; the receiver answers 500 the first time, so the delivery log shows the
 * failed attempt and its next try, then the success of the retry with the same webhook-id, whose
 * signature the receiver checks with verify-standard-webhook.ts. A non-http URL is refused in the
 * form. Screens are looked at (desktop and 375 px) with axe.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyStandardWebhook } from '#webhooks/outbound/index';
import { startWebhookReceiver, type WebhookReceiver } from '../server/webhook-receiver.ts';
import { browserSkipReason, launchBrowser } from './harness/browser.ts';
import { lookAt } from './harness/screens.ts';
import { type RunningServer, startServer } from './harness/server.ts';

const skip = browserSkipReason();
const OWNER = { email: 'owner@example.com', password: 'a hook for every event' };

describe.skipIf(skip !== null)('outbound webhooks in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let ctx: BrowserContext;
  let owner: Page;
  let rx: WebhookReceiver;
  let ws = '';

  beforeAll(async () => {
    [server, browser, rx] = await Promise.all([startServer(), launchBrowser(), startWebhookReceiver()]);
    ctx = await browser.newContext({ baseURL: server.baseUrl, timezoneId: 'Europe/Berlin', locale: 'en-GB' });
    owner = await ctx.newPage();
  }, 240_000);

  afterAll(async () => {
    await ctx?.close();
    await browser?.close();
    await server?.stop();
    await rx?.close();
  });

  /** Reloads until `text` shows: the log refreshes by itself only once a minute. */
  const waitWithReload = async (text: RegExp, seconds: number) => {
    const target = owner.getByText(text).first();
    for (let i = 0; i < seconds && !(await target.isVisible()); i++) {
      await owner.waitForTimeout(1000);
      await owner.reload();
      await owner.getByRole('heading', { name: 'Our CRM' }).waitFor();
    }
    if (!(await target.isVisible()))
      throw new Error(
        `${text} never showed; received ${rx.received.length}; page: ${(await owner.locator('main').textContent())?.slice(0, 1500)}\n${server.output().slice(-1500)}`,
      );
  };

  const look = async (name: string) => {
    expect(await lookAt(owner, name)).toEqual({ desktop: [], phone: [] });
  };

  it('adds an endpoint, shows its secret once, and refuses a non-http URL', async () => {
    await owner.goto(server.setupUrl ?? '');
    await owner.getByLabel('Workspace name').fill('Hook agency');
    await owner.getByLabel('Your e-mail').fill(OWNER.email);
    await owner.getByLabel(/^Password/).fill(OWNER.password);
    await owner.getByLabel('The same password again').fill(OWNER.password);
    await owner.getByRole('button', { name: 'Create workspace' }).click();
    await owner.waitForURL(/\/w\/[^/]+\//);
    ws = /\/w\/([^/]+)\//.exec(owner.url())?.[1] ?? '';

    await owner.goto(`/w/${ws}/settings?section=webhooks`);
    await owner.getByText('No endpoints yet').waitFor();
    await owner.getByLabel('Endpoint URL').fill('ftp://example.com/hook');
    await owner.getByRole('button', { name: 'Add endpoint' }).click();
    await owner.getByText(/absolute http\(s\) URL/).waitFor();

    await owner.getByLabel('Endpoint URL').fill(rx.url);
    await owner.getByLabel('Description').fill('Our CRM');
    await owner.getByRole('button', { name: 'Add endpoint' }).click();
    await owner.getByText('Signing secret').waitFor();
    await owner.getByRole('heading', { name: 'Our CRM' }).waitFor();
    await look('webhooks-secret');
  }, 120_000);

  it('sends a test, shows the failed attempt and the retry with the same webhook-id', async () => {
    const secret = ((await owner.locator('pre').first().textContent()) ?? '').trim();
    expect(secret).toMatch(/^whsec_/);
    await owner.getByRole('button', { name: 'Done' }).click();
    await expect(owner.getByText(secret).count()).resolves.toBe(0);

    rx.script = [500];
    await owner.getByRole('button', { name: 'Send test' }).click();
    // The worker polls every second: the log shows the failure, then the retry (the queue's first
    // backoff is 5 s).
    await waitWithReload(/next try/, 20);
    await look('webhooks-retrying');
    await waitWithReload(/^succeeded$/, 30);
    expect(rx.received).toHaveLength(2);
    const [first, second] = rx.received;
    expect(first?.headers['webhook-id']).toBe(second?.headers['webhook-id']);
    const headers = Object.fromEntries(
      Object.entries(second?.headers ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string'),
    );
    expect(
      verifyStandardWebhook({ body: new Uint8Array(second?.body ?? []), headers, secret, now: Date.now() }),
    ).toEqual({ ok: true });
    expect(JSON.parse(second?.body.toString('utf8') ?? '{}')).toMatchObject({ type: 'webhook.test' });
    await owner.getByText(/2 attempts/).waitFor();
    await look('webhooks-delivered');
  }, 120_000);
});
