/**
 * Looking at a screen the way a person would: screenshots at a desktop and a 375 px phone width
 * into artifacts/screenshots/, and axe-core's accessibility check (no serious or critical
 * violation allowed).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { REPO } from './server.ts';

export const SCREENSHOT_DIR = join(REPO, 'artifacts', 'screenshots');

export const VIEWPORTS = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 375, height: 812 },
} as const;

export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** Serious and critical axe violations on the page as it is now. */
export async function seriousViolations(page: Page): Promise<AxeFinding[]> {
  // Legacy mode runs axe in the page itself; the default opens an extra page per check, which is slow.
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .setLegacyMode(true)
    // Only violations are read: skipping the passes' and incomplete checks' details halves the time.
    .options({ resultTypes: ['violations'] })
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact ?? '',
      help: v.help,
      targets: v.nodes.map((n) => `${n.target.join(' ')} ${n.html.slice(0, 160)}`),
    }));
}

/** Saves `<name>-<viewport>.png` (full page) and returns its path. */
export async function screenshot(
  page: Page,
  name: string,
  viewport: keyof typeof VIEWPORTS,
): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}-${viewport}.png`);
  // A toast from the last action would cover the header in every picture; axe still sees it.
  await page.screenshot({
    path,
    fullPage: true,
    animations: 'disabled',
    style: '.mantine-Notifications-root { visibility: hidden !important; }',
  });
  return path;
}

/** Waits until the app has rendered a screen: an h1, and no loading indicator left. */
export async function settled(page: Page): Promise<void> {
  await page.locator('h1').first().waitFor({ state: 'visible', timeout: 15_000 });
  await page
    .locator('[role="status"][aria-live="polite"]')
    .first()
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => undefined);
}

/**
 * Shows the current screen at both widths: screenshots and axe at each. Returns the axe findings
 * by viewport so the test can assert on all of them at once.
 */
export async function lookAt(page: Page, name: string): Promise<Record<string, AxeFinding[]>> {
  const findings: Record<string, AxeFinding[]> = {};
  // Judge the screen at rest, not the button the pointer last pressed; from the top, because a
  // full-page picture of a scrolled page draws the fixed header halfway down.
  await page.mouse.move(0, 0);
  await page.evaluate(() => window.scrollTo(0, 0));
  for (const viewport of ['desktop', 'phone'] as const) {
    await page.setViewportSize(VIEWPORTS[viewport]);
    await settled(page).catch(async (e: unknown) => {
      await screenshot(page, `${name}-failure`, viewport);
      throw e;
    });
    await screenshot(page, name, viewport);
    findings[viewport] = await seriousViolations(page);
  }
  await page.setViewportSize(VIEWPORTS.desktop);
  return findings;
}
