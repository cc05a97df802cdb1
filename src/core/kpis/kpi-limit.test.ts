import { describe, expect, it } from 'vitest';
import { assertActiveKpiLimit, assertCanActivate } from './kpi-limit.ts';

describe('assertCanActivate', () => {
  it('allows a fifth and refuses a sixth by default', () => {
    expect(() => assertCanActivate(4)).not.toThrow();
    expect(() => assertCanActivate(5)).toThrow(expect.objectContaining({ code: 'kpi_limit_reached' }));
  });
  it('follows a raised workspace limit', () => {
    expect(() => assertCanActivate(5, 7)).not.toThrow();
    expect(() => assertCanActivate(7, 7)).toThrow(
      expect.objectContaining({ details: { limit: 7, active: 7 } }),
    );
  });
});

describe('assertActiveKpiLimit', () => {
  it('takes whole numbers from 5 to 20: the workspace may raise the limit, not lower it (SPEC §5)', () => {
    for (const ok of [5, 6, 20]) expect(() => assertActiveKpiLimit(ok)).not.toThrow();
    for (const bad of [4, 21, 5.5, Number.NaN])
      expect(() => assertActiveKpiLimit(bad)).toThrow(expect.objectContaining({ code: 'validation_failed' }));
  });
});
