/**
 * ICS calendar → §3 dayOff events (SPEC §10: holidays and leave become days off). The events the
 * options call leave give a day off for every local date they cover; recurring events are expanded
 * (RRULE, EXDATE, moved instances via RECURRENCE-ID) up to a horizon. Each VEVENT is parsed on its
 * own, so one broken event (an invalid date) is listed and skipped without losing the rest.
 */
import ICAL from 'ical.js';
import { daysFromCivil, formatDate, parseDate } from '#core/time/calendar';
import { decodeText } from '../common/decode-text.ts';
import { localDateOf, zonedMs } from '../common/local-time.ts';
import { SIZE_CAPS } from '../common/size-caps.ts';
import type { ImportContext } from '../import-context.ts';
import { ImportError } from '../import-error.ts';
import { DEFAULT_LEAVE_WORDS, type IcsOptions } from './ics-options.ts';
import { ianaZoneOf } from './windows-zones.ts';

interface Block {
  line: number;
  text: string;
}

/** A content line has a property name then `:` or `;` (RFC 5545 §3.1). */
const CONTENT_LINE = /^[A-Za-z0-9-]+[:;]/;

/**
 * The VEVENT blocks with the line each starts on (folding is left to the parser), and the
 * calendar's X-WR-TIMEZONE. Inside an event, a line with no property name that is not folded
 * (a value's line break written out unescaped) continues the previous property: it is folded back
 * onto it, so the event is read rather than lost, and the line is listed in the notes.
 */
function veventBlocks(text: string, ctx: ImportContext): { blocks: Block[]; calZone?: string } {
  const lines = text.split(/\r?\n/);
  const blocks: Block[] = [];
  let cur: string[] | undefined;
  let start = 0;
  let calZone: string | undefined;
  lines.forEach((l, i) => {
    const u = l.toUpperCase();
    if (u.startsWith('X-WR-TIMEZONE:')) calZone = l.slice(14).trim();
    if (u === 'BEGIN:VEVENT') {
      cur = [l];
      start = i + 1;
    } else if (cur) {
      if (l !== '' && l[0] !== ' ' && l[0] !== '\t' && !CONTENT_LINE.test(l) && cur.length > 1) {
        ctx.note(
          'a line with no property name inside an event was read as the continuation of the previous property',
          `line ${i + 1}`,
        );
        cur.push(`  ${l}`);
        return;
      }
      cur.push(l);
      if (u === 'END:VEVENT') {
        blocks.push({ line: start, text: cur.join('\r\n') });
        cur = undefined;
      }
    }
  });
  return { blocks, ...(calZone ? { calZone } : {}) };
}

interface Parsed {
  line: number;
  event: ICAL.Event;
}

type Time = ICAL.Time;

function matchesLeave(ev: ICAL.Event, options: IcsOptions, words: string[]): boolean {
  const rule = options.leave;
  if (rule?.allDayOnly && !ev.startDate.isDate) return false;
  if (rule?.all) return true;
  const summary = (ev.summary ?? '').toLowerCase();
  if (
    words.some((w) =>
      new RegExp(`(^|[^\\p{L}])${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'u').test(summary),
    )
  )
    return true;
  const cats = new Set(
    ev.component
      .getAllProperties('categories')
      .flatMap((p) => p.getValues().map((v) => String(v).toLowerCase())),
  );
  return (rule?.categories ?? []).some((c) => cats.has(c.toLowerCase()));
}

export function convertIcs(bytes: Uint8Array, ctx: ImportContext, options: IcsOptions): void {
  if (bytes.length > SIZE_CAPS.icsBytes)
    throw new ImportError('too_large', 'ICS file is larger than the 64 MiB limit');
  const text = decodeText(bytes, 'ICS calendar');
  if (!/^\s*BEGIN:VCALENDAR/i.test(text))
    throw new ImportError('invalid_calendar', 'not an iCalendar file (no BEGIN:VCALENDAR)', { line: 1 });
  const { blocks, calZone: calZoneName } = veventBlocks(text, ctx);
  const words = (
    options.leave?.summary ?? (options.leave?.all || options.leave?.categories ? [] : DEFAULT_LEAVE_WORDS)
  ).map((w) => w.toLowerCase());
  if (!options.leave)
    ctx.useDefault(
      `leave: events whose title names leave (${DEFAULT_LEAVE_WORDS.slice(0, 6).join(', ')}, …)`,
    );
  // The calendar's own zone (Google writes X-WR-TIMEZONE): without --timezone it gives the local
  // dates of timed events and reads floating times (SPEC §10 zone-less times).
  const calZone = calZoneName === undefined ? undefined : ianaZoneOf(calZoneName);
  if (calZoneName !== undefined && !calZone)
    ctx.note('X-WR-TIMEZONE names no known zone and was ignored', calZoneName);
  if (calZone?.windows) ctx.note(`X-WR-TIMEZONE "${calZone.windows}" read as ${calZone.zone}`);
  const target = ctx.timezoneGiven ? ctx.timezone : (calZone?.zone ?? 'UTC');
  if (!ctx.timezoneGiven)
    ctx.useDefault(
      calZone
        ? `timezone: the calendar's X-WR-TIMEZONE (${calZone.zone}) gives the dates of timed events and reads floating times (give --timezone to choose)`
        : 'timezone: dates of timed events are taken in UTC (give --timezone)',
    );
  // A TZID no zone database knows is read in the calendar's zone, else in the target zone.
  const fallbackZone = calZone?.zone ?? target;

  const parsed: Parsed[] = [];
  for (const b of blocks) {
    try {
      const comp = new ICAL.Component(ICAL.parse(`BEGIN:VCALENDAR\r\n${b.text}\r\nEND:VCALENDAR\r\n`));
      const ve = comp.getFirstSubcomponent('vevent');
      if (!ve) continue;
      const event = new ICAL.Event(ve);
      if (!event.startDate) throw new Error('no DTSTART');
      parsed.push({ line: b.line, event });
    } catch (err) {
      ctx.skip({ line: b.line, reason: `unreadable event: ${(err as Error).message}` });
    }
  }

  // Moved instances (RECURRENCE-ID) belong to their master event.
  const masters = new Map<string, Parsed>();
  for (const p of parsed)
    if (!p.event.isRecurrenceException()) masters.set(p.event.uid ?? `line ${p.line}`, p);
  for (const p of parsed)
    if (p.event.isRecurrenceException()) {
      const m = masters.get(p.event.uid ?? '');
      if (m) m.event.relateException(p.event);
      else masters.set(`${p.event.uid}@${p.line}`, p);
    }

  let horizon = options.until ? (parseDate(options.until) as number) : Number.NEGATIVE_INFINITY;
  if (!options.until) {
    for (const p of parsed)
      horizon = Math.max(
        horizon,
        daysFromCivil(p.event.startDate.year, p.event.startDate.month, p.event.startDate.day),
      );
    horizon += 365;
    ctx.useDefault(
      `until: recurring events expanded to ${formatDate(horizon)} (a year after the latest event start)`,
    );
  }

  // TZIDs read per name, each with the events that use it, for one note per name.
  const unknownTzids = new Map<string, Set<string>>();
  const windowsTzids = new Map<string, { zone: string; events: Set<string> }>();
  const zoneOf = (t: Time, item: ICAL.Event, prop: 'dtstart' | 'dtend'): string => {
    if (t.zone === ICAL.Timezone.utcTimezone) return 'UTC';
    const p = item.component.getFirstProperty(prop) ?? item.component.getFirstProperty('dtstart');
    const tzid = p?.getParameter('tzid');
    const name = Array.isArray(tzid) ? tzid[0] : tzid;
    if (typeof name !== 'string') return target;
    const uid = item.uid ?? '';
    const known = ianaZoneOf(name);
    if (known?.windows) {
      const w = windowsTzids.get(name) ?? { zone: known.zone, events: new Set<string>() };
      w.events.add(uid);
      windowsTzids.set(name, w);
    }
    if (known) return known.zone;
    const u = unknownTzids.get(name) ?? new Set<string>();
    u.add(uid);
    unknownTzids.set(name, u);
    return fallbackZone;
  };
  const msOf = (t: Time, zone: string) =>
    zonedMs(zone, { y: t.year, m: t.month, d: t.day }, t.hour * 3600 + t.minute * 60 + t.second);

  for (const p of masters.values()) {
    const ev = p.event;
    const uid = ev.uid ?? `line-${p.line}`;
    if (
      !matchesLeave(ev, options, words) &&
      ev.exceptions &&
      !Object.values(ev.exceptions).some((x) => matchesLeave(x, options, words))
    )
      continue;
    const assistant = ctx.attribute();
    if (assistant === undefined) {
      ctx.skip({ line: p.line, externalId: uid, reason: 'calendars name no person: give --assistant' });
      continue;
    }
    const dates = new Set<string>();
    const addOccurrence = (start: Time, end: Time | undefined, item: ICAL.Event) => {
      if (!matchesLeave(item, options, words)) return;
      if (start.isDate) {
        const first = daysFromCivil(start.year, start.month, start.day);
        const last = end?.isDate ? daysFromCivil(end.year, end.month, end.day) - 1 : first;
        for (let d = first; d <= Math.max(first, last) && d <= first + 366; d++) dates.add(formatDate(d));
        return;
      }
      const zone = zoneOf(start, item, 'dtstart');
      const s = msOf(start, zone);
      const e = end ? Math.max(s, msOf(end, zoneOf(end, item, 'dtend'))) : s;
      let day = parseDate(localDateOf(s, target)) as number;
      const lastDay = parseDate(localDateOf(e > s ? e - 1 : s, target)) as number;
      for (; day <= lastDay && day <= (parseDate(localDateOf(s, target)) as number) + 366; day++)
        dates.add(formatDate(day));
    };
    try {
      if (ev.isRecurring()) {
        const it = ev.iterator();
        let n = 0;
        let sawStart = false;
        for (let next = it.next(); next; next = it.next()) {
          if (daysFromCivil(next.year, next.month, next.day) > horizon) break;
          if (++n > SIZE_CAPS.icsOccurrences) {
            ctx.note('a recurring event was cut at the occurrence limit', uid);
            break;
          }
          if (next.compare(ev.startDate) === 0) sawStart = true;
          const d = ev.getOccurrenceDetails(next);
          addOccurrence(d.startDate, d.endDate, d.item);
        }
        // "The DTSTART property value always counts as the first occurrence" (RFC 5545 §3.3.10),
        // even when the RRULE does not give that date; ical.js leaves it out then.
        if (!sawStart && !excludes(ev, ev.startDate)) {
          ctx.note(
            'a start date its RRULE does not give was kept as an occurrence (RFC 5545)',
            ev.summary ?? uid,
          );
          addOccurrence(ev.startDate, ev.endDate, ev);
        }
      } else addOccurrence(ev.startDate, ev.endDate, ev);
    } catch (err) {
      ctx.skip({ line: p.line, externalId: uid, reason: `cannot expand: ${(err as Error).message}` });
      continue;
    }
    if (!ev.startDate.isDate)
      ctx.note('a timed leave event gives whole days off for the dates it touches', ev.summary ?? uid);
    for (const date of dates)
      ctx.emit(
        {
          type: 'dayOff',
          externalId: `${uid}/${date}`,
          assistant,
          date,
          ...(ev.summary ? { reason: ev.summary.slice(0, 500) } : {}),
        },
        { line: p.line },
      );
  }
  // One note per kind, each name once with the number of events that use it.
  const list = (m: Map<string, Set<string>>, to?: (name: string) => string) =>
    [...m]
      .map(([name, ev]) => `"${name}"${to ? ` → ${to(name)}` : ''} (${plural(ev.size, 'event')})`)
      .join(', ');
  if (unknownTzids.size > 0) ctx.note(`unknown TZID, read in ${fallbackZone}: ${list(unknownTzids)}`);
  if (windowsTzids.size > 0)
    ctx.note(
      `Windows zone names read as IANA zones: ${list(
        new Map([...windowsTzids].map(([n, w]) => [n, w.events])),
        (n) => windowsTzids.get(n)?.zone ?? '',
      )}`,
    );
}

/** True when an EXDATE of the event names this start (a DATE EXDATE names the whole day). */
function excludes(ev: ICAL.Event, start: Time): boolean {
  return ev.component.getAllProperties('exdate').some((p) =>
    p.getValues().some((v) => {
      if (!(v instanceof ICAL.Time)) return false;
      return v.isDate
        ? v.year === start.year && v.month === start.month && v.day === start.day
        : v.compare(start) === 0;
    }),
  );
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
