/**
 * Trello list names taken as "done" when the options name no done lists (SPEC §10: choices the
 * file cannot tell come from options; the report says this default was used).
 */
export const DEFAULT_DONE_LIST = /\b(done|complete|completed|finished|shipped|erledigt|termin[ée]|hecho)\b/i;
