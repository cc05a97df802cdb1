/**
 * The time-entry options a Toggl or Clockify connection shares with the CSV importers
 * (src/importers/timetracking/time-entry-options.ts): which projects and tags mean priority
 * (SPEC §4 priority_time_share). Webhook payloads name a project by id and, when the provider
 * includes it, by name, so either may be listed.
 */
export interface TimeEntryRules {
  priorityProjects?: readonly string[];
  priorityTags?: readonly string[];
}

export function isPriorityEntry(
  rules: TimeEntryRules,
  project: { id?: string; name?: string },
  tags: readonly string[],
): boolean {
  const projects = new Set((rules.priorityProjects ?? []).map((p) => p.toLowerCase()));
  const wanted = new Set((rules.priorityTags ?? []).map((t) => t.toLowerCase()));
  return (
    (project.id !== undefined && projects.has(project.id.toLowerCase())) ||
    (project.name !== undefined && projects.has(project.name.toLowerCase())) ||
    tags.some((t) => wanted.has(t.toLowerCase()))
  );
}
