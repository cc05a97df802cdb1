/**
 * Asana webhooks: the handshake decision, verify the raw bytes, key each event, turn events into
 * refreshes, and convert the refetched task (with the deadline rule applied against the stored one).
 */
export { keepPassedDeadline } from '../common/keep-passed-deadline.ts';
export { ASANA_SECRET_HEADER, type AsanaConnectionState, asanaHandshake } from './asana-handshake.ts';
export { convertAsanaEvents as convertAsana } from './convert-asana-events.ts';
export { type AsanaWebhookOptions, convertAsanaTask } from './convert-asana-task.ts';
export { asanaEventKey, deliveryKeysAsana } from './delivery-key-asana.ts';
export { ASANA_SIGNATURE_HEADER, asanaSignature, verifyAsana } from './verify-asana.ts';
