import { describe, expect, it } from 'vitest';
import { realFixturesMode } from './real-fixtures.ts';

describe('realFixturesMode', () => {
  it('runs the tests when the fixtures are there, CI or not', () => {
    expect(realFixturesMode(true, undefined)).toBe('run');
    expect(realFixturesMode(true, 'true')).toBe('run');
  });

  it('skips them without the fixtures outside CI, and fails under CI=true', () => {
    expect(realFixturesMode(false, undefined)).toBe('skip');
    expect(realFixturesMode(false, 'false')).toBe('skip');
    expect(realFixturesMode(false, 'true')).toBe('fail');
  });
});
