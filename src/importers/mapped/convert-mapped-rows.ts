/**
 * Rows of any table (CSV or a worksheet) → §3 events through a column mapping (SPEC §10). Cells
 * are read by the kind of field they fill: instants with an offset as given, zone-less ones in
 * `--timezone` (a date alone in `completedAt` is 12:00 local, SPEC §10), dates in the given order,
 * numbers, yes/no flags and lists. The core validator has the last word on every event.
 */
import { createHash } from 'node:crypto';
import { parseInstant } from '#core/time/instant';
import { DateOrderResolver } from '../common/date-order.ts';
import { endNotBeforeStart } from '../common/end-not-before-start.ts';
import { parseLocalDateTime } from '../common/local-date-time.ts';
import { formatCivilDate, needsOrder, zonedInstant } from '../common/local-time.ts';
import type { DraftEvent, ImportContext } from '../import-context.ts';
import { ImportError } from '../import-error.ts';
import { fieldKind, type MappedOptions } from './mapped-options.ts';

export type Cell = string | number | boolean | Date | null | undefined;

/**
 * The lists and flags SPEC §3 requires that a table often does not hold (no "labels" or "priority"
 * column): where no column or fixed value gives one, it is empty or false, and the report says so.
 */
const REQUIRED_DEFAULTS: Readonly<Record<string, ReadonlyArray<[string, () => unknown]>>> = {
  task: [
    ['labels', () => []],
    ['selfInitiated', () => false],
    ['priority', () => false],
  ],
  timeEntry: [
    ['tags', () => []],
    ['priority', () => false],
  ],
  pulse: [['shared', () => false]],
};

const TRUE = new Set(['true', 'yes', 'y', '1', 'x', 'ja', 'oui', 'sí', 'si']);
const FALSE = new Set(['false', 'no', 'n', '0', '', 'nein', 'non']);

/** Text of a cell; a Date (spreadsheet serial read as UTC wall time) is written `YYYY-MM-DD HH:MM:SS`. */
function cellText(c: Cell): string {
  if (c === null || c === undefined) return '';
  if (c instanceof Date) {
    const iso = c.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
  }
  return String(c).trim();
}

export class MappedRowConverter {
  private header: string[] | undefined;
  private readonly fieldCols = new Map<string, number>();
  private identityCol = -1;
  private readonly resolver: DateOrderResolver<Cell[]>;

  constructor(
    private readonly ctx: ImportContext,
    private readonly options: MappedOptions,
    private readonly what: string,
  ) {
    this.resolver = new DateOrderResolver(options.dateOrder, ctx, what);
    if (!ctx.timezoneGiven)
      ctx.useDefault(`timezone: ${what} times without an offset are read in UTC (give --timezone)`);
  }

  /** Feeds one row; the first is the header. */
  row(cells: Cell[], line: number): void {
    if (!this.header) {
      this.header = cells.map((c) => cellText(c).replace(/^\uFEFF/, ''));
      const find = (name: string) =>
        this.header?.findIndex((h) => h.toLowerCase() === name.toLowerCase()) ?? -1;
      for (const [field, col] of Object.entries(this.options.columns)) {
        const at = find(col);
        if (at < 0)
          throw new ImportError(
            'missing_column',
            `${this.what}: no column "${col}" (options.columns.${field})`,
            { line, field: col },
          );
        this.fieldCols.set(field, at);
      }
      if (this.options.identity) {
        this.identityCol = find(this.options.identity.column);
        if (this.identityCol < 0)
          throw new ImportError(
            'missing_column',
            `${this.what}: no column "${this.options.identity.column}" (options.identity.column)`,
            {
              line,
              field: this.options.identity.column,
            },
          );
      }
      return;
    }
    if (cells.every((c) => cellText(c) === '')) return;
    const dates: string[] = [];
    for (const [field, at] of this.fieldCols) {
      const k = fieldKind(field);
      const t = cellText(cells[at]);
      if ((k === 'instant' || k === 'date') && needsOrder(t.split(' ')[0] ?? ''))
        dates.push(t.split(' ')[0] ?? '');
    }
    this.resolver.offer(cells, line, dates, (r, l) => this.convert(r, l));
  }

  finish(): void {
    if (!this.header)
      throw new ImportError('missing_column', `${this.what}: the table is empty (no header)`, { line: 1 });
    this.resolver.finish((r, l) => this.convert(r, l));
  }

  private convert(cells: Cell[], line: number): void {
    const { ctx, options } = this;
    const draft: Record<string, unknown> = { type: options.eventType, ...(options.values ?? {}) };
    for (const [field, at] of this.fieldCols) {
      const raw = cellText(cells[at]);
      if (raw === '') continue;
      const v = this.read(field, raw, cells[at]);
      if (v === undefined) {
        ctx.skip({ line, reason: `${field}: cannot read "${raw.slice(0, 60)}" as ${fieldKind(field)}` });
        return;
      }
      draft[field] = v;
    }
    // Attribution: --assistant, else an identity column, else an "assistant" column.
    let assistant = ctx.assistant;
    if (assistant === undefined && this.identityCol >= 0 && options.identity) {
      const id = cellText(cells[this.identityCol]);
      assistant = id ? ctx.identity(options.identity.kind, id) : undefined;
      if (assistant === undefined) {
        ctx.skip({
          line,
          reason: id ? `${options.identity.kind}:${id} maps to no assistant` : 'no identity in the row',
        });
        return;
      }
    }
    assistant ??= typeof draft.assistant === 'string' ? draft.assistant : undefined;
    if (assistant === undefined) {
      ctx.skip({ line, reason: 'no assistant: give --assistant, an "assistant" column or options.identity' });
      return;
    }
    draft.assistant = assistant;
    const ext =
      typeof draft.externalId === 'string' && draft.externalId !== '' ? draft.externalId : undefined;
    draft.externalId =
      ext ??
      `row-${createHash('sha256')
        .update(JSON.stringify([...this.fieldCols.values()].map((i) => cellText(cells[i]))))
        .digest('hex')
        .slice(0, 24)}`;
    for (const [field, empty] of REQUIRED_DEFAULTS[options.eventType] ?? []) {
      if (draft[field] !== undefined) continue;
      draft[field] = empty();
      ctx.useDefault(`${field}: ${JSON.stringify(draft[field])} where no column or fixed value gives it`);
    }
    delete draft.id;
    delete draft.source;
    // A task never ends before it began (common/end-not-before-start.ts).
    if (draft.type === 'task' && typeof draft.createdAt === 'string')
      for (const field of ['completedAt', 'cancelledAt'] as const)
        if (typeof draft[field] === 'string')
          draft[field] = endNotBeforeStart(
            ctx,
            draft.createdAt,
            draft[field],
            field,
            `line ${line} (${draft.externalId})`,
          );
    ctx.emit(draft as DraftEvent, { line });
  }

  private read(field: string, raw: string, cell: Cell): unknown {
    const zone = this.ctx.timezone;
    switch (fieldKind(field)) {
      case 'instant': {
        if (!Number.isNaN(parseInstant(raw))) return raw;
        const t = parseLocalDateTime(raw, this.resolver.order);
        if (!t) return undefined;
        // A date alone: completion at 12:00 local (SPEC §10), other instants at the start of the day.
        const seconds = t.hasTime ? t.seconds : field === 'completedAt' ? 12 * 3600 : 0;
        if (!t.hasTime && field === 'completedAt')
          this.ctx.note('a date-only completion was read as 12:00 local (SPEC §10)');
        return zonedInstant(zone, t.date, seconds);
      }
      case 'date': {
        const t = parseLocalDateTime(raw, this.resolver.order);
        return t ? formatCivilDate(t.date) : undefined;
      }
      case 'number': {
        const n = typeof cell === 'number' ? cell : Number(raw.replace(',', '.'));
        return Number.isFinite(n) ? n : undefined;
      }
      case 'bool': {
        if (typeof cell === 'boolean') return cell;
        const k = raw.toLowerCase();
        return TRUE.has(k) ? true : FALSE.has(k) ? false : undefined;
      }
      case 'list':
        return raw
          .split(this.options.listSeparator ?? ',')
          .map((s) => s.trim())
          .filter(Boolean);
      default:
        return raw;
    }
  }
}
