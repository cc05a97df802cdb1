/** What the audit log keeps of an event: its content, except a private pulse answer (SPEC §11). */
import type { TandemEvent } from '#core/events/event-types';
import { isPrivatePulse } from '#db/queries/event-row';

export function auditedEvent(e: TandemEvent | null | undefined): unknown {
  if (!e) return null;
  if (isPrivatePulse(e)) return { type: e.type, id: e.id, assistant: e.assistant, private: true };
  return e;
}

export function eventTarget(e: Pick<TandemEvent, 'assistant' | 'type' | 'id'>): string {
  return `assistant:${e.assistant}/event:${e.type}:${e.id}`;
}
