/** A zone-less "date time" cell (`22/Sep/25 9:26 AM`, `2025-09-22 09:26`) read in a zone. */
import { type CivilDate, type DateOrder, parseCivilDate, parseClockTime } from './local-time.ts';

export interface LocalDateTime {
  date: CivilDate;
  /** Seconds after midnight; 0 when the cell has no time. */
  seconds: number;
  hasTime: boolean;
}

export function parseLocalDateTime(text: string, order?: DateOrder): LocalDateTime | null {
  const t = text.trim().replace('T', ' ');
  const sp = t.indexOf(' ');
  const datePart = sp === -1 ? t : t.slice(0, sp);
  const timePart = sp === -1 ? '' : t.slice(sp + 1).trim();
  const date = parseCivilDate(datePart, order);
  if (!date) return null;
  if (!timePart) return { date, seconds: 0, hasTime: false };
  const seconds = parseClockTime(timePart);
  if (seconds === null) return null;
  return { date, seconds, hasTime: true };
}
