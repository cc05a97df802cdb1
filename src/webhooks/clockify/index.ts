/** Clockify webhooks: verify the token, key, convert (the event type comes in a header). */
export { convertClockifyEvent as convertClockify } from './convert-clockify-event.ts';
export { deliveryKeysClockify } from './delivery-key-clockify.ts';
export { CLOCKIFY_EVENT_TYPE_HEADER, CLOCKIFY_SIGNATURE_HEADER, verifyClockify } from './verify-clockify.ts';
