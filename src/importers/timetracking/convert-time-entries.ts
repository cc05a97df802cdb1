/**
 * Toggl Track and Clockify detailed CSV → §3 time entries (SPEC §10). Both print zone-less local
 * dates and times (read in `--timezone`), in 12- or 24-hour clocks and in the user's date order;
 * Toggl on 12-hour accounts prints durations as clock times, so start and end are preferred and
 * the duration is only a fallback. Headers are matched without case, in English and in the
 * translations below, or as the options name them.
 */

import { eventIdOf } from '#core/sources/event-id';
import { daysFromCivil } from '#core/time/calendar';
import { DateOrderResolver } from '../common/date-order.ts';
import {
  type CivilDate,
  formatCivilDate,
  formatInZone,
  parseCivilDate,
  parseClockTime,
  parseDurationText,
  zonedMs,
} from '../common/local-time.ts';
import { CsvHeader, cell, readCsv } from '../common/read-csv.ts';
import type { ImportContext, PlacedDraft } from '../import-context.ts';
import { ImportError } from '../import-error.ts';
import type { IdentityKind } from '../import-types.ts';
import type { TimeEntryField, TimeEntryOptions } from './time-entry-options.ts';

/** Shared by entries without tags (frozen: a million empty arrays are not needed). */
const NO_TAGS = Object.freeze([]) as unknown as string[];

/** Header names per field: English (Toggl, Clockify), then German, French, Spanish, Portuguese. */
const ALIASES: Record<TimeEntryField, string[]> = {
  user: ['User', 'Benutzer', 'Utilisateur', 'Usuario', 'Usuário', 'ユーザー'],
  email: ['Email', 'E-mail', 'E-Mail', 'Courriel', 'Correo electrónico'],
  client: ['Client', 'Kunde', 'Cliente', 'クライアント'],
  project: ['Project', 'Projekt', 'Projet', 'Proyecto', 'Projeto', 'プロジェクト'],
  task: ['Task', 'Activity', 'Aufgabe', 'Tâche', 'Tarea', 'Tarefa', 'タスク'],
  description: ['Description', 'Beschreibung', 'Descripción', 'Descrição', '説明'],
  startDate: ['Start date', 'Startdatum', 'Date de début', 'Fecha de inicio', 'Data de início', '開始日'],
  startTime: ['Start time', 'Startzeit', 'Heure de début', 'Hora de inicio', 'Hora de início', '開始時刻'],
  endDate: ['End date', 'Enddatum', 'Date de fin', 'Fecha de fin', 'Data de término', '終了日'],
  endTime: ['End time', 'Endzeit', 'Heure de fin', 'Hora de fin', 'Hora de término', '終了時刻'],
  duration: [
    'Duration',
    'Duration (h)',
    'Dauer',
    'Dauer (h)',
    'Durée',
    'Durée (h)',
    'Duración',
    'Duração',
    '期間',
  ],
  tags: ['Tags', 'Tag', 'Étiquettes', 'Etiquetas', 'タグ'],
};

const REQUIRED: TimeEntryField[] = ['startDate', 'startTime'];

type Cols = Record<TimeEntryField, number>;

function resolveColumns(header: CsvHeader, options: TimeEntryOptions, what: string): Cols {
  const cols = {} as Cols;
  for (const f of Object.keys(ALIASES) as TimeEntryField[]) {
    const named = options.columns?.[f];
    cols[f] = named ? header.find(named) : header.find(...ALIASES[f]);
    if (named && cols[f] < 0)
      throw new ImportError('missing_column', `${what}: no column "${named}" (options.columns.${f})`, {
        line: 1,
        field: named,
      });
  }
  for (const f of REQUIRED)
    if (cols[f] < 0)
      throw new ImportError(
        'missing_column',
        `${what}: no "${ALIASES[f][0]}" column (header: ${header.names.join(', ')}); name it in options.columns.${f}`,
        { line: 1, field: ALIASES[f][0] },
      );
  return cols;
}

export interface TimeEntrySource {
  /** Identity kind of a user without an e-mail address. */
  kind: IdentityKind;
  what: string;
}

export async function convertTimeEntries(
  bytes: Uint8Array,
  ctx: ImportContext,
  options: TimeEntryOptions,
  src: TimeEntrySource,
): Promise<void> {
  const zone = ctx.timezone;
  if (!ctx.timezoneGiven)
    ctx.useDefault(`timezone: ${src.what} times carry no zone; read as UTC (give --timezone)`);
  if (!options.priorityProjects && !options.priorityTags)
    ctx.useDefault('priorityProjects/priorityTags: none given, so no time counts as priority');
  const priorityProjects = new Set((options.priorityProjects ?? []).map((s) => s.toLowerCase()));
  const priorityTags = new Set((options.priorityTags ?? []).map((s) => s.toLowerCase()));
  let cols: Cols | undefined;
  let width = 0;
  const resolver = new DateOrderResolver<string[]>(options.dateOrder, ctx, src.what);
  // Keyed by the local wall-clock start (seconds since 1970-01-01 as written), not the instant.
  const firstAtStart = new Map<number, string>();
  const dayText = new Map<CivilDate, string>();
  const repeats = new Map<string, number>();
  const dayCache = new Map<string, CivilDate | null>();

  // Exports repeat the same few hundred dates: read each once.
  const parseDay = (s: string): CivilDate | null => {
    let d = dayCache.get(s);
    if (d === undefined) {
      d = parseCivilDate(s, resolver.order);
      dayCache.set(s, d);
    }
    return d;
  };
  const whoOf = new Map<string, string>();
  const emailKey = (email: string): string => {
    let w = whoOf.get(email);
    if (w === undefined) {
      w = `email:${email.toLowerCase()}`;
      whoOf.set(email, w);
    }
    return w;
  };

  const convertRow = (r: string[], line: number): void => {
    const c = cols as Cols;
    const startDay = parseDay(cell(r, c.startDate));
    const startSec = parseClockTime(cell(r, c.startTime));
    if (!startDay || startSec === null) {
      ctx.skip({ line, reason: `invalid start "${cell(r, c.startDate)} ${cell(r, c.startTime)}"` });
      return;
    }
    const startMs = zonedMs(zone, startDay, startSec);
    let endMs: number | undefined;
    const endDateText = cell(r, c.endDate);
    const endTimeText = cell(r, c.endTime);
    if (endTimeText) {
      const endDay = endDateText ? parseDay(endDateText) : startDay;
      const endSec = parseClockTime(endTimeText);
      if (!endDay || endSec === null) {
        ctx.skip({ line, reason: `invalid end "${endDateText} ${endTimeText}"` });
        return;
      }
      endMs = zonedMs(zone, endDay, endSec);
      // An entry past midnight without an end date ends the next day.
      if (endMs < startMs && !endDateText) endMs += 86_400_000;
    } else {
      const d = parseDurationText(cell(r, c.duration));
      if (d === null) {
        ctx.skip({ line, reason: 'no end time and no readable duration' });
        return;
      }
      endMs = startMs + d * 1000;
    }
    if (endMs < startMs) {
      ctx.skip({ line, reason: 'ends before it starts' });
      return;
    }
    const email = cell(r, c.email);
    const user = cell(r, c.user);
    if (!email && !user) {
      ctx.skip({ line, reason: 'no user or e-mail' });
      return;
    }
    const mapped = email
      ? ctx.identity('email', email, user || undefined)
      : ctx.identity(src.kind, user, user);
    const assistant = ctx.attribute(mapped);
    const who = email ? emailKey(email) : `${src.kind}:${user}`;
    if (assistant === undefined) {
      ctx.skip({ line, reason: `${who} maps to no assistant` });
      return;
    }
    const start = formatInZone(startMs, zone);
    // Entries have no id in these exports: user + start is the key, numbered when repeated. The
    // start is the wall-clock time as the file writes it, without an offset, so importing the
    // file again with a corrected --timezone updates the same entries (SPEC §3 storage key).
    // Looked up by a number first, so a million distinct starts cost numbers, not strings.
    const wall = daysFromCivil(startDay.y, startDay.m, startDay.d) * 86_400 + startSec;
    let n = 1;
    const firstWho = firstAtStart.get(wall);
    if (firstWho === undefined) firstAtStart.set(wall, who);
    else {
      const k = `${who}|${wall}`;
      n = (repeats.get(k) ?? (firstWho === who ? 1 : 0)) + 1;
      repeats.set(k, n);
    }
    let day = dayText.get(startDay);
    if (day === undefined) {
      day = formatCivilDate(startDay);
      dayText.set(startDay, day);
    }
    const baseKey = `${who}|${day}T${clockText(startSec)}`;
    const project = cell(r, c.project);
    const client = cell(r, c.client);
    const tagText = cell(r, c.tags);
    const tags: string[] = tagText === '' ? NO_TAGS : [];
    let priority = project !== '' && priorityProjects.size > 0 && priorityProjects.has(project.toLowerCase());
    if (tagText !== '')
      for (const t of tagText.split(',')) {
        const tag = t.trim();
        if (tag === '') continue;
        tags.push(tag);
        if (priorityTags.size > 0 && priorityTags.has(tag.toLowerCase())) priority = true;
      }
    // One literal, no spreads: this runs once per row of million-row files.
    const externalId = n === 1 ? baseKey : `${baseKey}#${n}`;
    const e: PlacedDraft & Record<string, unknown> = {
      type: 'timeEntry',
      id: eventIdOf(ctx.source, externalId),
      source: ctx.source,
      externalId,
      assistant,
      start,
      end: formatInZone(endMs, zone),
      tags,
      priority,
    };
    if (project) e.project = project;
    if (client) e.client = client;
    // The numbering above makes every externalId distinct.
    ctx.emit(e, { line }, true);
  };

  await readCsv(bytes, src.what, (r, line) => {
    if (!cols) {
      const header = new CsvHeader(r);
      cols = resolveColumns(header, options, src.what);
      width = header.names.length;
      return;
    }
    if (r.length !== width)
      ctx.note(
        `${src.what}: rows with ${r.length} fields under a ${width}-field header (missing fields read as empty)`,
        `line ${line}`,
      );
    resolver.offer(r, line, [cell(r, cols.startDate), cell(r, cols.endDate)], convertRow);
  });
  if (!cols)
    throw new ImportError('missing_column', `${src.what}: the file is empty (no header)`, { line: 1 });
  resolver.finish(convertRow);
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/** `HH:MM:SS` of seconds into the day. */
function clockText(sec: number): string {
  return `${pad2(Math.floor(sec / 3600))}:${pad2(Math.floor(sec / 60) % 60)}:${pad2(sec % 60)}`;
}
