/**
 * Asana project CSV → §3 tasks (SPEC §10). Dates are date-only: `Due Date` is a local date-only
 * deadline, `Completed At` becomes 12:00 local on that date and `Created At` the start of that
 * date (both noted). A task appears once per project, so rows repeating a Task ID are merged.
 * The CSV does not say who created a task, so none is self-initiated.
 */
import { DateOrderResolver } from '../common/date-order.ts';
import { endNotBeforeStart } from '../common/end-not-before-start.ts';
import { type CivilDate, formatCivilDate, parseCivilDate, zonedInstant } from '../common/local-time.ts';
import { CsvHeader, cell, readCsv } from '../common/read-csv.ts';
import type { ImportContext } from '../import-context.ts';
import { ImportError } from '../import-error.ts';
import type { AsanaOptions } from './asana-options.ts';

interface AsanaTask {
  line: number;
  id: string;
  name: string;
  section: string;
  assignee: string;
  email: string;
  created: CivilDate;
  completed: CivilDate | null;
  due: CivilDate | null;
  tags: string[];
  projects: Set<string>;
  parent: string;
  rows: number;
}

const splitList = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x.length > 0);

export async function convertAsana(
  bytes: Uint8Array,
  ctx: ImportContext,
  options: AsanaOptions,
): Promise<void> {
  const what = 'Asana CSV';
  const zone = ctx.timezone;
  if (!ctx.timezoneGiven)
    ctx.useDefault('timezone: Asana dates carry no zone; read in UTC (give --timezone)');
  if (!options.priorityProjects && !options.priorityTags)
    ctx.useDefault('priorityProjects/priorityTags: none given, so no task is priority');
  if (!options.categoryLabels)
    ctx.useDefault('categoryLabels: none given, so tasks keep their tags but get no category');
  if (!options.subtasks) ctx.useDefault('subtasks: imported as tasks of their own');
  ctx.note('Asana CSV does not say who created a task: no task is marked self-initiated');
  const categoryOf = new Map(
    Object.entries(options.categoryLabels ?? {}).map(([k, v]) => [k.toLowerCase(), v]),
  );
  const priorityProjects = new Set((options.priorityProjects ?? []).map((s) => s.toLowerCase()));
  const priorityTags = new Set((options.priorityTags ?? []).map((s) => s.toLowerCase()));

  let h: CsvHeader | undefined;
  const col = {
    id: -1,
    created: -1,
    completed: -1,
    name: -1,
    section: -1,
    assignee: -1,
    email: -1,
    due: -1,
    tags: -1,
    projects: -1,
    parent: -1,
  };
  const tasks = new Map<string, AsanaTask>();
  const resolver = new DateOrderResolver<string[]>(options.dateOrder, ctx, what);

  const convertRow = (r: string[], line: number): void => {
    const id = cell(r, col.id);
    if (!id) {
      ctx.skip({ line, reason: 'no Task ID' });
      return;
    }
    const created = parseCivilDate(cell(r, col.created), resolver.order);
    if (!created) {
      ctx.skip({ line, externalId: id, reason: `invalid Created At "${cell(r, col.created)}"` });
      return;
    }
    const completedText = cell(r, col.completed);
    const dueText = cell(r, col.due);
    const completed = completedText ? parseCivilDate(completedText, resolver.order) : null;
    const due = dueText ? parseCivilDate(dueText, resolver.order) : null;
    if ((completedText && !completed) || (dueText && !due)) {
      ctx.skip({
        line,
        externalId: id,
        reason: `invalid date "${completedText && !completed ? completedText : dueText}"`,
      });
      return;
    }
    const projects = splitList(cell(r, col.projects));
    const prev = tasks.get(id);
    if (prev) {
      // One row per project (SPEC §10 importer notes): merge, keep the first row's fields.
      for (const p of projects) prev.projects.add(p);
      prev.rows++;
      return;
    }
    tasks.set(id, {
      line,
      id,
      name: cell(r, col.name),
      section: cell(r, col.section),
      assignee: cell(r, col.assignee),
      email: cell(r, col.email),
      created,
      completed,
      due,
      tags: splitList(cell(r, col.tags)),
      projects: new Set(projects),
      parent: cell(r, col.parent),
      rows: 1,
    });
  };

  await readCsv(bytes, what, (r, line) => {
    if (!h) {
      h = new CsvHeader(r);
      col.id = h.find('Task ID');
      col.created = h.find('Created At');
      col.completed = h.find('Completed At');
      col.name = h.find('Name');
      col.section = h.find('Section/Column', 'Section');
      col.assignee = h.find('Assignee');
      col.email = h.find('Assignee Email');
      col.due = h.find('Due Date');
      col.tags = h.find('Tags');
      col.projects = h.find('Projects');
      col.parent = h.find('Parent task', 'Parent Task');
      for (const [k, v] of [
        ['Task ID', col.id],
        ['Created At', col.created],
        ['Name', col.name],
      ] as const)
        if (v < 0)
          throw new ImportError(
            'missing_column',
            `${what}: no "${k}" column (header: ${h.names.join(', ')})`,
            {
              line,
              field: k,
            },
          );
      return;
    }
    resolver.offer(r, line, [cell(r, col.created), cell(r, col.completed), cell(r, col.due)], convertRow);
  });
  if (!h) throw new ImportError('missing_column', `${what}: the file is empty (no header)`, { line: 1 });
  resolver.finish(convertRow);

  if (tasks.size > 0) ctx.note('Created At is a date only: read as the start of that local date');
  for (const t of tasks.values()) {
    if (t.rows > 1)
      ctx.note('a Task ID repeated on several rows (one per project) was merged', `${t.id} (${t.rows} rows)`);
    if (t.parent && options.subtasks === 'skip') {
      ctx.skip({ line: t.line, externalId: t.id, reason: 'subtask (options.subtasks = "skip")' });
      continue;
    }
    const mapped = t.email
      ? ctx.identity('email', t.email, t.assignee || undefined)
      : t.assignee
        ? ctx.identity('asana', t.assignee, t.assignee)
        : undefined;
    const assistant = ctx.attribute(mapped);
    if (assistant === undefined) {
      ctx.skip({
        line: t.line,
        externalId: t.id,
        reason:
          t.email || t.assignee
            ? `assignee ${t.email ? `email:${t.email.toLowerCase()}` : `asana:${t.assignee}`} maps to no assistant`
            : 'unassigned task',
      });
      continue;
    }
    if (t.completed)
      ctx.note('Completed At is a date only: read as 12:00 local on that date (SPEC §10)', t.id);
    const category = [...t.tags, t.section]
      .map((x) => categoryOf.get(x.toLowerCase()))
      .find((x) => x !== undefined);
    const priority =
      [...t.projects].some((p) => priorityProjects.has(p.toLowerCase())) ||
      t.tags.some((x) => priorityTags.has(x.toLowerCase()));
    const createdAt = zonedInstant(zone, t.created, 0);
    const completedAt = endNotBeforeStart(
      ctx,
      createdAt,
      t.completed ? zonedInstant(zone, t.completed, 12 * 3600) : undefined,
      'completedAt',
      `task ${t.id}`,
    );
    ctx.emit(
      {
        type: 'task',
        externalId: t.id,
        assistant,
        title: t.name || '(untitled task)',
        ...(category !== undefined ? { category } : {}),
        labels: t.tags,
        createdAt,
        ...(t.due ? { dueDate: formatCivilDate(t.due) } : {}),
        ...(completedAt !== undefined ? { completedAt } : {}),
        selfInitiated: false,
        priority,
      },
      { line: t.line },
    );
  }
}
