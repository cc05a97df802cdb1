/**
 * The choices a Trello connection shares with the Trello importer (SPEC §10: which lists mean done,
 * which labels give the category or mean priority, what an archived card is). The service
 * validates saved options with the importer's schema (`OPTION_SCHEMAS.trello`) and passes them here.
 */
export interface TrelloWebhookOptions {
  /** Names or ids of the lists whose cards are done; default: lists named like "Done". */
  doneLists?: readonly string[];
  /** Label name (or colour, for unnamed labels) → task category. */
  categoryLabels?: Readonly<Record<string, string>>;
  /** Label names that make a task priority. */
  priorityLabels?: readonly string[];
  /** Archived cards that are not done: cancelled (default), skipped, or kept open. */
  archived?: 'cancel' | 'skip' | 'keep';
}

import { DEFAULT_DONE_LIST } from '#core/sources/default-done-list';

export { DEFAULT_DONE_LIST };

export function isDoneList(options: TrelloWebhookOptions, list: { id?: string; name?: string }): boolean {
  if (options.doneLists) {
    const wanted = new Set(options.doneLists.map((s) => s.toLowerCase()));
    return (
      (list.id !== undefined && wanted.has(list.id.toLowerCase())) ||
      (list.name !== undefined && wanted.has(list.name.trim().toLowerCase()))
    );
  }
  return list.name !== undefined && DEFAULT_DONE_LIST.test(list.name);
}
