/**
 * An Asana task as the REST API returns it (`GET /tasks/{gid}`, the answer to a `refreshTask`
 * item) → a §3 task (SPEC §10), with the importer's options. The API is richer than the CSV export:
 * `completed_at` and `created_at` are instants, `due_at` an instant deadline (else `due_on` a
 * date-only one), `created_by` says who created the task. A task created by the assistant it is
 * assigned to is self-initiated, with a proactive event, as a Trello card is. Before storing, the
 * service applies `keepPassedDeadline` to the stored task (SPEC §10 deadline moves).
 */
import { arr, bool, isObject, type JsonObject, obj, str } from '../common/json-fields.ts';
import { parseWebhookJson } from '../common/parse-webhook-json.ts';
import { invalidPayload, WebhookContext, type WebhookConvertInit } from '../common/webhook-context.ts';
import type { ConvertOutcome } from '../common/webhook-items.ts';

/** The Asana importer's options (src/importers/asana/asana-options.ts), as saved for the connection. */
export interface AsanaWebhookOptions {
  priorityProjects?: readonly string[];
  priorityTags?: readonly string[];
  categoryLabels?: Readonly<Record<string, string>>;
  subtasks?: 'include' | 'skip';
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

const names = (list: unknown[], key?: string): string[] =>
  list
    .map((x) => (isObject(x) ? (key ? obj(x, key) : x) : undefined))
    .map((x) => (x ? str(x, 'name') : undefined))
    .filter((n): n is string => n !== undefined && n.length > 0);

export function convertAsanaTask(
  body: Uint8Array,
  init: WebhookConvertInit,
  options: AsanaWebhookOptions = {},
  /** The refreshTask item's `deliveryKey`, carried on to the upsert. */
  deliveryKey = 'asana:refresh',
): ConvertOutcome {
  const parsed = parseWebhookJson(body);
  if (!parsed.ok) return parsed;
  if (!isObject(parsed.value)) return invalidPayload('expected a JSON object');
  const t: JsonObject | undefined = obj(parsed.value, 'data') ?? parsed.value;
  const ctx = new WebhookContext('asana', init);
  const gid = str(t, 'gid');
  if (gid === undefined || !/^[0-9]{1,32}$/.test(gid)) return invalidPayload('no task gid', 'data.gid');
  const createdAt = ctx.instant(str(t, 'created_at'));
  if (!createdAt) return invalidPayload('no readable created_at', 'data.created_at');
  if (obj(t, 'parent') && options.subtasks === 'skip') {
    ctx.skip({ externalId: gid, reason: 'subtask (options.subtasks = "skip")' });
    return ctx.finish();
  }
  const assignee = obj(t, 'assignee');
  const assigneeGid = assignee ? str(assignee, 'gid') : undefined;
  const email = assignee ? str(assignee, 'email') : undefined;
  const name = assignee ? str(assignee, 'name') : undefined;
  const assistant =
    assigneeGid === undefined
      ? undefined
      : ((email ? ctx.mapped('email', email) : undefined) ?? ctx.identity('asana', assigneeGid, name));
  if (assistant === undefined) {
    ctx.skip({
      externalId: gid,
      reason: assigneeGid ? `asana:${assigneeGid} maps to no assistant` : 'unassigned task',
    });
    return ctx.finish();
  }
  const dueAt = ctx.instant(str(t, 'due_at'));
  const dueOn = str(t, 'due_on');
  if (dueOn !== undefined && !DATE.test(dueOn)) return invalidPayload('unreadable due_on', 'data.due_on');
  const completed = bool(t, 'completed') === true;
  const completedAt = completed ? ctx.instant(str(t, 'completed_at')) : undefined;
  if (completed && !completedAt)
    return invalidPayload('completed without a readable completed_at', 'data.completed_at');
  const tags = names(arr(t, 'tags'));
  const memberships = arr(t, 'memberships');
  const projects = names(memberships, 'project');
  const sections = names(memberships, 'section');
  const categoryOf = new Map(
    Object.entries(options.categoryLabels ?? {}).map(([k, v]) => [k.toLowerCase(), v]),
  );
  const category = [...tags, ...sections]
    .map((x) => categoryOf.get(x.toLowerCase()))
    .find((x) => x !== undefined);
  const pp = new Set((options.priorityProjects ?? []).map((p) => p.toLowerCase()));
  const pt = new Set((options.priorityTags ?? []).map((p) => p.toLowerCase()));
  const priority = projects.some((p) => pp.has(p.toLowerCase())) || tags.some((x) => pt.has(x.toLowerCase()));
  const creator = obj(t, 'created_by');
  const creatorGid = creator ? str(creator, 'gid') : undefined;
  const selfInitiated = creatorGid !== undefined && ctx.mapped('asana', creatorGid) === assistant;
  const title = (str(t, 'name') ?? '').trim() || '(untitled task)';
  const event = ctx.event({
    type: 'task',
    externalId: gid,
    assistant,
    title,
    ...(category !== undefined ? { category } : {}),
    labels: tags,
    createdAt,
    ...(dueAt ? { due: dueAt } : dueOn ? { dueDate: dueOn } : {}),
    ...(completedAt ? { completedAt } : {}),
    selfInitiated,
    priority,
  });
  if (!event) return ctx.finish();
  ctx.push({ deliveryKey, kind: 'upsert', event });
  if (selfInitiated) {
    const proactive = ctx.event({
      type: 'proactive',
      externalId: gid,
      assistant,
      occurredAt: createdAt,
      description: `Created task "${title}"`,
    });
    if (proactive) ctx.push({ deliveryKey, kind: 'upsert', event: proactive });
  }
  return ctx.finish();
}
