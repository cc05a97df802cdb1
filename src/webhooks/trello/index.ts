/** Trello webhooks: answer the HEAD check, verify the raw bytes, key, convert, apply patches. */
export { applyTaskPatch } from '../common/apply-task-patch.ts';
export { convertTrelloAction as convertTrello } from './convert-trello-action.ts';
export { deliveryKeysTrello } from './delivery-key-trello.ts';
export { trelloHeadStatus } from './trello-head-status.ts';
export type { TrelloWebhookOptions } from './trello-options.ts';
export { TRELLO_SIGNATURE_HEADER, trelloSignature, verifyTrello } from './verify-trello.ts';
