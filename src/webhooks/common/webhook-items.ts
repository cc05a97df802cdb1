/**
 * What a converter hands the service layer (issue 9; the contract is written out in
 * docs/webhooks.md). A delivery becomes a list of items, each applied in order:
 *
 * - `upsert`: a complete §3 event, stored under its §3 key (source, externalId) like an import.
 * - `patchTask`: a change to a task the payload does not describe whole (a Trello card completed,
 *   moved, relabelled); the service applies it to the stored task with `applyTaskPatch`.
 * - `remove`: the record was deleted in the source (a time entry, a card); the service deletes the
 *   stored event with that key, if any.
 * - `openRequest`: a Slack request (a mention, a DM); stored like `upsert` unless the same
 *   assistant already has an open request there (`blocksNewRequest` says when), as the importer does.
 * - `answerRequests`: an assistant's Slack message; it answers their open requests in that
 *   conversation or thread (`answersRequest` says which).
 * - `refreshTask`: the payload only says that something changed (Asana events carry no values);
 *   the service fetches the task from the provider's API and converts it with `convertAsanaTask`.
 *
 * Every item carries `deliveryKey`, the provider's id of the event it came from, so a service that
 * stores keys per item (Asana batches several events in one delivery) can skip the ones it has.
 */
import type { EventType, RequestEvent, TandemEvent, TaskEvent } from '#core/events/event-types';

export type IdentityKind = 'email' | 'slack' | 'trello' | 'asana' | 'toggl' | 'clockify';

export interface ConvertError {
  code: 'invalid_encoding' | 'invalid_json' | 'too_deep' | 'too_large' | 'invalid_payload';
  message: string;
  /** The JSON path of the offending field, when there is one. */
  field?: string;
}

/** A change to a stored task; absent fields leave the stored values alone. */
export interface TaskPatch {
  id: string;
  source: string;
  externalId: string;
  /** When the change was made in the source (the deadline rule of SPEC §10 compares with it). */
  at: string;
  /** The task as far as the payload tells; stored (then patched) when no task is stored yet. */
  seed?: TaskEvent;
  title?: string;
  /**
   * Attribute the task to this assistant if it has not been assigned yet (no `assignedAt`): the
   * first member who maps to an assistant owns the card, as in the importer.
   */
  assistant?: string;
  /** Set when the stored task has no `assignedAt` yet. */
  assignedAt?: string;
  /** A new instant deadline, or null when it was removed; a move after the deadline passed is ignored. */
  due?: string | null;
  /** True: completed at `at` unless already completed. False: reopened (completedAt cleared). */
  completed?: boolean;
  /**
   * True: cancelled at `at` unless already cancelled or completed (a done card that is archived
   * stays done, as in the importer). False: restored (cancelledAt cleared).
   */
  cancelled?: boolean;
  addLabels?: string[];
  removeLabels?: string[];
  /** The connection's label options, to recompute category and priority after a label change. */
  labelRules?: LabelRules;
  selfInitiated?: boolean;
}

export interface LabelRules {
  /** Label name (lower case) → category; the first of the task's labels that maps wins. */
  categoryLabels: Readonly<Record<string, string>>;
  /** Label names (lower case) that make a task priority. */
  priorityLabels: readonly string[];
}

/** An assistant's message in a Slack conversation, answering their open requests there. */
export interface RequestAnswer {
  source: 'slack';
  assistant: string;
  /** The Slack conversation id (channel, group or DM). */
  conversation: string;
  /** The thread the message was posted in, when it was a thread reply. */
  thread?: string;
  /** True in a DM: any open request of the DM is answered, as the importer does. */
  directMessage: boolean;
  at: string;
}

export type WebhookItem = { deliveryKey: string } & (
  | { kind: 'upsert'; event: TandemEvent }
  | { kind: 'openRequest'; event: RequestEvent }
  | { kind: 'patchTask'; patch: TaskPatch }
  | { kind: 'remove'; type: EventType; id: string; source: string; externalId: string; at: string }
  | { kind: 'answerRequests'; answer: RequestAnswer }
  | { kind: 'refreshTask'; source: 'asana'; externalId: string; at: string; fields: string[] }
);

export interface UnmappedIdentity {
  kind: IdentityKind;
  id: string;
  name?: string;
}

export interface SkippedRecord {
  externalId?: string;
  reason: string;
}

export interface WebhookConversion {
  items: WebhookItem[];
  /** External identities seen that no assistant is mapped to (never dropped silently). */
  unmapped: UnmappedIdentity[];
  /** Records read but not turned into items, and why. */
  skipped: SkippedRecord[];
}

export type ConvertOutcome = { ok: true; value: WebhookConversion } | { ok: false; error: ConvertError };

export type { RequestEvent, TaskEvent };
