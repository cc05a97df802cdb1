/** Converts between stored assistant rows and the §12 assistant definition the engine reads. */
import type { AssistantDef } from '#core/events/event-types';
import type { assistants } from '#db/schema/assistants';

type Row = typeof assistants.$inferSelect;

export function assistantDef(row: Row): AssistantDef {
  const def: AssistantDef = { id: row.id, timezone: row.timezone };
  if (row.schedule) def.schedule = row.schedule;
  if (row.daysOff.length > 0) def.daysOff = row.daysOff;
  if (Object.keys(row.exceptions).length > 0) def.exceptions = row.exceptions;
  if (row.history.length > 0) def.history = row.history;
  if (row.role) def.role = row.role;
  return def;
}

/** Column values for an assistant definition (an `assistant` line or an API body). */
export function assistantColumns(
  def: AssistantDef,
): Omit<Row, 'workspaceId' | 'createdAt' | 'updatedAt' | 'name'> {
  return {
    id: def.id,
    timezone: def.timezone,
    schedule: def.schedule ?? null,
    daysOff: def.daysOff ?? [],
    exceptions: def.exceptions ?? {},
    history: def.history ?? [],
    role: def.role ?? null,
  };
}
