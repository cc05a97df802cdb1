/**
 * Where the real export samples live (`../shared/fixtures/real`, beside the repository; see its
 * SOURCES.md). They hold others' personal data and some are copyleft, so tests read them in place
 * and the repository never copies them. Without the folder the tests skip with a notice — except
 * under CI=true, where its absence fails the run.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Absolute path of the real fixtures folder. */
export const REAL_FIXTURES_DIR = resolve(repoRoot, '../shared/fixtures/real');

export const realFixturesAvailable = existsSync(REAL_FIXTURES_DIR);

/** Absolute path of one fixture, e.g. `realFixture('trello', 'x.json')`. */
export function realFixture(...parts: string[]): string {
  return join(REAL_FIXTURES_DIR, ...parts);
}

/** The file names in one fixture folder, sorted. */
export function realFixtureFiles(folder: string, suffix = ''): string[] {
  return readdirSync(join(REAL_FIXTURES_DIR, folder))
    .filter((f) => f.endsWith(suffix))
    .sort();
}

export function readRealFixture(...parts: string[]): Buffer {
  return readFileSync(realFixture(...parts));
}

/** What to do with real-fixture tests: run them, skip them, or fail (CI must have the files). */
export function realFixturesMode(available: boolean, ci: string | undefined): 'run' | 'skip' | 'fail' {
  if (available) return 'run';
  return ci === 'true' ? 'fail' : 'skip';
}

/**
 * `describe` for tests on real fixtures: runs them when the folder exists; otherwise skips with a
 * notice, or fails when CI=true (a CI run must prove the importers on real files).
 */
export function describeRealFixtures(name: string, body: () => void): void {
  const mode = realFixturesMode(realFixturesAvailable, process.env.CI);
  if (mode === 'run') {
    describe(name, body);
    return;
  }
  if (mode === 'fail') {
    describe(name, () => {
      it('needs the real fixtures', () => {
        throw new Error(`real fixtures not found at ${REAL_FIXTURES_DIR} (required when CI=true)`);
      });
    });
    return;
  }
  // Deliberate, and only here: outside CI a checkout without ../shared/fixtures/real skips these
  // suites with the notice above (the fixtures carry others' licences and are never copied in);
  // under CI=true the 'fail' branch above makes their absence a failure instead.
  console.warn(`[real fixtures] ${REAL_FIXTURES_DIR} not found: skipping "${name}"`);
  describe.skip(name, body);
}
