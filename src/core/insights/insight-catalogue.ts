/**
 * The words of every insight (SPEC §7), in one place: plain language, a coaching tone, never
 * punitive. Every insight about something below where it should be opens with "What support do
 * you need?" before anything else.
 */
import { isMetricId, METRICS } from '../metrics/metric-registry.ts';
import type { Insight, InsightId } from './insight.ts';

export const SUPPORT_QUESTION = 'What support do you need?';

export interface InsightText {
  title: string;
  message: string;
}

const pct = (v: number): string => `${Math.round(v * 1000) / 10} %`;
const num = (v: number): string => String(Math.round(v * 100) / 100);

/** How a KPI's values read: its metric's scale (SPEC §4), so a rate target reads "80 %", not 0.8. */
export type ValueScale = 'rate' | 'score' | 'minutes' | 'count';

function minutes(v: number): string {
  const m = Math.round(v);
  if (m < 60) return `${m} min`;
  return m % 60 === 0 ? `${m / 60} h` : `${Math.floor(m / 60)} h ${m % 60} min`;
}

/** The scale of a KPI's metric; undefined for a manual KPI (its values are the team's own). */
export function valueScaleOf(metric: string): ValueScale | undefined {
  return isMetricId(metric) ? METRICS[metric].scale : undefined;
}

function valueIn(v: number, scale: ValueScale | undefined): string {
  if (scale === 'rate') return pct(v);
  if (scale === 'minutes') return minutes(v);
  return num(v);
}
const REVIEW_NAMES = {
  check_in: 'biweekly check-in',
  monthly_review: 'monthly review',
  quarterly_review: 'quarterly relevance review',
} as const;

/** True for insights about something below where it should be: they open with the support question. */
export function isBelowTarget(insight: Insight): boolean {
  return insight.severity === 'attention';
}

function words(i: Insight, kpiName: string, scale: ValueScale | undefined): InsightText {
  switch (i.id) {
    case 'completion_low':
      return {
        title: 'On-time completion dipped last week',
        message: `${pct(i.data.value)} of tasks due in ${i.data.period} were done on time (${i.data.onTime} of ${i.data.onTime + i.data.late}). When this happens the cause is usually unclear expectations or more work than the week can hold. Review the briefs and the load together before anything else.`,
      };
    case 'month_one':
      return {
        title: 'Month one: a realistic start',
        message: `Until ${i.data.until}, ${kpiName} is in its first month. ${Math.round(i.data.healthyFrom * 100)}–${pct(i.data.healthyTo)} on-time completion is healthy at this stage; aiming for 100 % from day one sets both of you up for frustration.`,
      };
    case 'raise_bar':
      return {
        title: 'Time to raise the bar',
        message: `${kpiName} met its target of ${valueIn(i.data.target, scale)} in ${i.data.months.map((m) => m.period).join(', ')}. Well done. Consider raising the target together, or replacing this KPI with a higher-order one that stretches the role.`,
      };
    case 'too_many':
      return {
        title: 'Five KPIs are enough',
        message: `There are ${i.data.count} KPIs proposed or active. Three to five keep the focus on what matters most; choose the ones you both care about and let the others go.`,
      };
    case 'activity_metric':
      return {
        title: `${i.data.name} is an activity metric`,
        message: `${i.data.name} counts effort, not results. Consider ${i.data.counterpartName} instead: ${i.data.because}.`,
      };
    case 'quality_declining':
      return {
        title: 'Quality is trending down',
        message: `${kpiName} has been declining from ${i.data.from} to ${i.data.to}. Look together at training, the rubric and the briefs — a slipping score usually points to one of them.`,
      };
    case 'category_delays':
      return {
        title: `"${i.data.category}" tasks run late more often`,
        message: `Over ${i.data.from}–${i.data.to}, ${pct(i.data.rate)} of "${i.data.category}" tasks were on time against ${pct(i.data.overall)} overall. It may be the workflow rather than the work: re-evaluate how these tasks arrive, are briefed and are scheduled.`,
      };
    case 'response_over_benchmark':
      return {
        title: 'Replies are taking longer than the benchmark',
        message: `Mean first response was ${i.data.weeks.map((w) => `${Math.round(w.value)} min in ${w.period}`).join(' and ')}, above the ${i.data.benchmarkMinutes} working minutes suggested for the role. Check the load and the channels: too many inboxes or too much deep work can both do this.`,
      };
    case 'baseline_ready':
      return {
        title: 'Baseline complete: set a target together',
        message:
          i.data.suggestedTarget === null
            ? `The baseline of ${kpiName} ended on ${i.data.baselineEnds}, without enough data for a suggestion. Agree a first target together.`
            : `The baseline of ${kpiName} ended on ${i.data.baselineEnds} at ${valueIn(i.data.baseline ?? 0, scale)}. A realistic first target is ${valueIn(i.data.suggestedTarget, scale)} (${i.data.rule}); agree it or change it together.`,
      };
    case 'review_due':
      return {
        title: `The ${REVIEW_NAMES[i.data.kind]} is due`,
        message: `The ${REVIEW_NAMES[i.data.kind]} was due on ${i.data.dueOn}. Schedule it: a regular conversation is what turns numbers into progress.`,
      };
    case 'signal':
      return {
        title: i.data.favourable ? `${kpiName} moved in the right direction` : `${kpiName} changed`,
        message:
          i.data.rule === 'outside'
            ? `${i.data.period} is ${i.data.side} the usual range of ${kpiName}. Something changed; talk about what it was${i.data.favourable ? ' and how to keep it' : ''}.`
            : `${kpiName} has stayed ${i.data.side} its usual level for 8 periods up to ${i.data.period}. Something changed; talk about what it was${i.data.favourable ? ' and how to keep it' : ''}.`,
      };
  }
}

/**
 * The title and message of an insight; `kpiName` names its KPI (default: "this KPI") and `scale`
 * is its metric's, so its values read in the KPI's own unit.
 */
export function describeInsight(insight: Insight, kpiName = 'this KPI', scale?: ValueScale): InsightText {
  const text = words(insight, kpiName, scale);
  return isBelowTarget(insight) ? { ...text, message: `${SUPPORT_QUESTION} ${text.message}` } : text;
}

/** The ids the catalogue covers (all of SPEC §7). */
export const CATALOGUED: readonly InsightId[] = [
  'completion_low',
  'month_one',
  'raise_bar',
  'too_many',
  'activity_metric',
  'quality_declining',
  'category_delays',
  'response_over_benchmark',
  'baseline_ready',
  'review_due',
  'signal',
];
