import { describe, expect, it } from 'vitest';
import { assertCanActivate } from './kpi-limit.ts';

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
