/** Orders assistants by name, role or zone — never by a KPI value (the overview is not a ranking). */
export interface SortableAssistant {
  id: string;
  name: string | null;
  role: string | null;
  timezone: string;
}

export function sortAssistants<T>(
  rows: readonly T[],
  of: (row: T) => SortableAssistant,
  by: 'name' | 'role' | 'zone',
): T[] {
  const name = (a: SortableAssistant) => (a.name ?? a.id).toLocaleLowerCase();
  const key = (a: SortableAssistant) =>
    by === 'role'
      ? `${a.role ?? '\uffff'}\u0000${name(a)}`
      : by === 'zone'
        ? `${a.timezone}\u0000${name(a)}`
        : name(a);
  return [...rows].sort((x, y) => key(of(x)).localeCompare(key(of(y))));
}
