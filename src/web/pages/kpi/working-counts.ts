/**
 * The engine's counts behind one period (SPEC §12 fields of GET /metrics) in words and numbers
 * for people: `on time 11`, `median 1 h 25 min`, `mean score 3.67 / 5`, `tracked hours 12.5 h` —
 * never a field name or a float like `3.6666666666666665`.
 */
import {
  formatCount,
  formatHours,
  formatMinutes,
  formatPlain,
  formatScore,
} from '../../format/format-number.ts';

type Kind = 'count' | 'minutes' | 'score' | 'hours';

const FIELDS: Record<string, { label: string; kind: Kind }> = {
  onTime: { label: 'on time', kind: 'count' },
  late: { label: 'late', kind: 'count' },
  pending: { label: 'pending', kind: 'count' },
  median: { label: 'median', kind: 'minutes' },
  p90: { label: '9 in 10 within', kind: 'minutes' },
  answered: { label: 'answered', kind: 'count' },
  unanswered: { label: 'unanswered', kind: 'count' },
  met: { label: 'met', kind: 'count' },
  partiallyMet: { label: 'partly met', kind: 'count' },
  notMet: { label: 'not met', kind: 'count' },
  mean: { label: 'mean score', kind: 'score' },
  priorityHours: { label: 'priority hours', kind: 'hours' },
  totalHours: { label: 'tracked hours', kind: 'hours' },
};

/** What `count` counts for each metric that has one. */
const COUNT_NOUN: Record<string, string> = {
  quality_score: 'ratings',
  doc_quality: 'reviews',
  csat: 'responses',
};

/** `partiallyMet` → `partially met`, for a field this file does not know yet. */
const words = (key: string): string => key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();

/** One count field's value as people read it; a missing value is a dash, never 0. */
export function formatWorkingField(key: string, value: unknown): string {
  const v = typeof value === 'number' && Number.isFinite(value) ? value : null;
  switch (FIELDS[key]?.kind) {
    case 'count':
      return formatCount(v === null ? null : Math.round(v));
    case 'minutes':
      return formatMinutes(v);
    case 'score':
      return formatScore(v, { decimals: 2 });
    case 'hours':
      return formatHours(v);
    default:
      return key === 'count' ? formatCount(v === null ? null : Math.round(v)) : formatPlain(v);
  }
}

export interface WorkingCount {
  key: string;
  label: string;
  shown: string;
}

/** The record's count fields (not its value or identifiers), labelled and formatted, in order. */
export function workingCounts(metric: string, record: Record<string, unknown>): WorkingCount[] {
  return Object.entries(record)
    .filter(([k]) => !['assistant', 'metric', 'period', 'value'].includes(k))
    .map(([key, v]) => ({
      key,
      label: key === 'count' ? (COUNT_NOUN[metric] ?? 'counted') : (FIELDS[key]?.label ?? words(key)),
      shown: formatWorkingField(key, v),
    }));
}
