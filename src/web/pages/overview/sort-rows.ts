/** Orders assistants by name, role or zone — never by a KPI value (the overview is not a ranking). */
export interface SortableAssistant {
  id: string;
  name: string | null;
  role: string | null;
  timezone: string;
}

/** The collation String#localeCompare uses without arguments (the browser's own locale). */
const collator = new Intl.Collator();

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
  // One collator and one key per row: String#localeCompare sets up the locale's collation on
  // every call, which for 200 assistants (~1,600 comparisons) took a good part of the screen's script.
  const keyed = rows.map((row) => ({ row, key: key(of(row)) }));
  keyed.sort((x, y) => collator.compare(x.key, y.key));
  return keyed.map((k) => k.row);
}
