/**
 * A Trello webhook delivery (`{ action, model }`) → §3 items (SPEC §10). A single action rarely
 * describes a whole card, so cards change through `patchTask` items that the service applies to the
 * stored task (docs/webhooks.md):
 *
 * - createCard (and copyCard, emailCard, convertToCardFromCheckItem, moveCardToBoard): a task
 *   seeded from the card, owned by its creator when the creator maps to an assistant — then
 *   self-initiated, with a proactive event, as in the importer;
 * - updateCard: `data.old` names the changed fields — name, due, dueComplete, idList (into or
 *   out of a done list), closed (archived);
 * - addMemberToCard: the first member who maps to an assistant owns the card; added by someone
 *   else, it is not self-initiated (and its proactive event is removed);
 * - addLabelToCard / removeLabelFromCard: labels, with category and priority recomputed;
 * - deleteCard: the task and its proactive event are removed.
 */
import { parseInstant } from '#core/time/instant';
import { isObject, type JsonObject, obj, str } from '../common/json-fields.ts';
import { parseWebhookJson } from '../common/parse-webhook-json.ts';
import { invalidPayload, WebhookContext, type WebhookConvertInit } from '../common/webhook-context.ts';
import type { ConvertOutcome, LabelRules, TaskEvent, TaskPatch } from '../common/webhook-items.ts';
import { deliveryKeysTrello } from './delivery-key-trello.ts';
import { isDoneList, type TrelloWebhookOptions } from './trello-options.ts';

const CREATE_TYPES = new Set([
  'createCard',
  'copyCard',
  'convertToCardFromCheckItem',
  'moveCardToBoard',
  'emailCard',
]);
const TRELLO_ID = /^[0-9a-f]{24}$/;

/** A 24-hex Trello id starts with its creation time in Unix seconds. */
function timeFromObjectId(id: string): number {
  return Number.parseInt(id.slice(0, 8), 16) * 1000;
}

function labelRules(options: TrelloWebhookOptions): LabelRules {
  const categoryLabels: Record<string, string> = {};
  for (const [k, v] of Object.entries(options.categoryLabels ?? {})) categoryLabels[k.toLowerCase()] = v;
  return { categoryLabels, priorityLabels: (options.priorityLabels ?? []).map((l) => l.toLowerCase()) };
}

function listOf(o: JsonObject | undefined): { id?: string; name?: string } {
  if (!o) return {};
  const id = str(o, 'id');
  const name = str(o, 'name');
  return { ...(id !== undefined ? { id } : {}), ...(name !== undefined ? { name } : {}) };
}

export function convertTrelloAction(
  body: Uint8Array,
  init: WebhookConvertInit,
  options: TrelloWebhookOptions = {},
): ConvertOutcome {
  const parsed = parseWebhookJson(body);
  if (!parsed.ok) return parsed;
  if (!isObject(parsed.value)) return invalidPayload('expected a JSON object');
  const action = obj(parsed.value, 'action');
  if (!action) return invalidPayload('no action object', 'action');
  const keys = deliveryKeysTrello(body);
  if (!keys.ok) return keys;
  const deliveryKey = keys.keys[0] as string;
  const ctx = new WebhookContext('trello', init);
  const type = str(action, 'type') ?? '';
  const dateMs = parseInstant(str(action, 'date') ?? '');
  if (Number.isNaN(dateMs)) return invalidPayload('no readable action date', 'action.date');
  const at = ctx.at(dateMs);
  const data = obj(action, 'data');
  const card = data ? obj(data, 'card') : undefined;
  const cardId = card ? str(card, 'id') : undefined;
  if (!data || !card || cardId === undefined) {
    ctx.skip({ reason: `Trello ${type || 'unknown'} action on no card` });
    return ctx.finish();
  }
  if (!TRELLO_ID.test(cardId)) return invalidPayload('card id is not a Trello id', 'action.data.card.id');
  const by = str(action, 'idMemberCreator');
  const memberCreator = obj(action, 'memberCreator');
  const byName = memberCreator ? str(memberCreator, 'fullName') : undefined;
  const title = (str(card, 'name') ?? '').trim() || '(untitled card)';
  const id = ctx.idOf(cardId);
  const base = { id, source: 'trello', externalId: cardId, at };
  const patch = (p: Omit<TaskPatch, 'id' | 'source' | 'externalId' | 'at'>) =>
    ctx.push({ deliveryKey, kind: 'patchTask', patch: { ...base, ...p } });
  const seedFor = (assistant: string, selfInitiated: boolean): TaskEvent | undefined => {
    const e = ctx.event({
      type: 'task',
      externalId: cardId,
      assistant,
      title,
      labels: [],
      createdAt: ctx.at(CREATE_TYPES.has(type) ? dateMs : timeFromObjectId(cardId)),
      selfInitiated,
      priority: false,
    });
    return e?.type === 'task' ? e : undefined;
  };
  const removeProactive = () =>
    ctx.push({
      deliveryKey,
      kind: 'remove',
      type: 'proactive',
      id,
      source: 'trello',
      externalId: cardId,
      at,
    });

  if (CREATE_TYPES.has(type)) {
    const assistant = by !== undefined ? ctx.identity('trello', by, byName) : undefined;
    if (assistant === undefined) {
      ctx.skip({
        externalId: cardId,
        reason: `card created by ${by ? `trello:${by}` : 'nobody known'}, who maps to no assistant; a member added later attributes it`,
      });
      return ctx.finish();
    }
    const seed = seedFor(assistant, true);
    if (!seed) return ctx.finish();
    const list = listOf(obj(data, 'list'));
    patch({ seed, ...(isDoneList(options, list) ? { completed: true } : {}) });
    const proactive = ctx.event({
      type: 'proactive',
      externalId: cardId,
      assistant,
      occurredAt: at,
      description: `Created card "${title}"`,
    });
    if (proactive) ctx.push({ deliveryKey, kind: 'upsert', event: proactive });
    return ctx.finish();
  }

  switch (type) {
    case 'updateCard': {
      const old = obj(data, 'old');
      if (!old) return invalidPayload('updateCard without data.old', 'action.data.old');
      const p: Omit<TaskPatch, 'id' | 'source' | 'externalId' | 'at'> = {};
      if (Object.hasOwn(old, 'name')) p.title = title;
      if (Object.hasOwn(old, 'due')) {
        const due = str(card, 'due');
        const dueMs = due === undefined ? Number.NaN : parseInstant(due);
        if (due !== undefined && Number.isNaN(dueMs))
          return invalidPayload('unreadable due', 'action.data.card.due');
        p.due = Number.isNaN(dueMs) ? null : ctx.at(dueMs);
      }
      const inDoneList = isDoneList(options, listOf(obj(data, 'list')));
      if (Object.hasOwn(old, 'dueComplete')) {
        if (card.dueComplete === true) p.completed = true;
        else if (!inDoneList) p.completed = false;
      }
      if (Object.hasOwn(old, 'idList')) {
        const after = isDoneList(options, listOf(obj(data, 'listAfter')));
        if (after) p.completed = true;
        else if (isDoneList(options, listOf(obj(data, 'listBefore'))) && card.dueComplete !== true)
          p.completed = false;
      }
      if (Object.hasOwn(old, 'closed') && (options.archived ?? 'cancel') === 'cancel')
        p.cancelled = card.closed === true;
      if (Object.keys(p).length === 0) {
        ctx.skip({
          externalId: cardId,
          reason: `updateCard of ${Object.keys(old).join(', ')}: nothing §3 keeps`,
        });
        return ctx.finish();
      }
      patch(p);
      return ctx.finish();
    }
    case 'addMemberToCard': {
      const member =
        str(data, 'idMember') ??
        (obj(action, 'member') ? str(obj(action, 'member') as JsonObject, 'id') : undefined);
      if (member === undefined)
        return invalidPayload('addMemberToCard without a member', 'action.data.idMember');
      const memberObj = obj(action, 'member');
      const assistant = ctx.identity('trello', member, memberObj ? str(memberObj, 'fullName') : undefined);
      if (assistant === undefined) {
        ctx.skip({ externalId: cardId, reason: `trello:${member} maps to no assistant` });
        return ctx.finish();
      }
      const byOther = by === undefined || ctx.mapped('trello', by) !== assistant;
      const seed = seedFor(assistant, false);
      patch({
        assistant,
        assignedAt: at,
        ...(byOther ? { selfInitiated: false } : {}),
        ...(seed ? { seed } : {}),
      });
      if (byOther) removeProactive();
      return ctx.finish();
    }
    case 'addLabelToCard':
    case 'removeLabelFromCard': {
      const label = obj(data, 'label');
      const name = label ? str(label, 'name') || str(label, 'color') : undefined;
      if (!name) return invalidPayload('label without a name or colour', 'action.data.label');
      patch({
        ...(type === 'addLabelToCard' ? { addLabels: [name] } : { removeLabels: [name] }),
        labelRules: labelRules(options),
      });
      return ctx.finish();
    }
    case 'deleteCard': {
      ctx.push({ deliveryKey, kind: 'remove', type: 'task', id, source: 'trello', externalId: cardId, at });
      removeProactive();
      return ctx.finish();
    }
    default:
      ctx.skip({ externalId: cardId, reason: `Trello ${type || 'unknown'} actions change nothing §3 keeps` });
      return ctx.finish();
  }
}
