/**
 * Request and response schemas of outbound webhooks (issue 9 item 5): endpoints, their secret
 * (shown once), the delivery log; shared by the server (validation, OpenAPI) and the web app.
 */
import { z } from 'zod';

const instant = z.string().datetime({ offset: true });

export const OUTBOUND_EVENT_TYPES = ['kpi.status_changed', 'agreement.requested', 'review.signed'] as const;
export const OutboundEventType = z.enum(OUTBOUND_EVENT_TYPES);
export type OutboundEventType = z.infer<typeof OutboundEventType>;

// The URL is checked by the service (`invalid_webhook_url` for anything but http(s)), so a
// `file:` URL gets that stable code rather than a generic validation failure.
const url = z.string().min(1).max(2000).describe('An absolute http(s) URL');
const description = z.string().max(500);
const events = z
  .array(OutboundEventType)
  .min(1)
  .max(OUTBOUND_EVENT_TYPES.length * 2)
  .describe('The event types sent to it');

export const WebhookEndpoint = z
  .object({
    id: z.string(),
    url: z.string(),
    description: z.string(),
    events: z.array(OutboundEventType),
    enabled: z.boolean(),
    createdAt: instant,
    updatedAt: instant,
    secretRotatedAt: instant.nullable(),
  })
  .meta({ id: 'WebhookEndpoint' });
export type WebhookEndpoint = z.infer<typeof WebhookEndpoint>;

export const WebhookEndpointWithSecret = z
  .object({
    endpoint: WebhookEndpoint,
    secret: z
      .string()
      .describe('The Standard Webhooks signing secret (`whsec_…`): shown once, keep it in the receiver'),
  })
  .meta({ id: 'WebhookEndpointWithSecret' });
export type WebhookEndpointWithSecret = z.infer<typeof WebhookEndpointWithSecret>;

export const CreateWebhookEndpointBody = z.strictObject({
  url,
  description: description.optional(),
  events,
  enabled: z.boolean().optional(),
});
export type CreateWebhookEndpointBody = z.infer<typeof CreateWebhookEndpointBody>;

export const UpdateWebhookEndpointBody = z
  .strictObject({
    url: url.optional(),
    description: description.optional(),
    events: events.optional(),
    enabled: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'Nothing to change' });

export const WebhookAttempt = z.object({
  attempt: z.number().int(),
  at: instant,
  statusCode: z.number().int().nullable().describe('null: no answer (timeout, connection refused)'),
  durationMs: z.number().int(),
  error: z.string().nullable(),
  nextRetryAt: instant.nullable().describe('When the next try is due; null after a success or the last try'),
});
export type WebhookAttempt = z.infer<typeof WebhookAttempt>;

export const WebhookDelivery = z
  .object({
    id: z.string().describe('The `webhook-id` header: the same on every retry'),
    eventType: z.string(),
    status: z.enum(['pending', 'succeeded', 'failed', 'skipped']),
    createdAt: instant,
    finishedAt: instant.nullable(),
    body: z.string().describe('The JSON body every attempt sent: {type, timestamp, data}'),
    attempts: z.array(WebhookAttempt),
  })
  .meta({ id: 'WebhookDelivery' });
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;

export const WebhookDeliveryQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const WebhookTestResult = z.object({ deliveryId: z.string() });
