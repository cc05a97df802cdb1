/**
 * Request and response schemas of live connections (issue 9): the connection, its deliveries,
 * and what an assistant's page shows about its sources' freshness; shared by the server
 * (validation, OpenAPI) and the web app (types).
 */
import { z } from 'zod';

const instant = z.string().datetime({ offset: true });

export const WEBHOOK_PROVIDER_NAMES = ['trello', 'asana', 'slack', 'toggl', 'clockify'] as const;
export const WebhookProviderName = z.enum(WEBHOOK_PROVIDER_NAMES);
export type WebhookProviderName = z.infer<typeof WebhookProviderName>;

const Options = z
  .record(z.string(), z.unknown())
  .describe("The importer's options of that provider (SPEC §10)");
const Identities = z
  .record(z.string(), z.string())
  .describe('`{"<kind>:<external id>": "<assistant id>"}`, over the workspace\'s mapped identities');

export const Connection = z
  .object({
    id: z.string(),
    provider: WebhookProviderName,
    name: z.string(),
    status: z.enum(['pending', 'active', 'revoked']),
    revokedReason: z.string().nullable().describe('`deleted` or `creator_left`'),
    callbackUrl: z.string().describe('Give this URL to the provider'),
    options: Options,
    identities: Identities,
    assistant: z.string().nullable(),
    timezone: z.string().nullable(),
    hasSecret: z.boolean(),
    hasApiToken: z.boolean(),
    pendingUntil: instant.nullable().describe('Asana: the handshake is accepted until then'),
    createdBy: z.string(),
    createdAt: instant,
    updatedAt: instant,
    lastDeliveryAt: instant.nullable(),
  })
  .meta({ id: 'Connection' });
export type Connection = z.infer<typeof Connection>;

export const ConnectionList = z.array(Connection).meta({ id: 'ConnectionList' });

export const ConnectionWithSecret = z
  .object({
    connection: Connection,
    secret: z.string().nullable().describe('The secret Tandem made (Toggl); shown this once only'),
  })
  .meta({ id: 'ConnectionWithSecret' });
export type ConnectionWithSecret = z.infer<typeof ConnectionWithSecret>;

const secret = z.string().min(8).max(256);
const settings = {
  name: z.string().trim().min(1).max(200),
  options: Options,
  identities: Identities,
  assistant: z.string().min(1).max(512).nullable(),
  timezone: z.string().min(1).max(100).nullable(),
  apiToken: z.string().min(8).max(512).nullable().describe('Asana: a personal access token (write-only)'),
};

export const CreateConnectionBody = z
  .strictObject({
    provider: WebhookProviderName,
    secret: secret.optional().describe("The provider's signing secret or token; none for Asana"),
    ...settings,
    options: settings.options.optional(),
    identities: settings.identities.optional(),
    assistant: settings.assistant.optional(),
    timezone: settings.timezone.optional(),
    apiToken: settings.apiToken.optional(),
  })
  .meta({ id: 'CreateConnectionBody' });

export const UpdateConnectionBody = z
  .strictObject({
    name: settings.name.optional(),
    options: settings.options.optional(),
    identities: settings.identities.optional(),
    assistant: settings.assistant.optional(),
    timezone: settings.timezone.optional(),
    apiToken: settings.apiToken.optional(),
  })
  .meta({ id: 'UpdateConnectionBody' });

export const RotateConnectionBody = z
  .strictObject({ secret: secret.optional() })
  .meta({ id: 'RotateConnectionBody' });

export const Delivery = z
  .object({
    key: z.string(),
    status: z.enum(['queued', 'processed', 'failed']),
    receivedAt: instant,
    processedAt: instant.nullable(),
    events: z.number().int().describe('Events stored, changed or removed'),
    errorCode: z.string().nullable(),
    errorMessage: z.string().nullable(),
    report: z.unknown().describe('Unmapped identities, skipped records, late deadline moves'),
  })
  .meta({ id: 'Delivery' });
export type Delivery = z.infer<typeof Delivery>;
export const DeliveryList = z.array(Delivery).meta({ id: 'DeliveryList' });

export const SourceFreshness = z
  .object({
    connection: z.string(),
    provider: WebhookProviderName,
    name: z.string(),
    lastDeliveryAt: instant.nullable(),
    quietSince: instant.nullable().describe('Set when nothing arrived for 3 days: since when'),
  })
  .meta({ id: 'SourceFreshness' });
export type SourceFreshness = z.infer<typeof SourceFreshness>;
export const SourceFreshnessList = z.array(SourceFreshness).meta({ id: 'SourceFreshnessList' });
