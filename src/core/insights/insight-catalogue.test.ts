import { describe, expect, it } from 'vitest';
import type { Insight } from './insight.ts';
import { INSIGHT_IDS } from './insight.ts';
import { CATALOGUED, describeInsight, SUPPORT_QUESTION } from './insight-catalogue.ts';

const base = { assistant: 'ava', kpi: 'k1' };

/** One insight of every id, as the rules return them. */
const EXAMPLES: Insight[] = [
  {
    ...base,
    id: 'completion_low',
    severity: 'attention',
    data: { period: '2026-W47', value: 0.7, onTime: 7, late: 3, threshold: 0.75 },
  },
  {
    ...base,
    id: 'month_one',
    severity: 'info',
    data: { startDate: '2026-11-02', until: '2026-11-29', healthyFrom: 0.85, healthyTo: 0.9, target: null },
  },
  {
    ...base,
    id: 'raise_bar',
    severity: 'positive',
    data: {
      target: 0.9,
      months: [
        { period: '2026-08', value: 0.92, target: 0.9 },
        { period: '2026-09', value: 0.95, target: 0.9 },
        { period: '2026-10', value: 0.91, target: 0.9 },
      ],
    },
  },
  {
    ...base,
    id: 'too_many',
    severity: 'info',
    data: { count: 7, active: 5, proposed: 2, recommendedMax: 5 },
  },
  {
    ...base,
    id: 'activity_metric',
    severity: 'info',
    data: {
      metric: 'tasks_completed',
      name: 'Tasks completed',
      counterpart: 'on_time_rate',
      counterpartName: 'Task completion rate',
      because: 'finishing what was promised matters more',
    },
  },
  {
    ...base,
    id: 'quality_declining',
    severity: 'attention',
    data: { metric: 'quality_score', slope: -0.2, p: 0.01, from: '2026-W40', to: '2026-W47' },
  },
  {
    ...base,
    id: 'category_delays',
    severity: 'attention',
    data: {
      category: 'invoices',
      rate: 0.6,
      overall: 0.85,
      gapPoints: 25,
      onTime: 6,
      late: 4,
      from: '2026-W44',
      to: '2026-W47',
    },
  },
  {
    ...base,
    id: 'response_over_benchmark',
    severity: 'attention',
    data: {
      role: 'executive_assistant',
      benchmarkMinutes: 30,
      weeks: [
        { period: '2026-W46', value: 41 },
        { period: '2026-W47', value: 38 },
      ],
    },
  },
  {
    ...base,
    id: 'baseline_ready',
    severity: 'info',
    data: {
      baselineEnds: '2026-11-15',
      baseline: 0.7,
      suggestedTarget: 0.775,
      rule: 'baseline + 25 % of the gap to 100 %',
    },
  },
  {
    ...base,
    id: 'review_due',
    severity: 'info',
    data: { kind: 'check_in', dueOn: '2026-11-16', agreedOn: '2026-11-02', lastHeld: null },
  },
  {
    ...base,
    id: 'signal',
    severity: 'attention',
    data: {
      period: '2026-W47',
      rule: 'outside',
      side: 'below',
      favourable: false,
      value: 0.3,
      centre: 0.85,
      lower: 0.6,
      upper: 1,
    },
  },
  {
    ...base,
    id: 'signal',
    severity: 'positive',
    data: {
      period: '2026-W47',
      rule: 'run',
      side: 'above',
      favourable: true,
      value: 0.95,
      centre: 0.85,
      lower: 0.6,
      upper: 1,
    },
  },
];

describe('describeInsight', () => {
  it('covers every SPEC §7 insight', () => {
    expect([...CATALOGUED].sort()).toEqual([...INSIGHT_IDS].sort());
    expect(new Set(EXAMPLES.map((e) => e.id))).toEqual(new Set(INSIGHT_IDS));
  });

  it.each(EXAMPLES.map((e) => [e.id, e.severity, e] as const))(
    'words %s (%s) with the support question first exactly when it is below target',
    (_id, severity, insight) => {
      const { title, message } = describeInsight(insight, 'Task completion rate');
      expect(title.length).toBeGreaterThan(0);
      expect(message.startsWith(SUPPORT_QUESTION)).toBe(severity === 'attention');
    },
  );

  it('never sounds punitive', () => {
    const punitive = /\b(fail|failed|failure|poor|bad|blame|fault|underperform\w*|warning|penalt\w*|must)\b/i;
    for (const e of EXAMPLES) {
      const { title, message } = describeInsight(e);
      expect(`${title} ${message}`).not.toMatch(punitive);
    }
  });

  it('puts the numbers in plain words', () => {
    const text = describeInsight(EXAMPLES[0] as Insight).message;
    expect(text).toBe(
      'What support do you need? 70 % of tasks due in 2026-W47 were done on time (7 of 10). When this happens the cause is usually unclear expectations or more work than the week can hold. Review the briefs and the load together before anything else.',
    );
    expect(describeInsight(EXAMPLES[8] as Insight, 'Task completion rate').message).toContain('0.78');
  });
});

describe('describeInsight values', () => {
  const raiseBar = (target: number): Insight => ({
    ...base,
    id: 'raise_bar',
    severity: 'positive',
    data: { target, months: [{ period: '2026-10', value: target, target }] },
  });

  it('writes a rate target as a percentage and a response-time target in hours and minutes', () => {
    // 0.9 of tasks on time reads 90 %; 90 working minutes read 1 h 30 min; a score stays a number.
    expect(describeInsight(raiseBar(0.9), 'On time', 'rate').message).toContain('target of 90 %');
    expect(describeInsight(raiseBar(90), 'Response', 'minutes').message).toContain('target of 1 h 30 min');
    expect(describeInsight(raiseBar(4.25), 'Quality', 'score').message).toContain('target of 4.25');
  });

  it('writes the healthy first-month range once with its unit', () => {
    const text = describeInsight(EXAMPLES[1] as Insight, 'On time', 'rate').message;
    expect(text).toContain('85–90 % on-time completion');
  });
});
