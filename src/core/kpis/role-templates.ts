/**
 * Role templates (SPEC §9) as data: the KPIs to suggest in week 1 (SPEC §8), the quality rubric's
 * criteria and the response benchmark in working minutes. Filtered variants are on_time_rate with a
 * task category: follow-up closure rate (`follow-up`), campaign delivery timeliness (`campaign`).
 */
import type { MetricFilter } from '../metrics/metric-registry.ts';
import type { Period } from '../time/calendar.ts';
import type { KpiTerms } from './agreement.ts';
import type { Direction, KpiMetric } from './kpi-definition.ts';

export const ROLE_IDS = [
  'executive_assistant',
  'virtual_assistant',
  'marketing_coordinator',
  'operations_assistant',
  'customer_service',
] as const;
export type RoleId = (typeof ROLE_IDS)[number];

export interface TemplateKpi {
  /** Stable key within the template, e.g. `follow_up_closure_rate`. */
  key: string;
  name: string;
  metric: KpiMetric;
  filter?: MetricFilter;
  direction: Direction;
  period?: Period;
}

export interface RoleTemplate {
  id: RoleId;
  name: string;
  /** Proposed when an assistant is created from the template. */
  kpis: readonly TemplateKpi[];
  /** Shown as activity metrics, never proposed (SPEC §9 customer service). */
  activity: readonly TemplateKpi[];
  /** Quality rubric criteria, rated 1–5 in rating events' `criteria`. */
  rubric: readonly string[];
  /** Mean first response above this, two weeks running, raises response_over_benchmark (SPEC §7). */
  responseBenchmarkMinutes: number;
}

const onTime: TemplateKpi = {
  key: 'on_time_rate',
  name: 'Task completion rate',
  metric: 'on_time_rate',
  direction: 'higher',
};
const quality: TemplateKpi = {
  key: 'quality_score',
  name: 'Quality score',
  metric: 'quality_score',
  direction: 'higher',
};
const response: TemplateKpi = {
  key: 'response_time',
  name: 'Response time (working minutes)',
  metric: 'response_time',
  direction: 'lower',
};
const proactivity: TemplateKpi = {
  key: 'proactivity',
  name: 'Proactivity index',
  metric: 'proactivity',
  direction: 'higher',
};
const csat: TemplateKpi = { key: 'csat', name: 'Client satisfaction', metric: 'csat', direction: 'higher' };

export const ROLE_TEMPLATES: Record<RoleId, RoleTemplate> = {
  executive_assistant: {
    id: 'executive_assistant',
    name: 'Executive assistant',
    kpis: [
      onTime,
      quality,
      response,
      proactivity,
      {
        key: 'follow_up_closure_rate',
        name: 'Follow-up closure rate',
        metric: 'on_time_rate',
        filter: { category: 'follow-up' },
        direction: 'higher',
      },
    ],
    activity: [],
    rubric: ['calendar accuracy', 'document formatting', 'meeting follow-up completeness'],
    responseBenchmarkMinutes: 30,
  },
  virtual_assistant: {
    id: 'virtual_assistant',
    name: 'Virtual assistant',
    kpis: [onTime, quality, response, proactivity, csat],
    activity: [],
    rubric: ['accuracy', 'thoroughness', 'communication'],
    responseBenchmarkMinutes: 60,
  },
  marketing_coordinator: {
    id: 'marketing_coordinator',
    name: 'Marketing coordinator',
    kpis: [
      onTime,
      quality,
      {
        key: 'campaign_delivery_timeliness',
        name: 'Campaign delivery timeliness',
        metric: 'on_time_rate',
        filter: { category: 'campaign' },
        direction: 'higher',
      },
      proactivity,
      {
        key: 'goal_alignment',
        name: 'Goal alignment',
        metric: 'goal_alignment',
        direction: 'higher',
        period: 'month',
      },
    ],
    activity: [],
    rubric: ['brand adherence', 'error-free copy', 'on-time delivery'],
    responseBenchmarkMinutes: 120,
  },
  operations_assistant: {
    id: 'operations_assistant',
    name: 'Operations assistant',
    kpis: [
      onTime,
      quality,
      response,
      {
        key: 'doc_quality',
        name: 'Documentation & handoff quality',
        metric: 'doc_quality',
        direction: 'higher',
        period: 'month',
      },
      proactivity,
    ],
    activity: [],
    rubric: ['accuracy', 'documentation completeness', 'handoff clarity'],
    responseBenchmarkMinutes: 120,
  },
  customer_service: {
    id: 'customer_service',
    name: 'Customer service',
    kpis: [response, csat, { ...quality, name: 'Quality score (accuracy of responses)' }, onTime],
    activity: [
      {
        key: 'issues_resolved',
        name: 'Issues resolved',
        metric: 'issues_resolved',
        filter: { category: 'issue' },
        direction: 'higher',
      },
    ],
    rubric: ['accuracy', 'tone', 'resolution'],
    responseBenchmarkMinutes: 60,
  },
};

/** The template for an assistant's role, read loosely (`Executive assistant`, `executive-assistant`); null if none. */
export function roleTemplate(role: string | undefined | null): RoleTemplate | null {
  if (!role) return null;
  const key = role
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  return (ROLE_IDS as readonly string[]).includes(key) ? ROLE_TEMPLATES[key as RoleId] : null;
}

/** The KPI terms a template proposes for an assistant; `makeId` names each from its template key. */
export function templateKpiTerms(
  template: RoleTemplate,
  assistant: string,
  makeId: (key: string) => string,
): KpiTerms[] {
  return template.kpis.map((k) => ({
    id: makeId(k.key),
    assistant,
    metric: k.metric,
    direction: k.direction,
    ...(k.filter ? { filter: k.filter } : {}),
    ...(k.period ? { period: k.period } : {}),
  }));
}
