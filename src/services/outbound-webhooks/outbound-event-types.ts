/**
 * The events Tandem sends to outbound webhook endpoints (issue 9 item 5), and the test message an
 * owner or manager can send by hand. Names follow the Standard Webhooks advice: `noun.verb`. The
 * list lives with the API schemas (shared with the web app).
 */
export { OUTBOUND_EVENT_TYPES, type OutboundEventType } from '#shared/outbound-webhook-schemas';

/** Sent only by "send test", to one endpoint, whatever it subscribes to. */
export const TEST_EVENT_TYPE = 'webhook.test';
