import { describe, expect, it } from 'vitest';
import { agreeKpi, amendKpi, proposeKpi, proposeReplacement, retireKpi, type Stamp } from './agreement.ts';
import type { Kpi } from './kpi.ts';

const manager = (today = '2026-11-02'): Stamp => ({ by: 'manager', at: `${today}T09:00:00Z`, today });
const assistant = (today = '2026-11-03'): Stamp => ({ by: 'assistant', at: `${today}T10:00:00Z`, today });
const terms = (id: string) => ({
  id,
  assistant: 'ava',
  metric: 'on_time_rate' as const,
  direction: 'higher' as const,
});

function activeKpi(id: string): Kpi {
  const p = proposeKpi(terms(id), manager());
  return agreeKpi(p, assistant(), { others: [] }).kpi;
}

describe('proposeKpi and agreeKpi', () => {
  it('needs both sides: proposed by the manager, active once the assistant agrees', () => {
    const p = proposeKpi(terms('k1'), manager());
    expect(p).toMatchObject({
      status: 'proposed',
      proposedBy: 'manager',
      agreed: { manager: '2026-11-02T09:00:00Z' },
    });
    const { kpi } = agreeKpi(p, assistant(), { others: [] });
    expect(kpi).toMatchObject({
      status: 'active',
      agreedAt: '2026-11-03T10:00:00Z',
      startDate: '2026-11-03',
    });
  });

  it('works the other way round: proposed by the assistant', () => {
    const p = proposeKpi(terms('k1'), assistant('2026-11-02'));
    expect(agreeKpi(p, manager('2026-11-04'), { others: [] }).kpi.startDate).toBe('2026-11-04');
  });

  it('refuses the same side agreeing twice', () => {
    const p = proposeKpi(terms('k1'), manager());
    expect(() => agreeKpi(p, manager(), { others: [] })).toThrow(
      expect.objectContaining({ code: 'conflict', details: { kpi: 'k1', waitingFor: 'assistant' } }),
    );
  });

  it('refuses a sixth active KPI with the reason, and honours a raised limit', () => {
    const five = ['a', 'b', 'c', 'd', 'e'].map(activeKpi);
    const p = proposeKpi(terms('f'), manager());
    expect(() => agreeKpi(p, assistant(), { others: five })).toThrow(
      expect.objectContaining({
        code: 'kpi_limit_reached',
        details: { limit: 5, active: 5 },
        message: expect.stringMatching(/5 active KPIs and the limit is 5/),
      }),
    );
    expect(agreeKpi(p, assistant(), { others: five, limit: 6 }).kpi.status).toBe('active');
  });

  it('refuses a target before the baseline', () => {
    expect(() => proposeKpi({ ...terms('k1'), target: 0.9 }, manager())).toThrow(
      expect.objectContaining({ code: 'baseline_in_progress' }),
    );
  });

  it('refuses a filter the metric cannot take', () => {
    expect(() => proposeKpi({ ...terms('k1'), filter: { channel: 'email' } }, manager())).toThrow(
      expect.objectContaining({ code: 'invalid_filter' }),
    );
  });
});

describe('amendKpi', () => {
  it('asks the other side again after a change', () => {
    const p = proposeKpi(terms('k1'), manager());
    const changed = amendKpi(p, { period: 'month' }, assistant());
    expect(changed.agreed).toEqual({ assistant: '2026-11-03T10:00:00Z' });
    expect(changed.period).toBe('month');
    expect(agreeKpi(changed, manager('2026-11-05'), { others: [] }).kpi.status).toBe('active');
  });
});

describe('retire and replace', () => {
  it('retires an active KPI and nothing twice', () => {
    const r = retireKpi(activeKpi('k1'), manager('2026-12-01'));
    expect(r).toMatchObject({ status: 'retired', retiredAt: '2026-12-01T09:00:00Z' });
    expect(() => retireKpi(r, manager())).toThrow(expect.objectContaining({ code: 'conflict' }));
  });

  it('replaces an active KPI when the replacement is agreed, even at the limit', () => {
    const five = ['a', 'b', 'c', 'd', 'e'].map(activeKpi);
    const old = five[0] as Kpi;
    const p = proposeReplacement(
      old,
      { ...terms('a2'), filter: { category: 'follow-up' } },
      manager('2026-12-01'),
    );
    expect(p.replaces).toBe('a');
    const { kpi, replaced } = agreeKpi(p, assistant('2026-12-02'), { others: five });
    expect(kpi.status).toBe('active');
    expect(replaced).toMatchObject({ id: 'a', status: 'replaced', replacedBy: 'a2' });
  });
});
