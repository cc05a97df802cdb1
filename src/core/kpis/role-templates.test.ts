import { describe, expect, it } from 'vitest';
import { isActivityMetric } from './activity-metrics.ts';
import { proposeKpi } from './agreement.ts';
import { ROLE_IDS, ROLE_TEMPLATES, roleTemplate, templateKpiTerms } from './role-templates.ts';

describe('ROLE_TEMPLATES', () => {
  it.each([
    ['executive_assistant', 30],
    ['virtual_assistant', 60],
    ['marketing_coordinator', 120],
    ['operations_assistant', 120],
    ['customer_service', 60],
  ] as const)('gives %s a response benchmark of %i working minutes', (role, minutes) => {
    expect(ROLE_TEMPLATES[role].responseBenchmarkMinutes).toBe(minutes);
  });

  it('suggests 3–5 outcome KPIs per role, none of them an activity metric', () => {
    for (const id of ROLE_IDS) {
      const t = ROLE_TEMPLATES[id];
      expect(t.kpis.length).toBeGreaterThanOrEqual(3);
      expect(t.kpis.length).toBeLessThanOrEqual(5);
      expect(t.kpis.some((k) => isActivityMetric(k.metric))).toBe(false);
      expect(t.rubric).toHaveLength(3);
    }
  });

  it('holds the filtered variants of SPEC §4', () => {
    expect(
      ROLE_TEMPLATES.executive_assistant.kpis.find((k) => k.key === 'follow_up_closure_rate'),
    ).toMatchObject({
      metric: 'on_time_rate',
      filter: { category: 'follow-up' },
    });
    expect(
      ROLE_TEMPLATES.marketing_coordinator.kpis.find((k) => k.key === 'campaign_delivery_timeliness'),
    ).toMatchObject({ metric: 'on_time_rate', filter: { category: 'campaign' } });
  });

  it('shows issues resolved for customer service as activity only', () => {
    expect(ROLE_TEMPLATES.customer_service.activity.map((k) => k.metric)).toEqual(['issues_resolved']);
    expect(ROLE_TEMPLATES.customer_service.kpis.map((k) => k.metric)).toEqual([
      'response_time',
      'csat',
      'quality_score',
      'on_time_rate',
    ]);
  });
});

describe('roleTemplate', () => {
  it('reads the role loosely', () => {
    expect(roleTemplate('Executive assistant')?.id).toBe('executive_assistant');
    expect(roleTemplate('customer-service')?.id).toBe('customer_service');
    expect(roleTemplate('astronaut')).toBeNull();
    expect(roleTemplate(undefined)).toBeNull();
  });
});

describe('templateKpiTerms', () => {
  it('gives terms every one of which can be proposed', () => {
    for (const id of ROLE_IDS) {
      const terms = templateKpiTerms(ROLE_TEMPLATES[id], 'ava', (key) => `ava-${key}`);
      for (const t of terms)
        expect(proposeKpi(t, { by: 'manager', at: '2026-11-02T09:00:00Z', today: '2026-11-02' }).status).toBe(
          'proposed',
        );
    }
  });
});
