/**
 * The normalized events every source is turned into (SPEC §3) and the assistant line of the
 * compute contract (SPEC §12). Instants are ISO-8601 strings with an offset or Z; local dates
 * are `YYYY-MM-DD`. These are the shapes stored, exchanged and computed on.
 */

/** Fields any event may carry beside its own (SPEC §3). */
export interface EventCommon {
  id: string;
  assistant: string;
  /** Where the event came from, e.g. `trello`. */
  source?: string;
  /** The id of the record in that source; with `source` it forms the storage key. */
  externalId?: string;
  /** The client the work was for. */
  client?: string;
  /** A reason agreed by both sides: the event stays on record but no metric counts it. */
  excluded?: string;
}

export interface TaskEvent extends EventCommon {
  type: 'task';
  title: string;
  category?: string;
  labels: string[];
  createdAt: string;
  assignedAt?: string;
  /** An instant deadline; never together with `dueDate`. */
  due?: string;
  /** A date-only deadline: by the end of that local day (SPEC §2). */
  dueDate?: string;
  completedAt?: string;
  cancelledAt?: string;
  selfInitiated: boolean;
  priority: boolean;
}

export const REQUEST_CHANNELS = ['email', 'slack', 'teams', 'ticket', 'other'] as const;
export type RequestChannel = (typeof REQUEST_CHANNELS)[number];

export interface RequestEvent extends EventCommon {
  type: 'request';
  channel: RequestChannel;
  threadKey?: string;
  from?: string;
  receivedAt: string;
  firstResponseAt?: string;
}

export interface RatingEvent extends EventCommon {
  type: 'rating';
  ratedAt: string;
  rater?: string;
  workRef?: string;
  /** Either a score 1–5 or criteria {name: 1–5}; the criteria's mean is then the score. */
  score?: number;
  criteria?: Record<string, number>;
  comment?: string;
}

export interface ProactiveEvent extends EventCommon {
  type: 'proactive';
  occurredAt: string;
  description: string;
  confirmedBy?: string;
}

export interface DocReviewEvent extends EventCommon {
  type: 'docReview';
  reviewedAt: string;
  document: string;
  clarity: number;
  completeness: number;
}

export const GOAL_STATUSES = ['open', 'met', 'partially_met', 'not_met'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

export interface GoalEvent extends EventCommon {
  type: 'goal';
  /** `2026-11` or `2026-Q4`. */
  period: string;
  title: string;
  status: GoalStatus;
}

export interface SurveyEvent extends EventCommon {
  type: 'survey';
  respondedAt: string;
  score: number;
  comment?: string;
  respondent?: string;
}

export interface TimeEntryEvent extends EventCommon {
  type: 'timeEntry';
  start: string;
  end: string;
  project?: string;
  tags: string[];
  priority: boolean;
}

export interface PulseEvent extends EventCommon {
  type: 'pulse';
  /** ISO week label, e.g. `2026-W47`. */
  week: string;
  score: number;
  comment?: string;
  /** Private unless shared (SPEC §11). */
  shared: boolean;
}

export interface DayOffEvent extends EventCommon {
  type: 'dayOff';
  date: string;
  reason?: string;
}

export interface ManualValueEvent extends EventCommon {
  type: 'manualValue';
  kpi: string;
  /** `2026-W47`, `2026-11` or `2026-Q4`. */
  period: string;
  value: number;
}

export type TandemEvent =
  | TaskEvent
  | RequestEvent
  | RatingEvent
  | ProactiveEvent
  | DocReviewEvent
  | GoalEvent
  | SurveyEvent
  | TimeEntryEvent
  | PulseEvent
  | DayOffEvent
  | ManualValueEvent;

export type EventType = TandemEvent['type'];

export const EVENT_TYPES = [
  'task',
  'request',
  'rating',
  'proactive',
  'docReview',
  'goal',
  'survey',
  'timeEntry',
  'pulse',
  'dayOff',
  'manualValue',
] as const satisfies readonly EventType[];

export type EventOfType<T extends EventType> = Extract<TandemEvent, { type: T }>;

export const WEEKDAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type WeekdayKey = (typeof WEEKDAY_KEYS)[number];

/** A local interval `[start, end)` as `"HH:MM"`; `"24:00"` may end it; end ≤ start runs past midnight. */
export type LocalInterval = [string, string];
/** Per weekday key, zero or more local intervals; a missing key means no work that day. */
export type WeeklySchedule = Partial<Record<WeekdayKey, LocalInterval[]>>;

export interface HistoryEntry {
  /** Local date from whose start (in the entry's zone) the entry applies. */
  from: string;
  timezone?: string;
  schedule?: WeeklySchedule;
}

/** An assistant as the compute contract reads it (SPEC §12, §2). */
export interface AssistantDef {
  id: string;
  timezone: string;
  /** Omitted: Mon–Fri 09:00–17:00 (SPEC §2). */
  schedule?: WeeklySchedule;
  daysOff?: string[];
  exceptions?: Record<string, LocalInterval[]>;
  history?: HistoryEntry[];
  role?: string;
}

export interface AssistantLine extends AssistantDef {
  type: 'assistant';
}
