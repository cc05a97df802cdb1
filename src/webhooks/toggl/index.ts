/** Toggl Track webhooks: verify the raw bytes, answer the validation PING, key, convert. */

export { convertTogglEvent as convertToggl } from './convert-toggl-event.ts';
export { deliveryKeysToggl } from './delivery-key-toggl.ts';
export { togglValidationResponse } from './toggl-validation.ts';
export { TOGGL_SIGNATURE_HEADER, togglSignature, verifyToggl } from './verify-toggl.ts';
