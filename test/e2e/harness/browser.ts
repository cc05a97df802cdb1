/**
 * The browser for end-to-end tests: Debian's Chromium driven by playwright-core (no browser
 * download). Without Chromium the suites skip with a clear message, except under CI=true, where
 * `.ci/run` installs it and its absence is a failure.
 */
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.TANDEM_CHROMIUM ?? '/usr/bin/chromium';

/** True when the browser suites can run here. */
export function browserAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

/** Why a browser suite is skipped, or null when it runs; throws under CI when Chromium is missing. */
export function browserSkipReason(): string | null {
  if (browserAvailable()) return null;
  if (process.env.CI === 'true') {
    throw new Error(
      `Chromium is missing at ${CHROMIUM_PATH}; .ci/run installs it (apt-get install chromium).`,
    );
  }
  return `browser tests skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set TANDEM_CHROMIUM)`;
}

/** Launches headless Chromium with the flags that keep it quiet and offline. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-dev-shm-usage',
    ],
  });
}
