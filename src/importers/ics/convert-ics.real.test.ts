/**
 * The ICS importer on the real calendars: every file gives exactly the days off that the tests'
 * own reading of it gives (below: a line reader, a day-by-day RRULE check and Intl for zones,
 * sharing no code with ical.js or the importer), and selected events are checked field by field.
 */
import { expect, it } from 'vitest';
import { describeRealFixtures, readRealFixture, realFixtureFiles } from '#test/real-fixtures';
import { convertExport } from '../convert-export.ts';

const DAY = 86_400_000;

interface Prop {
  name: string;
  params: Record<string, string>;
  value: string;
}

interface VEvent {
  /** 1-based line of its BEGIN:VEVENT. */
  line: number;
  props: Prop[];
}

/**
 * VEVENTs with their properties: folded lines (leading space or tab) are joined, nested
 * components (VALARM) are left out, and a line with no `NAME:`/`NAME;` shape is dropped (it can
 * only be stray text of a value, which no date depends on).
 */
function readEvents(text: string): { events: VEvent[]; calZone?: string } {
  const lines: { n: number; text: string }[] = [];
  text.split(/\r?\n/).forEach((l, i) => {
    const last = lines[lines.length - 1];
    if ((l.startsWith(' ') || l.startsWith('\t')) && last) last.text += l.slice(1);
    else lines.push({ n: i + 1, text: l });
  });
  const events: VEvent[] = [];
  let calZone: string | undefined;
  let cur: VEvent | undefined;
  let nested = 0;
  for (const { n, text: l } of lines) {
    if (l.startsWith('X-WR-TIMEZONE:')) calZone = l.slice(14);
    if (l === 'BEGIN:VEVENT') cur = { line: n, props: [] };
    else if (l === 'END:VEVENT' && cur) {
      events.push(cur);
      cur = undefined;
    } else if (cur && l.startsWith('BEGIN:')) nested++;
    else if (cur && l.startsWith('END:')) nested--;
    else if (cur && nested === 0 && /^[A-Z-]+[:;]/.test(l)) {
      // Split at the first ':' outside double quotes.
      let q = false;
      let at = -1;
      for (let i = 0; i < l.length && at < 0; i++) {
        if (l[i] === '"') q = !q;
        else if (l[i] === ':' && !q) at = i;
      }
      const [name, ...params] = l.slice(0, at).split(/;(?=(?:[^"]*"[^"]*")*[^"]*$)/);
      cur.props.push({
        name: name as string,
        params: Object.fromEntries(
          params.map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1).replace(/^"|"$/g, '')]),
        ),
        value: l.slice(at + 1),
      });
    }
  }
  return { events, ...(calZone ? { calZone } : {}) };
}

const isZone = (z: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: z });
    return true;
  } catch {
    return false;
  }
};
/** The Windows and Outlook names these files use, by the CLDR table. */
const WINDOWS: Record<string, string> = {
  'GMT Standard Time': 'Europe/London',
  '(UTC-05:00) Eastern Time (US & Canada)': 'America/New_York',
};

/** Wall-clock ms (as if UTC) of an instant in a zone, by Intl. */
const formats = new Map<string, Intl.DateTimeFormat>();
function wallOf(zone: string, ms: number): number {
  let f = formats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formats.set(zone, f);
  }
  const p = f.formatToParts(new Date(ms));
  const v = (t: string) => Number(p.find((x) => x.type === t)?.value);
  return Date.UTC(v('year'), v('month') - 1, v('day'), v('hour'), v('minute'), v('second'));
}
/** The instant of a wall-clock time in a zone (two rounds of offset correction). */
function instantOf(zone: string, wall: number): number {
  let t = wall - (wallOf(zone, wall) - wall);
  t = wall - (wallOf(zone, t) - t);
  return t;
}
const dateOf = (zone: string, ms: number) => Math.floor(wallOf(zone, ms) / DAY);

interface When {
  /** Days since 1970-01-01 of the written date. */
  day: number;
  /** Seconds into the day, or undefined for a date (VALUE=DATE). */
  time?: number;
  utc: boolean;
  tzid?: string;
}

function parseWhen(value: string, params: Record<string, string>): When | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?Z?$/.exec(value);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const check = new Date(ms);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return undefined;
  const time = m[4] === undefined ? undefined : Number(m[4]) * 3600 + Number(m[5]) * 60 + Number(m[6]);
  return {
    day: ms / DAY,
    ...(time === undefined ? {} : { time }),
    utc: m[7] === 'Z',
    ...(params.TZID ? { tzid: params.TZID } : {}),
  };
}

const DAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
const weekday = (day: number) => (day + 4) % 7; // 1970-01-01 was a Thursday
const ymd = (day: number) => {
  const d = new Date(day * DAY);
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate() };
};
const monthDays = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** Whether a day is one the RRULE gives, checked on its own (RFC 5545 §3.3.10, the parts used here). */
function ruleMatches(rule: Map<string, string>, start: number, day: number): boolean {
  const freq = rule.get('FREQ');
  const interval = Number(rule.get('INTERVAL') ?? 1);
  const byday = (rule.get('BYDAY') ?? '')
    .split(',')
    .filter(Boolean)
    .map((b) => {
      const m = /^([+-]?\d+)?([A-Z]{2})$/.exec(b) as RegExpExecArray;
      return { n: m[1] === undefined ? undefined : Number(m[1]), wd: DAYS.indexOf(m[2] as string) };
    });
  const bymonth = (rule.get('BYMONTH') ?? '').split(',').filter(Boolean).map(Number);
  const bymonthday = (rule.get('BYMONTHDAY') ?? '').split(',').filter(Boolean).map(Number);
  const s = ymd(start);
  const c = ymd(day);
  // The day's place among the same weekdays of its month, from the start and from the end.
  const nth = Math.ceil(c.d / 7);
  const nthFromEnd = -Math.ceil((monthDays(c.y, c.m) - c.d + 1) / 7);
  const dayRule = () => {
    if (bymonthday.length > 0)
      return bymonthday.some((x) => x === c.d || x === c.d - monthDays(c.y, c.m) - 1);
    if (byday.length === 0) return c.d === s.d;
    const hits = byday.filter((b) => b.wd === weekday(day));
    if (!rule.has('BYSETPOS'))
      return hits.some((b) => b.n === undefined || b.n === nth || b.n === nthFromEnd);
    // BYSETPOS: the n-th of the month's days that BYDAY gives.
    const set: number[] = [];
    for (let d = 1; d <= monthDays(c.y, c.m); d++)
      if (byday.some((b) => b.wd === weekday(day - c.d + d))) set.push(d);
    const pos = Number(rule.get('BYSETPOS'));
    return set[pos > 0 ? pos - 1 : set.length + pos] === c.d;
  };
  if (freq === 'DAILY') return (day - start) % interval === 0;
  if (freq === 'WEEKLY') {
    const wkst = DAYS.indexOf(rule.get('WKST') ?? 'MO');
    const weekStart = (d: number) => d - ((weekday(d) - wkst + 7) % 7);
    if (((weekStart(day) - weekStart(start)) / 7) % interval !== 0) return false;
    return byday.length > 0 ? byday.some((b) => b.wd === weekday(day)) : weekday(day) === weekday(start);
  }
  if (freq === 'MONTHLY') return ((c.y - s.y) * 12 + c.m - s.m) % interval === 0 && dayRule();
  if (freq === 'YEARLY')
    return (c.y - s.y) % interval === 0 && (bymonth.length > 0 ? bymonth : [s.m]).includes(c.m) && dayRule();
  throw new Error(`FREQ ${freq} is not read by this test`);
}

/** Distinct `uid/date` days off of a calendar, every event taken as leave, without --timezone. */
function expectedDaysOff(text: string): { keys: Set<string>; skippedLines: number[] } {
  const { events, calZone } = readEvents(text);
  const cal = calZone && isZone(calZone) ? calZone : undefined;
  const target = cal ?? 'UTC';
  const zoneOf = (w: When) =>
    w.utc
      ? 'UTC'
      : w.tzid === undefined
        ? target
        : isZone(w.tzid)
          ? w.tzid
          : (WINDOWS[w.tzid] ?? cal ?? target);
  const instant = (w: When, time = w.time ?? 0) => instantOf(zoneOf(w), w.day * DAY + time * 1000);
  const get = (e: VEvent, name: string) => e.props.find((p) => p.name === name);
  const whenOf = (e: VEvent, name: string) => {
    const p = get(e, name);
    return p ? parseWhen(p.value, p.params) : undefined;
  };
  const skippedLines: number[] = [];
  const readable = events.filter((e) => {
    const ok = whenOf(e, 'DTSTART') !== undefined && (!get(e, 'DTEND') || whenOf(e, 'DTEND') !== undefined);
    if (!ok) skippedLines.push(e.line);
    return ok;
  });
  // Default horizon: a year after the latest start date as written.
  const horizon = Math.max(...readable.map((e) => (whenOf(e, 'DTSTART') as When).day)) + 365;
  const masters = new Map<string, VEvent>();
  const exceptions: VEvent[] = [];
  for (const e of readable) {
    if (get(e, 'RECURRENCE-ID')) exceptions.push(e);
    else masters.set(get(e, 'UID')?.value ?? `line ${e.line}`, e);
  }
  const keys = new Set<string>();
  const addSpan = (uid: string, start: When, startMs: number, lengthMs: number, endIsDate: boolean) => {
    if (start.time === undefined) {
      const last = endIsDate ? Math.max(start.day, start.day + Math.round(lengthMs / DAY) - 1) : start.day;
      for (let d = start.day; d <= last; d++)
        keys.add(`${uid}/${new Date(d * DAY).toISOString().slice(0, 10)}`);
      return;
    }
    const endMs = startMs + Math.max(0, lengthMs);
    for (let d = dateOf(target, startMs); d <= dateOf(target, endMs > startMs ? endMs - 1 : startMs); d++)
      keys.add(`${uid}/${new Date(d * DAY).toISOString().slice(0, 10)}`);
  };
  const lengthOf = (e: VEvent, start: When) => {
    const end = whenOf(e, 'DTEND');
    if (end)
      return {
        ms: end.time === undefined ? (end.day - start.day) * DAY : instant(end) - instant(start),
        date: end.time === undefined,
      };
    const dur = /^PT?(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/.exec(get(e, 'DURATION')?.value ?? '');
    if (dur)
      return {
        ms: (Number(dur[1] ?? 0) * 3600 + Number(dur[2] ?? 0) * 60 + Number(dur[3] ?? 0)) * 1000,
        date: false,
      };
    return { ms: 0, date: false };
  };
  for (const [uid, e] of masters) {
    const start = whenOf(e, 'DTSTART') as When;
    const len = lengthOf(e, start);
    const rrule = get(e, 'RRULE');
    if (!rrule) {
      addSpan(uid, start, instant(start), len.ms, len.date);
      continue;
    }
    const rule = new Map(rrule.value.split(';').map((kv) => kv.split('=') as [string, string]));
    const until = rule.has('UNTIL') ? parseWhen(rule.get('UNTIL') as string, {}) : undefined;
    const excluded = new Set(
      e.props
        .filter((p) => p.name === 'EXDATE')
        .flatMap((p) =>
          p.value
            .split(',')
            .filter(Boolean)
            .map((v) => parseWhen(v, p.params) as When),
        )
        .map((w) => (w.time === undefined ? w.day * DAY : instant(w))),
    );
    const moved = new Map<number, VEvent>();
    for (const x of exceptions)
      if (get(x, 'UID')?.value === uid) {
        const rid = whenOf(x, 'RECURRENCE-ID') as When;
        moved.set(rid.time === undefined ? rid.day * DAY : instant(rid), x);
      }
    const days: number[] = [];
    const count = Number(rule.get('COUNT') ?? Number.POSITIVE_INFINITY);
    for (let d = start.day; d <= horizon && days.length < count; d++)
      if (ruleMatches(rule, start.day, d)) days.push(d);
    // DTSTART is always an occurrence (RFC 5545 §3.3.10), given by the rule or not.
    if (days[0] !== start.day) days.unshift(start.day);
    for (const p of e.props.filter((x) => x.name === 'RDATE'))
      for (const v of p.value.split(',')) days.push((parseWhen(v, p.params) as When).day);
    for (const d of days) {
      const occ: When = { ...start, day: d };
      const key = start.time === undefined ? d * DAY : instant(occ);
      if (until && (until.time === undefined ? d > until.day : instant(occ) > instant(until))) continue;
      if (excluded.has(key)) continue;
      const x = moved.get(key);
      if (x) {
        const xs = whenOf(x, 'DTSTART') as When;
        const xl = lengthOf(x, xs);
        addSpan(uid, xs, instant(xs), xl.ms, xl.date);
      } else addSpan(uid, occ, instant(occ), len.ms, len.date);
    }
  }
  // An exception whose master is not in the file stands alone.
  for (const x of exceptions) {
    const uid = get(x, 'UID')?.value ?? '';
    if (masters.has(uid)) continue;
    const xs = whenOf(x, 'DTSTART') as When;
    const xl = lengthOf(x, xs);
    addSpan(uid, xs, instant(xs), xl.ms, xl.date);
  }
  return { keys, skippedLines };
}

describeRealFixtures('convertIcs on real calendars', () => {
  for (const file of realFixtureFiles('ics', '.ics')) {
    it(`converts ${file}: exactly the days off worked out from the file`, async () => {
      const buf = readRealFixture('ics', file);
      const exp = expectedDaysOff(buf.toString('utf8'));
      const { events, report } = await convertExport('ics', buf, {
        assistant: 'va',
        options: { leave: { all: true } },
      });
      expect(report.skipped.map((s) => s.line)).toEqual(exp.skippedLines);
      const got = new Set(events.map((e) => e.externalId));
      expect([...got].filter((k) => !exp.keys.has(k as string))).toEqual([]);
      expect([...exp.keys].filter((k) => !got.has(k))).toEqual([]);
      expect(report.counts).toEqual({ dayOff: exp.keys.size });
    });
  }
  it('puts issue 59’s evening event on New York’s date without --timezone (X-WR-TIMEZONE)', async () => {
    const buf = readRealFixture('ics', 'recurring-ical-events_x_wr_timezone_simple_events_issue_59.ics');
    const { events, report } = await convertExport('ics', buf, {
      assistant: 'va',
      options: { leave: { all: true } },
    });
    // DTSTART:20211223T020000Z is 21:00 on 2021-12-22 in New York (EST, UTC-5), as its title says.
    const uid = /UID:(\S+)\r?\nCREATED:20211222T190622Z/.exec(buf.toString('utf8'))?.[1] as string;
    expect(events.find((e) => e.externalId?.startsWith(uid))).toEqual({
      type: 'dayOff',
      id: `ics:${uid}/2021-12-22`,
      source: 'ics',
      externalId: `${uid}/2021-12-22`,
      assistant: 'va',
      date: '2021-12-22',
      reason: 'Google says this is 9PM to 10PM on 12/22/2021',
    });
    expect(report.defaultsUsed.some((d) => d.includes('X-WR-TIMEZONE (America/New_York)'))).toBe(true);
  });

  it('reads the torture file’s event with an unfolded line and its Outlook zone name', async () => {
    const buf = readRealFixture('ics', 'ics-parser_ICal.ics');
    const lines = buf.toString('utf8').split(/\r?\n/);
    const stray = lines.findIndex((l) => l.startsWith('&nbsp;')) + 1;
    const { events, report } = await convertExport('ics', buf, {
      assistant: 'va',
      options: { leave: { all: true } },
    });
    // "My Holidays": 20160105T090000Z to 20160107T173000Z, three dates in the calendar's UTC.
    expect(events.filter((e) => e.externalId?.startsWith('15lc1nvupht8dtfiptenljoiv4@google.com/'))).toEqual(
      ['2016-01-05', '2016-01-06', '2016-01-07'].map((date) => ({
        type: 'dayOff',
        id: `ics:15lc1nvupht8dtfiptenljoiv4@google.com/${date}`,
        source: 'ics',
        externalId: `15lc1nvupht8dtfiptenljoiv4@google.com/${date}`,
        assistant: 'va',
        date,
        reason: 'My Holidays',
      })),
    );
    expect(report.notes).toContain(
      `a line with no property name inside an event was read as the continuation of the previous property: line ${stray}`,
    );
    expect(report.notes).toContain(
      'Windows zone names read as IANA zones: "(UTC-05:00) Eastern Time (US & Canada)" → America/New_York (1 event)',
    );
    // "DST Change" starts Tue 2016-01-19, a day its RRULE (last Sunday of October) does not give.
    expect(events.some((e) => e.externalId === 'rq8jng4jgq0m1lvpj8486fttu0@google.com/2016-01-19')).toBe(
      true,
    );
  });
});
