/**
 * One line about any §3 event for lists and drill-downs: what it is, its own time, and the
 * numbers it carries. Reads fields defensively: the list answer types events as records.
 */
export const EVENT_TYPE_LABELS: Record<string, string> = {
  task: 'Task',
  request: 'Request',
  rating: 'Rating',
  proactive: 'Proactive action',
  docReview: 'Documentation review',
  goal: 'Goal',
  survey: 'Client survey',
  timeEntry: 'Time entry',
  pulse: 'Pulse',
  dayOff: 'Day off',
  manualValue: 'Manual KPI value',
};

/** The field holding an event type's own time (SPEC §2 "As of"). */
const OWN_TIME: Record<string, string> = {
  task: 'createdAt',
  request: 'receivedAt',
  rating: 'ratedAt',
  proactive: 'occurredAt',
  docReview: 'reviewedAt',
  survey: 'respondedAt',
  timeEntry: 'start',
};

export function str(e: Record<string, unknown>, key: string): string | undefined {
  const v = e[key];
  return typeof v === 'string' && v !== '' ? v : undefined;
}

export function num(e: Record<string, unknown>, key: string): number | undefined {
  const v = e[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** The instant an event happened, when it has one. */
export function ownTime(e: Record<string, unknown>): string | undefined {
  const key = OWN_TIME[str(e, 'type') ?? ''];
  return key ? str(e, key) : undefined;
}

/** A short title: the task's title, the request's sender, the proactive description… */
export function eventTitle(e: Record<string, unknown>): string {
  switch (str(e, 'type')) {
    case 'task':
      return str(e, 'title') ?? 'Task';
    case 'request':
      return `${str(e, 'channel') ?? 'request'}${str(e, 'from') ? ` from ${str(e, 'from')}` : ''}`;
    case 'rating': {
      const score = num(e, 'score');
      return `Rated ${score ?? 'by criteria'}${str(e, 'workRef') ? ` — ${str(e, 'workRef')}` : ''}`;
    }
    case 'proactive':
      return str(e, 'description') ?? 'Proactive action';
    case 'docReview':
      return str(e, 'document') ?? 'Document';
    case 'goal':
      return `${str(e, 'title') ?? 'Goal'} (${str(e, 'period') ?? ''}, ${(str(e, 'status') ?? '').replace('_', ' ')})`;
    case 'survey':
      return `Survey score ${num(e, 'score') ?? '—'}`;
    case 'timeEntry':
      return str(e, 'project') ?? 'Time entry';
    case 'dayOff':
      return `Day off ${str(e, 'date') ?? ''}${str(e, 'reason') ? ` — ${str(e, 'reason')}` : ''}`;
    case 'manualValue':
      return `${str(e, 'kpi') ?? 'KPI'} ${str(e, 'period') ?? ''}: ${num(e, 'value') ?? '—'}`;
    case 'pulse':
      return `Pulse ${str(e, 'week') ?? ''}`;
    default:
      return str(e, 'id') ?? 'Event';
  }
}
