import { describe, expect, it } from 'vitest';
import type { Report } from '#shared/report-schemas';
import { reportSummaryHtml, reportSummaryText } from './report-summary.ts';

const REPORT: Report = {
  scope: 'assistant',
  id: 'a1',
  title: 'Ada <Lovelace>',
  period: 'week',
  requested: { from: '2026-11-04', to: '2026-11-25' },
  range: { from: '2026-11-02', to: '2026-11-29', periods: ['2026-W45', '2026-W46', '2026-W47', '2026-W48'] },
  previousRange: {
    from: '2026-10-05',
    to: '2026-11-01',
    periods: ['2026-W41', '2026-W42', '2026-W43', '2026-W44'],
  },
  asOf: '2026-12-05T12:00:00.000Z',
  assistants: [{ id: 'a1', name: 'Ada <Lovelace>' }],
  kpis: [
    {
      assistant: 'a1',
      assistantName: 'Ada <Lovelace>',
      kpi: 'ot',
      name: 'Tasks on time',
      metric: 'on_time_rate',
      kpiPeriod: 'week',
      direction: 'higher',
      value: 0.8,
      previous: 0.5,
      change: 0.30000000000000004,
      target: 0.9,
      status: 'below',
      series: [],
    },
    {
      assistant: 'a1',
      assistantName: 'Ada <Lovelace>',
      kpi: 'q',
      name: 'Quality',
      metric: 'quality_score',
      kpiPeriod: 'week',
      direction: 'higher',
      value: 4.5,
      previous: null,
      change: null,
      target: null,
      status: null,
      series: [],
    },
  ],
  metrics: [
    {
      metric: 'proactivity',
      name: 'Proactivity index',
      value: 3,
      previous: 4,
      change: -1,
      basis: 2,
      series: [],
    },
  ],
  highlights: [{ assistant: 'a1', at: '2026-11-12T09:00:00Z', description: 'x' }],
  feedback: [],
};

const nb = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');

describe('report summaries', () => {
  it('says each KPI against target with its change, the team lines, and asks about support', () => {
    expect(nb(reportSummaryText(REPORT))).toBe(
      [
        'Report — Ada <Lovelace>',
        '2026-11-02 to 2026-11-29, compared with 2026-10-05 to 2026-11-01',
        '',
        'KPIs:',
        '- Tasks on time (Ada <Lovelace>): 80 %, target 90 % — Below target; change +30 pts',
        '- Quality (Ada <Lovelace>): 4.5 / 5, target —; change —',
        '',
        'All metrics:',
        '- Proactivity index: 3; change −1',
        '',
        '1 KPI is below target: worth asking what support would help.',
        '1 highlight and 0 rating or survey comments in the range.',
        '',
      ].join('\n'),
    );
  });
  it('writes the same in HTML with every name escaped', () => {
    const html = nb(reportSummaryHtml(REPORT));
    expect(html).toContain('<h2>Report — Ada &lt;Lovelace&gt;</h2>');
    expect(html).toContain(
      '<li><strong>Tasks on time (Ada &lt;Lovelace&gt;)</strong>: 80 %, target 90 % — Below target; change +30 pts</li>',
    );
    expect(html).toContain('<li><strong>Proactivity index</strong>: 3; change −1</li>');
    expect(html).not.toContain('<Lovelace>');
  });
  it('says when there are no KPIs', () => {
    const empty = { ...REPORT, kpis: [], metrics: [] };
    expect(reportSummaryText(empty)).toContain('- no active KPIs');
    expect(reportSummaryHtml(empty)).toContain('<p>No active KPIs.</p>');
  });
});
