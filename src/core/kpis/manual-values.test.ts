import { describe, expect, it } from 'vitest';
import type { PreparedRow } from '../metrics/prepared-event.ts';
import { assertManualLabels, manualLabelMismatches } from './manual-values.ts';

const value = (kpi: string, period: string, assistant = 'ava'): PreparedRow => ({
  id: `${kpi}-${period}`,
  assistant,
  client: undefined,
  kind: 'manualValue',
  kpi,
  period,
  value: 1,
});

describe('manual KPI values must be labelled with the KPI period (SPEC §4 manual)', () => {
  const monthly = { id: 'm', assistant: 'ava', metric: 'manual' as const, period: 'month' as const };
  const rows = [value('m', '2026-10'), value('m', '2026-W45'), value('m', '2026-Q4'), value('m', '2026-W45')];

  it('lists the labels of other periods once each, ignoring other KPIs and assistants', () => {
    const others = [value('x', '2026-W01'), value('m', '2026-W02', 'bo')];
    expect(manualLabelMismatches([...rows, ...others], monthly)).toEqual(['2026-Q4', '2026-W45']);
    expect(manualLabelMismatches([value('m', '2026-10')], monthly)).toEqual([]);
  });

  it('refuses them with the labels and the period to use', () => {
    expect(() => assertManualLabels(rows, monthly)).toThrow(
      expect.objectContaining({
        code: 'validation_failed',
        details: { kpi: 'm', period: 'month', labels: ['2026-Q4', '2026-W45'] },
      }),
    );
    // A weekly manual KPI is the default period.
    expect(() =>
      assertManualLabels([value('w', '2026-11')], { id: 'w', assistant: 'ava', metric: 'manual' }),
    ).toThrow(expect.objectContaining({ details: expect.objectContaining({ period: 'week' }) }));
  });

  it('does not apply to other metrics', () => {
    expect(manualLabelMismatches(rows, { ...monthly, metric: 'csat' })).toEqual([]);
  });
});
