/**
 * Every screen of the web app opens from a deep link, at desktop and 375 px widths, with no
 * serious or critical accessibility violation, and shows its loading, empty or error state
 * rather than a blank page when the data is not there. Screenshots go to artifacts/screenshots/.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason, launchBrowser } from './harness/browser.ts';
import { lookAt } from './harness/screens.ts';
import { type RunningServer, startServer } from './harness/server.ts';

const skip = browserSkipReason();
if (skip) console.warn(skip);

/** Screens reachable without a session, with their screenshot names. */
const PUBLIC_SCREENS: Array<[string, string]> = [
  ['/sign-in', 'sign-in'],
  ['/forgot-password', 'forgot-password'],
  ['/no-such-page', 'not-found'],
  // The link pages opened without their token say what to do instead of failing.
  ['/set-password', 'set-password-no-link'],
  ['/invite', 'invitation-no-link'],
];

describe.skipIf(skip !== null)('web app shell', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    context = await browser.newContext({
      baseURL: server.baseUrl,
      timezoneId: 'Europe/Berlin',
      locale: 'en-GB',
    });
    page = await context.newPage();
  }, 240_000);

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.stop();
  });

  it.each(PUBLIC_SCREENS)('opens %s and passes axe at both widths', async (path, name) => {
    await page.goto(path);
    const findings = await lookAt(page, name);
    expect(findings).toEqual({ desktop: [], phone: [] });
  });

  it('serves hashed assets with a long cache and deep links with the app', async () => {
    const html = await fetch(`${server.baseUrl}/w/acme/overview`);
    expect(html.status).toBe(200);
    const body = await html.text();
    const asset = /<script[^>]* src="(\/assets\/[^"]+\.js)"/.exec(body)?.[1];
    expect(asset).toBeDefined();
    const js = await fetch(`${server.baseUrl}${asset}`);
    expect(js.headers.get('cache-control')).toContain('immutable');
  });
});
